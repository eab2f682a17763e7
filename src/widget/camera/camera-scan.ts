/**
 * The camera scanner, a chunk of its own: imported only when the cashier presses the camera button, which
 * is only offered where the browser has `BarcodeDetector` (Shape Detection API; Chrome on Android, macOS
 * and ChromeOS). No decoding library: the browser reads the barcode, this module only feeds it frames.
 * Every frame callback is cancelled and every track stopped on `stop()`, which the scanner controller calls
 * on close, on a code found and when the element is removed.
 */
// lit/html.js rather than lit: importing lit's index from this chunk made Rolldown move all of lit into a
// shared chunk that every page would have to fetch before the widget renders.
import type { ReactiveControllerHost } from "lit";
import { html, type TemplateResult } from "lit/html.js";
import type { Messages } from "../messages/index.ts";
import { adoptCameraStyles } from "./camera-styles.ts";

/** The part of the Shape Detection API this module uses (not yet in TypeScript's DOM types). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new () => BarcodeDetectorLike;

/** Frames between two reads: reading every frame at 30 fps would only warm the terminal up. */
const READ_EVERY_MS = 100;

/** The element the view lives in (the scanner controller's host). */
export type CameraHost = ReactiveControllerHost & { renderRoot: ParentNode };

export class CameraScan {
  readonly #host: CameraHost;
  /** A barcode was read; the camera is still running until the controller stops it. */
  readonly #found: (code: string) => void;
  #stream: MediaStream | null = null;
  #video: HTMLVideoElement | null = null;
  #frame: number | null = null;
  #lastRead = Number.NEGATIVE_INFINITY;
  #stopped = false;
  #failed = false;

  constructor(host: CameraHost, found: (code: string) => void) {
    if (host.renderRoot instanceof ShadowRoot) adoptCameraStyles(host.renderRoot);
    this.#host = host;
    this.#found = found;
  }

  /** Shows the view, puts focus on its close button (Escape and Enter close it too), starts the camera. */
  async open(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (this.#stopped) return;
    this.#query<HTMLElement>("[data-action=camera-close]")?.focus();
    await this.start(this.#query("video"));
  }

  /** Asks for the back camera and reads frames until a barcode is found or `stop()` is called. */
  async start(video: HTMLVideoElement | null): Promise<void> {
    if (!video || this.#stopped) return;
    try {
      const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
      const detector = new Detector();
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" } },
        audio: false,
      });
      // Closed while the browser asked for permission: this stream must not outlive the view.
      if (this.#stopped) return stopTracks(stream);
      this.#stream = stream;
      this.#video = video;
      video.srcObject = stream;
      await video.play();
      this.#next(detector);
    } catch {
      // Refused, no camera, or closed mid-start: say so (unless closed), the code can still be typed.
      if (this.#stopped) return;
      this.#halt();
      this.#failed = true;
      this.#host.requestUpdate();
    }
  }

  /** Stops everything (frame callbacks, tracks, the video's source) and hides the view; `refocus`: to the code. */
  stop(refocus = false): void {
    this.#halt();
    this.#host.requestUpdate();
    if (refocus) void this.#host.updateComplete.then(() => this.#query<HTMLElement>("#code")?.focus());
  }

  #halt(): void {
    this.#stopped = true;
    const video = this.#video;
    if (this.#frame !== null) {
      if (video && "cancelVideoFrameCallback" in video) video.cancelVideoFrameCallback(this.#frame);
      else cancelAnimationFrame(this.#frame);
      this.#frame = null;
    }
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = null;
    if (video) video.srcObject = null;
    this.#video = null;
  }

  render(m: Messages): TemplateResult {
    return html`<div class="camera" part="camera" role="dialog" aria-label=${m.camera.title}>
      <video part="camera-video" muted playsinline aria-hidden="true"></video>
      <p class="hint" part="camera-hint" aria-live="polite">${this.#failed ? m.camera.unavailable : m.camera.hint}</p>
      <div class="actions">
        <button type="button" part="button camera-close" data-action="camera-close">${m.camera.close}</button>
      </div>
    </div>`;
  }

  /** Waits for the next video frame (or animation frame where frames cannot be awaited), then reads it. */
  #next(detector: BarcodeDetectorLike): void {
    const video = this.#video;
    if (!video || this.#stopped) return;
    const read = (now: number) => {
      this.#frame = null;
      if (now - this.#lastRead < READ_EVERY_MS) return this.#next(detector);
      this.#lastRead = now;
      void this.#read(detector, video);
    };
    this.#frame =
      "requestVideoFrameCallback" in video ? video.requestVideoFrameCallback(read) : requestAnimationFrame(read);
  }

  async #read(detector: BarcodeDetectorLike, video: HTMLVideoElement): Promise<void> {
    let code = "";
    try {
      code = (await detector.detect(video)).find((b) => b.rawValue.trim())?.rawValue.trim() ?? "";
    } catch {
      // A frame the detector could not take (not decoded yet): try the next one.
    }
    if (this.#stopped) return;
    if (code) this.#found(code);
    else this.#next(detector);
  }

  #query<E extends Element>(selector: string): E | null {
    return this.#host.renderRoot.querySelector<E>(selector);
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
