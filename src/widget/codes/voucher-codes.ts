/**
 * `<voucher-codes>`: the back office's access-code admin (DESIGN §4, Mews): a paged list of codes, a form
 * to add one, and delete with a confirmation. This module only declares the class (`define.ts` registers
 * the tag). Data comes through @tanstack/query-core: an infinite query over the BFF's cursor, mutations
 * that invalidate it.
 */
import { html, LitElement, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { isAbortError, isApiError } from "../../api/api-error.ts";
import type { TokenProvider } from "../../api/client.ts";
import { createCodesClient } from "../../api/codes-client.ts";
import type { AccessCode } from "../../shared/voucher-codes.schema.ts";
import { type FormField, readCodeForm } from "./code-form.ts";
import { createCodesQueries } from "./codes-queries.ts";
import { type CodesMessages, codesErrorText, codesMessages } from "./messages.ts";
import { ObserverController, QueryClientController } from "./query-controllers.ts";
import { styles } from "./styles.ts";
import { dialogView, ERROR_ID, formView, pagerView, tableView } from "./views.ts";

/**
 * Lists, adds and deletes the access codes of the account the session token belongs to. Talks only to the
 * BFF at `api`; the session needs the `codes` ability.
 *
 * @attr api - BFF base URL (empty: same origin as the page).
 * @attr token - session token from the BFF.
 * @attr locale - BCP 47 locale for words and dates; `de…` is German, anything else English.
 * @attr page-size - codes per page (1–200, default 10).
 * @prop tokenProvider - `(reason) => string | Promise<string>`, asked for a token when none is set and after a 401.
 * @fires voucher-code-added - `{id, voucherId, value}`
 * @fires voucher-code-deleted - `{id, value}`
 * @csspart base · title · form · field · label · input · voucher-select · code-input · date-input · button
 *   · primary-button · delete-button · confirm-button · previous-button · next-button · table · row
 *   · code-value · state · state-<state> · empty · pager · page · dialog · status · error
 */
export class VoucherCodes extends LitElement {
  static override styles = styles;

  @property() api = "";
  @property() token = "";
  @property() locale = "";
  @property({ attribute: "page-size", type: Number }) pageSize = 10;
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  @state() private pageIndex = 0;
  @state() private voucherId = "";
  @state() private value = "";
  @state() private validFrom = "";
  @state() private validUntil = "";
  @state() private invalid: FormField | null = null;
  /** The code of the last failed action or form check, shown in the alert region. */
  @state() private errorCode: string | null = null;
  @state() private announcement = "";
  @state() private confirming: AccessCode | null = null;

  #abort = new AbortController();
  #scope = 0;
  #focusTarget: string | null = null;
  readonly #q = createCodesQueries(() => this.#abort.signal);
  readonly #vouchers = new ObserverController(this, this.#q.vouchers, () => this.#q.reattach());
  readonly #codes = new ObserverController(this, this.#q.codes);
  readonly #add = new ObserverController(this, this.#q.add);
  readonly #remove = new ObserverController(this, this.#q.remove);
  // Last, so that on removal the observers are gone before the client is cleared.
  readonly #client = new QueryClientController(this, this.#q.client);

  get #m(): CodesMessages {
    return codesMessages(this.locale);
  }

  override connectedCallback(): void {
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Mutations take no signal from query-core: this one cancels an add or delete still on the wire.
    this.#abort.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const newClient = changed.has("api") || changed.has("token") || changed.has("tokenProvider");
    if (!newClient && !changed.has("pageSize")) return;
    if (newClient) this.#scope++;
    const api =
      this.token || this.tokenProvider
        ? createCodesClient({ baseUrl: this.api, token: this.token || undefined, tokenProvider: this.tokenProvider })
        : null;
    const pageSize = Number.isInteger(this.pageSize) ? Math.min(200, Math.max(1, this.pageSize)) : 10;
    this.#q.configure({ api, scope: this.#scope, pageSize });
    this.pageIndex = 0;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector("dialog");
    if (dialog && this.confirming && !dialog.open) dialog.showModal();
    if (dialog && !this.confirming && dialog.open) dialog.close();
    const target = this.#focusTarget;
    this.#focusTarget = null;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  protected override render() {
    const m = this.#m;
    return html`<section part="base" aria-labelledby="title" @submit=${this.#onSubmit} @click=${this.#onClick}
      @input=${this.#onInput} @change=${this.#onInput}>
      <h2 id="title" part="title" tabindex="-1">${m.title}</h2>
      ${this.#formPart(m)} ${this.#listPart(m)}
      <div part="status" role="status">${this.#statusText(m)}</div>
      <div part="error" id=${ERROR_ID} role="alert">${this.errorCode ? codesErrorText(m, this.errorCode) : ""}</div>
      ${dialogView(m, this.confirming, this.#onDialogClose)}
    </section>`;
  }

  #formPart(m: CodesMessages) {
    const vouchers = this.#vouchers.result.data?.vouchers;
    if (!vouchers) return null;
    if (vouchers.length === 0) return html`<p part="empty">${m.noVouchers}</p>`;
    return formView({
      m,
      vouchers,
      voucherId: this.#selectedVoucher(),
      value: this.value,
      validFrom: this.validFrom,
      validUntil: this.validUntil,
      invalid: this.invalid,
      busy: this.#add.result.isPending,
    });
  }

  #listPart(m: CodesMessages) {
    const result = this.#codes.result;
    const pages = result.data?.pages ?? [];
    if (pages.length === 0) {
      if (!result.isError) return null;
      return html`<div class="actions">
        <button type="button" part="button" data-action="retry">${m.retry}</button>
      </div>`;
    }
    const index = Math.min(this.pageIndex, pages.length - 1);
    const names = new Map((this.#vouchers.result.data?.vouchers ?? []).map((v) => [v.id, v.name]));
    const format = new Intl.DateTimeFormat(this.locale || undefined, { dateStyle: "medium" });
    return html`<div class="actions">
        <button type="button" part="button" data-action="refresh">${m.refresh}</button>
      </div>
      ${tableView({
        m,
        codes: pages[index]?.items ?? [],
        voucherName: (id) => names.get(id) ?? id,
        date: (iso) => (iso ? format.format(new Date(iso)) : m.notSet),
        busy: this.#remove.result.isPending,
      })}
      ${pagerView({ m, page: index + 1, hasPrevious: index > 0, hasNext: index < pages.length - 1 || result.hasNextPage })}`;
  }

  #statusText(m: CodesMessages): string {
    if (this.#add.result.isPending) return m.adding;
    if (this.#remove.result.isPending) return m.deleting;
    const codes = this.#codes.result;
    if (codes.isFetching && (!codes.data || codes.isFetchingNextPage)) return m.loading;
    return this.announcement;
  }

  #selectedVoucher(): string {
    const vouchers = this.#vouchers.result.data?.vouchers ?? [];
    return vouchers.find((v) => v.id === this.voucherId)?.id ?? vouchers[0]?.id ?? "";
  }

  /** Shows a failure (not a cancelled call) in the alert region. */
  #fail(error: unknown): void {
    if (isAbortError(error) || this.#abort.signal.aborted) return;
    this.errorCode = isApiError(error) ? error.code : "INTERNAL";
  }

  #emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const fields: Record<string, (v: string) => void> = {
      voucher: (v) => (this.voucherId = v),
      value: (v) => (this.value = v),
      validFrom: (v) => (this.validFrom = v),
      validUntil: (v) => (this.validUntil = v),
    };
    const set = fields[target.name];
    if (!set) return;
    set(target.value);
    if (this.invalid === target.name) {
      this.invalid = null;
      this.errorCode = null;
    }
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#add.result.isPending) return;
    const parsed = readCodeForm({
      voucherId: this.#selectedVoucher(),
      value: this.value,
      validFrom: this.validFrom,
      validUntil: this.validUntil,
    });
    this.announcement = "";
    if (!parsed.ok) {
      this.invalid = parsed.field;
      this.errorCode = parsed.error;
      this.#focusTarget = `#${parsed.field}`;
      return;
    }
    this.invalid = null;
    this.errorCode = null;
    try {
      const { items } = await this.#q.add.mutate(parsed.item);
      const added = items[0];
      this.value = this.validFrom = this.validUntil = "";
      // New codes are the newest: show the first page, where they are.
      this.pageIndex = 0;
      this.#focusTarget = "#value";
      if (added) {
        this.announcement = this.#m.added(added.value);
        this.#emit("voucher-code-added", { id: added.id, voucherId: added.voucherId, value: added.value });
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  #onClick(event: MouseEvent): void {
    const target = (event.target as Element).closest<HTMLElement>("[data-action]");
    if (!target || target.getAttribute("aria-disabled") === "true") return;
    const action = target.dataset.action;
    if (action === "delete") {
      const id = target.dataset.id;
      this.confirming = this.#visibleCodes().find((c) => c.id === id) ?? null;
      this.errorCode = null;
      this.invalid = null;
    } else if (action === "cancel-delete") {
      this.#closeDialog();
    } else if (action === "confirm-delete") {
      void this.#delete();
    } else if (action === "next") {
      void this.#next();
    } else if (action === "previous") {
      this.#goTo(this.pageIndex - 1);
    } else if (action === "refresh" || action === "retry") {
      this.errorCode = null;
      void this.#q.refresh();
    }
  }

  /** The dialog closed by itself (Escape): forget the pending delete, as Cancel would. */
  #onDialogClose = (): void => {
    if (this.confirming) this.#closeDialog();
  };

  #visibleCodes(): AccessCode[] {
    const pages = this.#codes.result.data?.pages ?? [];
    return pages[Math.min(this.pageIndex, pages.length - 1)]?.items ?? [];
  }

  #closeDialog(): void {
    const code = this.confirming;
    this.confirming = null;
    this.#focusTarget = code ? `[data-action="delete"][data-id="${code.id}"]` : "#title";
  }

  async #delete(): Promise<void> {
    const code = this.confirming;
    if (!code) return;
    this.confirming = null;
    // The row's button goes away once the code shows as deleted: keep focus in the element.
    this.#focusTarget = "#title";
    this.announcement = "";
    try {
      await this.#q.remove.mutate(code);
      this.announcement = this.#m.deleted(code.value);
      this.#emit("voucher-code-deleted", { id: code.id, value: code.value });
    } catch (error) {
      this.#fail(error);
    }
  }

  #goTo(index: number): void {
    const pages = this.#codes.result.data?.pages ?? [];
    if (index < 0 || index >= pages.length) return;
    this.pageIndex = index;
    this.announcement = this.#m.page(index + 1);
  }

  async #next(): Promise<void> {
    const result = this.#codes.result;
    const pages = result.data?.pages ?? [];
    if (this.pageIndex + 1 < pages.length) return this.#goTo(this.pageIndex + 1);
    if (!result.hasNextPage || result.isFetchingNextPage) return;
    try {
      await this.#q.codes.fetchNextPage({ throwOnError: true });
      this.#goTo(this.pageIndex + 1);
    } catch (error) {
      this.#fail(error);
    }
  }
}
