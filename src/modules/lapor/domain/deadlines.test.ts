import { describe, expect, it } from "vitest";
import { confirmDue, escalate, isOverdue, onTime, shouldAutoClose, stageDue } from "./deadlines";
import type { StageHours } from "./types";

const hours: StageHours = { menunggu: 24, koordinasi: 24, disposisi: 48, proses: 72, dibuka_kembali: 48 };
const t0 = new Date("2026-01-01T00:00:00Z");
const h = (n: number) => new Date(t0.getTime() + n * 3_600_000);

describe("lapor deadlines", () => {
  it("stage due = start + the category's hours for the stage", () => {
    expect(stageDue("menunggu", t0, hours)).toEqual(h(24));
    expect(stageDue("proses", t0, hours)).toEqual(h(72));
    expect(stageDue("menunggu_validasi", t0, hours)).toBeNull();
    expect(stageDue("selesai", t0, hours)).toBeNull();
  });

  it("overdue and on-time", () => {
    const r = { state: "menunggu" as const, stageDueAt: h(24) };
    expect(isOverdue(r, h(24))).toBe(false);
    expect(isOverdue(r, h(25))).toBe(true);
    expect(onTime(r, h(24))).toBe(true);
    expect(onTime(r, h(24.01))).toBe(false);
    expect(onTime({ state: "menunggu_validasi", stageDueAt: null }, h(1))).toBeNull();
    expect(isOverdue({ state: "selesai", stageDueAt: h(1) }, h(2))).toBe(false);
  });

  it("escalates to the parent with a new deadline; overdueAt set once", () => {
    const parentOf = (id: string) => (id === "pu" ? "pemkot" : id === "pemkot" ? "prov" : null);
    const r = {
      state: "menunggu" as const,
      agencyId: "pu",
      escalationLevel: 0,
      overdueAt: null,
      stageDueAt: h(24),
    };
    expect(escalate(r, parentOf, hours, h(23))).toBeNull();
    const e1 = escalate(r, parentOf, hours, h(30));
    expect(e1).toEqual({
      fromAgencyId: "pu",
      agencyId: "pemkot",
      escalationLevel: 1,
      stageStartedAt: h(30),
      stageDueAt: h(54),
      overdueAt: h(30),
    });
    const e2 = escalate(
      { ...r, agencyId: "pemkot", escalationLevel: 1, overdueAt: h(30), stageDueAt: h(54) },
      parentOf,
      hours,
      h(60),
    );
    expect(e2?.agencyId).toBe("prov");
    expect(e2?.overdueAt).toEqual(h(30));
    const top = escalate(
      { ...r, agencyId: "prov", escalationLevel: 2, overdueAt: h(30), stageDueAt: h(84) },
      parentOf,
      hours,
      h(90),
    );
    expect(top?.agencyId).toBe("prov");
    expect(top?.escalationLevel).toBe(3);
  });

  it("auto-closes menunggu_validasi after 7 days", () => {
    const due = confirmDue(t0);
    expect(due).toEqual(h(7 * 24));
    expect(shouldAutoClose({ state: "menunggu_validasi", confirmDueAt: due }, h(7 * 24 - 1))).toBe(false);
    expect(shouldAutoClose({ state: "menunggu_validasi", confirmDueAt: due }, h(7 * 24))).toBe(true);
    expect(shouldAutoClose({ state: "selesai", confirmDueAt: due }, h(300))).toBe(false);
  });
});
