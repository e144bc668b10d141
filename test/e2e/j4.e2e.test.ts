/**
 * J4 end to end — an UMKM sale through JAKI: the seller (Kopi Robusta Tanggamus, umkm@) opens a shop
 * and the admin verifies it; the seller lists a coffee with a photo; JAKI (this test plays the partner
 * platform, as `examples/jaki-client.ts` does) registers a webhook, finds the coffee through
 * `/partner/v1`, orders it for its user with an `Idempotency-Key` (a retry returns the same order) and
 * shows the QRIS; the consumer's banking app pays it (the sandbox QRIS simulator page); JAKI receives a
 * signed `order.paid` webhook; the seller packs and ships it with a courier and marks it delivered; the
 * consumer, inside JAKI's embedded storefront, confirms delivery; the order is `selesai`, the payout
 * is in the ledger and on the admin's finance page, and JAKI heard `order.completed`.
 *
 * Every step a person takes is in Chromium; JAKI's server-to-server calls are HTTP, as JAKI makes them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { verifyPayload } from "../../src/modules/payments/domain/signature.ts";
import { DESKTOP, launchChromium, MOBILE, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");
const RUN = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => "abcdefghij"[Number(d)] ?? "x");
const COFFEE = `Kopi Robusta Ulubelu Sangrai ${RUN}`;
const PRICE = 62_000;
const EXTERNAL_USER = `jaki-user-${RUN}`;

// biome-ignore lint/suspicious/noExplicitAny: loosely typed JSON answers in tests
type Json = Record<string, any>;

let browser: Browser;
let webhookServer: Server;
let webhookUrl = "";
let webhookSecret = "";
const hooks: { type: string; orderId: string; verified: boolean }[] = [];

async function call(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Json } = {},
) {
  const res = await fetch(`${baseURL}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Json };
}

async function login(email: string): Promise<string> {
  const res = await call("/api/v1/auth/login", { body: { identifier: email, password: "lumbung-demo" } });
  expect(res.status).toBe(200);
  return res.json.token as string;
}

async function partnerToken(): Promise<string> {
  const res = await fetch(`${baseURL}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from("jaki-demo:jaki-demo-secret").toString("base64")}`,
    },
    body: "grant_type=client_credentials",
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as Json).access_token as string;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const hookFor = (type: string, orderId: string) =>
  until(`webhook ${type}`, async () => hooks.find((h) => h.type === type && h.orderId === orderId));

async function consoleSignIn(page: Page, email: string, path: string) {
  await page.goto(`${baseURL}/masuk`);
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  await page.goto(`${baseURL}${path}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  // JAKI's webhook receiver: verifies every delivery against the raw body before reading it.
  webhookServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const check = verifyPayload(
        [webhookSecret],
        raw,
        req.headers["lumbung-signature"] as string,
        new Date(),
      );
      const event = JSON.parse(raw) as Json;
      hooks.push({ type: event.type, orderId: event.data?.order?.id, verified: check.ok });
      res.writeHead(check.ok ? 204 : 400).end();
    });
  });
  await new Promise<void>((resolve) => webhookServer.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/jaki/webhooks`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => webhookServer?.close(() => resolve()));
});

describe("J4: an UMKM sale via JAKI", () => {
  test("seller lists coffee → JAKI orders → QRIS paid → shipped → delivery confirmed → payout", async () => {
    // 1. The seller's shop: applied for in the console (unless an earlier run of this server did), verified by the admin.
    const seller = await login("umkm@lumbung.test");
    const existing = await call("/api/v1/market/seller", { token: seller });
    await withPage(browser, "j4-seller-shop", { viewport: DESKTOP }, async ({ page, screenshot }) => {
      await consoleSignIn(page, "umkm@lumbung.test", "/konsol/toko");
      if (existing.status !== 200) {
        const form = page.getByTestId("shop-form");
        await form.getByLabel("Nama toko").fill("Kopi Robusta Tanggamus");
        await form
          .getByLabel("Tentang usaha")
          .fill(
            "Kopi robusta petik merah dari kebun rakyat di lereng Gunung Tanggamus, disangrai di Gisting.",
          );
        await form.getByLabel("NIB (Nomor Induk Berusaha)").fill("9120001234567");
        await form.getByLabel("Bank").fill("Bank Lampung");
        await form.getByLabel("Nomor rekening").fill("3800123456");
        await form.getByLabel("Nama pemilik rekening").fill("Made Wirawan");
        await form
          .getByLabel("Alamat penjemputan barang")
          .fill("Jl. Raya Gisting No. 12, Gisting, Tanggamus");
        await form.getByLabel("Kabupaten/kota").selectOption("18.06");
        await form.getByRole("button", { name: "Ajukan toko" }).click();
        await page.getByText("Menunggu verifikasi").first().waitFor();
        await screenshot("j4-shop-applied");
      }
    });
    const shop = (await call("/api/v1/market/seller", { token: seller })).json;
    expect(shop.id).toBeTruthy();
    if (shop.status !== "verified") {
      await withPage(browser, "j4-admin-verify", { viewport: DESKTOP }, async ({ page, screenshot }) => {
        await consoleSignIn(page, "admin@lumbung.test", "/konsol/penjual");
        const row = page.getByTestId(`seller-${shop.id}`);
        await row.getByRole("button", { name: "Verifikasi" }).click();
        await page.getByText("Kopi Robusta Tanggamus terverifikasi.").waitFor();
        await screenshot("j4-admin-verified");
      });
    }
    expect((await call("/api/v1/market/seller", { token: seller })).json.status).toBe("verified");

    // 2. The seller lists the coffee, with a photo, and publishes it.
    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 92, g: 58, b: 33 } },
    })
      .jpeg()
      .toBuffer();
    await withPage(browser, "j4-seller-lists", { viewport: DESKTOP }, async ({ page, screenshot }) => {
      await consoleSignIn(page, "umkm@lumbung.test", "/konsol/toko/produk/baru");
      const editor = page.getByTestId("product-editor");
      await editor.getByLabel("Nama produk").fill(COFFEE);
      await editor
        .getByLabel("Deskripsi")
        .fill("Biji robusta petik merah dari Ulubelu, disangrai sedang. Kemasan 250 g dengan katup.");
      await editor.getByLabel("Kategori").selectOption("kopi");
      await editor.getByLabel("Asal (kabupaten/kota)").selectOption("18.06");
      await editor.getByLabel("Nama varian").first().fill("Bubuk 250 g");
      await editor.getByLabel("Harga (Rp)").first().fill(String(PRICE));
      await editor.getByLabel("Stok").first().fill("20");
      await editor.getByLabel("Berat kirim (gram)").first().fill("300");
      await editor.locator('input[type="file"]').setInputFiles({
        name: "kopi.jpg",
        mimeType: "image/jpeg",
        buffer: photo,
      });
      await editor.getByLabel("Teks alternatif foto 1").fill("Kemasan kopi robusta Ulubelu 250 gram");
      await editor.getByRole("button", { name: "Simpan & terbitkan" }).click();
      // Saved and published: the editor now edits the listed product.
      await page.getByRole("heading", { level: 1, name: "Ubah produk" }).waitFor();
      await page.getByText("Aktif", { exact: true }).waitFor();
      await screenshot("j4-coffee-listed");
    });

    // 3. JAKI: token, webhook endpoint, search, order with an Idempotency-Key (and a retry).
    const jaki = await partnerToken();
    const endpoint = await call("/partner/v1/webhooks", {
      token: jaki,
      body: { url: webhookUrl, events: ["*"], description: `J4 ${RUN}` },
    });
    expect(endpoint.status).toBe(201);
    webhookSecret = endpoint.json.secret;
    const found = await call(`/partner/v1/products?q=${encodeURIComponent(COFFEE)}`, { token: jaki });
    expect(found.status).toBe(200);
    const coffee = (found.json.items as Json[]).find((p) => p.name === COFFEE);
    expect(coffee).toMatchObject({ price: PRICE, stock: 20 });
    const orderBody = {
      externalUserId: EXTERNAL_USER,
      items: [{ productId: coffee?.id, quantity: 2 }],
      shippingAddress: {
        name: "Rudi Hartono",
        phone: "+6281298765432",
        address: "Jl. Cempaka Putih Tengah No. 8, RT 05/RW 02, Cempaka Putih",
        regionCode: "31.71",
      },
    };
    const key = `j4-${RUN}`;
    const created = await call("/partner/v1/orders", {
      token: jaki,
      body: orderBody,
      headers: { "idempotency-key": key },
    });
    expect(created.status).toBe(201);
    const order = created.json;
    expect(order.status).toBe("menunggu_pembayaran");
    expect(order.total).toBe(2 * PRICE + order.shippingFee);
    expect(order.qris.payload).toMatch(/^000201010212/);
    const retried = await call("/partner/v1/orders", {
      token: jaki,
      body: orderBody,
      headers: { "idempotency-key": key },
    });
    expect(retried.json.id).toBe(order.id);
    await hookFor("order.created", order.id);

    // 4. The consumer's banking app scans the QRIS and pays (the sandbox's simulated app).
    await withPage(browser, "j4-pay", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(`${baseURL}/sandbox/qris`);
      await page.getByTestId("sandbox-payload").fill(order.qris.payload);
      await page.getByTestId("sandbox-crc-ok").waitFor();
      expect(await visibleText(page.getByTestId("sandbox-decoded"))).toContain(
        (order.total as number).toLocaleString("id-ID"),
      );
      await page.getByTestId("sandbox-pay").click();
      await page.getByText(/^Pembayaran .*: Dibayar\.$/).waitFor();
      await screenshot("j4-paid");
    });
    const paid = await hookFor("order.paid", order.id);
    expect(paid.verified).toBe(true);
    expect((await call(`/partner/v1/orders/${order.id}`, { token: jaki })).json.status).toBe("dibayar");
    // Paying the same code again is refused.
    const twice = await call("/api/v1/payments/sandbox/pay", { body: { payload: order.qris.payload } });
    expect(twice.status).toBe(409);

    // 5. The seller packs, ships with a courier and marks it delivered, in the shop's order console.
    await withPage(browser, "j4-seller-ships", { viewport: DESKTOP }, async ({ page, screenshot }) => {
      await consoleSignIn(page, "umkm@lumbung.test", `/konsol/toko/pesanan/${order.id}`);
      await page.getByTestId("mo-action-pack").click();
      await page.getByTestId("mo-action-submit").click();
      await page.getByTestId("mo-action-ship").waitFor();
      await page.getByTestId("mo-action-ship").click();
      await page.getByTestId("mo-courier").fill("JNE");
      await page.getByTestId("mo-tracking").fill(`JNE${RUN.toUpperCase()}0042`);
      await page.getByTestId("mo-action-submit").click();
      await page.getByTestId("mo-action-deliver").waitFor();
      await page.getByTestId("mo-action-deliver").click();
      await page.getByTestId("mo-receiver").fill("Rudi Hartono");
      await page.getByTestId("mo-action-submit").click();
      await until("diterima", async () =>
        (await call(`/partner/v1/orders/${order.id}`, { token: jaki })).json.status === "diterima"
          ? true
          : undefined,
      );
      await screenshot("j4-delivered");
    });
    await hookFor("order.shipped", order.id);

    // 6. Inside JAKI, the consumer opens the embedded storefront and confirms the delivery.
    const embed = await call("/partner/v1/embed-sessions", {
      token: jaki,
      body: { externalUserId: EXTERNAL_USER, name: "Rudi Hartono" },
    });
    expect(embed.status).toBe(201);
    await withPage(browser, "j4-confirm", { viewport: MOBILE }, async ({ page, screenshot }) => {
      await page.goto(embed.json.url);
      await page.getByTestId("market-embed").waitFor();
      await page.getByTestId("market-orders-link").click();
      await page.getByTestId("market-orders").waitFor();
      await page
        .getByTestId("market-order-card")
        .filter({ hasText: order.number })
        .getByRole("link")
        .first()
        .click();
      await page.getByTestId("market-order").waitFor();
      // "Sudah sampai dan sesuai?" — the browser's confirmation dialog, accepted.
      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByTestId("market-confirm").click();
      await page.locator('[data-testid="market-order"][data-status="selesai"]').waitFor();
      await screenshot("j4-confirmed");
    });
    await hookFor("order.completed", order.id);

    // 7. The payout to the seller is recorded, and the ledger balances.
    const admin = await login("admin@lumbung.test");
    const payouts = (await call("/api/v1/payments/payouts", { token: admin })).json.items as Json[];
    const payout = payouts.find((p) => (p.referenceIds as string[]).includes(order.id));
    expect(payout?.amount).toBe(order.total);
    const balance = (await call("/api/v1/payments/ledger/balances", { token: admin })).json;
    const sum = (balance.accounts as Json[]).reduce((s, b) => s + (b.balance as number), 0);
    expect(sum).toBe(0);
    await withPage(browser, "j4-finance", { viewport: DESKTOP }, async ({ page, screenshot }) => {
      await consoleSignIn(page, "admin@lumbung.test", "/konsol/keuangan");
      expect(await visibleText(page.getByTestId("payouts"))).toContain(order.number);
      await screenshot("j4-payout");
    });
    expect(hooks.every((h) => h.verified)).toBe(true);
  });
});
