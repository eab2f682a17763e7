/**
 * Issue mode (selling a voucher), loaded by dynamic import only when `mode="issue"`: a back-office use
 * most checkout pages never need, so it stays out of the main bundle. The element forwards its form
 * events here; this module owns the issue flow, its view and its live-region words.
 */
import { html, type ReactiveControllerHost } from "lit";
import { IssueController } from "../flow/issue-controller.ts";
import { readIssue } from "../flow/issue-input.ts";
import { IssuePhase } from "../flow/issue-machine.ts";
import type { CapabilitiesResponse, IssuedVoucher, Money } from "../shared/contract.schema.ts";
import { groupCode } from "../shared/voucher-code.ts";
import { addStyles } from "./adopt-styles.ts";
import type { VoucherIssuedDetail } from "./events.ts";
import { issueStyles } from "./issue-styles.ts";
import { errorMessage, type Messages } from "./messages/index.ts";
import type { PartLink } from "./part-link.ts";
import { PrintController } from "./print-controller.ts";
import { issueView } from "./views/issue-view.ts";

/** The `voucher-issued` detail for an issued voucher: everything but the PIN. */
export function issuedDetail(voucher: IssuedVoucher): VoucherIssuedDetail {
  return { code: voucher.code, amount: voucher.amount, validUntil: voucher.validUntil };
}

/** What issue mode needs from the element (kept off the element's public surface). */
export interface IssueLink extends PartLink {
  /** The element itself (printing marks it, so the page's print rules can leave only it visible). */
  host: ReactiveControllerHost & HTMLElement;
}

export interface IssueRenderInput {
  m: Messages;
  data: CapabilitiesResponse;
  amount: string;
  validUntil: string;
  currency: string;
  money: (value: Money) => string;
  date: (iso: string) => string;
}

export class IssueMode {
  readonly #link: IssueLink;
  readonly #flow: IssueController;
  readonly #printer: PrintController;

  constructor(host: ReactiveControllerHost, link: IssueLink) {
    this.#link = link;
    this.#printer = new PrintController(link.host);
    // This mode's styles come with its chunk.
    if (link.host.shadowRoot) addStyles(link.host.shadowRoot, issueStyles);
    this.#flow = new IssueController(host, {
      client: link.client,
      onChange: (next) => {
        link.announce("");
        if (next.phase === IssuePhase.Issued && next.voucher) {
          link.emit(["voucher-issued", issuedDetail(next.voucher)]);
          link.focus("[data-action=copy]");
        }
        if (next.error) {
          link.emitError(next.error);
          link.focus(`#${next.error.field ?? "amount"}`);
        }
      },
    });
  }

  /** Whether this account and session may sell vouchers at all. */
  static allowed(data: CapabilitiesResponse): boolean {
    return data.capabilities.issue && data.abilities.includes("issue");
  }

  render(i: IssueRenderInput) {
    // Said plainly in the body: not an error anyone made, just what this account is.
    if (!i.data.capabilities.issue) return html`<p part="notice">${i.m.cannotIssue}</p>`;
    if (!IssueMode.allowed(i.data)) return null;
    return issueView({ ...i, state: this.#flow.state, caps: i.data.capabilities });
  }

  statusText(m: Messages, money: (value: Money) => string): string {
    const { phase, voucher } = this.#flow.state;
    if (phase === IssuePhase.Issuing) return m.issuing;
    return phase === IssuePhase.Issued && voucher ? m.issued(money(voucher.amount)) : "";
  }

  errorText(m: Messages, data: CapabilitiesResponse): string {
    if (!data.capabilities.issue) return "";
    if (!data.abilities.includes("issue")) return m.errors.FORBIDDEN;
    const error = this.#flow.state.error;
    return error ? errorMessage(m, error.code) : "";
  }

  submit(amount: string, validUntil: string, currency: string): void {
    if (this.#flow.state.phase === IssuePhase.Issuing) return;
    const parsed = readIssue(amount, validUntil, currency);
    if (parsed.ok) void this.#flow.issue(parsed.value);
    else this.#flow.dispatch({ type: "fail", error: parsed.error });
  }

  edit(): void {
    this.#flow.dispatch({ type: "edit" });
  }

  /** Escape: a shown voucher is done with; returns true when the element should reset its fields. */
  back(): boolean {
    return this.#flow.state.phase === IssuePhase.Issued;
  }

  reset(): void {
    this.#flow.dispatch({ type: "reset" });
  }

  /** Prints the new voucher's card alone (`window.print()` with the page hidden). */
  print(): void {
    if (this.#flow.state.phase === IssuePhase.Issued) this.#printer.print();
  }

  /** Copies the new code; without a clipboard (plain http), selects it so Ctrl+C does it. */
  async copy(root: ParentNode, m: Messages): Promise<void> {
    const code = this.#flow.state.voucher?.code;
    if (!code) return;
    try {
      await navigator.clipboard.writeText(groupCode(code));
      this.#link.announce(m.copied);
    } catch {
      const output = root.querySelector("[part~=issued-code]");
      if (output) getSelection()?.selectAllChildren(output);
    }
  }
}
