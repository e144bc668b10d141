/**
 * J2 in the browser, end to end: a citizen (warga) files a Lapor report with no signal — category,
 * description, a pin on the offline map, a photo — and it waits on the phone (IndexedDB outbox, through
 * an offline reload served by the service worker); back online it is sent exactly once. The agency
 * (Dinas PU Kota Bandar Lampung) accepts it and delegates it to the kecamatan, which starts and resolves
 * it with an after-photo; the citizen reopens it with a note; the kecamatan resolves it again; the
 * citizen confirms and rates it 5 with a comment; the history shows every step.
 *
 * The citizen's steps are all in the browser. The agency's steps run in the agency console
 * (/konsol/lapor/:id, helper F) when AGENCY_VIA_CONSOLE is true, else through the HTTP API with the
 * staff's bearer token.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  DEMO_PASSWORD,
  DESKTOP,
  launchChromium,
  MOBILE,
  screenshot,
  signIn,
  visibleText,
  withPage,
} from "./browser.ts";

const baseURL = inject("baseURL");
const AGENCY_VIA_CONSOLE = process.env.J2_AGENCY_VIA_API !== "1";
const SALT = Date.now().toString(36);
const DESCRIPTION = `Lubang besar di jalan depan pasar, motor sering jatuh (uji J2 ${SALT}).`;
// Near Jl. Raden Intan, Tanjungkarang Pusat, Bandar Lampung.
const LAT = "-5.41720";
const LNG = "105.25810";
let browser: Browser;
let photo: Buffer;
let afterPhoto: Buffer;

const log = (what: string) => process.env.J2_TRACE && console.log(`[j2] ${new Date().toISOString()} ${what}`);

async function login(identifier: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const isImage = body instanceof Buffer;
  log(`${method} ${path}`);
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": isImage ? "image/jpeg" : "application/json" }),
    },
    ...(body === undefined ? {} : { body: isImage ? new Uint8Array(body) : JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  log(`→ ${res.status}`);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface ReportView {
  id: string;
  number: string;
  state: string;
  description: string;
  mine: boolean;
  history: { action: string; toState: string | null; photos: unknown[] }[];
  rating: number | null;
}

function jpeg(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();
}

async function reportState(page: Page): Promise<string | null> {
  return page.getByTestId("lapor-report-state").getAttribute("data-state");
}

async function waitForState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid='lapor-report-state'][data-state='${state}']`).waitFor();
}

/** One agency step: in the console (F's hooks) or through the API. */
async function agencyStep(
  who: { page: Page | null; token: string },
  id: string,
  action: "accept" | "dispose" | "start" | "resolve",
  expected: string,
  options: { note?: string; target?: string; photo?: Buffer } = {},
): Promise<void> {
  log(`agency ${action}`);
  if (AGENCY_VIA_CONSOLE && who.page) {
    const page = who.page;
    await page.goto(`${baseURL}/konsol/lapor/${id}`);
    await page.getByTestId("lapor-state").waitFor();
    await page.getByTestId(`lapor-action-${action}`).click();
    const submit = page.getByTestId("lapor-action-submit");
    if (options.target) await page.getByTestId("lapor-target-agency").selectOption(options.target);
    if (options.photo) {
      await page
        .getByTestId("lapor-after-photo")
        .setInputFiles({ name: "sesudah.jpg", mimeType: "image/jpeg", buffer: options.photo });
    }
    if (options.note) await page.getByTestId("lapor-note").fill(options.note);
    if (await submit.isVisible()) await submit.click();
    await page.locator(`[data-testid='lapor-state'][data-state='${expected}']`).waitFor();
    return;
  }
  const photoIds = options.photo
    ? [(await api<{ id: string }>(who.token, "POST", "/api/v1/lapor/photos", options.photo)).id]
    : undefined;
  const report = await api<ReportView>(who.token, "POST", `/api/v1/lapor/reports/${id}/actions`, {
    action,
    ...(options.note ? { note: options.note } : {}),
    ...(options.target ? { targetAgencyCode: options.target } : {}),
    ...(photoIds ? { photoIds } : {}),
  });
  expect(report.state).toBe(expected);
}

