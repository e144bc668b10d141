/**
 * The real Panel Harga series in ../shared/data/prices/ (daily premium rice, 38 provinces, May 2022 –
 * May 2023), imported through the API as an official would, read in place. It also shows that prices
 * arriving re-evaluate their series: the early warning has an answer for every province imported.
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";

const FILE = new URL("../../../shared/data/prices/beras-premium-harian-2022-2023.csv", import.meta.url);
const t = useTestApp();
let admin = "";

function importCsv(csv: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/prices/import?skipInvalid=true",
    headers: { ...bearer(admin), "content-type": "text/csv" },
    payload: csv,
  });
}

async function count(where: ReturnType<typeof sql>) {
  const r = await t.database.db.execute(
    sql`select count(*)::int as n from price_observations where ${where}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

beforeAll(async () => {
  admin = await t.login(DEMO_EMAILS.admin);
});

describe("the real Panel Harga file", () => {
  it("imports every row it can read, and importing it again changes nothing", async () => {
    const text = readFileSync(FILE, "utf8");
    const res = await importCsv(text);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.format).toBe("panel-harga");
    expect(body.skipped).toBe(0);
    expect(body.inserted + body.unchanged + body.updated + body.noPrice).toBe(13_794);
    expect(
      await count(
        sql`region_code = '18' and market_id is null and date between '2022-05-19' and '2023-05-16'`,
      ),
    ).toBeGreaterThan(300);

    const again = (await importCsv(text)).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.unchanged).toBe(body.inserted);
  }, 120_000);

  it("leaves the early warning with an answer for Lampung and Jakarta without a manual recompute", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/stability/indicators?commodity=beras-premium&region=18",
      headers: bearer(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { level: string; indicators: Record<string, { eligible: boolean }> }[];
    // Lampung's province series was evaluated when it arrived; a year of data is too short for ALPS.
    expect(items).toHaveLength(1);
    expect(["normal", "waspada", "siaga", "krisis"]).toContain(items[0]?.level);
    expect(items[0]?.indicators.alps?.eligible).toBe(false);
  });
});
