/**
 * Split tender's place in the element (the `split` attribute): loads `split-tender.ts`, a chunk of its own,
 * once the element is split, and hands every hold the entry flow makes over to it. What the loaded module
 * keeps running (a countdown per voucher, its requests) are controllers of the element (tender-controller.ts),
 * so they stop when the element leaves the page; this controller itself holds no timer or listener. A chunk
 * that fails to load is tried again (retry-import.ts); one that still fails is the link's `loadFailed`, and
 * the next hold tries once more.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Hold } from "../shared/contract.schema.ts";
import { fromMinor } from "../shared/money.ts";
import { importBeside, importChunk } from "./retry-import.ts";
import type { SplitTender, TenderLink } from "./split-tender.ts";

export interface SplitLink extends TenderLink {
  /** Takes the entry flow's new hold away from it (the entry clears for the next voucher); null if none. */
  takeHold: () => Hold | null;
}

type Host = ReactiveControllerHost & { split: boolean; renderRoot: HTMLElement | DocumentFragment };

const loadTender = () => import("./split-tender.ts");

export class SplitTenderController implements ReactiveController {
  /** Split tender's module, once loaded (null until then, and while the element is not split). */
  tender: SplitTender | null = null;
  readonly #host: Host;
  readonly #link: SplitLink;
  #loading: Promise<SplitTender | null> | null = null;
  /** The last load failed: renders do not start another (a hold does). */
  #failed = false;

  constructor(host: Host, link: SplitLink) {
    this.#host = host;
    this.#link = link;
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.#host.split && !this.#failed) void this.#load();
  }

  /** The entry flow holds a voucher: split tender puts it on the sale's list. */
  held(): void {
    if (this.tender) this.#handOff(this.tender);
    else void this.#load().then((tender) => tender && this.#handOff(tender));
  }

  /** The due amount in minor units, less what the vouchers on the list cover (null: the page gave none). */
  dueMinor(): number | null {
    return this.tender ? this.tender.remainingDue() : this.#link.dueMinor();
  }

  /**
   * The due amount the entry's amount field defaults to, in wire format: the page's `amount`, or what the
   * vouchers on the list leave of it once split tender runs.
   */
  dueText(amount: string, currency: string): string {
    return this.tender && currency ? fromMinor(this.tender.remainingDue() ?? 0, currency) : amount;
  }

  #handOff(tender: SplitTender): void {
    const hold = this.#link.takeHold();
    if (hold) tender.add(hold);
  }

  #load(): Promise<SplitTender | null> {
    this.#loading ??= importChunk(loadTender, { importUrl: importBeside }).then(
      ({ SplitTender, adoptTenderStyles }) => {
        this.#failed = false;
        adoptTenderStyles(this.#host.renderRoot as ShadowRoot);
        this.tender = new SplitTender(this.#host, this.#link);
        this.#host.requestUpdate();
        return this.tender;
      },
      () => {
        [this.#loading, this.#failed] = [null, true];
        this.#link.loadFailed();
        return null;
      },
    );
    return this.#loading;
  }
}
