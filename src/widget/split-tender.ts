/**
 * Split tender (the `split` attribute), loaded by dynamic import only when a page asks for it: several
 * vouchers on one sale. The element's entry flow holds one voucher at a time and hands each hold over to
 * this module, which lists them, counts each one down, redeems them all when the sale completes, and
 * lets the cashier retry or remove the one that failed.
 */
import type { nothing, ReactiveControllerHost, TemplateResult } from "lit";
import {
  coveredMinor,
  ItemState,
  mayRetry,
  redeemedMinor,
  remainingDueMinor,
  type TenderAction,
  type TenderItem,
  type TenderState,
  tenderBusy,
  tenderComplete,
  tenderSettling,
} from "../flow/tender.ts";
import { TenderController } from "../flow/tender-controller.ts";
import type { Hold, Money } from "../shared/contract.schema.ts";
import { money } from "../shared/money.ts";
import { addStyles } from "./adopt-styles.ts";
import { redeemedDetail, type VoucherTenderDetail } from "./events.ts";
import { failureText } from "./live-text.ts";
import type { Messages } from "./messages/index.ts";
import type { PartLink } from "./part-link.ts";
import { tenderStyles } from "./tender-styles.ts";
import type { CountdownLevel } from "./views/held-view.ts";
import { tenderView } from "./views/tender-view.ts";

/** Adds the list's styles to the element's shadow root (they come with this chunk, not the main bundle). */
export function adoptTenderStyles(root: ShadowRoot): void {
  addStyles(root, tenderStyles);
}

/** What split tender needs from the element (kept off the element's public surface). */
export interface TenderLink extends PartLink {
  now: () => number;
  thresholds: readonly number[];
  /** The widget's words (null until its language pack has loaded). */
  messages: () => Messages | null;
  currency: () => string;
  /** The sale's due amount in minor units (the `amount` attribute), null when the page gave none. */
  dueMinor: () => number | null;
}

export interface TenderRenderInput {
  m: Messages;
  money: (value: Money) => string;
  level: (ms: number) => CountdownLevel | null;
  canRelease: boolean;
}

export class SplitTender {
  readonly #link: TenderLink;
  readonly #tender: TenderController;

