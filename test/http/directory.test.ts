import { beforeAll, describe, expect, it } from "vitest";
import { loadDirectoryDefaults } from "../../src/modules/directory";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();
const tokens: Record<string, string> = {};

type Entry = {
  slug: string;
  groupCode: string;
  kind: string;
  url: string;
  active: boolean;
  name: { id: string };
};
type Search = { sections: { group: { code: string }; items: Entry[] }[]; total: number };

async function search(query: string, token?: string): Promise<Search> {
  const res = await t.app.inject({
    method: "GET",
    url: `/api/v1/services${query}`,
    ...(token ? { headers: bearer(token) } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const slugs = (s: Search) => s.sections.flatMap((sec) => sec.items.map((i) => i.slug));

const NEW_SERVICE = {
  slug: "puskesmas-kedaton",
  groupCode: "kesehatan",
  kind: "external",
  name: { id: "Puskesmas Kedaton", en: "Kedaton community health centre" },
  description: { id: "Layanan kesehatan dasar.", en: "Primary health care." },
  url: "https://bandarlampungkota.go.id",
  agency: "Dinas Kesehatan Kota Bandar Lampung",
  openingHours: { id: "Senin–Sabtu 08.00–12.00 WIB", en: "Mon–Sat 08:00–12:00 WIB" },
  requirements: [{ id: "KTP", en: "ID card" }],
  keywords: ["puskesmas"],
  regencyCodes: ["18.71"],
};

beforeAll(async () => {
  tokens.admin = await t.login(DEMO_EMAILS.admin);
  tokens.warga = await t.login(DEMO_EMAILS.warga);
  tokens.dinas = await t.login(DEMO_EMAILS.dinas);
});

describe("services registry: reading", () => {
  it("lists the groups in order and the whole catalogue grouped", async () => {
    const groups = await t.app.inject({ method: "GET", url: "/api/v1/services/groups" });
    expect(groups.statusCode).toBe(200);
    const codes = groups.json().items.map((g: { code: string }) => g.code);
    expect(codes.slice(0, 8)).toEqual([
      "kependudukan",
      "kesehatan",
      "pendidikan",
      "perizinan",
      "pajak",
      "sosial",
      "pangan",
      "pengaduan",
    ]);
    const all = await search("");
    expect(all.total).toBeGreaterThanOrEqual(20);
    expect(all.sections.map((s) => s.group.code)).toEqual(
      codes.filter((c: string) => all.sections.some((s) => s.group.code === c)),
    );
    const entries = all.sections.flatMap((s) => s.items);
    for (const e of entries) {
      if (e.kind === "external") expect(e.url.startsWith("https://")).toBe(true);
      else expect(e.url.startsWith("/")).toBe(true);
    }
    expect(entries.find((e) => e.slug === "lapor-lumbung")?.url).toBe("/lapor");
  });

  it("searches case and accent insensitively, by keyword prefix, and tolerates a typo", async () => {
    expect(slugs(await search("?q=SAMSAT"))).toContain("bapenda-lampung-samsat");
    expect(slugs(await search("?q=p%C3%A1jak%20kendar"))).toContain("bapenda-lampung-samsat");
    expect(slugs(await search("?q=kesehtan"))).toContain("mobile-jkn");
    expect(slugs(await search("?q=ektp"))).toContain("ikd-dukcapil");
    expect((await search("?q=zzzqqq")).total).toBe(0);
  });

  it("filters by group and by regency", async () => {
    const health = await search("?group=kesehatan");
    expect(health.sections.map((s) => s.group.code)).toEqual(["kesehatan"]);
    const metro = await search("?regency=18.72");
    expect(slugs(metro)).not.toContain("disdukcapil-bandar-lampung");
    expect(slugs(metro)).toContain("mobile-jkn");
    expect(slugs(await search("?regency=18.71"))).toContain("disdukcapil-bandar-lampung");
  });

  it("shows one service and 404s an unknown one", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/services/oss-rba" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: "oss-rba", url: "https://oss.go.id", groupCode: "perizinan" });
    expect(res.json().requirements.length).toBeGreaterThan(0);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/services/nope" }),
      404,
      "directory.not_found",
    );
  });
});

describe("services registry: administration", () => {
  it("refuses writes to anonymous callers (401) and non-admins (403)", async () => {
    const anon = await t.app.inject({ method: "POST", url: "/api/v1/services", payload: NEW_SERVICE });
    expect(anon.statusCode).toBe(401);
    for (const token of [tokens.warga, tokens.dinas]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/services",
        headers: bearer(token as string),
        payload: NEW_SERVICE,
      });
      expect(res.statusCode).toBe(403);
    }
    const del = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/services/oss-rba",
      headers: bearer(tokens.warga as string),
    });
    expect(del.statusCode).toBe(403);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/services?all=true",
        headers: bearer(tokens.warga as string),
      }),
      403,
      "directory.admin_only",
    );
  });

  it("validates addresses: https for external, a path for internal", async () => {
    const http = await t.app.inject({
      method: "POST",
      url: "/api/v1/services",
      headers: bearer(tokens.admin as string),
      payload: { ...NEW_SERVICE, url: "http://bandarlampungkota.go.id" },
    });
    const problem = expectProblem(http, 400, "directory.invalid_url");
    expect(problem.errors?.[0]?.field).toBe("url");
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/services",
        headers: bearer(tokens.admin as string),
        payload: { ...NEW_SERVICE, kind: "internal", url: "lapor" },
      }),
      400,
      "directory.invalid_url",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/services",
        headers: bearer(tokens.admin as string),
        payload: { ...NEW_SERVICE, groupCode: "nope" },
      }),
      400,
      "directory.unknown_group",
    );
    expectProblem(
      await t.app.inject({
        method: "PUT",
        url: "/api/v1/services/oss-rba",
        headers: bearer(tokens.admin as string),
        payload: { url: "ftp://oss.go.id" },
      }),
      400,
      "directory.invalid_url",
    );
  });

  it("creates, edits, deactivates and reactivates; restarts keep the admin's edits", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/services",
      headers: bearer(tokens.admin as string),
      payload: NEW_SERVICE,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: "puskesmas-kedaton", active: true });
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/services",
        headers: bearer(tokens.admin as string),
        payload: NEW_SERVICE,
      }),
      409,
      "directory.slug_taken",
    );
    expect(slugs(await search("?q=puskesmas"))).toContain("puskesmas-kedaton");

    const edited = await t.app.inject({
      method: "PUT",
      url: "/api/v1/services/mobile-jkn",
      headers: bearer(tokens.admin as string),
      payload: { agency: "BPJS Kesehatan Cabang Bandar Lampung" },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const del = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/services/cek-bpom",
      headers: bearer(tokens.admin as string),
    });
    expect(del.statusCode).toBe(204);
    expect(slugs(await search(""))).not.toContain("cek-bpom");
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/services/cek-bpom" }),
      404,
      "directory.not_found",
    );
    const adminList = await search("?all=true", tokens.admin);
    expect(adminList.sections.flatMap((s) => s.items).find((i) => i.slug === "cek-bpom")?.active).toBe(false);

    await loadDirectoryDefaults(t.database.db);
    expect(slugs(await search(""))).not.toContain("cek-bpom");
    const jkn = await t.app.inject({ method: "GET", url: "/api/v1/services/mobile-jkn" });
    expect(jkn.json().agency).toBe("BPJS Kesehatan Cabang Bandar Lampung");

    const back = await t.app.inject({
      method: "PUT",
      url: "/api/v1/services/cek-bpom",
      headers: bearer(tokens.admin as string),
      payload: { active: true },
    });
    expect(back.statusCode).toBe(200);
    expect(slugs(await search("?q=bpom"))).toContain("cek-bpom");
  });
});
