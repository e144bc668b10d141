import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMarkets } from "../../src/modules/prices";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

const t = useTestApp();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await loadMarkets(t.database.db);
  for (const [k, email] of Object.entries({ ...DEMO_EMAILS, ...MORE_DEMO_EMAILS }))
    tokens[k] = await t.login(email);
}, 60_000);

function post(url: string, token: string, payload: unknown) {
  return t.app.inject({ method: "POST", url, headers: bearer(token), payload: payload as object });
}

function importCsv(csv: string, token = tokens.dinas as string, skipInvalid = false) {
  return t.app.inject({
    method: "POST",
    url: `/api/v1/prices/import${skipInvalid ? "?skipInvalid=true" : ""}`,
    headers: { ...bearer(token), "content-type": "text/csv" },
    payload: csv,
  });
}

async function count(where = sql`true`) {
  const r = await t.database.db.execute(
    sql`select count(*)::int as n from price_observations where ${where}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0]?.n;
}

function obs(date: string, price: number, extra: Record<string, unknown> = {}) {
  return { commodityCode: "cabai-rawit", marketCode: "pasar-tugu", date, price, ...extra };
}

describe("markets", () => {
  it("lists markets with region codes, levels and coordinates, publicly", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/public/prices/markets" });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; regionCode: string; level: string; latitude: number }[];
    const byCode = new Map(items.map((m) => [m.code, m]));
    expect(byCode.get("pasar-induk-kramat-jati")).toMatchObject({ regionCode: "31.75", level: "wholesale" });
    expect(byCode.get("pasar-cendrawasih")).toMatchObject({ regionCode: "18.72", level: "retail" });
    expect(byCode.get("tingkat-petani-lampung-tengah")).toMatchObject({
      regionCode: "18.02",
      level: "producer",
    });
    expect(byCode.get("pasar-senen")?.latitude).toBeLessThan(-6);
    expect(res.headers["cache-control"]).toContain("public");
  });
  it("loadMarkets is idempotent", async () => {
    await loadMarkets(t.database.db);
    const r = await t.database.db.execute(sql`select count(*)::int as n from price_markets`);
    expect((r as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(15);
  });
});

describe("recording observations", () => {
  it("refuses citizens, koperasi and anonymous callers", async () => {
    for (const who of ["warga", "koperasi", "carrier"]) {
      const res = await post("/api/v1/prices/observations", tokens[who] as string, {
        observations: [obs("2025-01-01", 1)],
      });
      expectProblem(res, 403, "auth.forbidden");
    }
    const anon = await t.app.inject({
      method: "POST",
      url: "/api/v1/prices/observations",
      payload: { observations: [] },
    });
    expect(anon.statusCode).toBe(401);
  });

  it("stores a batch, then the same batch changes nothing, and a new value updates with the change kept", async () => {
    const batch = [1, 2, 3, 4, 5].map((d) => obs(`2025-01-0${d}`, 60_000 + d * 100));
    const first = await post("/api/v1/prices/observations", tokens.dinas as string, { observations: batch });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 5, unchanged: 0, updated: 0, held: 0 });
    const again = await post("/api/v1/prices/observations", tokens.bumd as string, { observations: batch });
    expect(again.json()).toEqual({ inserted: 0, unchanged: 5, updated: 0, held: 0 });
    const changed = await post("/api/v1/prices/observations", tokens.admin as string, {
      observations: [obs("2025-01-05", 61_000)],
    });
    expect(changed.json()).toEqual({ inserted: 0, unchanged: 0, updated: 1, held: 0 });
    const audit = await t.database.db.execute(
      sql`select old_price, new_price, action from price_observation_changes where action = 'update'`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toContainEqual({
      old_price: 60_500,
      new_price: 61_000,
      action: "update",
    });
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/prices/observations?market=pasar-tugu&commodity=cabai-rawit&from=2025-01-02&to=2025-01-05&limit=2",
      headers: bearer(tokens.dinas as string),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { date: string; price: number }) => [i.date, i.price])).toEqual([
      ["2025-01-05", 61_000],
      ["2025-01-04", 60_400],
    ]);
    expect(list.json().nextOffset).toBe(2);
  });

  it("refuses the whole batch listing every bad observation, storing nothing", async () => {
    const before = await count();
    const res = await post("/api/v1/prices/observations", tokens.dinas as string, {
      observations: [
        obs("2025-02-01", 50_000),
        obs("2025-02-01", 50_000, { commodityCode: "durian" }),
        obs("2025-02-01", 50_000, { marketCode: "pasar-antah-berantah" }),
        obs("2025-02-01", 50_000, { marketCode: undefined, regionCode: "99" }),
      ],
    });
    const p = expectProblem(res, 422, "prices.invalid_rows");
    expect(p.errors?.map((e) => e.field)).toEqual([
      "observations 1/commodityCode",
      "observations 2/marketCode",
      "observations 3/regionCode",
    ]);
    expect(await count()).toBe(before);
  });

  it("refuses bad dates and prices with the field", async () => {
    for (const bad of [
      obs("2025-02-30", 1000),
      obs("1999-12-31", 1000),
      obs("2025-02-01", 0),
      obs("2025-02-01", 12.5),
    ]) {
      const res = await post("/api/v1/prices/observations", tokens.dinas as string, { observations: [bad] });
      const p = expectProblem(res, 400, "request.validation");
      expect(p.errors?.[0]?.field).toMatch(/observations\/0\/(date|price)/);
    }
  });

  it("holds a ×10 slip for review, keeps it out of the series, and the review accepts or rejects it", async () => {
    const res = await post("/api/v1/prices/observations", tokens.dinas as string, {
      observations: [obs("2025-01-06", 610_000), obs("2025-01-07", 6_100)],
    });
    expect(res.json()).toEqual({ inserted: 2, unchanged: 0, updated: 0, held: 2 });
    const queue = await t.app.inject({
      method: "GET",
      url: "/api/v1/prices/review",
      headers: bearer(tokens.bumd as string),
    });
    const held = queue.json().items as {
      id: string;
      date: string;
      holdReason: { median: number; ratio: number };
    }[];
    expect(held.map((h) => h.date)).toEqual(["2025-01-06", "2025-01-07"]);
    expect(held[0]?.holdReason.ratio).toBeGreaterThanOrEqual(9);
    const series = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices/series?commodity=cabai-rawit&region=18.71&market=pasar-tugu",
    });
    expect(series.json().points.map((p: { date: string }) => p.date)).not.toContain("2025-01-06");

    const accepted = await post(`/api/v1/prices/review/${held[1]?.id}/accept`, tokens.dinas as string, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe("accepted");
    const rejected = await post(`/api/v1/prices/review/${held[0]?.id}/reject`, tokens.dinas as string, {});
    expect(rejected.json().status).toBe("rejected");
    expectProblem(
      await post(`/api/v1/prices/review/${held[0]?.id}/accept`, tokens.dinas as string, {}),
      409,
      "prices.not_held",
    );
    expectProblem(
      await post("/api/v1/prices/review/pob_nope/accept", tokens.dinas as string, {}),
      404,
      "prices.observation_not_found",
    );
    expectProblem(
      await post(`/api/v1/prices/review/${held[0]?.id}/accept`, tokens.warga as string, {}),
      403,
      "auth.forbidden",
    );
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices/series?commodity=cabai-rawit&region=18.71&market=pasar-tugu&from=2025-01-06",
    });
    expect(after.json().points).toEqual([{ date: "2025-01-07", price: 6_100 }]);
  });
});

const PANEL = [
  "Tanggal,Komoditas,Provinsi,Harga",
  "01/03/2023,Beras Premium,Lampung,13000.0",
  "01/03/2023,Beras Premium,DKI Jakarta,14000.0",
  "01/03/2023,Beras Premium,D.I Yogyakarta,12800.0",
  "02/03/2023,Beras Premium,Lampung,",
  "02/03/2023,Beras Premium,Lampung,13100",
].join("\n");

describe("CSV import", () => {
  it("imports Panel Harga's long format mapping names to codes, idempotently", async () => {
    const res = await importCsv(PANEL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: "panel-harga",
      inserted: 4,
      unchanged: 0,
      updated: 0,
      held: 0,
      skipped: 0,
      noPrice: 1,
    });
    const again = await importCsv(PANEL);
    expect(again.json()).toMatchObject({ inserted: 0, unchanged: 4, updated: 0, skipped: 0 });
    expect(
      await count(sql`region_code = '34' and market_id is null and commodity_code = 'beras-premium'`),
    ).toBe(1);
  });

  it("lists unmappable rows with line numbers and refuses the whole file", async () => {
    const before = await count();
    const csv = [
      "Tanggal,Komoditas,Provinsi,Kabupaten/Kota,Pasar,Harga",
      "03/03/2023,Beras Premium,Lampung,Kota Bandar Lampung,Pasar Tugu,13200",
      "31/02/2023,Beras Premium,Lampung,,,13200",
      "03/03/2023,Beras Wangi,Lampung,,,13200",
      "03/03/2023,Beras Premium,Atlantis,,,13200",
      "03/03/2023,Beras Premium,Lampung,Kota Bandar Lampung,,tiga belas ribu",
      "03/03/2023,Beras Premium,DKI Jakarta,Jakarta Timur,Pasar Induk Kramat Jati,14100",
    ].join("\n");
    const res = await importCsv(csv);
    const p = expectProblem(res, 422, "prices.invalid_rows") as unknown as {
      rows: { line: number; column: string }[];
    };
    expect(p.rows.map((r) => [r.line, r.column])).toEqual([
      [3, "Tanggal"],
      [4, "Komoditas"],
      [5, "Provinsi"],
      [6, "Harga"],
    ]);
    expect(await count()).toBe(before);
    const skip = await importCsv(csv, tokens.dinas, true);
    expect(skip.statusCode, skip.body).toBe(200);
    expect(skip.json()).toMatchObject({ inserted: 2, skipped: 4 });
    expect(await count()).toBe((before ?? 0) + 2);
  });

  it("imports Lumbung's own format and refuses unknown headers", async () => {
    const csv = [
      "date,commodity,region,market,level,price",
      "2023-03-03,beras-premium,,pasar-cendrawasih,,12900",
      "2023-03,gabah-kering-panen,18.02,,producer,6200",
    ].join("\n");
    const res = await importCsv(csv, tokens.pasarJaya);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: "lumbung", inserted: 2 });
    expect(
      await count(sql`commodity_code = 'gabah-kering-panen' and date = '2023-03-01' and level = 'producer'`),
    ).toBe(1);
    const bad = await importCsv("kolom,lain\n1,2\n");
    expect(
      (expectProblem(bad, 422, "prices.invalid_rows") as unknown as { rows: { line: number }[] }).rows[0]
        ?.line,
    ).toBe(1);
    expectProblem(await importCsv(PANEL, tokens.warga), 403, "auth.forbidden");
  });
});

describe("public board and open data", () => {
  beforeAll(async () => {
    const rows = [
      // Two Bandar Lampung markets and one in Metro; Jakarta's Senen.
      ["2026-03-01", "pasar-tugu", 14_000],
      ["2026-03-02", "pasar-tugu", 14_200],
      ["2026-03-08", "pasar-tugu", 14_800],
      ["2026-03-09", "pasar-tugu", 15_200],
      ["2026-03-09", "pasar-bambu-kuning", 15_000],
      ["2026-03-09", "pasar-cendrawasih", 14_600],
      ["2026-02-07", "pasar-senen", 15_000],
      ["2026-03-09", "pasar-senen", 16_390],
    ] as const;
    const res = await post("/api/v1/prices/observations", tokens.dinas as string, {
      observations: rows.map(([date, marketCode, price]) => ({
        commodityCode: "beras-premium",
        marketCode,
        date,
        price,
      })),
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("shows today's price, changes and the HET gap per market and per province", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/public/prices/board?date=2026-03-09" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("max-age");
    const board = res.json();
    const rice = board.entries.filter((e: { commodityCode: string }) => e.commodityCode === "beras-premium");
    const tugu = rice.find((e: { market: { code: string } | null }) => e.market?.code === "pasar-tugu");
    expect(tugu).toMatchObject({
      price: 15_200,
      previous: { day: 14_800, week: 14_200, month: null },
      change: { day: 2.7, week: 7 },
      reference: { kind: "HET", max: 14_900, zone: "I" },
      referenceGapPct: 2,
    });
    const senen = rice.find((e: { market: { code: string } | null }) => e.market?.code === "pasar-senen");
    expect(senen).toMatchObject({
      price: 16_390,
      previous: { month: 15_000 },
      change: { month: 9.3 },
      referenceGapPct: 10,
    });
    const lampung = rice.find(
      (e: { aggregate: boolean; regionCode: string }) => e.aggregate && e.regionCode === "18",
    );
    expect(lampung).toMatchObject({ price: 15_000, marketsCount: 3, provinceName: "Lampung" });
    const etag = res.headers.etag as string;
    const again = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices/board?date=2026-03-09",
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("opens on the latest day with prices when nothing was recorded in the last week", async () => {
    const latest = await t.database.db.execute(
      sql`select max(date)::text as d from price_observations where status = 'accepted' and date <= current_date`,
    );
    const expected = (latest as unknown as { rows: { d: string }[] }).rows[0]?.d;
    expect(expected).toBe("2026-03-09");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/public/prices/board" });
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.date).toBe(expected);
    expect(board.entries.length).toBeGreaterThan(0);
  });

  it("refuses a bad board date and bad series queries", async () => {
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/public/prices/board?date=2026-13-01" }),
      400,
      "request.validation",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/public/prices/series?commodity=durian&region=18" }),
      400,
      "prices.unknown_commodity",
    );
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/public/prices/series?commodity=beras-premium&region=77",
      }),
      400,
      "prices.unknown_region",
    );
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/v1/public/prices/series?commodity=beras-premium&region=18&from=2026-03-09&to=2026-03-01",
      }),
      400,
      "prices.invalid_range",
    );
  });

  it("serves a series with the HET band that applied", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices/series?commodity=beras-premium&region=18.71&market=pasar-tugu&from=2026-03-02",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.points).toEqual([
      { date: "2026-03-02", price: 14_200 },
      { date: "2026-03-08", price: 14_800 },
      { date: "2026-03-09", price: 15_200 },
    ]);
    expect(body.zone).toBe("I");
    expect(body.references.map((r: { max: number }) => r.max)).toContain(14_900);
  });

  it("publishes open data as CSV and JSON with filters", async () => {
    const json = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices.json?commodity=beras-premium&region=31&from=2026-01-01",
    });
    expect(json.statusCode).toBe(200);
    expect(json.json().items).toEqual([
      expect.objectContaining({ date: "2026-02-07", marketCode: "pasar-senen", price: 15_000, unit: "kg" }),
      expect.objectContaining({ date: "2026-03-09", marketCode: "pasar-senen", price: 16_390 }),
    ]);
    const csv = await t.app.inject({
      method: "GET",
      url: "/api/v1/public/prices.csv?commodity=beras-premium&market=pasar-tugu&from=2026-03-09",
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.trim().split("\n")).toEqual([
      "date,commodityCode,regionCode,regionName,marketCode,marketName,level,price,unit",
      "2026-03-09,beras-premium,18.71,Kota Bandar Lampung,pasar-tugu,Pasar Tugu,retail,15200,kg",
    ]);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/public/prices.csv?market=nope" }),
      400,
      "prices.unknown_market",
    );
  });
});

describe("public board caching and compression", () => {
  const BOARD = "/api/v1/public/prices/board?date=2025-10-10";
  type Entry = { commodityCode: string; market: { code: string } | null; price: number; date: string };
  const tuguEggs = (body: { entries: Entry[] }) =>
    body.entries.find((e) => e.commodityCode === "telur-ayam" && e.market?.code === "pasar-tugu");
  const getBoard = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: BOARD, headers });
  const record = (date: string, price: number) =>
    post("/api/v1/prices/observations", tokens.dinas as string, {
      observations: [{ commodityCode: "telur-ayam", marketCode: "pasar-tugu", date, price }],
    });

  beforeAll(async () => {
    const res = await record("2025-10-09", 28_000);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("sends gzip or brotli as the client accepts, decoding to the same JSON", async () => {
    const plain = await getBoard();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toContain("accept-encoding");
    expect(tuguEggs(plain.json())?.price).toBe(28_000);

    const gz = await getBoard({ "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toContain("application/json");
    expect(gz.headers.vary).toContain("accept-encoding");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(plain.body);

    const br = await getBoard({ "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);

    // q=0 refuses a coding; a client that accepts none gets the JSON as is.
    const noBrotli = await getBoard({ "accept-encoding": "br;q=0, gzip" });
    expect(noBrotli.headers["content-encoding"]).toBe("gzip");
    const identityOnly = await getBoard({ "accept-encoding": "identity" });
    expect(identityOnly.headers["content-encoding"]).toBeUndefined();
    expect(identityOnly.body).toBe(plain.body);
  });

  it("answers 304 when If-None-Match holds the current ETag, in any of its forms", async () => {
    const plain = await getBoard();
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const br = await getBoard({ "accept-encoding": "br" });
    // The compressed bytes differ from the JSON's, so their validator is the weak form of the same tag.
    expect(br.headers.etag).toBe(`W/${etag}`);

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await getBoard({ "if-none-match": ifNoneMatch, "accept-encoding": "gzip, br" });
      expect(res.statusCode, ifNoneMatch).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers.etag).toBe(`W/${etag}`);
    }
    expect((await getBoard({ "if-none-match": '"other"' })).statusCode).toBe(200);
  });

  it("shows a new price on the very next request, compressed or not", async () => {
    const before = await getBoard({ "accept-encoding": "br" });
    const oldTag = (await getBoard()).headers.etag as string;
    expect(tuguEggs(JSON.parse(brotliDecompressSync(before.rawPayload).toString("utf8")))?.price).toBe(
      28_000,
    );

    expect((await record("2025-10-10", 29_500)).statusCode).toBe(200);

    const plain = await getBoard();
    expect(tuguEggs(plain.json())).toMatchObject({ price: 29_500, date: "2025-10-10" });
    expect(plain.headers.etag).not.toBe(oldTag);
    const gz = await getBoard({ "accept-encoding": "gzip" });
    expect(tuguEggs(JSON.parse(gunzipSync(gz.rawPayload).toString("utf8")))?.price).toBe(29_500);
    const br = await getBoard({ "accept-encoding": "br" });
    expect(tuguEggs(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8")))?.price).toBe(29_500);
    // A copy fetched before the change is stale: its tag no longer revalidates.
    expect((await getBoard({ "if-none-match": oldTag })).statusCode).toBe(200);
  });
});
