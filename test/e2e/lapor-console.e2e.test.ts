/**
 * Issue 5, the agency console for Lapor: a citizen's report (filed through the API) reaches the
 * inbox of Dinas PU, which opens it, accepts it, assigns it and starts the work from the action
 * panel; a bulk reply then goes to the selected rows, each with its own result; the statistics page
 * counts the report.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD, DESKTOP, launchChromium, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;
let report: { id: string; number: string };

async function login(identifier: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password: DEMO_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  browser = await launchChromium();
  const token = await login("warga@lumbung.test");
  const res = await fetch(`${baseURL}/api/v1/lapor/reports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      clientRequestId: `e2e-console-${Date.now()}`,
      categoryCode: "drainase",
      description: "Selokan tersumbat di depan sekolah, air meluap ke jalan (uji konsol).",
      latitude: -5.4201,
      longitude: 105.2601,
      regencyCode: "18.71",
      privacy: "anonymous",
    }),
  });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  report = (await res.json()) as { id: string; number: string };
});

afterAll(async () => {
  await browser?.close();
});

describe("Lapor agency console", () => {
  test("Dinas PU works a report from its inbox", async () => {
    await withPage(
      browser,
      "lapor-console",
      { viewport: DESKTOP },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}/masuk`);
        await signIn(page, "pu@lumbung.test");
        await page.waitForURL(`${baseURL}/`);

        await page.goto(`${baseURL}/konsol/lapor`);
        expect(await visibleText(page.getByTestId("lapor-agency"))).toContain("Bandar Lampung");
        const row = page.locator(`[data-testid=lapor-inbox-row][data-id="${report.id}"]`);
        await row.waitFor();
        await screenshot("lapor-console-inbox");
        await row.getByTestId("lapor-inbox-link").click();

        const state = page.getByTestId("lapor-state");
        await expect.poll(() => state.getAttribute("data-state")).toBe("menunggu");
        // Anonymous: the agency never sees who filed it.
        expect(await visibleText(page.getByTestId("lapor-reporter"))).toBe("Anonim");

        await page.getByTestId("lapor-action-accept").click();
        await page.getByTestId("lapor-action-submit").click();
        await expect.poll(() => state.getAttribute("data-state")).toBe("koordinasi");
        expect(await visibleText(page.getByTestId("lapor-announce"))).toContain("Koordinasi");

        await page.getByTestId("lapor-action-assign").click();
        await page.getByTestId("lapor-assignee").selectOption({ index: 1 });
        await page.getByTestId("lapor-action-submit").click();
        await expect
          .poll(async () => (await page.getByTestId("lapor-assignee-name").textContent())?.trim())
          .not.toBe("—");

        await page.getByTestId("lapor-action-start").click();
        await page.getByTestId("lapor-note").fill("Tim berangkat ke lokasi.");
        await page.getByTestId("lapor-action-submit").click();
        await expect.poll(() => state.getAttribute("data-state")).toBe("proses");
        expect(await visibleText(state)).toBe("Diproses");
        expect(await page.getByTestId("lapor-history").textContent()).toContain("Tim berangkat ke lokasi.");
        await screenshot("lapor-console-report");

        // A bulk reply to this report from the inbox, with a result per row.
        await page.goto(`${baseURL}/konsol/lapor?q=${encodeURIComponent(report.number)}`);
        await row.getByTestId("lapor-select").check();
        await page.getByTestId("lapor-bulk-action").selectOption("reply");
        await page.getByTestId("lapor-bulk-note").fill("Terima kasih, sedang kami kerjakan.");
        await page.getByTestId("lapor-bulk-submit").click();
        const results = page.getByTestId("lapor-bulk-results");
        expect(await visibleText(results)).toContain(report.number);
        expect(await results.getByTestId("lapor-bulk-result").first().getAttribute("data-ok")).toBe("true");

        await page.goto(`${baseURL}/konsol/lapor/statistik`);
        expect(Number(await visibleText(page.getByTestId("lapor-stats-open")))).toBeGreaterThanOrEqual(1);
        await page.getByTestId("lapor-stats-days-90").click();
        await page.getByTestId("lapor-stats-chart").waitFor();
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("a citizen is told the console is not for them", async () => {
    await withPage(browser, "lapor-console-warga", { viewport: DESKTOP }, async ({ page }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "warga@lumbung.test");
      await page.waitForURL(`${baseURL}/`);
      await page.goto(`${baseURL}/konsol/lapor`);
      await page.getByTestId("lapor-console-forbidden").waitFor();
    });
  });
});
