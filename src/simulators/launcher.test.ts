import { describe, expect, it } from "vitest";
import { simulatorRegistry, startSimulators } from "./launcher.ts";

describe("startSimulators", () => {
  it("starts every registered simulator on a free port and closes them", async () => {
    const running = await startSimulators();
    try {
      expect(Object.keys(running.urls)).toEqual(simulatorRegistry.map((s) => s.id));
      const form = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: "demo-pos",
        client_secret: "demo-pos-secret",
      });
      const answer = await fetch(`${running.urls.jtl}/oauth/token`, { method: "POST", body: form });
      expect(answer.status).toBe(200);
    } finally {
      await running.close();
    }
    await expect(fetch(`${running.urls.jtl}/__sim/stats`)).rejects.toThrow();
  });

  it("describes the demo credentials and every demo voucher", () => {
    const lines = simulatorRegistry.find((s) => s.id === "jtl")!.describe();
    expect(lines.some((l) => l.includes("demo-pos") && l.includes("demo-pos-secret"))).toBe(true);
    expect(lines.some((l) => l.includes("DEMOPIN100EUR001") && l.includes("PIN 1234"))).toBe(true);
  });

  it("fails to start when a requested port is taken", async () => {
    const first = await startSimulators();
    const port = Number(new URL(first.urls.jtl!).port);
    try {
      await expect(startSimulators({ ports: { jtl: port } })).rejects.toThrow();
    } finally {
      await first.close();
    }
  });
});
