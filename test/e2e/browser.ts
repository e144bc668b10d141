/** Chromium (the system's, never a downloaded one) and small helpers for the e2e tests. */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { expect } from "vitest";

export const DEMO_PASSWORD = "lumbung-demo";
export const MOBILE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

const ARTIFACTS = fileURLToPath(new URL("../../test-results/e2e/", import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface PageRun {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
  screenshot: (name: string) => Promise<void>;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Runs `body` in a fresh browser context (no cookies, empty localStorage). When it
 * fails, a `FAILED-<name>.png` screenshot is saved beside the others.
 */
export async function withPage(
  browser: Browser,
  name: string,
  options: { viewport: { width: number; height: number } },
  body: (run: PageRun) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: options.viewport,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  try {
    await body({ page, context, pageErrors, screenshot: (shot) => screenshot(page, shot) });
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/** Waits until the locator is visible and returns its text. */
export async function visibleText(locator: Locator): Promise<string> {
  await locator.waitFor({ state: "visible" });
  return ((await locator.textContent()) ?? "").trim();
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/** Signs in through the form as a person would (Indonesian UI). */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
  await page.getByLabel("Email atau nomor HP").fill(identifier);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/** A person at their desk: signed in through the form, with the API of the same browser context. */
export interface Actor {
  page: Page;
  api: APIRequestContext;
  close: () => Promise<void>;
}

/** Signs `email` in through the form (Indonesian UI, Jakarta time); `close` fails on uncaught page errors. */
export async function signedInActor(browser: Browser, baseURL: string, email: string): Promise<Actor> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${baseURL}/masuk`);
  await page.getByLabel("Email atau nomor HP").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.getByTestId("console-home").waitFor();
  return {
    page,
    api: context.request,
    close: async () => {
      expect(errors, `uncaught errors in ${email}'s pages`).toEqual([]);
      await context.close();
    },
  };
}

/** The JSON body of a Playwright API response; any non-2xx answer throws with its body. */
export async function json<T>(res: {
  ok: () => boolean;
  status: () => number;
  text: () => Promise<string>;
}): Promise<T> {
  const body = await res.text();
  if (!res.ok()) throw new Error(`HTTP ${res.status()}: ${body}`);
  return JSON.parse(body) as T;
}

/** Runs one step of a journey in the actor's page; on failure keeps a FAILED-<name> screenshot. */
export async function step<T>(actor: Actor, name: string, body: (page: Page) => Promise<T>): Promise<T> {
  try {
    return await body(actor.page);
  } catch (error) {
    await screenshot(actor.page, `FAILED-${name}`).catch(() => {});
    throw error;
  }
}
