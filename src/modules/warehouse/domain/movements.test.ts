import { describe, expect, it } from "vitest";
import {
  type Balance,
  type EventFacts,
  intentOf,
  planCount,
  planDestroy,
  planIssue,
  planPick,
  planReceipt,
  planState,
  planTransfer,
} from "./movements";

const zones = new Set(["kering-a", "kering-b", "dingin-1"]);
const isZone = (ext: string) => zones.has(ext);
const facts = (f: Partial<EventFacts>): EventFacts => ({
  bizStep: null,
  disposition: null,
  action: "OBSERVE",
  at: null,
  sources: [],
  adjustment: false,
  ...f,
});

const day = (d: number) => new Date(Date.UTC(2025, 3, d));
const bal = (location: string, grams: number, extra: Partial<Balance> = {}): Balance => ({
  location,
  state: "available",
  grams,
  expiryDate: null,
  firstReceivedAt: day(1),
  ...extra,
});

describe("which movement an event means", () => {
  it("receives accepted goods into the dock (or a zone the event names), rejected goods not at all", () => {
    for (const disposition of ["sellable_not_accessible", "sellable_accessible", "in_progress"]) {
      expect(intentOf(facts({ bizStep: "receiving", disposition, at: "dock" }), isZone)).toEqual({
        kind: "receipt",
        into: "dock",
      });
    }
    expect(intentOf(facts({ bizStep: "receiving", disposition: "in_progress", at: "0" }), isZone)).toEqual({
      kind: "receipt",
      into: "dock",
    });
    expect(
      intentOf(facts({ bizStep: "receiving", disposition: "in_progress", at: "dingin-1" }), isZone),
    ).toEqual({
      kind: "receipt",
      into: "dingin-1",
    });
    for (const disposition of ["non_conformant", "damaged", "in_transit", null]) {
      expect(intentOf(facts({ bizStep: "receiving", disposition, at: "dock" }), isZone).kind).toBe("none");
    }
    // Not at the site: not ours.
    expect(intentOf(facts({ bizStep: "receiving", disposition: "in_progress", at: null }), isZone).kind).toBe(
      "none",
    );
  });

  it("stores from the dock by default, or from the source location (a zone move)", () => {
    expect(intentOf(facts({ bizStep: "storing", at: "kering-a" }), isZone)).toEqual({
      kind: "transfer",
      from: "dock",
      to: "kering-a",
    });
    expect(intentOf(facts({ bizStep: "storing", at: "kering-b", sources: ["kering-a"] }), isZone)).toEqual({
      kind: "transfer",
      from: "kering-a",
      to: "kering-b",
    });
    expect(intentOf(facts({ bizStep: "storing", at: "kering-a", sources: ["kering-a"] }), isZone).kind).toBe(
      "none",
    );
  });

  it("picks from the source zone, the zone named, or the zones FEFO, into staging", () => {
    expect(intentOf(facts({ bizStep: "picking", at: "staging", sources: ["kering-a"] }), isZone)).toEqual({
      kind: "pick",
      from: "kering-a",
    });
    expect(intentOf(facts({ bizStep: "picking", at: "kering-b" }), isZone)).toEqual({
      kind: "pick",
      from: "kering-b",
    });
    expect(intentOf(facts({ bizStep: "picking", at: "staging" }), isZone)).toEqual({
      kind: "pick",
      from: null,
    });
  });

  it("issues on shipping or departing at the site or from a source location in it", () => {
    expect(intentOf(facts({ bizStep: "shipping", at: "0" }), isZone).kind).toBe("issue");
    expect(intentOf(facts({ bizStep: "departing", sources: ["dock"] }), isZone).kind).toBe("issue");
    expect(intentOf(facts({ bizStep: "departing" }), isZone).kind).toBe("none");
  });

  it("holds, releases, counts and destroys where the event says", () => {
    expect(
      intentOf(facts({ bizStep: "holding", disposition: "sellable_not_accessible", at: "kering-a" }), isZone),
    ).toEqual({
      kind: "state",
      to: "held",
      at: "kering-a",
    });
    expect(intentOf(facts({ bizStep: "holding", disposition: "recalled", at: "0" }), isZone)).toEqual({
      kind: "state",
      to: "held",
      at: null,
    });
    expect(
      intentOf(facts({ bizStep: "holding", disposition: "sellable_accessible", at: "0" }), isZone),
    ).toEqual({
      kind: "state",
      to: "available",
      at: null,
    });
    expect(intentOf(facts({ bizStep: "holding", disposition: "damaged", at: "0" }), isZone).kind).toBe(
      "none",
    );
    expect(intentOf(facts({ bizStep: "cycle_counting", at: "dock", adjustment: true }), isZone)).toEqual({
      kind: "count",
      at: "dock",
      adjustment: true,
    });
    expect(intentOf(facts({ bizStep: "destroying", action: "DELETE", at: "kering-b" }), isZone)).toEqual({
      kind: "destroy",
      at: "kering-b",
    });
    expect(intentOf(facts({ bizStep: "destroying", action: "OBSERVE", at: "kering-b" }), isZone).kind).toBe(
      "none",
    );
    expect(intentOf(facts({ bizStep: "arriving", at: "dock" }), isZone).kind).toBe("none");
    expect(intentOf(facts({ bizStep: "storing", action: "DELETE", at: "kering-a" }), isZone).kind).toBe(
      "none",
    );
  });
});

