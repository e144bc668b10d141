/**
 * J3 in the browser, end to end: a Dinas official imports a CSV of prices → the early warning flags
 * cabai merah keriting in Jakarta → the stability dashboard shows stock cover and the Lampung supply →
 * a recommendation to release Food Station's stock with its expected price effect → a Food Station
 * official approves → the planned shipments to the markets exist → the ledger shows them with the
 * prices before.
 *
 * Set-up through the API, as the corridor would have left it: the Dinas's demand figure for the
 * commodity, and chili Food Station received into the Jakarta shared warehouse.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DESKTOP, launchChromium, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
const CHILI = "cabai-merah-keriting";
let browser: Browser;

async function login(identifier: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password: "lumbung-demo" }),
  });
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** yyyy-mm-dd in Jakarta, `daysAgo` days back. */
function jakartaDay(daysAgo: number): string {
  return new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** A month of calm prices, then three days far above the HAP (Rp55,000), at two Pasar Jaya markets. */
function pricesCsv(): string {
  const lines = ["date,commodity,region,market,level,price"];
  for (const market of ["pasar-senen", "pasar-minggu"]) {
    for (let ago = 33; ago >= 0; ago--) {
      lines.push(`${jakartaDay(ago)},${CHILI},,${market},retail,${ago > 2 ? 40_000 : 85_000}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

beforeAll(async () => {
  browser = await launchChromium();
  const dinas = await login("dinas@lumbung.test");
  const bumd = await login("bumd@lumbung.test");
  const koperasi = await login("koperasi@lumbung.test");
  await api(dinas, "PUT", `/api/v1/supply/plans/${CHILI}/31`, {
    dailyDemandKg: 20_000,
    targetCoverDays: 7,
    inflowIndex: Array(12).fill(1),
    lampungSupplyKg: Array(12).fill(0),
    demandElasticity: -0.5,
    source: "Perkiraan Dinas KPKP untuk uji J3",
  });
  const lot = await api<{ lgtin: string }>(koperasi, "POST", "/api/v1/lots", {
    commodityCode: CHILI,
    quantity: "2000",
    unit: "kg",
    harvestDate: jakartaDay(5),
    villageCode: "18.72.01.1001",
    grade: "A",
  });
  const site = await api<{ dock: string }>(bumd, "GET", "/api/v1/warehouse/sites/gudang-bersama-jakarta");
  await api(bumd, "POST", "/epcis/events", {
    "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    type: "ObjectEvent",
    eventTime: new Date().toISOString(),
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "sellable_accessible",
    readPoint: { id: site.dock },
    bizLocation: { id: site.dock },
    quantityList: [{ epcClass: lot.lgtin, quantity: 2000, uom: "KGM" }],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("J3: price spike to intervention", () => {
  test("a Dinas official imports prices and the alert appears with the supply position", async () => {
    await withPage(browser, "j3-import", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "dinas@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.goto(`${baseURL}/konsol/harga/impor`);
      await page.getByTestId("prices-import-file").setInputFiles({
        name: "harga-cabai.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(pricesCsv()),
      });
      await page.getByTestId("prices-import-submit").click();
      const result = page.getByTestId("prices-import-result");
      await result.waitFor();
      expect(await visibleText(result.getByTestId("prices-import-inserted"))).toBe("68");
      await screenshot("j3-import");

      await result.getByTestId("prices-import-alerts").click();
      await page.getByTestId("stability-focus-commodity").selectOption(CHILI);
      await page.getByTestId("stability-focus-region").selectOption("31");
      const alerts = page.getByTestId("stability-alerts");
      await alerts.waitFor();
      expect(await visibleText(alerts)).toMatch(/cabai merah keriting/i);
      // Cover: 2 t against 20 t a day.
      const cover = page.getByTestId("supply-cover");
      await cover.waitFor();
      expect(await visibleText(cover)).toMatch(/0[,.]1/);
      expect(await visibleText(page.getByTestId("supply-holdings"))).toMatch(/Food Station/);
      await page.getByTestId("supply-outlook-chart").waitFor();
      await page.getByTestId("supply-lampung").waitFor();
      await screenshot("j3-dashboard-dinas");
      expect(pageErrors).toEqual([]);
    });
  });

  test("a Food Station official approves the release; the shipments and the ledger show it", async () => {
    await withPage(browser, "j3-approve", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "bumd@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.goto(`${baseURL}/konsol/stabilitas?commodity=${CHILI}&region=31`);
      const release = page.getByTestId("recommendation-release_stock");
      await release.waitFor();
      expect(await visibleText(release.getByTestId("recommendation-quantity"))).toMatch(/^2 t$/);
      // 2 t over a week of 20 t/day is 1.43% more supply; ÷ −0.5 → about −2.9%.
      expect(await visibleText(release.getByTestId("recommendation-effect"))).toMatch(/−2[,.]9%|-2[,.]9%/);
      expect(await visibleText(release)).toMatch(/Pasar Senen/);
      await screenshot("j3-recommendation");

      await release.getByTestId("recommendation-note").fill("Operasi pasar cabai, minggu ini");
      await release.getByTestId("recommendation-approve").click();
      const said = page.getByTestId("recommendations").getByRole("status");
      await said.getByText(/SJ-/).waitFor();
      await release.waitFor({ state: "detached" });

      const ledger = page.getByTestId("intervention-ledger");
      const row = ledger.getByTestId("ledger-row").first();
      await row.waitFor();
      expect(await visibleText(row)).toMatch(/Operasi pasar cabai, minggu ini/);
      expect(await visibleText(row)).toMatch(/Pasar (Senen|Minggu)/);
      await screenshot("j3-ledger");

      // The release exists in the corridor: a planned shipment from the Jakarta shared warehouse.
      await row.getByRole("link").first().click();
      const detail = page.getByTestId("shipment-detail");
      await detail.waitFor();
      expect(await visibleText(detail)).toMatch(/Gudang Bersama Jakarta/);
      expect(await visibleText(detail)).toMatch(/Pasar (Senen|Minggu)/);
      await screenshot("j3-shipment");
      expect(pageErrors).toEqual([]);
    });
  });
});
