import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPORT_STATES, type ReportState } from "./types";
import { ACTIONS, allowedActions, checkAction, nextState, type Role } from "./workflow";

const ALL_ROLES: Role[] = ["reporter", "agency", "follower"];

describe("lapor workflow", () => {
  it("follows the happy path of J2", () => {
    let s: ReportState = "menunggu";
    for (const [action, role, to] of [
      ["accept", "agency", "koordinasi"],
      ["dispose", "agency", "disposisi"],
      ["start", "agency", "proses"],
      ["resolve", "agency", "menunggu_validasi"],
      ["reopen", "reporter", "dibuka_kembali"],
      ["resolve", "agency", "menunggu_validasi"],
      ["confirm", "reporter", "selesai"],
    ] as const) {
      const c = checkAction(s, action, [role], { note: "catatan" });
      expect(c).toEqual({ ok: true, to });
      s = to;
    }
    expect(checkAction(s, "rate", ["reporter"])).toEqual({ ok: true, to: null });
  });

  it("checks the role before the state", () => {
    expect(checkAction("menunggu", "accept", ["reporter"])).toEqual({ ok: false, error: "forbidden" });
    expect(checkAction("proses", "accept", ["agency"])).toEqual({ ok: false, error: "invalid_transition" });
    expect(checkAction("proses", "reject", ["agency"])).toEqual({ ok: false, error: "note_required" });
    expect(checkAction("menunggu_validasi", "confirm", ["follower"])).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("offers actions by role and state", () => {
    expect(allowedActions({ state: "menunggu", roles: ["agency"] })).toEqual([
      "accept",
      "reject",
      "reply",
      "assign",
    ]);
    expect(allowedActions({ state: "menunggu_validasi", roles: ["reporter"], reopenOpen: false })).toEqual([
      "confirm",
      "reply",
    ]);
    expect(allowedActions({ state: "selesai", roles: ["reporter"], rated: true })).toEqual(["reply"]);
    expect(allowedActions({ state: "proses", roles: ["agency"], merged: true })).toEqual([]);
  });

  it("property: any sequence of allowed actions stays in a defined state; ditolak and selesai are terminal", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.subarray(ALL_ROLES, { minLength: 1 })), {
          maxLength: 40,
        }),
        (steps) => {
          let s: ReportState = "menunggu";
          for (const [action, roles] of steps) {
            const c = checkAction(s, action, roles, { note: "x" });
            if (!c.ok) continue;
            const wasTerminal = s === "selesai" || s === "ditolak";
            const to: ReportState = c.to ?? s;
            expect(REPORT_STATES).toContain(to);
            if (wasTerminal) {
              expect(to).toBe(s);
              expect(["reply", "rate"]).toContain(action);
              if (action === "rate") expect(s).toBe("selesai");
            }
            expect(nextState(s, action)).toBe(c.to);
            s = to;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
