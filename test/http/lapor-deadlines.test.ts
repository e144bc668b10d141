import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";
import { act, fileReport, type Json, jpeg, LAPOR_STAFF, uploadPhoto } from "./lapor-support";

const HOUR = 3_600_000;
const clock = fixedClock(new Date("2026-03-02T01:00:00Z"));
const t = useTestApp({ clock });
const tok: Record<string, string> = {};

async function signIn() {
  for (const [k, email] of Object.entries({
    ...LAPOR_STAFF,
    warga: DEMO_EMAILS.warga,
    admin: DEMO_EMAILS.admin,
  })) {
    tok[k] = await t.login(email);
  }
}
// Sessions expire as the clock moves on: sign in afresh before each test.
beforeEach(signIn);

const get = (url: string, token?: string) =>
  t.app.inject({ method: "GET", url, ...(token ? { headers: bearer(token) } : {}) });
const sweep = async () => {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/lapor/sweep",
    headers: bearer(tok.admin as string),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { escalated: number; autoClosed: number };
};

async function resolved(): Promise<string> {
  const r = await fileReport(t.app, tok.warga as string);
  await act(t.app, tok.pu as string, r.id, { action: "accept" });
  await act(t.app, tok.pu as string, r.id, { action: "start" });
  const after = await uploadPhoto(t.app, tok.pu as string, await jpeg("#0c0"));
  await act(t.app, tok.pu as string, r.id, {
    action: "resolve",
    note: "Selesai ditambal",
    photoIds: [after],
  });
  return r.id;
}

describe("deadlines", () => {
  it("escalates an overdue report to the parent agency, then further up", async () => {
    const r = await fileReport(t.app, tok.warga as string);
    expect(r.stageDueAt).toBe(new Date(clock.now().getTime() + 24 * HOUR).toISOString());
    expect(await sweep()).toEqual({ escalated: 0, autoClosed: 0 });

    clock.advance(25 * HOUR);
    const overdueView = (await get(`/api/v1/lapor/reports/${r.id}`, tok.pu)).json();
    expect(overdueView.overdue).toBe(true);
    const overdueInbox = (await get("/api/v1/lapor/inbox?overdue=true", tok.pu)).json();
    expect((overdueInbox.items as Json[]).map((i) => i.id)).toContain(r.id);

    expect((await sweep()).escalated).toBe(1);
    const e1 = (await get(`/api/v1/lapor/reports/${r.id}`, tok.pemkot)).json();
    expect(e1).toMatchObject({
      state: "menunggu",
      agency: { code: "pemkot-bandar-lampung" },
      escalationLevel: 1,
      overdue: false,
      wasOverdue: true,
    });
    expect(e1.stageDueAt).toBe(new Date(clock.now().getTime() + 24 * HOUR).toISOString());
    const esc = (e1.history as Json[]).find((h) => h.action === "escalate");
    expect(esc).toMatchObject({ actor: { role: "system" }, onTime: false });
    // The Pemkot staff were told.
    const n = (await get("/api/v1/notifications?limit=50", tok.pemkot)).json().items as Json[];
    expect(n.some((x) => x.kind === "lapor.escalated" && x.payload.reportId === r.id)).toBe(true);
    // Sweeping again at once does nothing.
    expect((await sweep()).escalated).toBe(0);

    clock.advance(25 * HOUR);
    expect((await sweep()).escalated).toBe(1);
    const e2 = (await get(`/api/v1/lapor/reports/${r.id}`, tok.admin)).json();
    expect(e2).toMatchObject({ agency: { code: "pemprov-lampung" }, escalationLevel: 2 });
    // Pemprov's staff act on it (the admin, acting as agency): late for the stage? No: a new clock started.
    const acc = (await act(t.app, tok.admin as string, r.id, { action: "accept" })).json();
    expect((acc.history as Json[]).find((h) => h.action === "accept")?.onTime).toBe(true);
  });

  it("closes a resolved report the reporter never confirmed after 7 days", async () => {
    const id = await resolved();
    clock.advance(7 * 24 * HOUR - HOUR);
    expect((await sweep()).autoClosed).toBe(0);
    clock.advance(2 * HOUR);
    const s = await sweep();
    expect(s.autoClosed).toBe(1);
    const r = (await get(`/api/v1/lapor/reports/${id}`, tok.warga)).json();
    expect(r.state).toBe("selesai");
    expect((r.history as Json[]).at(-1)).toMatchObject({ action: "auto_close", actor: { role: "system" } });
    expect(r.allowedActions).toContain("rate");
  });

  it("refuses reopening after the confirm window", async () => {
    const id = await resolved();
    clock.advance(7 * 24 * HOUR + HOUR);
    expectProblem(
      await act(t.app, tok.warga as string, id, { action: "reopen", note: "Masih rusak" }, 409),
      409,
      "lapor.reopen_window_closed",
    );
  });
});

