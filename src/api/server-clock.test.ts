import { describe, expect, it } from "vitest";
import { ServerClock } from "./server-clock.ts";

const at = (iso: string) => Date.parse(iso);

describe("ServerClock", () => {
  it("is the local clock until the first sample", () => {
    const clock = new ServerClock(() => 5_000);
    expect(clock.synced).toBe(false);
    expect(clock.now()).toBe(5_000);
  });

  it("corrects a terminal clock that is ten minutes fast", () => {
    let local = at("2030-01-01T12:10:00.000Z");
    const clock = new ServerClock(() => local);
    clock.observe({ sentAt: local - 40, receivedAt: local + 40, serverTime: "2030-01-01T12:00:00.000Z" });
    expect(clock.offsetMs).toBe(-600_000);
    local += 60_000;
    expect(new Date(clock.now()).toISOString()).toBe("2030-01-01T12:01:00.000Z");
  });

  it("prefers a body's serverTime over the Date header (whole seconds)", () => {
    const clock = new ServerClock(() => 0);
    clock.observe({ sentAt: 0, receivedAt: 100, serverTime: new Date(1_050).toISOString() });
    clock.observe({ sentAt: 0, receivedAt: 100, dateHeader: new Date(1_000).toUTCString() });
    expect(clock.offsetMs).toBe(1_000);
  });

  it("keeps the tighter sample, but follows a clock that was changed", () => {
    const clock = new ServerClock(() => 0);
    clock.observe({ sentAt: 0, receivedAt: 20, serverTime: new Date(10 + 5_000).toISOString() });
    // A slow answer that roughly agrees: less precise, ignored.
    clock.observe({ sentAt: 0, receivedAt: 2_000, serverTime: new Date(1_000 + 5_400).toISOString() });
    expect(clock.offsetMs).toBe(5_000);
    // The terminal's clock was corrected by an hour: the new sample contradicts the old one and wins.
    clock.observe({ sentAt: 0, receivedAt: 20, serverTime: new Date(10 + 3_605_000).toISOString() });
    expect(clock.offsetMs).toBe(3_605_000);
  });

  it("ignores unreadable timestamps and can be reset", () => {
    const clock = new ServerClock(() => 0);
    clock.observe({ sentAt: 0, receivedAt: 0, serverTime: "yesterday", dateHeader: "soon" });
    expect(clock.synced).toBe(false);
    clock.observe({ sentAt: 0, receivedAt: 0, dateHeader: new Date(10_000).toUTCString() });
    expect(clock.offsetMs).toBe(10_500);
    clock.reset();
    expect(clock.offsetMs).toBe(0);
  });
});
