/**
 * Tells a barcode scanner from a person by timing alone. A scanner in keyboard mode ("keyboard wedge")
 * types the whole code as a burst of key presses a few milliseconds apart and ends it with Enter; a person
 * needs 80 ms or more between keys, and nobody types six characters and Enter in under a quarter second.
 * Pure: feed it key presses with their times, it answers with the scanned text when a burst completes.
 */

/** One key press as the detector needs it (from a `keydown`). */
export interface KeyPress {
  /** `KeyboardEvent.key`: one character for printable keys, a name (`Enter`, `Shift`, …) otherwise. */
  key: string;
  /** Milliseconds on any monotonic clock (the element passes `performance.now()`). */
  time: number;
  /** Auto-repeat of a held key: a held key repeats about every 33 ms, as fast as a scanner, so it never counts. */
  repeat?: boolean;
  /** Ctrl, Alt or Meta was down: a shortcut (Ctrl+V pastes), not typing. */
  modified?: boolean;
}

export interface ScanDetectorOptions {
  /** Fewest characters a scan has (shorter bursts are left to the keyboard). */
  minLength?: number;
  /** Longest gap between two keys of one burst, Enter included. */
  maxGapMs?: number;
}

/** Six characters: shorter than any voucher code here, longer than a typist's fastest roll of keys. */
export const SCAN_MIN_LENGTH = 6;
/** 40 ms: scanners send a key every 1–20 ms (some are set to 30 ms for slow hosts); people stay above ~60 ms. */
export const SCAN_MAX_GAP_MS = 40;

/** Keys a scanner presses around the characters (Shift for upper case) that neither count nor break a burst. */
const MODIFIERS = new Set(["Shift", "CapsLock", "Control", "Alt", "AltGraph", "Meta", "NumLock"]);

/** Whether a `KeyboardEvent.key` types one character (one code point: "A", "7", "-"; not "Enter", "F1"). */
export function isPrintable(key: string): boolean {
  return [...key].length === 1;
}

export class ScanDetector {
  readonly #minLength: number;
  readonly #maxGap: number;
  #run = "";
  #last = Number.NEGATIVE_INFINITY;

  constructor(options: ScanDetectorOptions = {}) {
    this.#minLength = options.minLength ?? SCAN_MIN_LENGTH;
    this.#maxGap = options.maxGapMs ?? SCAN_MAX_GAP_MS;
  }

  /**
   * Takes the next key press; returns the burst's text when this press is the Enter that ends a scan,
   * null otherwise (go on as with any key).
   */
  feed(press: KeyPress): string | null {
    const { key, time } = press;
    if (MODIFIERS.has(key) && !press.modified) return null;
    const quick = time - this.#last <= this.#maxGap;
    if (press.repeat || press.modified) {
      this.reset();
      return null;
    }
    if (isPrintable(key)) {
      // A slow key starts a new run: a person may type a little before a scan, or after one.
      this.#run = quick ? this.#run + key : key;
      this.#last = time;
      return null;
    }
    const scanned = key === "Enter" && quick && this.#run.length >= this.#minLength ? this.#run : null;
    this.reset();
    return scanned;
  }

  /** Forgets the run so far (focus moved, the field was cleared, the element went away). */
  reset(): void {
    this.#run = "";
    this.#last = Number.NEGATIVE_INFINITY;
  }
}