describe("league table and stats", () => {
  it("counts on-time and late stages per agency, open and overdue, and ratings", async () => {
    clock.advance(30 * 24 * HOUR); // a fresh window
    await signIn();
    // DLH: one stage on time, one late.
    const a = await fileReport(t.app, tok.warga as string, { categoryCode: "sampah", photoIds: [] });
    const b = await fileReport(t.app, tok.warga as string, { categoryCode: "sampah", photoIds: [] });
    await act(t.app, tok.dlh as string, a.id, { action: "accept" });
    clock.advance(23 * HOUR);
    await act(t.app, tok.dlh as string, b.id, { action: "accept" }); // on time (23 h < 24 h)
    clock.advance(2 * HOUR);
    await act(t.app, tok.dlh as string, a.id, { action: "start" }); // koordinasi 24 h: 25 h → late
    // One open DLH report overdue.
    const c = await fileReport(t.app, tok.warga as string, { categoryCode: "sampah", photoIds: [] });
    clock.advance(25 * HOUR);
    const res = await get("/api/v1/lapor/public/league?days=3");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Json[];
    const dlh = items.find((i) => i.agency.code === "dlh-bandar-lampung");
    expect(dlh).toMatchObject({ handled: 3, onTime: 2, late: 1, open: 3, overdueOpen: 2 });
    expect(dlh?.onTimeRate).toBeCloseTo(2 / 3, 3);
    // Sorted by on-time rate, agencies without figures last.
    const rates = items.map((i) => i.onTimeRate).filter((x) => x !== null);
    expect([...rates].sort((x, y) => y - x)).toEqual(rates);
    expect(items.at(-1)?.onTimeRate).toBeNull();
    void c;

    const stats = (await get("/api/v1/lapor/stats?days=3", tok.dlh)).json();
    expect(stats.open).toBe(3);
    expect(stats.overdueOpen).toBe(2);
    expect(stats.onTimeRate).toBeCloseTo(2 / 3, 3);
    expect(stats.byState.koordinasi).toBeGreaterThanOrEqual(1);
    expect((stats.byCategory as Json[]).find((x) => x.code === "sampah")).toMatchObject({
      total: 3,
      open: 3,
    });
    expectProblem(await get("/api/v1/lapor/stats", tok.warga), 403, "auth.forbidden");
  });

  it("averages ratings per agency", async () => {
    const id = await resolved();
    await act(t.app, tok.warga as string, id, { action: "confirm" });
    await act(t.app, tok.warga as string, id, { action: "rate", rating: 4 });
    const items = (await get("/api/v1/lapor/public/league?days=1")).json().items as Json[];
    expect(items.find((i) => i.agency.code === "dpu-bandar-lampung")?.averageRating).toBe(4);
    const stats = (await get("/api/v1/lapor/stats?days=1", tok.pu)).json();
    expect(stats.averageRating).toBe(4);
    expect(stats.medianResolutionHours).toBe(0);
  });
});
