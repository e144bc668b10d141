/**
 * The citizen home `/` (issue 5): open without signing in, the easy-reading switch, keyboard use,
 * the installable app's manifest, and the offline app shell (the service worker is registered in
 * production builds, which is what the e2e server serves from dist/web).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD, htmlLang, launchChromium, MOBILE, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The 401 of the session call when nobody is signed in is expected; anything else is not. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/401/.test(e));
}

async function hasA11yClass(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains("a11y"));
}

describe("citizen home", () => {
  test("anonymous visitors get the home with tiles, prices, news and a sign-in call to action", async () => {
    await withPage(
      browser,
      "home-anonymous",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}/`);
        await page.getByTestId("citizen-home").waitFor();
        expect(page.url()).toBe(`${baseURL}/`);
        expect(await visibleText(page.getByRole("heading", { level: 1 }))).toBe(
          "Selamat datang di Lumbung Lampung",
        );
        expect(await htmlLang(page)).toBe("id");

        const cta = page.getByTestId("home-cta");
        expect(await cta.getByRole("link", { name: "Masuk" }).getAttribute("href")).toBe("/masuk");
        expect(await cta.getByRole("link", { name: "Daftar" }).getAttribute("href")).toBe("/daftar");

        // Every service is a link, the marketplace included.
        const links: Record<string, string> = {
          market: "/pasar",
          services: "/layanan",
          report: "/lapor",
          prices: "/harga",
          news: "/berita",
          trace: "/lacak",
        };
        for (const [key, href] of Object.entries(links)) {
          expect(await page.getByTestId(`tile-${key}`).getByRole("link").getAttribute("href")).toBe(href);
        }

        // The sections below the fold arrive in their own chunk.
        const prices = page.getByTestId("home-prices");
        await prices.getByRole("heading", { name: "Harga pangan hari ini" }).waitFor();
        await prices.locator("[data-testid=home-price-row], p.muted").first().waitFor();
        const rows = await prices.getByTestId("home-price-row").count();
        expect(rows).toBeLessThanOrEqual(6);
        if (rows > 0) {
          expect(await visibleText(prices.getByTestId("home-price-row").first())).toMatch(
            /Rp\s?\d{1,3}(\.\d{3})+/,
          );
        }
        await page.getByTestId("home-news").getByRole("heading", { name: "Berita terbaru" }).waitFor();
        await page.getByTestId("latest-news").waitFor();
        // Only a signed-in citizen has "Laporan saya".
        expect(await page.getByTestId("home-my-reports").count()).toBe(0);

        // Landmarks, and the citizen menu with the home marked as the current page.
        await page.getByRole("banner").waitFor();
        await page.getByRole("contentinfo").waitFor();
        expect(await page.getByRole("main").count()).toBe(1);
        const nav = page.getByRole("navigation", { name: "Menu utama" });
        expect(await nav.getByRole("link", { name: "Beranda" }).getAttribute("aria-current")).toBe("page");
        for (const name of ["Layanan", "Lapor", "Harga", "Berita"]) {
          await nav.getByRole("link", { name }).waitFor();
        }
        await screenshot("home-anonymous");

        // English through the labelled language switch.
        await page.getByRole("button", { name: "EN – switch to English" }).click();
        expect(await visibleText(page.getByRole("heading", { level: 1 }))).toBe("Welcome to Lumbung Lampung");
        expect(await htmlLang(page)).toBe("en");
        expect(unexpected(pageErrors)).toEqual([]);
      },
    );
  });

  test("a signed-in citizen gets the greeting and their reports; the Masuk button is gone", async () => {
    await withPage(browser, "home-warga", { viewport: MOBILE }, async ({ page, screenshot }) => {
      const login = await page.request.post(`${baseURL}/api/v1/auth/login`, {
        data: { identifier: "warga@lumbung.test", password: DEMO_PASSWORD },
      });
      expect(login.status()).toBe(200);
      await page.goto(`${baseURL}/`);
      await page.getByTestId("citizen-home").waitFor();
      await page
        .getByRole("heading", { level: 1, name: /^Selamat (pagi|siang|sore|malam), Nur Aini$/ })
        .waitFor();
      expect(await page.getByTestId("home-cta").count()).toBe(0);
      const mine = page.getByTestId("home-my-reports");
      await mine.getByRole("heading", { name: "Laporan saya" }).waitFor();
      expect(await mine.getByRole("link", { name: "Buat laporan" }).getAttribute("href")).toBe("/lapor/baru");
      // Inbox and profile in the header.
      expect(await page.getByTestId("nav-notifications").getAttribute("href")).toBe("/notifikasi");
      expect(await page.getByTestId("nav-profile").getAttribute("href")).toBe("/profil");
      await screenshot("home-warga");
    });
  });

  test("the easy-reading switch on the home toggles the mode and it persists across a reload", async () => {
    await withPage(browser, "home-a11y", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/`);
      const toggle = page.getByRole("switch", { name: "Tampilan mudah dibaca" });
      await toggle.waitFor();
      expect(await toggle.getAttribute("aria-checked")).toBe("false");
      expect(await hasA11yClass(page)).toBe(false);
      const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

      await toggle.click();
      expect(await toggle.getAttribute("aria-checked")).toBe("true");
      expect(await hasA11yClass(page)).toBe(true);
      // The same preference as the header's toggle.
      expect(await page.getByTestId("a11y-toggle").getAttribute("aria-pressed")).toBe("true");
      const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      expect(Number.parseFloat(after)).toBeCloseTo(Number.parseFloat(before) * 1.25, 1);
      expect(await page.evaluate(() => localStorage.getItem("lumbung.a11y"))).toBe("1");

      await page.reload();
      await page.getByTestId("citizen-home").waitFor();
      expect(await hasA11yClass(page)).toBe(true);
      expect(
        await page.getByRole("switch", { name: "Tampilan mudah dibaca" }).getAttribute("aria-checked"),
      ).toBe("true");
      // Large text does not make the page wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        MOBILE.width,
      );
      await screenshot("home-a11y");

      await page.getByRole("switch", { name: "Tampilan mudah dibaca" }).click();
      expect(await hasA11yClass(page)).toBe(false);
    });
  });

  test("a system asking for more contrast gets easy reading by default", async () => {
    const context = await browser.newContext({ viewport: MOBILE, contrast: "more" });
    try {
      const page = await context.newPage();
      await page.goto(`${baseURL}/`);
      await page.getByTestId("citizen-home").waitFor();
      expect(await hasA11yClass(page)).toBe(true);
    } finally {
      await context.close();
    }
  });

  test("keyboard: the first Tab reaches the skip link, which moves focus to the main content", async () => {
    await withPage(browser, "home-keyboard", { viewport: MOBILE }, async ({ page }) => {
      await page.goto(`${baseURL}/`);
      await page.getByTestId("citizen-home").waitFor();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Langsung ke konten utama");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
      // From main, Tab continues into the page: the first control of the home.
      await page.keyboard.press("Tab");
      const next = await page.evaluate(() => document.activeElement?.textContent ?? "");
      expect(next).toBe("Masuk");
      // Focus is visible (an outline is drawn).
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement as Element).outlineStyle,
      );
      expect(outline).not.toBe("none");
    });
  });

  test("the web app manifest is served, valid, with PNG and maskable icons", async () => {
    const response = await fetch(`${baseURL}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/manifest\+json|json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest.name).toBe("Lumbung Lampung");
    expect(manifest.short_name).toBe("Lumbung");
    expect(manifest.start_url).toBe("/");
    expect(manifest.display).toBe("standalone");
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.filter((i) => i.type === "image/png").map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(manifest.icons.some((i) => i.purpose?.includes("maskable"))).toBe(true);
    for (const icon of manifest.icons) {
      const file = await fetch(`${baseURL}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toContain(icon.type);
      await file.arrayBuffer();
    }
  });

  test("offline: after one visit, reloading / without a connection still shows the app", async () => {
    await withPage(browser, "home-offline", { viewport: MOBILE }, async ({ page, context, screenshot }) => {
      await page.goto(`${baseURL}/`);
      await page.getByTestId("citizen-home").waitFor();
      // The worker is installed and has the files this page loaded.
      await page.locator("html[data-offline-ready='true']").waitFor({ timeout: 30_000 });
      await page
        .getByTestId("home-prices")
        .locator("[data-testid=home-price-row], p.muted")
        .first()
        .waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      await context.setOffline(true);
      await page.reload();
      await page.getByTestId("citizen-home").waitFor();
      await page.getByRole("switch", { name: "Tampilan mudah dibaca" }).waitFor();
      await page.getByTestId("tile-report").waitFor();
      await page.getByTestId("offline-note").waitFor();
      // The home's sections come from the worker's cache too.
      await page.getByTestId("home-prices").getByRole("heading", { name: "Harga pangan hari ini" }).waitFor();
      await screenshot("home-offline");

      // Another page of the app opens offline as well (the shell is served for every navigation).
      await page
        .getByRole("navigation", { name: "Menu utama" })
        .getByRole("link", { name: "Beranda" })
        .click();
      await page.getByTestId("citizen-home").waitFor();
      await context.setOffline(false);
    });
  });
});
