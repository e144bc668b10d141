/**
 * The first half of J3 in the browser: a dinas enumerator's prices arrive (through the API, as the
 * import and the enumerator form send them), the public board at /harga shows them against the HAP,
 * and the early warning has already raised the alert an official sees on /konsol/stabilitas.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DESKTOP, launchChromium, MOBILE, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;

/** Today in Jakarta, and the days before it, as yyyy-mm-dd. */
function jakartaDay(daysAgo: number): string {
  const at = new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000);
  return at.toISOString().slice(0, 10);
}

beforeAll(async () => {
  browser = await launchChromium();
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: "dinas@lumbung.test", password: "lumbung-demo" }),
  });
  const { token } = (await login.json()) as { token: string };
  // A calm month of cabai rawit at Pasar Senen, then today's jump far above the HAP (Rp57,000).
  const observations = Array.from({ length: 30 }, (_, i) => ({
    commodityCode: "cabai-rawit",
    marketCode: "pasar-senen",
    date: jakartaDay(30 - i),
    price: 48_000,
  }));
  observations.push({
    commodityCode: "cabai-rawit",
    marketCode: "pasar-senen",
    date: jakartaDay(0),
    price: 82_000,
  });
  const res = await fetch(`${baseURL}/api/v1/prices/observations`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ observations }),
  });
  if (res.status !== 200) throw new Error(`recording prices: ${res.status} ${await res.text()}`);
});

afterAll(async () => {
  await browser?.close();
});

describe("prices and early warning", () => {
  test("anyone sees today's price against the HAP on /harga", async () => {
    await withPage(browser, "harga", { viewport: MOBILE }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/harga`);
      const chili = page.getByTestId("commodity-cabai-rawit");
      await chili.waitFor();
      const jakarta = chili.getByTestId("province-col-31");
      expect(await visibleText(jakarta)).toMatch(/Rp\s?82\.000/);
      expect(await visibleText(jakarta.getByTestId("het-gap").first())).toMatch(/HAP/);
      await page.getByTestId("download-csv").waitFor();
      await screenshot("harga-mobile-id");
      expect(pageErrors).toEqual([]);
    });
  });

  test("an official sees the alert the prices raised, with its reason and indicators", async () => {
    await withPage(browser, "stabilitas", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "dinas@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.goto(`${baseURL}/konsol/stabilitas`);
      // Other journeys raise alerts of their own on the same server: read the cabai rawit row.
      const alerts = page.getByTestId("stability-alerts");
      const row = alerts
        .locator("tbody tr")
        .filter({ hasText: /cabai rawit/i })
        .first();
      const reason = row.getByTestId("stability-alert-reason");
      expect(await visibleText(reason)).toMatch(/cabai rawit/i);
      expect(await visibleText(reason)).toMatch(/HAP/);
      expect(await row.getByTestId("stability-level-badge").getAttribute("data-level")).toMatch(
        /siaga|krisis/,
      );
      await row.getByTestId("stability-show-indicators").click();
      await page.getByTestId("stability-indicators").waitFor();
      await screenshot("stabilitas-desktop-id");
      expect(pageErrors).toEqual([]);
    });
  });
});
