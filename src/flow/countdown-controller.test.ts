import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from "vitest";
import { CountdownController, crossedThresholds, formatRemaining, levelAt } from "./countdown-controller.ts";
import { TestHost } from "./test-host.ts";

describe("formatRemaining", () => {
  it.each([
    [30 * 60_000, "30:00"],
    [299_001, "05:00"],
    [59_000, "00:59"],
    [1, "00:01"],
    [0, "00:00"],
    [-5_000, "00:00"],
  ])("%i ms → %s", (ms, text) => expect(formatRemaining(ms)).toBe(text));
});

describe("crossedThresholds", () => {
  it("reports marks passed and not yet fired", () => {
    expect(crossedThresholds([300, 60], new Set(), 301_000)).toEqual([]);
    expect(crossedThresholds([300, 60], new Set(), 300_000)).toEqual([300]);
    expect(crossedThresholds([300, 60], new Set([300]), 30_000)).toEqual([60]);
    expect(crossedThresholds([300, 60], new Set(), 0)).toEqual([]);
  });
});

describe("levelAt", () => {
  const marks = { soon: 300, warning: 60, urgent: 30 } as const;
  it.each([
    [null, null],
    [30 * 60_000, null],
    [300_001, null],
    [300_000, "soon"],
    [60_001, "soon"],
    [60_000, "warning"],
    [30_001, "warning"],
    [30_000, "urgent"],
    [1, "urgent"],
    [0, "urgent"],
  ])("%s ms left → %s", (ms, level) => expect(levelAt(marks, ms)).toBe(level));

  it("does not depend on the order the marks are listed in", () => {
    expect(levelAt({ urgent: 30, soon: 300, warning: 60 }, 45_000)).toBe("warning");
  });
});

describe("CountdownController", () => {
  const start = Date.parse("2030-01-01T12:00:00.000Z");
  let offset = 0;
  let host: TestHost;
  let warn: Mock<(secondsLeft: number) => void>;
  let expire: Mock<() => void>;
  let countdown: CountdownController;

  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    offset = 0;
    host = new TestHost();
    warn = vi.fn();
    expire = vi.fn();
    countdown = new CountdownController(host, {
      now: () => Date.now() + offset,
      // Unsorted on purpose: the controller orders the marks itself.
      thresholds: [60, 300, 30],
      onWarn: warn,
      onExpire: expire,
    });
    host.connect();
  });
  afterEach(() => vi.useRealTimers());

  it("counts from the server's expiry, warns once per mark (5 min, 1 min, 30 s), expires once", () => {
    countdown.start("2030-01-01T12:30:00.000Z");
    expect(countdown.remainingMs).toBe(30 * 60_000);
    // Ticks land just after each whole second, so the 5-minute mark is seen at 25:00 plus a few ms.
    vi.advanceTimersByTime(25 * 60_000 + 100);
    expect(warn).toHaveBeenCalledExactlyOnceWith(300);
    vi.advanceTimersByTime(4 * 60_000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenLastCalledWith(60);
    vi.advanceTimersByTime(30_000);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenLastCalledWith(30);
    vi.advanceTimersByTime(2 * 60_000);
    expect(warn.mock.calls).toEqual([[300], [60], [30]]);
    expect(expire).toHaveBeenCalledTimes(1);
    expect(countdown.remainingMs).toBe(0);
  });

  it("a tick every second in between announces nothing new", () => {
    countdown.start("2030-01-01T12:06:00.000Z");
    vi.advanceTimersByTime(60_000 + 100);
    expect(warn).toHaveBeenCalledExactlyOnceWith(300);
    const updates = host.updates;
    vi.advanceTimersByTime(60_000);
    // It re-rendered every second (the figure changed) but said nothing more.
    expect(host.updates - updates).toBeGreaterThanOrEqual(59);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("uses the server clock, not the terminal's: a terminal ten minutes fast still sees 30:00", () => {
    vi.setSystemTime(start + 10 * 60_000);
    offset = -10 * 60_000;
    countdown.start("2030-01-01T12:30:00.000Z");
    expect(formatRemaining(countdown.remainingMs ?? 0)).toBe("30:00");
  });

  it("a sleeping tab that wakes late announces only the nearest mark, and expiry is computed, not counted", () => {
    countdown.start("2030-01-01T12:30:00.000Z");
    // The clock jumps 29.5 minutes with no timer running in between (a throttled background tab).
    vi.setSystemTime(start + 29.5 * 60_000);
    vi.advanceTimersByTime(1_100);
    expect(warn).toHaveBeenCalledExactlyOnceWith(29);
    expect(countdown.remainingMs).toBe(28_900);
  });

  it("counts to epoch milliseconds as to ISO text (a retry's wait), and NaN stops it", () => {
    countdown.start(Date.now() + 5000);
    expect(countdown.remainingMs).toBe(5000);
    vi.advanceTimersByTime(5100);
    expect(expire).toHaveBeenCalledTimes(1);
    countdown.start(Date.now() + 3000);
    countdown.start(Number.NaN);
    expect(countdown.remainingMs).toBeNull();
    vi.advanceTimersByTime(5000);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("a short hold warns at once for the mark it starts under, not for the ones above", () => {
    countdown.start("2030-01-01T12:00:45.000Z");
    expect(warn).toHaveBeenCalledExactlyOnceWith(45);
    // The 30-second mark is still ahead, so it comes in its time.
    vi.advanceTimersByTime(15_100);
    expect(warn.mock.calls).toEqual([[45], [30]]);
    vi.advanceTimersByTime(30_000);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("a hold that starts under the last mark says so once", () => {
    countdown.start("2030-01-01T12:00:20.000Z");
    vi.advanceTimersByTime(21_000);
    expect(warn.mock.calls).toEqual([[20]]);
  });

  it("start again (extend) re-arms the warnings", () => {
    countdown.start("2030-01-01T12:05:00.000Z");
    vi.advanceTimersByTime(1_000);
    expect(warn).toHaveBeenCalledTimes(1);
    countdown.start("2030-01-01T12:35:00.000Z");
    vi.advanceTimersByTime(34 * 60_000 + 100);
    // 5 minutes (first hold), then 5 minutes and 1 minute again for the extended one.
    expect(warn.mock.calls).toEqual([[300], [300], [60]]);
    vi.advanceTimersByTime(30_000);
    expect(warn).toHaveBeenLastCalledWith(30);
  });

  it("no timer survives disconnecting; reconnecting picks up from the clock", () => {
    countdown.start("2030-01-01T12:30:00.000Z");
    host.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(start + 31 * 60_000);
    expect(expire).not.toHaveBeenCalled();
    host.connect();
    expect(expire).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stop ends it", () => {
    countdown.start("2030-01-01T12:30:00.000Z");
    countdown.stop();
    expect(countdown.remainingMs).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
