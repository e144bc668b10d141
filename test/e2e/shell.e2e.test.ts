import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DESKTOP, htmlLang, launchChromium, MOBILE, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("web shell", () => {
  test("a visitor sees the public home, signs in as a citizen, switches to English and signs out", async () => {
    await withPage(browser, "citizen", { viewport: MOBILE }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/`);
      // Not signed in: the citizen home is open to everyone, in Indonesian, with a way to sign in.
      await page.getByRole("heading", { level: 1, name: "Selamat datang di Lumbung Lampung" }).waitFor();
      expect(await htmlLang(page)).toBe("id");
      await screenshot("home-anonymous-mobile");

      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "warga@lumbung.test");
      await page.getByTestId("citizen-home").waitFor();
      await page
        .getByRole("heading", { level: 1 })
        .filter({ hasText: /^Selamat (pagi|siang|sore|malam), / })
        .waitFor();
      await page.getByRole("heading", { name: "Harga pangan hari ini" }).waitFor();
      // The marketplace is open: its tile links to the storefront.
      expect(await page.getByTestId("tile-market").getByRole("link").getAttribute("href")).toBe("/pasar");
      // Lapor is a working service now.
      expect(await page.getByTestId("tile-report").locator("a").count()).toBe(1);
      await screenshot("citizen-home-id");

      await page.getByTestId("lang-toggle").click();
      await page.getByRole("heading", { name: "Food prices today" }).waitFor();
      expect(await htmlLang(page)).toBe("en");
      expect(await visibleText(page.getByTestId("tile-market"))).toContain("UMKM Market");
      expect(await visibleText(page.getByTestId("lang-toggle"))).toBe("ID");
      await screenshot("citizen-home-en");

      // The language choice survives a reload.
      await page.reload();
      await page.getByRole("heading", { name: "Food prices today" }).waitFor();
      expect(await htmlLang(page)).toBe("en");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(await visibleText(page.getByRole("status"))).toContain("You have signed out.");
      // The session cookie is gone: home greets a visitor again.
      await page.goto(`${baseURL}/`);
      await page.getByRole("heading", { level: 1, name: "Welcome to Lumbung Lampung" }).waitFor();
      expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });

  test("a koperasi member sees the operator console with their organisation and corridor sites", async () => {
    await withPage(browser, "koperasi", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "koperasi@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      expect(await visibleText(page.getByTestId("org-name"))).toBe("Gapoktan Sari Makmur");
      expect(await visibleText(page.getByRole("heading", { level: 1 }))).toContain("Gapoktan Sari Makmur");
      expect(await visibleText(page.getByTestId("org-kind"))).toBe("Koperasi / Gapoktan");
      await page.getByRole("navigation", { name: "Menu konsol" }).waitFor();

      const sites = await visibleText(page.getByTestId("sites-table"));
      expect(sites).toMatch(/Panjang/);
      expect(sites).toMatch(/Priok/);
      await page.getByTestId("reference-prices").waitFor();
      // Only admins see the audit log.
      expect(await page.getByTestId("audit-table").count()).toBe(0);
      await screenshot("koperasi-console-id");

      await page.getByTestId("lang-toggle").click();
      await page.getByRole("heading", { name: "Corridor sites" }).waitFor();
      expect(await htmlLang(page)).toBe("en");
      expect(await visibleText(page.getByTestId("org-kind"))).toBe("Cooperative / farmers' group");
      await screenshot("koperasi-console-en");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(pageErrors).toEqual([]);
    });
  });

  test("an admin sees the audit log and the organisations", async () => {
    await withPage(browser, "admin", { viewport: DESKTOP }, async ({ page, pageErrors, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "admin@lumbung.test");
      await page.getByTestId("console-home").waitFor();
      await page.getByRole("heading", { name: "Audit log" }).waitFor();

      const auditRows = page.getByTestId("audit-table").locator("tbody tr");
      await auditRows.first().waitFor();
      expect(await auditRows.count()).toBeGreaterThan(0);
      expect(await visibleText(auditRows.first())).toMatch(/WIB/);

      const orgs = await visibleText(page.getByTestId("organisations-table"));
      expect(orgs).toContain("Gapoktan Sari Makmur");
      await screenshot("admin-console-id");

      await page.getByTestId("lang-toggle").click();
      await page.getByRole("heading", { name: "Organisations", exact: true }).waitFor();
      expect(await htmlLang(page)).toBe("en");
      await screenshot("admin-console-en");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(pageErrors).toEqual([]);
    });
  });

  test("a wrong password shows the error and stays on sign-in", async () => {
    await withPage(browser, "wrong-password", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "warga@lumbung.test", "bukan-kata-sandinya");
      const alert = page.getByRole("alert").filter({ hasText: "Email/nomor HP atau kata sandi salah." });
      await alert.waitFor();
      await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
      expect(await page.getByTestId("citizen-home").count()).toBe(0);
      await screenshot("sign-in-wrong-password");
    });
  });

  test("the sign-in form can be completed with the keyboard alone", async () => {
    await withPage(browser, "keyboard", { viewport: DESKTOP }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();

      // The first Tab reaches the skip link.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Langsung ke konten utama");

      // Tab on to the identifier field, type, Tab to the password, type, Enter.
      const focusedName = () =>
        page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
      for (let i = 0; i < 15 && (await focusedName()) !== "identifier"; i++) {
        await page.keyboard.press("Tab");
      }
      expect(await focusedName()).toBe("identifier");
      await page.keyboard.type("warga@lumbung.test");
      await page.keyboard.press("Tab");
      expect(await focusedName()).toBe("password");
      await page.keyboard.type("lumbung-demo");
      await screenshot("sign-in-keyboard");
      await page.keyboard.press("Enter");

      await page.getByTestId("citizen-home").waitFor();
      await page.getByRole("heading", { name: "Harga pangan hari ini" }).waitFor();
    });
  });

  test("large text / high contrast is a toggle that persists", async () => {
    await withPage(browser, "a11y", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      const toggle = page.getByRole("button", { name: "Teks besar / kontras tinggi" });
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      await toggle.click();
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      expect(await page.locator("html").getAttribute("class")).toContain("a11y");
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
      expect(await page.locator("html").getAttribute("class")).toContain("a11y");
      await screenshot("sign-in-large-text");
    });
  });

  test("a citizen can register and lands on the citizen home", async () => {
    await withPage(browser, "register", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/masuk`);
      await page.getByRole("link", { name: "Daftar sekarang" }).click();
      await page.getByRole("heading", { level: 1, name: "Daftar akun warga" }).waitFor();

      // A short password is caught beside the field before anything is sent.
      await page.getByLabel("Nama lengkap").fill("Rahmat Hidayat");
      await page.getByLabel("Email atau nomor HP").fill(`rahmat.${Date.now()}@contoh.id`);
      await page.getByLabel("Kata sandi", { exact: true }).fill("pendek");
      await page.getByRole("button", { name: "Daftar", exact: true }).click();
      await page.getByText("Kata sandi minimal 10 karakter.").waitFor();
      await screenshot("register-validation");

      await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-panjang-sekali");
      await page.getByRole("button", { name: "Daftar", exact: true }).click();
      await page.getByTestId("citizen-home").waitFor();
      expect(await visibleText(page.getByRole("heading", { level: 1 }))).toContain("Rahmat Hidayat");
    });
  });
});
