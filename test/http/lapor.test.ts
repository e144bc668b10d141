import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";
import { act, fileReport, type Json, jpeg, LAPOR_STAFF, requestId, TKP, uploadPhoto } from "./lapor-support";

const t = useTestApp();
const tok: Record<string, string> = {};

beforeAll(async () => {
  for (const [k, email] of Object.entries({
    ...LAPOR_STAFF,
    warga: DEMO_EMAILS.warga,
    admin: DEMO_EMAILS.admin,
    dinas: DEMO_EMAILS.dinas,
    koperasi: DEMO_EMAILS.koperasi,
  })) {
    tok[k] = await t.login(email);
  }
});

const get = (url: string, token?: string) =>
  t.app.inject({ method: "GET", url, ...(token ? { headers: bearer(token) } : {}) });

describe("lapor master data", () => {
  it("lists categories with agencies, deadlines and Open311 attributes", async () => {
    const res = await get("/api/v1/lapor/categories");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Json[];
    const jalan = items.find((c) => c.code === "jalan-rusak");
    expect(jalan?.agency.code).toBe("dpu-bandar-lampung");
    expect(jalan?.attributes[0].code).toBe("ukuran");
    expect(jalan?.stageHours.menunggu).toBe(24);
    expect(items.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        "sampah",
        "drainase",
        "lampu-jalan",
        "pelayanan-publik",
        "harga-pangan",
        "bencana",
      ]),
    );
  });

  it("lists agencies with parents", async () => {
    const items = (await get("/api/v1/lapor/agencies")).json().items as Json[];
    const byCode = new Map(items.map((a) => [a.code, a]));
    const kec = byCode.get("kec-tanjungkarang-pusat");
    expect(kec?.regionCode).toBe("18.71.06");
    expect(kec?.parentId).toBe(byCode.get("pemkot-bandar-lampung")?.id);
    expect(byCode.get("pemkot-bandar-lampung")?.parentId).toBe(byCode.get("pemprov-lampung")?.id);
  });

  it("locates the nearest regency seat", async () => {
    const bl = (await get("/api/v1/lapor/locate?lat=-5.42&lng=105.26")).json();
    expect(bl).toMatchObject({ regency: { code: "18.71" }, approximate: true });
    const jkt = (await get("/api/v1/lapor/locate?lat=-6.2&lng=106.85")).json();
    expect(jkt.regency).toBeNull();
  });
});