async function staffPage(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/masuk`);
  await signIn(page, email);
  await page.getByTestId("console-home").waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  photo = await jpeg(120, 90, 60);
  afterPhoto = await jpeg(60, 120, 90);
});

afterAll(async () => {
  await browser?.close();
});

describe("J2: a citizen's report, filed offline, handled to the end", () => {
  test("offline filing → sync once → accept, delegate, resolve → reopen → resolve → confirm → rate", async () => {
    const wargaToken = await login("warga@lumbung.test");
    const puToken = await login("pu@lumbung.test");
    const kecToken = await login("kecamatan@lumbung.test");

    await withPage(browser, "j2-lapor", { viewport: MOBILE }, async ({ page, context, pageErrors }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "warga@lumbung.test");
      await page.waitForURL(`${baseURL}/`);

      // Online first: the pages' files and the categories reach the phone.
      await page.goto(`${baseURL}/lapor/saya`);
      await page.getByTestId("lapor-mine").waitFor();
      await page.getByTestId("lapor-new-button").click();
      const form = page.getByTestId("lapor-form");
      await form.waitFor();
      await page
        .locator("[data-testid='lapor-category'] option[value='jalan-rusak']")
        .waitFor({ state: "attached" });
      await page.locator("html[data-offline-ready='true']").waitFor();

      // No signal from here on.
      await context.setOffline(true);
      await page.getByTestId("lapor-offline-note").waitFor();
      await page.getByTestId("lapor-category").selectOption("jalan-rusak");
      expect(await visibleText(page.getByTestId("lapor-category-info"))).toMatch(
        /Dinas Pekerjaan Umum Kota Bandar Lampung/,
      );
      await page.getByTestId("lapor-description").fill(DESCRIPTION);

      // The pin: a tap on the map, moved with the arrow keys, then the exact coordinates typed.
      const map = page.getByTestId("lapor-pin-map");
      await map.click({ position: { x: 200, y: 200 } });
      await page.getByTestId("lapor-pin").waitFor();
      const before = await page.getByTestId("lapor-lat").inputValue();
      await map.focus();
      await page.keyboard.press("ArrowUp");
      expect(Number(await page.getByTestId("lapor-lat").inputValue())).toBeCloseTo(Number(before) + 0.01, 5);
      await page.getByTestId("lapor-lat").fill(LAT);
      await page.getByTestId("lapor-lng").fill(LNG);
      expect(await visibleText(page.getByTestId("lapor-pin-text"))).toContain("-5.41720, 105.25810");
      await page.getByTestId("lapor-address").fill("Jl. Raden Intan, depan pasar");

      // A file that is not a photo is refused on the phone, with a reason; the photo is kept.
      await page
        .getByTestId("lapor-photo-input")
        .setInputFiles({ name: "catatan.txt", mimeType: "text/plain", buffer: Buffer.from("bukan foto") });
      expect(await visibleText(page.getByTestId("lapor-photo-error"))).toMatch(/bukan foto JPEG/);
      await page
        .getByTestId("lapor-photo-input")
        .setInputFiles({ name: "jalan.jpg", mimeType: "image/jpeg", buffer: photo });
      await page.getByTestId("lapor-photo-thumb").waitFor();
      await page.getByTestId("lapor-privacy-public").check();
      await screenshot(page, "j2-formulir-390");
      await page.getByTestId("lapor-submit").click();

      const saved = page.getByTestId("lapor-saved-message");
      expect(await visibleText(saved)).toMatch(/tersimpan di perangkat/);
      expect(await visibleText(saved)).toMatch(/dikirim saat koneksi kembali/);
      await screenshot(page, "j2-tersimpan-offline-390");

      // The outbox on "Laporan saya", also after a reload with no signal (service worker + IndexedDB).
      await page.getByTestId("lapor-saved-mine").click();
      await page.locator("[data-testid='lapor-outbox-item'][data-status='waiting']").waitFor();
      await page.reload();
      await page
        .locator("[data-testid='lapor-outbox-item'][data-status='waiting']")
        .waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("lapor-outbox-item").count()).toBe(1);

      // Back online: it is sent, and listed with its number.
      await context.setOffline(false);
      await page.getByTestId("lapor-outbox-item").waitFor({ state: "detached", timeout: 30_000 });
      const card = page.getByTestId("lapor-my-list").getByTestId("lapor-card").first();
      await card.waitFor({ timeout: 20_000 });
      const number = await card.getAttribute("data-number");
      const id = (await card.getAttribute("data-id")) as string;
      expect(number).toBeTruthy();
      expect(await visibleText(card)).toContain(number as string);

      // Exactly one report on the server.
      const mine = await api<{ items: ReportView[] }>(wargaToken, "GET", "/api/v1/lapor/my/reports");
      const filed = mine.items.filter((r) => r.description === DESCRIPTION);
      expect(filed).toHaveLength(1);
      expect(filed[0]?.id).toBe(id);
      const full = await api<ReportView & { photos: unknown[] }>(
        wargaToken,
        "GET",
        `/api/v1/lapor/reports/${id}`,
      );
      expect(full.state).toBe("menunggu");
      expect(full.photos).toHaveLength(1);

      // The agency: Dinas PU accepts and delegates to the kecamatan, which starts and resolves it.
      const staff = AGENCY_VIA_CONSOLE
        ? await browser.newContext({ viewport: DESKTOP, locale: "id-ID", timezoneId: "Asia/Jakarta" })
        : null;
      try {
        const pu = { page: staff ? await staffPage(staff, "pu@lumbung.test") : null, token: puToken };
        await agencyStep(pu, id, "accept", "koordinasi");
        await agencyStep(pu, id, "dispose", "disposisi", {
          target: "kec-tanjungkarang-pusat",
          note: "Mohon ditangani kecamatan.",
        });
        if (staff) {
          await staff.clearCookies();
        }
        const kec = {
          page: staff ? await staffPage(staff, "kecamatan@lumbung.test") : null,
          token: kecToken,
        };
        await agencyStep(kec, id, "start", "proses");
        await agencyStep(kec, id, "resolve", "menunggu_validasi", {
          note: "Lubang sudah ditambal.",
          photo: afterPhoto,
        });

        // The citizen: not fixed well — reopens with a note, inside the 7-day window.
        await page.goto(`${baseURL}/lapor/${id}`);
        await waitForState(page, "menunggu_validasi");
        await page.getByTestId("lapor-confirm-due").waitFor();
        expect(await page.locator("[data-testid='lapor-photo'][data-kind='after']").count()).toBeGreaterThan(
          0,
        );
        await page.getByTestId("lapor-do-reopen").click();
        await page.getByTestId("lapor-action-send").click();
        expect(await visibleText(page.getByTestId("lapor-action-error"))).toMatch(/keterangan/i);
        await page.getByTestId("lapor-action-note").fill("Tambalan sudah retak lagi, masih berlubang.");
        await page.getByTestId("lapor-action-send").click();
        await waitForState(page, "dibuka_kembali");
        await page.getByTestId("lapor-clock").waitFor();

        // The kecamatan resolves it again, with a new photo.
        await agencyStep(kec, id, "resolve", "menunggu_validasi", {
          note: "Diaspal ulang seluruhnya.",
          photo: afterPhoto,
        });
      } finally {
        await staff?.close();
      }

      // The citizen confirms and rates it.
      await page.goto(`${baseURL}/lapor/${id}`);
      await waitForState(page, "menunggu_validasi");
      await page.getByTestId("lapor-do-confirm").click();
      await page.getByTestId("lapor-action-send").click();
      await waitForState(page, "selesai");
      await page.getByTestId("lapor-do-rate").click();
      await page.getByTestId("lapor-rating-5").check();
      await page.getByTestId("lapor-comment").fill("Cepat dan rapi, terima kasih.");
      await page.getByTestId("lapor-action-send").click();
      await page.locator("[data-testid='lapor-report-rating'][data-rating='5']").waitFor();
      expect(await reportState(page)).toBe("selesai");

      // The history shows every step, in order.
      const actions = await page
        .getByTestId("lapor-history-entry")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-action")));
      const steps = actions.filter((a) => a !== "reply" && a !== "assign" && a !== "join");
      expect(steps).toEqual([
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
      const history = await visibleText(page.getByTestId("lapor-history"));
      expect(history).toContain("Dinas Pekerjaan Umum Kota Bandar Lampung");
      expect(history).toContain("Tambalan sudah retak lagi");
      await screenshot(page, "j2-selesai-390");

      const final = await api<ReportView>(wargaToken, "GET", `/api/v1/lapor/reports/${id}`);
      expect(final).toMatchObject({ state: "selesai", rating: 5 });

      // Public: on the feed (a card and a dot on the offline map) and counted in the league table.
      await page.goto(`${baseURL}/lapor`);
      await page.locator(`[data-testid='lapor-card'][data-id='${id}']`).waitFor();
      await page.locator(`[data-testid='lapor-map-dot'][data-id='${id}']`).waitFor();
      await screenshot(page, "j2-feed-390");
      await page.getByTestId("lapor-league-link").click();
      const league = page.getByTestId("lapor-league-table");
      await league.waitFor();
      expect(await visibleText(league.locator("caption"))).toMatch(/Ketepatan waktu instansi/);
      await screenshot(page, "j2-liga-390");
      expect(pageErrors).toEqual([]);
    });

    // A visitor who is not signed in sees the public report and its history, without actions.
    await withPage(browser, "j2-visitor", { viewport: MOBILE }, async ({ page, pageErrors }) => {
      await page.goto(`${baseURL}/lapor`);
      const card = page.locator("[data-testid='lapor-card'][data-state='selesai']").first();
      await card.getByRole("link").click();
      await waitForState(page, "selesai");
      expect(await page.getByTestId("lapor-history-entry").count()).toBeGreaterThanOrEqual(9);
      expect(await page.getByTestId("lapor-actions").count()).toBe(0);
      expect(await visibleText(page.getByTestId("lapor-history"))).not.toContain("Nur Aini");
      expect(pageErrors).toEqual([]);
    });
  }, 240_000);

  test("a report near an open one of the same category offers to follow it instead", async () => {
    const wargaToken = await login("warga@lumbung.test");
    const upload = await api<{ id: string }>(wargaToken, "POST", "/api/v1/lapor/photos", photo);
    const first = await api<ReportView>(wargaToken, "POST", "/api/v1/lapor/reports", {
      clientRequestId: `j2-dup-${SALT}`,
      categoryCode: "jalan-rusak",
      description: `Jalan amblas dekat jembatan (uji duplikat ${SALT}).`,
      latitude: -5.3971,
      longitude: 105.2668,
      privacy: "public",
      photoIds: [upload.id],
    });
    // The same clientRequestId again: the same report, not a second one.
    const again = await api<ReportView>(wargaToken, "POST", "/api/v1/lapor/reports", {
      clientRequestId: `j2-dup-${SALT}`,
      categoryCode: "jalan-rusak",
      description: `Jalan amblas dekat jembatan (uji duplikat ${SALT}).`,
      latitude: -5.3971,
      longitude: 105.2668,
      privacy: "public",
      photoIds: [upload.id],
    });
    expect(again.id).toBe(first.id);

    await withPage(browser, "j2-duplikat", { viewport: MOBILE }, async ({ page, pageErrors }) => {
      // Not signed in: the form sends to sign-in.
      await page.goto(`${baseURL}/lapor/baru`);
      await page.waitForURL(`${baseURL}/masuk`);
      await signIn(page, "umkm@lumbung.test");
      // Signed in, the form it was sent from opens again.
      await page.waitForURL(`${baseURL}/lapor/baru`);
      const form = page.getByTestId("lapor-form");
      await form.waitFor();
      await page
        .locator("[data-testid='lapor-category'] option[value='jalan-rusak']")
        .waitFor({ state: "attached" });
      await page.getByTestId("lapor-category").selectOption("jalan-rusak");
      await page
        .getByTestId("lapor-description")
        .fill("Jalan di dekat jembatan amblas, berbahaya untuk motor.");
      await page.getByTestId("lapor-lat").fill("-5.39712");
      await page.getByTestId("lapor-lng").fill("105.26685");
      // The locate API pre-fills the regency from the pin.
      await page.getByTestId("lapor-regency-guess").waitFor();
      expect(await page.getByTestId("lapor-regency").inputValue()).toBe("18.71");
      // Without the required photo the form says so, before anything is saved.
      await page.getByTestId("lapor-submit").click();
      expect(await visibleText(page.getByTestId("lapor-form-error"))).toMatch(/Periksa isian/);
      await page
        .getByTestId("lapor-photo-input")
        .setInputFiles({ name: "jalan.jpg", mimeType: "image/jpeg", buffer: photo });
      await page.getByTestId("lapor-submit").click();
      const dup = page.getByTestId("lapor-duplicates");
      await dup.waitFor();
      expect(await visibleText(dup.getByRole("heading", { level: 2 }))).toBe("Apakah ini laporan yang sama?");
      await page.getByTestId(`lapor-join-${first.id}`).click();
      await page.waitForURL(`${baseURL}/lapor/${first.id}`);
      await page.getByText("Anda mengikuti laporan ini.").waitFor();
      expect(await visibleText(page.getByTestId("lapor-followers"))).toBe("1 pengikut");
      expect(pageErrors).toEqual([]);
    });
    const after = await api<ReportView & { followerCount: number }>(
      wargaToken,
      "GET",
      `/api/v1/lapor/reports/${first.id}`,
    );
    expect(after.followerCount).toBe(1);
  }, 120_000);

  test("a report the server refuses waits on the phone as needing attention, with the reason", async () => {
    await withPage(browser, "j2-perlu-perbaikan", { viewport: MOBILE }, async ({ page, pageErrors }) => {
      await page.goto(`${baseURL}/masuk`);
      await signIn(page, "warga@lumbung.test");
      await page.waitForURL(`${baseURL}/`);
      await page.goto(`${baseURL}/lapor/baru`);
      await page
        .locator("[data-testid='lapor-category'] option[value='sampah']")
        .waitFor({ state: "attached" });
      await page.getByTestId("lapor-category").selectOption("sampah");
      await page.getByTestId("lapor-description").fill("Sampah menumpuk di pinggir jalan sejak seminggu.");
      // Outside Indonesia: refused on the phone.
      await page.getByTestId("lapor-lat").fill("-33.87");
      await page.getByTestId("lapor-lng").fill("151.21");
      await page.getByTestId("lapor-submit").click();
      expect(await visibleText(page.getByTestId("lapor-location"))).toMatch(/di luar Indonesia/);
      await page.getByTestId("lapor-lat").fill("-5.44");
      await page.getByTestId("lapor-lng").fill("105.27");
      // A file that claims to be a JPEG but is not one: only the server can tell.
      await page.getByTestId("lapor-photo-input").setInputFiles({
        name: "rusak.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from("bukan gambar sama sekali"),
      });
      await page.getByTestId("lapor-privacy-private").check();
      await page.getByTestId("lapor-submit").click();
      // "Saved on the phone, sending…" first; the server's refusal follows once the upload is answered.
      await page
        .getByTestId("lapor-saved-message")
        .filter({ hasText: /ditolak server/ })
        .waitFor();
      await page.getByTestId("lapor-saved-mine").click();
      const item = page.locator("[data-testid='lapor-outbox-item'][data-status='attention']");
      await item.waitFor();
      expect(await visibleText(item.getByTestId("lapor-outbox-problem"))).not.toBe("");
      // Retrying does not help (same file); deleting removes it from the phone.
      await item.getByTestId("lapor-outbox-retry").click();
      await page.locator("[data-testid='lapor-outbox-item'][data-status='attention']").waitFor();
      page.once("dialog", (dialog) => void dialog.accept());
      await item.getByTestId("lapor-outbox-delete").click();
      await page.getByTestId("lapor-outbox").waitFor({ state: "detached" });
      expect(pageErrors).toEqual([]);
    });
  }, 120_000);
});