  constructor(host: ReactiveControllerHost, link: TenderLink) {
    this.#link = link;
    this.#tender = new TenderController(host, {
      client: link.client,
      now: link.now,
      thresholds: link.thresholds,
      onChange: (next, previous, action) => this.#onChange(next, previous, action),
      onWarn: (item, secondsLeft) => {
        const { id, expiresAt, voucher } = item.hold;
        link.announce(link.messages()?.tender.expiring(voucher.maskedCode, secondsLeft) ?? "");
        link.emit(["voucher-expiring", { holdId: id, expiresAt, secondsLeft }]);
      },
    });
  }

  get state(): TenderState {
    return this.#tender.state;
  }

  /** Takes over a hold the entry flow just made. */
  add(hold: Hold): void {
    this.#tender.add(hold);
  }

  /** What the vouchers leave due, in minor units: the bound (and default) of the next voucher's hold. */
  remainingDue(): number | null {
    return remainingDueMinor(this.state, this.#link.dueMinor());
  }

  /** The entry form is offered while something is left to pay and the sale has not started redeeming. */
  accepting(): boolean {
    return !tenderSettling(this.state) && this.remainingDue() !== 0;
  }

  /** The form value: the sale's hold ids, comma-separated (redeemed ones included); "" while none. */
  get value(): string {
    return this.state.items.map((item) => item.hold.id).join(",");
  }

  redeemAll(orderRefFor: (holdId: string) => string): Promise<void> {
    return this.#tender.redeemAll(orderRefFor);
  }

  /** Releases every voucher still held (redeemed ones keep their outcome on the list). */
  releaseAll(): Promise<void> {
    return this.#tender.releaseAll();
  }

  /** Releases every held voucher (where the account can) and empties the list. */
  clear(canRelease: boolean): void {
    this.#tender.clear(canRelease);
  }

  /** A list button was pressed (`retry:<id>`, `remove:<id>`); false when the action is not the list's. */
  act(action: string, orderRefFor: (holdId: string) => string, canRelease: boolean): boolean {
    const [verb, id] = action.split(":");
    if (!id) return false;
    if (verb === "retry") void this.#tender.redeem(id, orderRefFor(id));
    else if (verb === "remove" && canRelease) void this.#tender.release(id);
    else return false;
    return true;
  }

  render(i: TenderRenderInput): TemplateResult | typeof nothing {
    const { m } = i;
    const currency = this.#link.currency();
    const due = this.#link.dueMinor();
    const stillDue = this.remainingDue();
    return tenderView({
      m,
      tender: this.state,
      money: i.money,
      remainingMs: (id) => this.#tender.remainingMs(id),
      retryIn: (id) => this.#tender.retryIn(id),
      level: i.level,
      covered: money(coveredMinor(this.state), currency),
      due: due === null ? null : money(due, currency),
      stillDue: stillDue === null ? null : money(stillDue, currency),
      canRelease: i.canRelease,
      errorWords: (item) => this.#errorWords(m, item),
    });
  }

  /** The status line while the list is the news: the summary, or the sale's completion. */
  statusText(m: Messages, format: (value: Money) => string): string {
    const state = this.state;
    if (!state.items.length || tenderBusy(state)) return "";
    const asMoney = (minor: number) => format(money(minor, this.#link.currency()));
    if (tenderComplete(state)) return m.tender.complete(state.items.length, asMoney(redeemedMinor(state)));
    const stillDue = this.remainingDue();
    return m.tender.summary(asMoney(coveredMinor(state)), stillDue === null ? null : asMoney(stillDue));
  }

  /** The alert line: a voucher that left the sale by itself, or the first one that failed. */
  errorText(m: Messages): string {
    const notice = this.state.notice;
    if (notice) return (notice.code === "HOLD_EXPIRED" ? m.tender.expired : m.tender.gone)(notice.maskedCode);
    const failed = this.state.items.find((item) => item.state === ItemState.Failed && item.error);
    return failed ? m.tender.failed(failed.hold.voucher.maskedCode, this.#errorWords(m, failed)) : "";
  }

  #errorWords(m: Messages, item: TenderItem): string {
    return item.error ? failureText(m, item.error) : "";
  }

  #onChange(next: TenderState, previous: TenderState, action: TenderAction): void {
    const link = this.#link;
    link.announce("");
    const before = (id: string) => previous.items.find((item) => item.hold.id === id);
    if (action.type === "redeemed") link.emit(["voucher-redeemed", redeemedDetail(action.redemption)]);
    if (action.type === "released" && before(action.id)) link.emit(["voucher-released", { holdId: action.id }]);
    if (action.type === "expire" && next !== previous) link.emit(["voucher-expired", { holdId: action.id }]);
    if (action.type === "fail") link.emitError(action.error);
    link.emit(["voucher-tender", this.#detail(next)]);
    link.focus(this.#focusAfter(next, action));
  }

  /** Where the next keystroke belongs after a change of the list. */
  #focusAfter(next: TenderState, action: TenderAction): string | null {
    if (tenderComplete(next)) return "[data-action=next]";
    if (tenderBusy(next)) return null;
    // Whichever answer came last, a voucher that failed and may be retried is what the cashier sees to next.
    const failed = next.items.find(mayRetry);
    if (failed && action.type !== "add") return `[data-action="retry:${failed.hold.id}"]`;
    return this.accepting() ? "#code" : "[data-action=redeem]";
  }

  #detail(state: TenderState): VoucherTenderDetail {
    const currency = this.#link.currency();
    const stillDue = this.remainingDue();
    return {
      items: state.items.map((item) => ({
        holdId: item.hold.id,
        maskedCode: item.hold.voucher.maskedCode,
        amount: item.hold.amount,
        state: item.state,
        ...(item.redemption ? { redemptionId: item.redemption.id } : {}),
        ...(item.error ? { error: item.error.code } : {}),
      })),
      covered: money(coveredMinor(state), currency),
      remainingDue: stillDue === null ? null : money(stillDue, currency),
      complete: tenderComplete(state),
    };
  }
}