describe("J2: a pothole from filing to rating", () => {
  it("runs the whole workflow over HTTP", async () => {
    const filed = await fileReport(t.app, tok.warga as string, { attributes: { ukuran: "besar" } });
    expect(filed).toMatchObject({
      state: "menunggu",
      agency: { code: "dpu-bandar-lampung" },
      mine: true,
      reporter: { name: "Nur Aini" },
      attributes: { ukuran: "besar" },
    });
    expect(filed.number).toMatch(/^LPR-\d{4}-\d{6}$/);
    expect(filed.photos).toHaveLength(1);
    expect(filed.photos[0].kind).toBe("before");
    expect(filed.stageDueAt).not.toBeNull();
    const id = filed.id as string;

    // The photo is served without its EXIF.
    const photo = await get(filed.photos[0].url, tok.warga);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect((await sharp(photo.rawPayload).metadata()).exif).toBeUndefined();

    // Agency staff got a notification of the new report.
    const inbox = await get("/api/v1/notifications", tok.pu);
    expect(inbox.statusCode).toBe(200);
    expect((inbox.json().items as Json[]).some((n) => n.payload?.reportId === id)).toBe(true);

    // Agency sees it; allowed actions.
    const seen = (await get(`/api/v1/lapor/reports/${id}`, tok.pu)).json();
    expect(seen.allowedActions).toEqual(expect.arrayContaining(["accept", "reject", "reply", "assign"]));
    expect(seen.reporter).toEqual({ name: "Nur Aini" });

    let r = (await act(t.app, tok.pu as string, id, { action: "accept" })).json();
    expect(r.state).toBe("koordinasi");
    r = (
      await act(t.app, tok.pu as string, id, {
        action: "dispose",
        targetAgencyCode: "kec-tanjungkarang-pusat",
      })
    ).json();
    expect(r).toMatchObject({ state: "disposisi", agency: { code: "kec-tanjungkarang-pusat" } });
    r = (await act(t.app, tok.kecamatan as string, id, { action: "start" })).json();
    expect(r.state).toBe("proses");

    // Resolving needs an after photo.
    expectProblem(
      await act(t.app, tok.kecamatan as string, id, { action: "resolve", note: "Sudah ditambal" }, 422),
      422,
      "lapor.photo_required",
    );
    const after1 = await uploadPhoto(t.app, tok.kecamatan as string, await jpeg("#0a0"));
    r = (
      await act(t.app, tok.kecamatan as string, id, {
        action: "resolve",
        note: "Sudah ditambal",
        photoIds: [after1],
      })
    ).json();
    expect(r.state).toBe("menunggu_validasi");
    expect(r.confirmDueAt).not.toBeNull();
    expect(r.photos.map((p: Json) => p.kind)).toEqual(["before", "after"]);

    // The reporter reopens (note required), then it is resolved again.
    expectProblem(
      await act(t.app, tok.warga as string, id, { action: "reopen" }, 400),
      400,
      "lapor.note_required",
    );
    r = (
      await act(t.app, tok.warga as string, id, { action: "reopen", note: "Masih berlubang di sisi kiri" })
    ).json();
    expect(r.state).toBe("dibuka_kembali");
    const after2 = await uploadPhoto(t.app, tok.kecamatan as string, await jpeg("#00a"));
    r = (
      await act(t.app, tok.kecamatan as string, id, {
        action: "resolve",
        note: "Sisi kiri juga",
        photoIds: [after2],
      })
    ).json();
    expect(r.state).toBe("menunggu_validasi");

    r = (await act(t.app, tok.warga as string, id, { action: "confirm" })).json();
    expect(r.state).toBe("selesai");
    expect(r.allowedActions).toContain("rate");
    r = (await act(t.app, tok.warga as string, id, { action: "rate", rating: 5, comment: "Cepat!" })).json();
    expect(r).toMatchObject({ rating: 5, ratingComment: "Cepat!" });
    expect(r.allowedActions).not.toContain("rate");
    expectProblem(
      await act(t.app, tok.warga as string, id, { action: "rate", rating: 4 }, 409),
      409,
      "lapor.already_rated",
    );
    // Terminal: nothing but reply.
    expectProblem(
      await act(t.app, tok.kecamatan as string, id, { action: "start" }, 409),
      409,
      "lapor.invalid_transition",
    );

    const actions = (r.history as Json[]).map((h) => h.action);
    expect(actions).toEqual([
      "file",
      "accept",
      "dispose",
      "start",
      "resolve",
      "reopen",
      "resolve",
      "confirm",
      "rate",
    ]);
    const transitions = (r.history as Json[]).filter((h) => h.toState && h.action !== "file");
    for (const h of transitions.filter((h) => ["accept", "dispose", "start", "resolve"].includes(h.action))) {
      expect(h.onTime).toBe(true);
    }
    expect((r.history as Json[]).find((h) => h.action === "start")?.actor.agency.code).toBe(
      "kec-tanjungkarang-pusat",
    );

    // The reporter was told of each state change.
    const mine = (await get("/api/v1/notifications?limit=100", tok.warga)).json().items as Json[];
    expect(mine.filter((n) => n.payload?.reportId === id).length).toBeGreaterThanOrEqual(6);

    // Public view: no personal data.
    const pub = await get(`/api/v1/lapor/public/reports/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain("Nur Aini");
    expect(pub.body).not.toContain("warga@lumbung.test");
    expect(pub.json().history.length).toBe(9);
  });
});

describe("idempotent filing", () => {
  it("the same clientRequestId answers 200 with the same report", async () => {
    const clientRequestId = requestId("dup");
    const photo = await uploadPhoto(t.app, tok.warga as string);
    const a = await fileReport(t.app, tok.warga as string, { clientRequestId, photoIds: [photo] }, 201);
    const b = await fileReport(t.app, tok.warga as string, { clientRequestId, photoIds: [photo] }, 200);
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
  });

  it("20 concurrent identical POSTs file one report", async () => {
    const clientRequestId = requestId("burst");
    const photo = await uploadPhoto(t.app, tok.warga as string);
    const payload = {
      clientRequestId,
      categoryCode: "jalan-rusak",
      description: "Jalan amblas dekat sekolah, dikirim dari HP yang offline.",
      ...TKP,
      privacy: "public",
      photoIds: [photo],
    };
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/lapor/reports",
          headers: bearer(tok.warga as string),
          payload,
        }),
      ),
    );
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
  });
});

describe("filing together", () => {
  it("a new filing answers exactly what reading it back gives", async () => {
    const filed = await fileReport(t.app, tok.warga as string, { privacy: "anonymous" });
    const read = await get(`/api/v1/lapor/reports/${filed.id}`, tok.warga as string);
    expect(read.statusCode).toBe(200);
    expect(filed).toEqual(read.json());
    expect(filed.history).toHaveLength(1);
    expect(filed.history[0].actor).toMatchObject({ role: "reporter", name: "Nur Aini" });
    expect(filed.allowedActions).toEqual(read.json().allowedActions);
  });

  it("30 reports at once get distinct numbers; one photo in two reports fails only the second", async () => {
    const shared = await uploadPhoto(t.app, tok.warga as string);
    const photos = await Promise.all(
      Array.from({ length: 30 }, () => uploadPhoto(t.app, tok.warga as string)),
    );
    const post = (photoIds: string[]) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/lapor/reports",
        headers: bearer(tok.warga as string),
        payload: {
          clientRequestId: requestId("crowd"),
          categoryCode: "jalan-rusak",
          description: "Banjir merendam jalan setelah hujan deras, motor mogok.",
          ...TKP,
          privacy: "public",
          photoIds,
        },
      });
    const all = await Promise.all([...photos.map((id) => post([id])), post([shared]), post([shared])]);
    const created = all.filter((r) => r.statusCode === 201).map((r) => r.json());
    expect(created).toHaveLength(31);
    const refused = all.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(1);
    expectProblem(refused[0] as (typeof all)[number], 400, "lapor.invalid_photo");

    const numbers = created.map((r) => Number(String(r.number).split("-")[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(31);
    for (const r of created) {
      expect(r.state).toBe("menunggu");
      expect(r.photos).toHaveLength(1);
      expect(r.history.map((h: Json) => h.action)).toEqual(["file"]);
    }
    // The agency heard of every one of them.
    const inbox = await get("/api/v1/lapor/inbox?limit=100&state=menunggu", tok.pu as string);
    const ids = new Set(inbox.json().items.map((i: Json) => i.id));
    for (const r of created) expect(ids.has(r.id)).toBe(true);
  });
});

describe("privacy", () => {
  it("anonymous reports hide the reporter from the agency but not from the reporter", async () => {
    const r = await fileReport(t.app, tok.warga as string, { privacy: "anonymous" });
    const asAgency = (await get(`/api/v1/lapor/reports/${r.id}`, tok.pu)).json();
    expect(asAgency.reporter).toBeNull();
    expect(JSON.stringify(asAgency)).not.toContain("Nur Aini");
    const inbox = (await get("/api/v1/lapor/inbox?limit=200", tok.pu)).json();
    const item = (inbox.items as Json[]).find((i) => i.id === r.id);
    expect(item?.reporter).toBeNull();
    const asReporter = (await get(`/api/v1/lapor/reports/${r.id}`, tok.warga)).json();
    expect(asReporter.reporter).toEqual({ name: "Nur Aini" });
  });

  it("private reports stay out of the public feed and are 404 to others", async () => {
    const r = await fileReport(t.app, tok.warga as string, { privacy: "private" });
    const feed = (await get("/api/v1/lapor/public/reports?limit=200")).json();
    expect((feed.items as Json[]).some((i) => i.id === r.id)).toBe(false);
    expectProblem(await get(`/api/v1/lapor/public/reports/${r.id}`), 404, "lapor.not_found");
    expectProblem(await get(`/api/v1/lapor/reports/${r.id}`, tok.koperasi), 404, "lapor.not_found");
    expect((await get(`/api/v1/lapor/reports/${r.id}`, tok.pu)).statusCode).toBe(200);
    // Its photo is not public either.
    expect((await get(r.photos[0].url)).statusCode).toBe(404);
    expect((await get(r.photos[0].url, tok.warga)).statusCode).toBe(200);
  });

  it("a stranger reading a public report sees neither the reporter nor staff names", async () => {
    const r = await fileReport(t.app, tok.warga as string);
    await act(t.app, tok.pu as string, r.id, { action: "reply", note: "Segera kami tangani." });
    const res = await get(`/api/v1/lapor/reports/${r.id}`, tok.koperasi);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ reporter: null, mine: false, following: false, allowedActions: [] });
    expect(res.body).not.toContain("Nur Aini");
    expect(res.body).not.toContain("Rudi Hartawan");
  });

  it("the public feed carries no personal data", async () => {
    const res = await get("/api/v1/lapor/public/reports?limit=200");
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.body).not.toContain("Nur Aini");
    expect(res.body).not.toContain("warga@lumbung.test");
    expect(res.body).not.toContain("reporter");
  });
});

describe("roles and transitions", () => {
  let id: string;
  beforeAll(async () => {
    id = (await fileReport(t.app, tok.warga as string)).id;
  });

  it("warga cannot accept; another dinas cannot act", async () => {
    expectProblem(
      await act(t.app, tok.warga as string, id, { action: "accept" }, 403),
      403,
      "lapor.forbidden",
    );
    expectProblem(await act(t.app, tok.dlh as string, id, { action: "accept" }, 403), 403, "lapor.forbidden");
    expectProblem(
      await act(t.app, tok.dinas as string, id, { action: "accept" }, 403),
      403,
      "lapor.forbidden",
    );
  });

  it("the parent government may act; invalid transitions are 409", async () => {
    expectProblem(await act(t.app, tok.pu as string, id, { action: "confirm" }, 403), 403, "lapor.forbidden");
    expectProblem(
      await act(t.app, tok.pu as string, id, { action: "start" }, 409),
      409,
      "lapor.invalid_transition",
    );
    const r = (await act(t.app, tok.pemkot as string, id, { action: "accept" })).json();
    expect(r.state).toBe("koordinasi");
    expectProblem(
      await act(
        t.app,
        tok.pu as string,
        id,
        { action: "dispose", targetAgencyCode: "dlh-bandar-lampung" },
        400,
      ),
      400,
      "lapor.invalid_target_agency",
    );
    expectProblem(
      await act(t.app, tok.pu as string, id, { action: "reject" }, 400),
      400,
      "lapor.note_required",
    );
    const rej = (
      await act(t.app, tok.pu as string, id, { action: "reject", note: "Bukan jalan kota" })
    ).json();
    expect(rej.state).toBe("ditolak");
    expectProblem(
      await act(t.app, tok.pu as string, id, { action: "accept" }, 409),
      409,
      "lapor.invalid_transition",
    );
  });

  it("assign needs a member of the agency", async () => {
    const r = await fileReport(t.app, tok.warga as string);
    const agency = (await get("/api/v1/lapor/agency", tok.pu)).json();
    expect(agency.agency.code).toBe("dpu-bandar-lampung");
    const staffId = agency.staff[0].id as string;
    const a = (
      await act(t.app, tok.pu as string, r.id, { action: "assign", assigneeUserId: staffId })
    ).json();
    expect(a.assignee.id).toBe(staffId);
    expectProblem(
      await act(t.app, tok.pu as string, r.id, { action: "assign", assigneeUserId: "usr_nobody" }, 400),
      400,
      "lapor.invalid_assignee",
    );
  });

  it("bulk answers per id", async () => {
    const a = await fileReport(t.app, tok.warga as string);
    const b = await fileReport(t.app, tok.warga as string, { categoryCode: "sampah", photoIds: [] });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/lapor/inbox/bulk",
      headers: bearer(tok.pu as string),
      payload: { ids: [a.id, b.id, "lpr_missing"], action: "accept" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as Json[];
    expect(results[0]).toEqual({ id: a.id, ok: true });
    expect(results[1]).toMatchObject({ id: b.id, ok: false, error: { code: "lapor.forbidden" } });
    expect(results[2]).toMatchObject({ ok: false, error: { code: "lapor.not_found" } });
  });

  it("the inbox lists open reports of the agency and its sub-agencies, nearest deadline first", async () => {
    const res = await get("/api/v1/lapor/inbox?limit=200", tok.pemkot);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.agency.code).toBe("pemkot-bandar-lampung");
    const items = body.items as Json[];
    expect(items.some((i) => i.agency.code === "dpu-bandar-lampung")).toBe(true);
    const open = items.filter((i) => !["selesai", "ditolak"].includes(i.state));
    const firstClosed = items.findIndex((i) => ["selesai", "ditolak"].includes(i.state));
    if (firstClosed >= 0) expect(firstClosed).toBeGreaterThanOrEqual(open.length);
    const dues = open.map((i) => i.stageDueAt).filter(Boolean) as string[];
    expect([...dues].sort()).toEqual(dues);
    const dlh = (await get("/api/v1/lapor/inbox?limit=200", tok.dlh)).json();
    expect((dlh.items as Json[]).every((i) => i.agency.code === "dlh-bandar-lampung")).toBe(true);
    expectProblem(await get("/api/v1/lapor/inbox", tok.warga), 403, "auth.forbidden");
  });
});

describe("duplicates", () => {
  it("nearby finds the open report; join raises followerCount; merge moves followers", async () => {
    const a = await fileReport(t.app, tok.warga as string, {
      latitude: -5.43,
      longitude: 105.27,
      categoryCode: "sampah",
      photoIds: [],
    });
    const near = (
      await get("/api/v1/lapor/nearby?category=sampah&lat=-5.4303&lng=105.2702", tok.koperasi)
    ).json();
    const hit = (near.items as Json[]).find((i) => i.id === a.id);
    expect(hit?.distanceM).toBeLessThan(75);
    const far = (await get("/api/v1/lapor/nearby?category=sampah&lat=-5.44&lng=105.27", tok.koperasi)).json();
    expect((far.items as Json[]).some((i) => i.id === a.id)).toBe(false);

    const j = await t.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${a.id}/join`,
      headers: bearer(tok.koperasi as string),
    });
    expect(j.json()).toEqual({ followerCount: 1, following: true });
    const again = await t.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${a.id}/join`,
      headers: bearer(tok.koperasi as string),
    });
    expect(again.json()).toEqual({ followerCount: 1, following: true });
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/v1/lapor/reports/${a.id}/join`,
        headers: bearer(tok.warga as string),
      }),
      409,
      "lapor.own_report",
    );
    const mineK = (await get("/api/v1/lapor/my/reports", tok.koperasi)).json();
    expect((mineK.items as Json[]).find((i) => i.id === a.id)).toMatchObject({
      following: true,
      mine: false,
    });

    // A second report of the same pile by the koperasi user, merged into the first.
    const b = await fileReport(t.app, tok.koperasi as string, {
      latitude: -5.4301,
      longitude: 105.2701,
      categoryCode: "sampah",
      photoIds: [],
    });
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/v1/lapor/reports/${b.id}/merge`,
        headers: bearer(tok.pu as string),
        payload: { intoId: a.id },
      }),
      403,
      "lapor.forbidden",
    );
    const m = await t.app.inject({
      method: "POST",
      url: `/api/v1/lapor/reports/${b.id}/merge`,
      headers: bearer(tok.dlh as string),
      payload: { intoId: a.id, note: "Tumpukan yang sama" },
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ id: a.id, followerCount: 1 });
    const merged = (await get(`/api/v1/lapor/reports/${b.id}`, tok.koperasi)).json();
    expect(merged).toMatchObject({ mergedIntoId: a.id, state: "selesai", allowedActions: [] });
    const feed = (await get("/api/v1/lapor/public/reports?category=sampah&limit=200")).json();
    expect((feed.items as Json[]).some((i) => i.id === b.id)).toBe(false);
  });
});

describe("bad input", () => {
  it("refuses coordinates outside Indonesia", async () => {
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/v1/lapor/reports",
        headers: bearer(tok.warga as string),
        payload: {
          clientRequestId: requestId(),
          categoryCode: "sampah",
          description: "Sampah menumpuk di London.",
          latitude: 51.5,
          longitude: -0.12,
          privacy: "public",
        },
      }),
      400,
      "lapor.invalid_location",
    );
  });

  it("refuses a village outside the district, an unknown region, an unknown category", async () => {
    const base = {
      clientRequestId: requestId(),
      categoryCode: "sampah",
      description: "Sampah menumpuk di pinggir jalan.",
      latitude: TKP.latitude,
      longitude: TKP.longitude,
      privacy: "public",
    };
    const post = (payload: Json) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/lapor/reports",
        headers: bearer(tok.warga as string),
        payload,
      });
    expectProblem(
      await post({ ...base, districtCode: "18.71.01", villageCode: "18.71.06.1005" }),
      400,
      "lapor.invalid_region",
    );
    expectProblem(
      await post({ ...base, regencyCode: "18.01", districtCode: "18.71.06" }),
      400,
      "lapor.invalid_region",
    );
    expectProblem(await post({ ...base, villageCode: "99.99.99.9999" }), 400, "lapor.invalid_region");
    expectProblem(await post({ ...base, categoryCode: "nope" }), 400, "lapor.unknown_category");
    expectProblem(await post({ ...base, categoryCode: "jalan-rusak" }), 422, "lapor.photo_required");
    expectProblem(
      await post({
        ...base,
        categoryCode: "jalan-rusak",
        attributes: { ukuran: "raksasa" },
        photoIds: [await uploadPhoto(t.app, tok.warga as string)],
      }),
      400,
      "lapor.invalid_attributes",
    );
    expectProblem(await post({ ...base, description: "short" }), 400, "request.validation");
    // A village alone fills in its district and regency.
    const ok = await post({ ...base, villageCode: "18.71.06.1005" });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ districtCode: "18.71.06", regencyCode: "18.71" });
  });

  it("refuses more than 3 photos and someone else's photo", async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => uploadPhoto(t.app, tok.warga as string)));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/lapor/reports",
      headers: bearer(tok.warga as string),
      payload: {
        clientRequestId: requestId(),
        categoryCode: "jalan-rusak",
        description: "Jalan rusak parah sekali.",
        ...TKP,
        privacy: "public",
        photoIds: ids,
      },
    });
    expectProblem(res, 400, "request.validation");
    const other = await uploadPhoto(t.app, tok.koperasi as string);
    const res2 = await t.app.inject({
      method: "POST",
      url: "/api/v1/lapor/reports",
      headers: bearer(tok.warga as string),
      payload: {
        clientRequestId: requestId(),
        categoryCode: "jalan-rusak",
        description: "Jalan rusak parah sekali.",
        ...TKP,
        privacy: "public",
        photoIds: [other],
      },
    });
    expectProblem(res2, 400, "lapor.invalid_photo");
    // Unattached photos are only visible to their uploader.
    expect((await get(`/api/v1/lapor/photos/${other}`, tok.koperasi)).statusCode).toBe(200);
    expect((await get(`/api/v1/lapor/photos/${other}`, tok.warga)).statusCode).toBe(404);
  });

  it("refuses a non-image upload", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/lapor/photos",
      headers: { ...bearer(tok.warga as string), "content-type": "image/jpeg" },
      payload: Buffer.from("not really a jpeg"),
    });
    expect([400, 415]).toContain(res.statusCode);
  });

  it("unknown report ids are 404", async () => {
    expectProblem(await get("/api/v1/lapor/reports/lpr_nope", tok.warga), 404, "lapor.not_found");
    expectProblem(
      await act(t.app, tok.pu as string, "lpr_nope", { action: "accept" }, 404),
      404,
      "lapor.not_found",
    );
  });
});

describe("every lapor route answers sensibly to everyone", () => {
  it("is documented and never 500s, whoever calls with an empty body", async () => {
    const doc = await get("/openapi.json");
    expect(doc.statusCode, doc.body.slice(0, 300)).toBe(200);
    const paths = Object.entries(doc.json().paths as Record<string, Record<string, unknown>>).filter(([p]) =>
      p.startsWith("/api/v1/lapor"),
    );
    expect(paths.length).toBeGreaterThan(15);
    const callers = [undefined, tok.warga, tok.dinas, tok.pu, tok.admin];
    const bad: string[] = [];
    for (const [path, ops] of paths) {
      for (const method of Object.keys(ops)) {
        for (const token of callers) {
          const res = await t.app.inject({
            method: method.toUpperCase() as "GET",
            url: path.replace(/\{\w+\}/g, "x"),
            headers: token ? bearer(token) : {},
            ...(method === "get" ? {} : { payload: {} }),
          });
          if (res.statusCode >= 500)
            bad.push(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("a dinas that is not a Lapor agency gets an empty inbox, not an error", async () => {
    const inbox = await get("/api/v1/lapor/inbox", tok.dinas);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({ items: [], total: 0, agency: null });
    expect((await get("/api/v1/lapor/agency", tok.dinas)).json().agency).toBeNull();
    expect((await get("/api/v1/lapor/stats", tok.dinas)).json().open).toBe(0);
  });
});

describe("replies and public history", () => {
  it("replies notify the other side; public history names no person; nearby hides private reports", async () => {
    const r = await fileReport(t.app, tok.warga as string, { latitude: -5.45, longitude: 105.3 });
    await act(t.app, tok.pu as string, r.id, { action: "reply", note: "Kami cek besok pagi." });
    const extra = await uploadPhoto(t.app, tok.warga as string, await jpeg("#333"));
    const withPhoto = (
      await act(t.app, tok.warga as string, r.id, {
        action: "reply",
        note: "Terima kasih, Pak.",
        photoIds: [extra],
      })
    ).json();
    expect(withPhoto.photos.map((p: Json) => p.kind)).toEqual(["before", "before"]);
    expect((withPhoto.history as Json[]).at(-1)?.photos[0].id).toBe(extra);
    expectProblem(
      await act(t.app, tok.warga as string, r.id, { action: "reply" }, 400),
      400,
      "lapor.note_required",
    );
    const wargaN = (await get("/api/v1/notifications?limit=100", tok.warga)).json().items as Json[];
    expect(wargaN.some((n) => n.kind === "lapor.reply" && n.payload.reportId === r.id)).toBe(true);
    const puN = (await get("/api/v1/notifications?limit=100", tok.pu)).json().items as Json[];
    expect(puN.some((n) => n.kind === "lapor.replied" && n.payload.reportId === r.id)).toBe(true);

    const full = (await get(`/api/v1/lapor/reports/${r.id}`, tok.warga)).json();
    const replies = (full.history as Json[]).filter((h) => h.action === "reply");
    expect(replies.map((h) => h.actor.role)).toEqual(["agency", "reporter"]);
    expect(replies[0]?.actor.agency.code).toBe("dpu-bandar-lampung");
    expect(replies[1]?.actor.name).toBe("Nur Aini");

    const pub = (await get(`/api/v1/lapor/public/reports/${r.id}`)).json();
    for (const h of pub.history as Json[]) expect(h.actor.name).toBeNull();
    expect((pub.history as Json[]).find((h) => h.action === "reply")?.actor.agency.code).toBe(
      "dpu-bandar-lampung",
    );

    const hidden = await fileReport(t.app, tok.warga as string, {
      latitude: -5.46,
      longitude: 105.31,
      privacy: "private",
    });
    const near = (
      await get("/api/v1/lapor/nearby?category=jalan-rusak&lat=-5.46&lng=105.31", tok.koperasi)
    ).json();
    expect((near.items as Json[]).some((i) => i.id === hidden.id)).toBe(false);
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/v1/lapor/reports/${hidden.id}/join`,
        headers: bearer(tok.koperasi as string),
      }),
      404,
      "lapor.not_found",
    );
  });
});

