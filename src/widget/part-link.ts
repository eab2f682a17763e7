/** What the element's lazily loaded parts (split tender, issue mode, camera) may do through it. Types only. */
import type { ApiClient } from "../api/client.ts";
import type { FlowError } from "../flow/machine.ts";
import type { PendingEvent } from "./events.ts";

export interface PartLink {
  client: () => ApiClient | null;
  emit: (event: PendingEvent) => void;
  /** Fires `voucher-error` for a failure, in the widget's words. */
  emitError: (error: FlowError) => void;
  /** The polite live region's text. */
  announce: (text: string) => void;
  /** Where focus goes once the next update is rendered (a shadow-root selector), or null to leave it. */
  focus: (selector: string | null) => void;
  /** A lazy part's chunk could not be fetched, even after its retries (retry-import.ts). */
  loadFailed: () => void;
}
