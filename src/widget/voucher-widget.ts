/**
 * `<voucher-widget>`: the gift-voucher web component (DESIGN §5). This module only declares the class
 * (registering the tag is `define.ts`'s job), so importing it has no side effects.
 */
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { type ApiClient, createApiClient, type TokenProvider } from "../api/client.ts";
import { ServerClock } from "../api/server-clock.ts";
import { CapabilitiesController } from "../flow/capabilities-controller.ts";
import { CountdownController, levelAt } from "../flow/countdown-controller.ts";
import { dueMinorOf, orderRefFor } from "../flow/entry-input.ts";
import { FlowController } from "../flow/flow-controller.ts";
import { type FlowError, Phase } from "../flow/machine.ts";
import { rulesFor } from "../flow/offer.ts";
import { groupCode } from "../shared/voucher-code.ts";
import { EntryController } from "./entry-controller.ts";
import type { PendingEvent } from "./events.ts";
import { focusTargetFor, reactToFlow } from "./flow-reactions.ts";
import { FocusController } from "./focus-controller.ts";
import { FormFieldController, FormFieldElement } from "./form-field.ts";
import { formatsFor } from "./formats.ts";
import type { IssueMode } from "./issue-mode.ts";
import { errorText, statusText } from "./live-text.ts";
import { errorMessage, type Messages } from "./messages/index.ts";
import { UNAVAILABLE } from "./messages/unavailable.ts";
import { LOAD_FAILED, MessagesController, unavailableView } from "./messages-controller.ts";
import type { PartLink } from "./part-link.ts";
import { importBeside, importChunk } from "./retry-import.ts";
import { ScannerController } from "./scanner-controller.ts";
import { SplitTenderController } from "./split-tender-controller.ts";
import { styles } from "./styles.ts";
import { retryRow } from "./views/field.ts";
import { redeemView } from "./views/redeem-view.ts";

/**
 * Countdown marks (seconds left): at each the widget announces once and fires `voucher-expiring`, and from
 * it on the countdown shows that state (`data-level`, `::part(countdown-<level>)`).
 */
const WARN_AT = { soon: 300, warning: 60, urgent: 30 } as const;

const loadIssueMode = () => import("./issue-mode.ts");

/**
 * A gift voucher: enter code (and PIN), hold an amount with a live countdown, redeem or release it; or, in
 * issue mode, sell a new voucher. Talks only to the BFF at `api` with the session `token`.
 *
 * @attr api - BFF base URL, e.g. `https://bff.example` (empty: same origin as the page).
 * @attr token - session token from the BFF (`POST /api/v1/sessions` or the demo's `/demo/session`).
 * @attr amount - the sale's due amount in wire format (`42.50`): default and upper bound of the hold.
 * @attr currency - ISO 4217 code; defaults to the account's currency.
 * @attr locale - BCP 47 locale for messages, money and dates (words in en, de, fr, nl, es, it); empty: the browser's.
 * @attr mode - `redeem` (default) or `issue` (sell a voucher).
 * @attr order-ref - order reference sent with the redeem; one derived from the hold id when absent.
 * @attr split - split tender: several vouchers on one sale, each holding part of the amount due; `redeem()`
 *   (or "Redeem vouchers") redeems them all. Fires `voucher-tender` with the list after every change.
 * @prop tokenProvider - `(reason: "missing" | "rejected") => string | Promise<string>`, asked for a token when
 *   none is set and once after a 401.
 * @fires voucher-checked - `{maskedCode, kind, status, balance?, validUntil?}` (`kind: "access"` for access codes)
 * @fires voucher-held - `{holdId, amount, expiresAt, maskedCode, balance?, extended}`
 * @fires voucher-expiring - `{holdId, expiresAt, secondsLeft}` at 5 minutes, 1 minute and 30 seconds left
 * @fires voucher-expired - `{holdId}`
 * @fires voucher-released - `{holdId}`
 * @fires voucher-redeemed - `{holdId, redemptionId, amount, remainingBalance?, orderRef, createdAt}`
 * @fires voucher-issued - `{code, amount, validUntil}` (the new voucher's code; never its PIN)
 * @fires voucher-error - `{code, operation, retryable, status?, message}`; also when not even the English words
 *   can be fetched (`code: "NETWORK_ERROR"`, `operation: "load"`), while the widget shows a short notice with Retry
 * Theming: the `--voucher-*` custom properties and `::part()` names are listed in `theming.json` (copied
 *   into custom-elements.json by the build, and the README's theming table).
 */