describe("admin master data", () => {
  const body = {
    group: "Infrastruktur",
    name: { id: "Trotoar rusak", en: "Broken pavement" },
    description: { id: "Trotoar rusak atau hilang.", en: "Broken or missing pavement." },
    agencyCode: "dpu-bandar-lampung",
    stageHours: { menunggu: 24, koordinasi: 24, disposisi: 48, proses: 96, dibuka_kembali: 48 },
    duplicateRadiusM: 80,
    duplicateWindowHours: 168,
  };
  it("adds and changes a category; others may not", async () => {
    const post = (token: string, payload: Json) =>
      t.app.inject({ method: "POST", url: "/api/v1/lapor/categories", headers: bearer(token), payload });
    expectProblem(await post(tok.warga as string, { ...body, code: "trotoar" }), 403, "auth.forbidden");
    const created = await post(tok.admin as string, { ...body, code: "trotoar" });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: "trotoar", agency: { code: "dpu-bandar-lampung" } });
    expectProblem(
      await post(tok.admin as string, { ...body, code: "trotoar" }),
      409,
      "lapor.category_exists",
    );
    expectProblem(
      await post(tok.admin as string, { ...body, code: "x2", agencyCode: "nope" }),
      400,
      "lapor.unknown_agency",
    );
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/v1/lapor/categories/trotoar",
      headers: bearer(tok.admin as string),
      payload: { ...body, agencyCode: "pemkot-bandar-lampung", active: false },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ agency: { code: "pemkot-bandar-lampung" }, active: false });
    const list = (await get("/api/v1/lapor/categories")).json().items as Json[];
    expect(list.some((c) => c.code === "trotoar")).toBe(false);
    const missing = await t.app.inject({
      method: "PUT",
      url: "/api/v1/lapor/categories/nope",
      headers: bearer(tok.admin as string),
      payload: body,
    });
    expectProblem(missing, 404, "lapor.category_not_found");
  });
});
