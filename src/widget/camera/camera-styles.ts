/**
 * The camera view's styles: part of the camera chunk, added to the shadow root when the view opens (the
 * main bundle does not carry them). A plain sheet rather than Lit's tag: importing any of Lit's style
 * modules from this chunk makes Rolldown move Lit out of the main bundle (see camera-scan.ts). Constructed
 * sheets are what Lit itself adopts, so a strict CSP allows them, and every browser with BarcodeDetector
 * (the only ones that open the camera) has them.
 */

const cameraCss = `
  .camera {
    display: grid;
    gap: 0.5rem;
    margin-bottom: var(--voucher-gap, 0.75rem);
  }
  .camera video {
    width: 100%;
    max-height: 14rem;
    background: #000;
    border-radius: var(--voucher-input-radius, 0.375rem);
  }
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the camera view's sheet to `root` (once). */
export function adoptCameraStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cameraCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
