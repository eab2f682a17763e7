/**
 * What the widget says when not even the English pack can be fetched: built into the main bundle (and so
 * English only, and as short as it can be).
 */
export const UNAVAILABLE = {
  /** The widget's accessible name, as `en.title`. */
  title: "Gift voucher",
  text: "Voucher entry is unavailable. Reload the page to try again.",
  retry: "Retry",
} as const;