export class VoucherWidget extends FormFieldElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  @property() api = "";
  @property() token = "";
  @property() amount = "";
  @property() currency = "";
  @property() locale = "";
  @property() mode: "redeem" | "issue" = "redeem";
  @property({ attribute: "order-ref" }) orderRef = "";
  /** In a `<form>`: the form is not submitted until a voucher is held (form-field.ts). */
  @property({ type: Boolean, reflect: true }) required = false;
  /** The form field name the hold id is submitted under. */
  @property({ reflect: true }) name = "";
  @property({ type: Boolean, reflect: true }) split = false;
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  @state() private announcement = "";

  /** The words in the widget's language: a pack of their own, loaded as the element starts. */
  readonly #words = new MessagesController(this, {
    // Not even English could be fetched: the built-in notice shows, and the page hears why.
    onFail: (detail) => this.#emit(["voucher-error", detail]),
    // Retry worked: the next keystroke belongs in the form.
    onRecover: () => {
      this.#focus.target = "input";
    },
  });
  /** What the lazily loaded parts (split tender, issue mode) may do through the element. */
  readonly #link: PartLink = {
    client: () => this.#client,
    emit: (event) => this.#emit(event),
    emitError: (error) => this.#emitError(error),
    announce: (text) => {
      this.announcement = text;
    },
    focus: (selector) => {
      this.#focus.target = selector;
    },
    // A lazy part's chunk could not be fetched: the flow shows it and fires `voucher-error` (retryable).
    loadFailed: () => {
      this.#flow.dispatch({ type: "fail", error: LOAD_FAILED });
    },
  };
  readonly #formField = new FormFieldController(this, {
    internals: this.internals,
    // setValidity refuses an empty message; the words follow within moments of the element starting.
    message: () => this.#words.messages?.valueMissing ?? "…",
    applies: () => this.mode !== "issue",
  });
  readonly #clock = new ServerClock();
  readonly #format = formatsFor(() => this.locale || undefined);
  #client: ApiClient | null = null;
  readonly #focus = new FocusController(this);
  readonly #caps = new CapabilitiesController(this, {
    // The account's rules decide the steps; the flow starts over when they change (another account).
    onLoad: (data) => this.#flow.configure(rulesFor(data)),
  });
  readonly #flow = new FlowController(this, {
    client: () => this.#client,
    onChange: (next, previous, action) => {
      this.announcement = "";
      const r = reactToFlow(next, previous, action);
      for (const event of r.events) this.#emit(event);
      if (next.error && next.error !== previous.error) this.#emitError(next.error);
      if (r.startCountdown) this.#countdown.start(r.startCountdown);
      if (r.stopCountdown) this.#countdown.stop();
      if (r.clearPin) this.#entry.set({ pin: "" });
      this.internals.setFormValue(r.formValue);
      this.#focus.target = focusTargetFor(next);
      if (action.type === "expire" && !this.matches(":focus-within")) this.#focus.target = null;
      // Split tender keeps every hold on its list; the entry starts afresh for the next voucher.
      if (this.split && action.type === "held") this.#split.held();
    },
  });
  /** Split tender (the `split` attribute): its list of vouchers, a lazy chunk (split-tender-controller.ts). */
  readonly #split = new SplitTenderController(this, {
    ...this.#link,
    now: () => this.#clock.now(),
    thresholds: Object.values(WARN_AT),
    messages: () => this.#words.messages,
    currency: () => this.#currency(),
    dueMinor: () => dueMinorOf(this.amount, this.#currency()),
    takeHold: () => {
      const hold = this.#flow.handOff();
      if (hold) this.#entry.clearVoucher();
      return hold;
    },
  });
  /** What was typed into the form, and the amount it shows (entry-controller.ts). */
  readonly #entry = new EntryController(this, {
    flow: () => this.#flow.state,
    currency: () => this.#currency(),
    due: () => this.#split.dueText(this.amount, this.#currency()),
    edited: (field) => (this.mode === "issue" ? this.#issue?.edit() : this.#flow.dispatch({ type: "edit", field })),
  });
  /** Issue mode's module, loaded when `mode="issue"` (null until then, and in redeem mode). */
  #issue: IssueMode | null = null;
  /** Barcode scanner, camera and Enter at the till (scanner-controller.ts). */
  readonly #scanner = new ScannerController(this, {
    phase: () => (this.mode === "issue" ? null : this.#flow.state.phase),
    fill: (code, next, freshAmount) => {
      // The last voucher is done with: start the next one (only the entry: a split tender's list stays).
      if (next) this.#flow.reset(false);
      this.#entry.set({ code: groupCode(code), pin: "", ...(freshAmount ? { amount: null } : {}) });
      this.#flow.dispatch({ type: "edit", field: "code" });
    },
    entered: (code) => this.#entry.set({ code: groupCode(code) }),
    loadFailed: this.#link.loadFailed,
  });
  readonly #countdown = new CountdownController(this, {
    now: () => this.#clock.now(),
    thresholds: Object.values(WARN_AT),
    onWarn: (secondsLeft) => {
      const hold = this.#flow.state.hold;
      if (!hold) return;
      this.announcement = this.#words.messages?.expiring(secondsLeft) ?? "";
      this.#emit(["voucher-expiring", { holdId: hold.id, expiresAt: hold.expiresAt, secondsLeft }]);
    },
    onExpire: () => this.#flow.dispatch({ type: "expire" }),
  });

  /** The form value: the id of the current hold (split tender: the sale's hold ids, comma-separated); "" while none. */
  get value(): string {
    const tender = this.#split.tender;
    if (tender?.value) return tender.value;
    const { phase, hold } = this.#flow.state;
    return hold && (phase === Phase.Held || phase === Phase.Redeeming || phase === Phase.Redeemed) ? hold.id : "";
  }

  /** Redeems the current hold (split tender: every voucher on the sale), with `order-ref` (or one per hold). */
  async redeem(): Promise<void> {
    const tender = this.#split.tender;
    if (tender?.state.items.length) return tender.redeemAll(this.#orderRefFor);
    const { phase, hold } = this.#flow.state;
    if (phase === Phase.Held && hold) await this.#flow.redeem(orderRefFor(hold.id, this.orderRef));
  }

  /** Releases the current hold (split tender: every held voucher), where the account supports it. */
  async release(): Promise<void> {
    if (!this.#caps.result.data?.capabilities.release) return;
    await this.#split.tender?.releaseAll();
    if (this.#flow.state.phase === Phase.Held) await this.#flow.release();
  }

  /** Starts over: releases a live hold (where supported), clears every field. */
  reset(): void {
    const canRelease = this.#caps.result.data?.capabilities.release ?? false;
    this.#split.tender?.clear(canRelease);
    this.#flow.reset(canRelease);
    this.#issue?.reset();
    this.#countdown.stop();
    this.#entry.clear();
    this.announcement = "";
    this.#formField.sync();
    this.#focus.target = "input";
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("api") || changed.has("tokenProvider")) {
      if (changed.has("api")) this.#clock.reset();
      this.#client = this.token || this.tokenProvider ? this.#newClient() : null;
      this.#caps.setClient(this.#client);
    } else if (changed.has("token")) {
      // Same server: keep the client, so open idempotency intents (a redeem to retry) survive a new token.
      this.#client ??= this.#newClient();
      this.#client.setToken(this.token || undefined);
      // A token may belong to another account: ask for its capabilities again.
      this.#caps.setClient(this.#client);
    }
    if (changed.has("mode") && this.mode === "issue" && !this.#issue) void this.#loadIssueMode();
    if (changed.has("locale")) this.#words.load(this.locale);
  }

  #newClient(): ApiClient {
    const token = this.token || undefined;
    return createApiClient({ baseUrl: this.api, token, tokenProvider: this.tokenProvider, clock: this.#clock });
  }

  async #loadIssueMode(): Promise<void> {
    const loaded = await importChunk(loadIssueMode, { importUrl: importBeside }).catch(this.#link.loadFailed);
    if (!loaded) return;
    this.#issue ??= new loaded.IssueMode(this, { ...this.#link, host: this });
    this.requestUpdate();
  }

  protected override render() {
    const m = this.#words.messages;
    // Nothing to say before the words have come (they load alongside the capabilities), unless they cannot.
    if (!m) {
      return this.#words.failed
        ? html`<div part="base" lang="en" role="group" aria-label=${UNAVAILABLE.title} @click=${this.#onClick}>
            ${unavailableView(this.#words.loading)}
          </div>`
        : nothing;
    }
    const caps = this.#caps.result;
    const live = {
      m,
      caps,
      flow: this.#flow.state,
      ...(this.mode === "issue" ? { issue: this.#issue } : {}),
      announcement: this.announcement,
      ...this.#format,
    };
    const tender = this.#split.tender;
    return html`<div
      part="base"
      lang=${m.lang}
      role="group"
      aria-label=${this.mode === "issue" ? m.issueTitle : m.title}
      @click=${this.#onClick}
      @submit=${this.#onSubmit}
      @keydown=${this.#onKeydown}
    >
      ${this.#scanner.cameraView(m)}${this.#body(m)}
      <div class="live" part="status" role="status">${statusText(live) || (tender?.statusText(m, this.#format.money) ?? "")}</div>
      <div class="live" part="error" id="error" role="alert">${errorText(live) || (tender?.errorText(m) ?? "")}</div>
    </div>`;
  }

  #body(m: Messages) {
    const data = this.#caps.result.data;
    if (!data) return this.#caps.result.isError ? retryRow(m.retry) : nothing;
    const currency = this.#currency();
    if (this.mode === "issue") {
      const input = { m, data, amount: this.#entry.amount, validUntil: this.#entry.values.validUntil, currency };
      return this.#issue?.render({ ...input, ...this.#format }) ?? nothing;
    }
    const split = this.#split.tender;
    const level = (ms: number) => levelAt(WARN_AT, ms);
    const tender = split?.render({ m, money: this.#format.money, level, canRelease: data.capabilities.release });
    if (split && !split.accepting()) return tender;
    const entry = redeemView({
      m,
      flow: this.#flow.state,
      data,
      values: this.#entry.fields,
      currency,
      dueMinor: this.#split.dueMinor(),
      ...this.#format,
      remainingMs: this.#countdown.remainingMs ?? 0,
      retryIn: this.#flow.retryWait.seconds,
      countdownLevel: levelAt(WARN_AT, this.#countdown.remainingMs),
      camera: this.#scanner.cameraAvailable,
    });
    return tender ? html`${tender}${entry}` : entry;
  }

  #orderRefFor = (holdId: string): string => orderRefFor(holdId, this.orderRef);

  #currency(): string {
    return this.currency || this.#caps.result.data?.currency || "";
  }

  #emit([name, detail]: PendingEvent): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  #emitError(error: FlowError): void {
    const { code, operation, retryable, status } = error;
    const data = this.#caps.result.data;
    const context = data ? { kind: data.voucherKind, pin: data.capabilities.pin } : undefined;
    const m = this.#words.messages;
    const message = m ? errorMessage(m, code, context) : code;
    this.#emit(["voucher-error", { code, operation, retryable, ...(status ? { status } : {}), message }]);
  }

  #onKeydown(event: KeyboardEvent): void {
    // Enter is the scanner controller's: it moves code → PIN → amount → the form's step.
    if (event.key === "Escape") {
      event.preventDefault();
      this.#back();
    }
  }

  #back(): void {
    if (this.mode === "issue") {
      if (this.#issue?.back()) this.reset();
      return;
    }
    const { phase } = this.#flow.state;
    if (phase === Phase.Redeemed || phase === Phase.Checked) this.reset();
    // Entering: Escape clears what was typed (a failed or checked entry steps back to entering first).
    else if (phase === Phase.Entering) {
      this.#entry.clearVoucher();
      this.#focus.target = "#code";
    } else if (phase !== Phase.Held || this.#caps.result.data?.capabilities.release)
      this.#flow.dispatch({ type: "back" });
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = this.#caps.result.data;
    if (!data) return;
    const currency = this.#currency();
    if (this.mode === "issue") {
      this.#issue?.submit(this.#entry.amount, this.#entry.values.validUntil, currency);
      return;
    }
    this.#flow.submit(this.#entry.fields, { currency, pin: data.capabilities.pin, dueMinor: this.#split.dueMinor() });
  }

  #onClick(event: MouseEvent): void {
    const target = (event.target as Element).closest("[data-action]");
    if (!target || target.getAttribute("aria-disabled") === "true") return;
    const actions: Record<string, () => unknown> = {
      redeem: () => this.redeem(),
      extend: () => this.#flow.extend(),
      release: () => this.release(),
      keep: () => this.#flow.dispatch({ type: "keepHold" }),
      next: () => this.reset(),
      retry: () => (this.#words.messages ? this.#caps.load() : this.#words.retry()),
      copy: () => this.#words.messages && this.#issue?.copy(this.renderRoot, this.#words.messages),
      print: () => this.#issue?.print(),
      camera: () => this.#scanner.openCamera(),
      "camera-close": () => this.#scanner.closeCamera(),
    };
    const action = target.getAttribute("data-action") ?? "";
    if (this.#split.tender?.act(action, this.#orderRefFor, this.#caps.result.data?.capabilities.release ?? false))
      return;
    // Submit buttons (check, hold, sell) carry an action name too, but the form's submit event runs them.
    actions[action]?.();
  }
}
