/**
 * Adds a lazy part's styles to the element's shadow root once its chunk has loaded (the element's static
 * `styles` are the main bundle's). Imported only by the lazy parts.
 */
import { adoptStyles, type CSSResult } from "lit";

/** Appends `styles` to what `root` has; without constructable sheets Lit's `adoptStyles` appends a `<style>`. */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [styles]);
}
