/**
 * Issue 4 in the browser: an enumerator records market prices with no signal, the entries wait on the
 * phone (through a reload: the service worker serves the app shell), and they are sent, each with the
 * server's answer, when the phone is back online. The public board's map then shows the market.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD, DESKTOP, launchChromium, MOBILE, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
const MARKET = "pasar-way-halim";
// A database kept between runs (PostgreSQL) already holds today's prices from the last run: a new price
// each run keeps the answers meaningful (a repeat would only be "unchanged").
const SALT = Date.now() % 10_000;
const EGG = 25_000 + SALT;
// Ten times the sugar's usual Rp17,500 or so: well past the ×3 that holds a price for review.
const SUGAR = 150_000 + SALT * 10;
const thousands = (n: number) => n.toLocaleString("id-ID");
let browser: Browser;
let token: string;

/** Today in Jakarta, and the days before it, as yyyy-mm-dd. */
function jakartaDay(daysAgo: number): string {
  return new Date(Date.now() + 7 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function waitingCount(page: Page): Promise<string | null> {
  return page.getByTestId("queue-count").getAttribute("data-count");
}

beforeAll(async () => {
  browser = await launchChromium();
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: "bumd@lumbung.test", password: DEMO_PASSWORD }),
  });
  ({ token } = (await login.json()) as { token: string });
  // Two calm weeks of sugar at the market, so a price ten times higher is held as a likely slip.
  await api("POST", "/api/v1/prices/observations", {
    observations: Array.from({ length: 14 }, (_, i) => ({
      commodityCode: "gula-pasir",
      marketCode: MARKET,
      date: jakartaDay(14 - i),
      price: 17_500,
    })),
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("enumerator price form", () => {
  test("prices typed with no signal wait on the device, survive a reload, and are sent once online", async () => {
    await withPage(browser, "harga-catat", { viewport: MOBILE }, async (run) => {
      const { page, context, pageErrors, screenshot } = run;
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "bumd@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.getByRole("link", { name: "Catat harga" }).click();
      await page.getByTestId("price-entry-form").waitFor();
      // The service worker has the app shell and this page's files: it can now open without a signal.
      await page.locator("html[data-offline-ready='true']").waitFor();
      await page.getByTestId("entry-market").selectOption(MARKET);

      await context.setOffline(true);
      await page.locator("[data-testid='entry-connection'][data-online='false']").waitFor();
      await page.getByTestId("price-telur-ayam").fill(thousands(EGG));
      await page.getByTestId("price-gula-pasir").fill(String(SUGAR));
      await page.getByTestId("price-beras-medium").fill("13,5");
      await page.getByTestId("entry-save").click();
      // A decimal is refused on the device, before anything is queued.
      expect(await visibleText(page.getByTestId("entry-beras-medium"))).toMatch(/rupiah bulat/);
      expect(await waitingCount(page)).toBe("0");
      await page.getByTestId("price-beras-medium").fill("");
      await page.getByTestId("entry-save").click();
      await page.locator("[data-testid='queue-count'][data-count='2']").waitFor();
      expect(await visibleText(page.getByTestId("queue-count"))).toBe("2 entri menunggu dikirim");
      expect(await page.locator("[data-testid='queued-entry'][data-state='waiting']").count()).toBe(2);

      // An entry queued by an older version of the app for a commodity the server no longer knows:
      // the server refuses it, and says why.
      await page.evaluate(() => {
        const key = "lumbung.priceEntry.queue.v1";
        const queue = JSON.parse(localStorage.getItem(key) ?? "{}");
        const first = queue.entries[0];
        queue.entries.push({
          ...first,
          key: `${first.owner}|${first.marketCode}|komoditas-lama|${first.date}`,
          commodityCode: "komoditas-lama",
          commodityName: "Komoditas lama",
          commodityNameEn: "Old commodity",
        });
        localStorage.setItem(key, JSON.stringify(queue));
      });

      // Still without a signal: the page comes back from the service worker's cache.
      await page.reload();
      await page.getByTestId("price-entry-form").waitFor();
      await page.getByTestId("entry-offline-mode").waitFor();
      expect(await waitingCount(page)).toBe("3");
      await screenshot("harga-catat-offline-390");

      await context.setOffline(false);
      await page.locator("[data-testid='queue-count'][data-count='0']").waitFor({ timeout: 20_000 });
      const entries = page.getByTestId("queued-entry");
      const stateOf = (code: string) =>
        entries.and(page.locator(`[data-commodity='${code}']`)).getAttribute("data-state");
      // Inserted on a fresh database, updated over the last run's price on a kept one: accepted either way.
      expect(["inserted", "updated"]).toContain(await stateOf("telur-ayam"));
      expect(await stateOf("gula-pasir")).toBe("held");
      expect(await stateOf("komoditas-lama")).toBe("rejected");
      expect(
        await visibleText(
          entries.and(page.locator("[data-commodity='komoditas-lama']")).getByTestId("entry-reason"),
        ),
      ).toMatch(/komoditas-lama/);
      await page.getByTestId("entry-entries").scrollIntoViewIfNeeded();
      await screenshot("harga-catat-sent-390");

      // Stored on the server: the egg price counts, the sugar slip waits for review.
      const stored = await api<{ items: { commodityCode: string; price: number; status: string }[] }>(
        "GET",
        `/api/v1/prices/observations?market=${MARKET}&from=${jakartaDay(0)}&to=${jakartaDay(0)}`,
      );
      const byCode = new Map(stored.items.map((o) => [o.commodityCode, o]));
      expect(byCode.get("telur-ayam")).toMatchObject({ price: EGG, status: "accepted" });
      expect(byCode.get("gula-pasir")).toMatchObject({ price: SUGAR, status: "held" });

      // The answers stay on the device after a reload until cleared; nothing is sent twice.
      await page.reload();
      await page.getByTestId("price-entry-form").waitFor();
      expect(await waitingCount(page)).toBe("0");
      expect(await entries.count()).toBe(3);
      await page.getByTestId("entry-clear").click();
      expect(await entries.count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });

  test("the inbox lists the signed-in person's notifications", async () => {
    await withPage(browser, "notifikasi", { viewport: DESKTOP }, async ({ page, pageErrors }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "bumd@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.getByTestId("notifications-link").click();
      await page.getByRole("heading", { level: 1, name: "Notifikasi" }).waitFor();
      await page.getByTestId("notifications").waitFor();
      await page.getByTestId("notifications-count").waitFor({ state: "detached" });
      expect(pageErrors).toEqual([]);
    });
  });
});

describe("price board map", () => {
  test("markets with a price are dots on the Lampung panel, named on focus and in a table", async () => {
    await withPage(browser, "harga-peta", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/harga`);
      const map = page.getByTestId("board-map");
      await map.waitFor();
      await map.getByTestId("board-map-commodity").selectOption("telur-ayam");
      const dot = map.getByTestId("board-map-18").locator(`[data-market='${MARKET}']`);
      await dot.waitFor();
      expect(await dot.getAttribute("aria-label")).toMatch(
        new RegExp(`Pasar Way Halim: Rp\\s?${thousands(EGG).replace(".", "\\.")}`),
      );
      await dot.focus();
      expect(await visibleText(map.getByTestId("board-map-tip"))).toMatch(/Pasar Way Halim/);
      await map.getByText("Lihat sebagai tabel").click();
      expect(await visibleText(map.getByTestId("board-map-table"))).toMatch(/Pasar Way Halim/);
      await map.screenshot({ path: "test-results/e2e/harga-peta-1280.png" });
      await screenshot("harga-peta-page-1280");
      expect(pageErrors).toEqual([]);
    });
  });
});