describe("how a movement changes the balances", () => {
  it("receives into an available balance with the expiry and receipt time", () => {
    expect(planReceipt("dock", 5_000, "2026-01-01", day(3))).toEqual({
      ok: true,
      changes: [
        {
          location: "dock",
          state: "available",
          delta: 5_000,
          expiryDate: "2026-01-01",
          firstReceivedAt: day(3),
        },
      ],
    });
  });

  it("transfers available stock first, keeping state, expiry and first receipt; an explicit expiry wins", () => {
    const balances = [
      bal("dock", 300, { state: "held", expiryDate: "2025-06-01" }),
      bal("dock", 500, { expiryDate: "2025-07-01", firstReceivedAt: day(2) }),
    ];
    const plan = planTransfer(balances, "dock", "kering-a", 600, null);
    expect(plan).toEqual({
      ok: true,
      changes: [
        { location: "dock", state: "available", delta: -500, expiryDate: null, firstReceivedAt: null },
        {
          location: "kering-a",
          state: "available",
          delta: 500,
          expiryDate: "2025-07-01",
          firstReceivedAt: day(2),
        },
        { location: "dock", state: "held", delta: -100, expiryDate: null, firstReceivedAt: null },
        {
          location: "kering-a",
          state: "held",
          delta: 100,
          expiryDate: "2025-06-01",
          firstReceivedAt: day(1),
        },
      ],
    });
    const dated = planTransfer(balances, "dock", "kering-a", 100, "2030-01-01");
    expect(dated.ok && dated.changes[1]?.expiryDate).toBe("2030-01-01");
  });

  it("refuses to take more than is there, naming what is on hand", () => {
    expect(planTransfer([bal("dock", 400)], "dock", "kering-a", 401, null)).toEqual({
      ok: false,
      shortfall: { location: "dock", state: null, onHandGrams: 400, requestedGrams: 401 },
    });
    expect(planPick([bal("kering-a", 10, { state: "held" })], "kering-a", 1)).toEqual({
      ok: false,
      shortfall: { location: "kering-a", state: "available", onHandGrams: 0, requestedGrams: 1 },
    });
    // "All of it" of nothing is a shortfall too.
    expect(planState([], "kering-a", "held", null).ok).toBe(false);
  });

  it("picks FEFO across zones, never from the dock or staging, never held", () => {
    const balances = [
      bal("dock", 1_000, { expiryDate: "2025-01-01" }),
      bal("staging", 1_000, { expiryDate: "2025-01-01" }),
      bal("kering-a", 100, { expiryDate: "2025-09-01" }),
      bal("kering-b", 100, { expiryDate: "2025-08-01" }),
      bal("dingin-1", 100, { state: "held", expiryDate: "2025-02-01" }),
    ];
    const plan = planPick(balances, null, 150);
    expect(plan.ok && plan.changes.map((c) => [c.location, c.delta])).toEqual([
      ["kering-b", -100],
      ["staging", 100],
      ["kering-a", -50],
      ["staging", 50],
    ]);
  });

  it("issues from staging first, then zones FEFO, then the dock", () => {
    const balances = [
      bal("dock", 100),
      bal("kering-a", 100, { expiryDate: "2025-09-01" }),
      bal("kering-b", 100, { expiryDate: "2025-08-01" }),
      bal("staging", 100, { expiryDate: "2026-01-01" }),
    ];
    const plan = planIssue(balances, 350);
    expect(plan.ok && plan.changes.map((c) => [c.location, c.delta])).toEqual([
      ["staging", -100],
      ["kering-b", -100],
      ["kering-a", -100],
      ["dock", -50],
    ]);
    expect(planIssue(balances, 401)).toMatchObject({
      ok: false,
      shortfall: { location: null, onHandGrams: 400 },
    });
  });

  it("holds and releases where the stock lies", () => {
    const plan = planState([bal("kering-a", 70), bal("kering-b", 30)], null, "held", null);
    expect(plan.ok && plan.changes.map((c) => [c.location, c.state, c.delta])).toEqual([
      ["kering-a", "available", -70],
      ["kering-a", "held", 70],
      ["kering-b", "available", -30],
      ["kering-b", "held", 30],
    ]);
    const release = planState([bal("kering-a", 70, { state: "held" })], "kering-a", "available", 20);
    expect(release.ok && release.changes.map((c) => [c.state, c.delta])).toEqual([
      ["held", -20],
      ["available", 20],
    ]);
  });

  it("books the difference of a count: found stock available, missing stock off available first", () => {
    const here = [bal("kering-a", 100), bal("kering-a", 50, { state: "held" }), bal("kering-b", 999)];
    const found = planCount(here, "kering-a", 160, day(9));
    expect(found.ok && found.changes.map((c) => [c.state, c.delta])).toEqual([["available", 10]]);
    const missing = planCount(here, "kering-a", 30, day(9));
    expect(missing.ok && missing.changes.map((c) => [c.state, c.delta])).toEqual([
      ["available", -100],
      ["held", -20],
    ]);
    const agrees = planCount(here, "kering-a", 150, day(9));
    expect(agrees.ok && agrees.changes.map((c) => [c.state, c.delta])).toEqual([["available", 0]]);
    expect(planCount([], "dock", 0, day(9))).toEqual({ ok: true, changes: [] });
    const fresh = planCount([], "dock", 5, day(9));
    expect(fresh.ok && fresh.changes[0]).toMatchObject({ delta: 5, firstReceivedAt: day(9) });
  });

  it("destroys held stock first", () => {
    const plan = planDestroy([bal("kering-a", 100), bal("kering-a", 40, { state: "held" })], "kering-a", 50);
    expect(plan.ok && plan.changes.map((c) => [c.state, c.delta])).toEqual([
      ["held", -40],
      ["available", -10],
    ]);
  });

  it("never plans a balance below zero, whatever is asked", () => {
    for (let seed = 1; seed < 200; seed++) {
      const r = (n: number) => ((seed * 7919 + n * 104729) % 1000) + 1;
      const balances = [
        bal("kering-a", r(1)),
        bal("kering-b", r(2), { state: "held" }),
        bal("staging", r(3)),
        bal("dock", r(4)),
      ];
      const asked = r(5) * 3;
      for (const plan of [
        planIssue(balances, asked),
        planPick(balances, null, asked),
        planTransfer(balances, "dock", "kering-a", asked, null),
        planDestroy(balances, null, asked),
        planState(balances, null, "held", asked),
        planCount(balances, "kering-a", r(6), day(1)),
      ]) {
        if (!plan.ok) continue;
        const after = new Map(balances.map((b) => [`${b.location} ${b.state}`, b.grams]));
        for (const c of plan.changes) {
          const key = `${c.location} ${c.state}`;
          after.set(key, (after.get(key) ?? 0) + c.delta);
        }
        for (const grams of after.values()) expect(grams).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
