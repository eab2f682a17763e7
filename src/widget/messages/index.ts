/**
 * Picks the language pack for a locale. English is bundled; German is a separate chunk fetched by dynamic
 * import only when asked for, so English pages never pay for it.
 */
import { en, type MessageCode, type Messages } from "./en.ts";

export type { MessageCode, Messages };
export { en };

/** The messages for a BCP 47 locale; falls back to English for anything not translated (or not loadable). */
export async function loadMessages(locale: string | undefined): Promise<Messages> {
  if (locale?.toLowerCase().startsWith("de")) {
    try {
      return (await import("./de.ts")).de;
    } catch {
      return en;
    }
  }
  return en;
}

/** The words for an error code; unknown codes (a newer server) get the generic message. */
export function errorMessage(messages: Messages, code: string): string {
  return (messages.errors as Record<string, string>)[code] ?? messages.errors.INTERNAL;
}
