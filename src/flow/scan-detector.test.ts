import { describe, expect, it } from "vitest";
import { isPrintable, type KeyPress, SCAN_MAX_GAP_MS, ScanDetector } from "./scan-detector.ts";

/** Presses `keys` (a string of characters, then named keys) `gap` ms apart from `start`. */
function burst(text: string, gap: number, start = 1000, tail: string[] = ["Enter"]): KeyPress[] {
  return [...[...text], ...tail].map((key, i) => ({ key, time: start + i * gap }));
}

/** What the detector answered to each press, and to the last one. */
function run(presses: KeyPress[], detector = new ScanDetector()): (string | null)[] {
  return presses.map((p) => detector.feed(p));
}
const last = (presses: KeyPress[], detector?: ScanDetector) => run(presses, detector).at(-1);

describe("ScanDetector", () => {
  it.each<[string, KeyPress[], string | null]>([
    ["a scanner: 16 characters 4 ms apart and Enter", burst("DEMOPIN100EUR001", 4), "DEMOPIN100EUR001"],
    ["a slow scanner: 30 ms apart", burst("TEVDEMO25GBP0001", 30), "TEVDEMO25GBP0001"],
    ["right at the limit", burst("ABCDEF", SCAN_MAX_GAP_MS), "ABCDEF"],
    ["just over the limit", burst("ABCDEF", SCAN_MAX_GAP_MS + 1), null],
    ["a fast typist: 90 ms apart", burst("DEMOPIN100EUR001", 90), null],
    ["a person: 180 ms apart", burst("ABCD1234", 180), null],
    ["too short for a code (5 characters)", burst("ABCDE", 3), null],
    ["exactly the shortest code (6)", burst("ABCDE1", 3), "ABCDE1"],
    ["dashes and lower case are scanned as sent", burst("abcd-1234", 5), "abcd-1234"],
    ["a burst without Enter is not a scan", burst("ABCD1234", 4, 1000, []), null],
    ["Tab instead of Enter is not a scan", burst("ABCD1234", 4, 1000, ["Tab"]), null],
  ])("%s", (_name, presses, expected) => {
    expect(last(presses)).toBe(expected);
  });

  it("answers only at the Enter, never on a character", () => {
    const answers = run(burst("ABCD1234", 4));
    expect(answers.slice(0, -1).every((a) => a === null)).toBe(true);
    expect(answers.at(-1)).toBe("ABCD1234");
  });

  it("an Enter that comes late ends no scan (a person pressed it after the burst)", () => {
    const presses = burst("ABCD1234", 4, 1000, []);
    presses.push({ key: "Enter", time: 1000 + 8 * 4 + 200 });
    expect(last(presses)).toBeNull();
  });

  it("Shift for upper case neither counts nor breaks the burst", () => {
    const keys = [...[..."AB12CD34"].flatMap((key) => (/[A-Z]/.test(key) ? ["Shift", key] : [key])), "Enter"];
    const presses = keys.map((key, i) => ({ key, time: i * 2 }));
    expect(last(presses)).toBe("AB12CD34");
  });

  it("a person typing before the scan: only the burst is the code", () => {
    const typed = burst("xy", 200, 0, []);
    const scan = burst("ABCD1234", 3, 1000);
    expect(last([...typed, ...scan])).toBe("ABCD1234");
  });

  it("a slow key inside the burst starts the run again", () => {
    const presses = [...burst("ABC", 3, 0, []), ...burst("DEF", 3, 500, [])];
    presses.push({ key: "Enter", time: 510 });
    expect(last(presses)).toBeNull();
    const longer = [...burst("ABC", 3, 0, []), ...burst("DEFGHI", 3, 500)];
    expect(last(longer)).toBe("DEFGHI");
  });

  it.each<[string, KeyPress]>([
    ["Backspace", { key: "Backspace", time: 1020 }],
    ["an arrow key", { key: "ArrowLeft", time: 1020 }],
    ["a held key repeating", { key: "D", time: 1020, repeat: true }],
    ["a shortcut (Ctrl+V)", { key: "v", time: 1020, modified: true }],
    ["Ctrl itself", { key: "Control", time: 1020, modified: true }],
  ])("%s in the middle breaks the burst", (_name, press) => {
    const presses = [...burst("ABCDE", 4, 1000, []), press, ...burst("FGH", 4, 1024)];
    expect(last(presses)).toBeNull();
  });

  it("a key held down (auto-repeat 33 ms) and Enter is not a scan", () => {
    const presses: KeyPress[] = [{ key: "a", time: 0 }];
    for (let i = 1; i <= 10; i++) presses.push({ key: "a", time: 500 + i * 33, repeat: true });
    presses.push({ key: "Enter", time: 500 + 11 * 33 });
    expect(last(presses)).toBeNull();
  });

  it("one scan after another, each answered once", () => {
    const detector = new ScanDetector();
    expect(last(burst("FIRST0001", 4, 0), detector)).toBe("FIRST0001");
    // A second Enter right after the first is not another scan of the same text.
    expect(detector.feed({ key: "Enter", time: 44 })).toBeNull();
    expect(last(burst("SECOND002", 4, 5000), detector)).toBe("SECOND002");
  });

  it("reset forgets a burst under way", () => {
    const detector = new ScanDetector();
    run(burst("ABCDEFGH", 4, 0, []), detector);
    detector.reset();
    expect(detector.feed({ key: "Enter", time: 34 })).toBeNull();
  });

  it("takes its limits as options", () => {
    const strict = new ScanDetector({ minLength: 10, maxGapMs: 10 });
    expect(last(burst("ABCDEFGH", 4), strict)).toBeNull();
    expect(last(burst("ABCDEFGHIJ", 12), strict)).toBeNull();
    expect(last(burst("ABCDEFGHIJ", 8), strict)).toBe("ABCDEFGHIJ");
  });

  it.each([
    ["A", true],
    ["7", true],
    ["-", true],
    ["€", true],
    ["😀", true],
    ["Enter", false],
    ["F1", false],
    ["Dead", false],
    ["", false],
  ])("isPrintable(%j) is %s", (key, printable) => expect(isPrintable(key)).toBe(printable));
});
