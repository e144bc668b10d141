import { beforeAll, describe, expect, it } from "vitest";
import { identityRepository } from "../../src/modules/identity";
import { type LaporService, startLaporSweeper } from "../../src/modules/lapor";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";
import { fileReport, type Json, LAPOR_STAFF, TKP } from "./lapor-support";

// The service face other modules use (Open311, the profile's data download and deletion).
const t = useTestApp();
const tok: Record<string, string> = {};
let lapor: LaporService;
let wargaId: string;

beforeAll(async () => {
  tok.warga = await t.login(DEMO_EMAILS.warga);
  tok.pu = await t.login(LAPOR_STAFF.pu);
  tok.dlh = await t.login(LAPOR_STAFF.dlh);
  lapor = (t.app as unknown as { services: { lapor: LaporService } }).services.lapor;
  wargaId = (await identityRepository.findUserByEmail(t.database.db, DEMO_EMAILS.warga))?.id as string;
});

describe("LaporService for other modules", () => {
  it("files an Open311 request without an account; contact never public; token resolves", async () => {
    const { report, created, token } = await lapor.file({
      reporterUserId: null,
      source: "open311",
      contact: { first_name: "Budi", last_name: "Santoso", email: "budi@contoh.id" },
      categoryCode: "jalan-rusak",
      description: "Jalan berlubang dilaporkan lewat Open311.",
      latitude: TKP.latitude,
      longitude: TKP.longitude,
      privacy: "public",
      attributes: { ukuran: "sedang" },
    });
    expect(created).toBe(true);
    expect(report.state).toBe("menunggu");
    expect(await lapor.byToken(token)).toEqual({ id: report.id });
    expect(await lapor.byToken("nope")).toBeNull();

    const asAgency = (
      await t.app.inject({
        method: "GET",
        url: `/api/v1/lapor/reports/${report.id}`,
        headers: bearer(tok.pu as string),
      })
    ).json();
    expect(asAgency.reporter).toEqual({ name: "Budi Santoso" });

    const pub = await lapor.publicReports({ ids: [report.id], limit: 10 });
    expect(pub.total).toBe(1);
    expect(pub.items[0]?.history[0]?.action).toBe("file");
    const text = JSON.stringify(pub);
    expect(text).not.toContain("Budi");
    expect(text).not.toContain("budi@contoh.id");
  });

  it("filters public reports by category, status and time", async () => {
    const r = await fileReport(t.app, tok.warga as string, { categoryCode: "drainase", photoIds: [] });
    const open = await lapor.publicReports({ categoryCodes: ["drainase"], status: "open", limit: 50 });
    expect(open.items.map((i) => i.id)).toContain(r.id);
    const closed = await lapor.publicReports({ categoryCodes: ["drainase"], status: "closed", limit: 50 });
    expect(closed.items.map((i) => i.id)).not.toContain(r.id);
    const future = await lapor.publicReports({ from: new Date(Date.now() + 3_600_000), limit: 50 });
    expect(future.total).toBe(0);
    expect((await lapor.publicReport(r.id)).id).toBe(r.id);
    expect((await lapor.categories()).length).toBeGreaterThanOrEqual(8);
  });

  it("exports and erases a reporter (UU 27/2022)", async () => {
    const mine = await fileReport(t.app, tok.warga as string, {
      categoryCode: "sampah",
      photoIds: [],
      privacy: "private",
    });
    const other = await fileReport(t.app, tok.pu as string, {
      categoryCode: "sampah",
      photoIds: [],
      latitude: -5.41,
    });
    await t.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${other.id}/join`,
      headers: bearer(tok.warga as string),
    });

    const data = (await lapor.exportFor(wargaId)) as { reports: Json[]; follows: Json[] };
    expect(data.reports.map((r) => r.id)).toContain(mine.id);
    expect(data.follows.map((f) => f.reportId)).toContain(other.id);
    JSON.stringify(data);

    const erased = await lapor.eraseReporter(wargaId);
    expect(erased.reports).toBeGreaterThanOrEqual(1);
    expect(erased.follows).toBe(1);
    const after = (await lapor.exportFor(wargaId)) as { reports: Json[]; follows: Json[] };
    expect(after).toEqual({ reports: [], follows: [] });
    // The report stays, without its reporter; the agency still sees it.
    const kept = await t.app.inject({
      method: "GET",
      url: `/api/v1/lapor/reports/${mine.id}`,
      headers: bearer(tok.dlh as string),
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().reporter).toBeNull();
    const o = await t.app.inject({
      method: "GET",
      url: `/api/v1/lapor/reports/${other.id}`,
      headers: bearer(tok.pu as string),
    });
    expect(o.json().followerCount).toBe(0);
  });

  it("the sweeper runs on a timer and stops", async () => {
    let calls = 0;
    const stop = startLaporSweeper(
      {
        sweep: async () => {
          calls += 1;
          return { escalated: 0, autoClosed: 0 };
        },
      },
      { intervalMs: 10 },
    );
    await new Promise((r) => setTimeout(r, 60));
    stop();
    const seen = calls;
    expect(seen).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toBe(seen);
  });
});

describe("demo activity", () => {
  it("files the demo reports once and moves them along", async () => {
    const { seedLaporActivity } = await import("../../src/seed/demo-lapor");
    const services = (t.app as unknown as { services: Parameters<typeof seedLaporActivity>[1] }).services;
    expect(await seedLaporActivity(t.database.db, services)).toEqual({ filed: 6 });
    expect(await seedLaporActivity(t.database.db, services)).toEqual({ filed: 0 });
    const feed = await lapor.publicReports({ limit: 200 });
    const states = new Map(feed.items.map((i) => [i.description.slice(0, 20), i.state]));
    expect([...states.values()]).toEqual(expect.arrayContaining(["proses", "menunggu_validasi", "selesai"]));
    const rated = feed.items.find((i) => i.rating === 5);
    expect(rated?.category.code).toBe("pohon-tumbang");
  });
});
