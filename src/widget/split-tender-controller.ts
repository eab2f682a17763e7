/**
 * Split tender's place in the element (the `split` attribute): loads `split-tender.ts`, a chunk of its own,
 * once the element is split, and hands every hold the entry flow makes over to it. What the loaded module
 * keeps running (a countdown per voucher, its requests) are controllers of the element (tender-controller.ts),
 * so they stop when the element leaves the page; this controller itself holds no timer or listener.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Hold } from "../shared/contract.schema.ts";
import type { SplitTender, TenderLink } from "./split-tender.ts";

export interface SplitLink extends TenderLink {
  /** Takes the entry flow's new hold away from it (the entry clears for the next voucher); null if none. */
  takeHold: () => Hold | null;
}

type Host = ReactiveControllerHost & { split: boolean };

export class SplitTenderController implements ReactiveController {
  /** Split tender's module, once loaded (null until then, and while the element is not split). */
  tender: SplitTender | null = null;
  readonly #host: Host;
  readonly #link: SplitLink;
  #loading: Promise<SplitTender> | null = null;

  constructor(host: Host, link: SplitLink) {
    this.#host = host;
    this.#link = link;
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.#host.split) void this.#load();
  }

  /** The entry flow holds a voucher: split tender puts it on the sale's list. */
  held(): void {
    if (this.tender) this.#handOff(this.tender);
    else void this.#load().then((tender) => this.#handOff(tender));
  }

  /** The due amount in minor units, less what the vouchers on the list cover (null: the page gave none). */
  dueMinor(): number | null {
    return this.tender ? this.tender.remainingDue() : this.#link.dueMinor();
  }

  #handOff(tender: SplitTender): void {
    const hold = this.#link.takeHold();
    if (hold) tender.add(hold);
  }

  #load(): Promise<SplitTender> {
    this.#loading ??= import("./split-tender.ts").then(({ SplitTender }) => {
      this.tender = new SplitTender(this.#host, this.#link);
      this.#host.requestUpdate();
      return this.tender;
    });
    return this.#loading;
  }
}
