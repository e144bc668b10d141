/**
 * J4 in the citizen's browser: a citizen searches the UMKM market, opens a traceable coffee, adds it
 * to the cart, signs in at checkout and comes back to it, gives a delivery address in Bandar Lampung,
 * places the order (with a double tap, which must still make one order), pays the QRIS with the
 * sandbox's simulated banking app and sees the order "Dibayar".
 *
 * The shop and its product are made through the API as a seller would (umkm@ applies for a shop, the
 * admin verifies it, the seller lists a product from a koperasi's lot), so nothing depends on demo data.
 */
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchChromium, MOBILE, signIn, visibleText, withPage } from "./browser.ts";

const baseURL = inject("baseURL");

// Names of this run only, so the test also holds against a server that already has products.
const RUN = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => "abcdefghij"[Number(d)] ?? "x");
const PRODUCT = `Kopi Sekincau Petik Merah ${RUN}`;
const PRICE = 47_500;

/** Rupiah as shown ("Rp\u00a095.000") with ordinary spaces, for comparing. */
const plain = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

let browser: Browser;
let product: { id: string; slug: string; variantId: string; stock: number; lgtin: string };

async function login(identifier: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password: "lumbung-demo" }),
  });
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  image?: Buffer,
): Promise<Response> {
  return fetch(`${baseURL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": image ? "image/jpeg" : "application/json",
    },
    ...(image ? { body: new Uint8Array(image) } : body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function api<T>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  image?: Buffer,
): Promise<T> {
  const res = await call(token, method, path, body, image);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The umkm@ organisation's shop, applied for and verified when it does not exist yet. */
async function verifiedShop(umkm: string, admin: string): Promise<{ id: string }> {
  const existing = await call(umkm, "GET", "/api/v1/market/seller");
  let shop: { id: string; status: string };
  if (existing.status === 200) {
    shop = (await existing.json()) as { id: string; status: string };
  } else {
    shop = await api(umkm, "POST", "/api/v1/market/seller", {
      displayName: "Kopi Robusta Tanggamus",
      description: "Kopi robusta petik merah dari lereng Gunung Tanggamus, disangrai sendiri.",
      nib: "9120001234567",
      halalNumber: "ID18110000123450123",
      pirtNumber: "206180101234525",
      bank: { name: "Bank Lampung", accountNumber: "3801234567", accountName: "Kopi Robusta Tanggamus" },
      pickupAddress: "Jl. Raya Gisting No. 12, Gisting, Tanggamus",
      regionCode: "18.06",
    });
  }
  if (shop.status !== "verified") await api(admin, "POST", `/api/v1/market/sellers/${shop.id}/verify`, {});
  return shop;
}

beforeAll(async () => {
  browser = await launchChromium();
  const [umkm, admin, koperasi] = await Promise.all([
    login("umkm@lumbung.test"),
    login("admin@lumbung.test"),
    login("koperasi@lumbung.test"),
  ]);
  await verifiedShop(umkm, admin);
  // The coffee comes from a koperasi's recorded harvest: that is what makes it traceable.
  const lot = await api<{ lgtin: string }>(koperasi, "POST", "/api/v1/lots", {
    commodityCode: "kopi-robusta",
    quantity: "300",
    unit: "kg",
    harvestDate: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
    villageCode: "18.72.01.1001",
    grade: "A",
  });
  const jpeg = await sharp({ create: { width: 480, height: 480, channels: 3, background: "#6b3e26" } })
    .jpeg()
    .toBuffer();
  const photo = await api<{ id: string }>(umkm, "POST", "/api/v1/market/seller/photos", undefined, jpeg);
  const created = await api<{ id: string; slug: string; variants: { id: string; stock: number }[] }>(
    umkm,
    "POST",
    "/api/v1/market/seller/products",
    {
      name: PRODUCT,
      description: "Robusta petik merah dari Sekincau, Lampung Barat. Sangrai medium, bubuk halus.",
      category: "kopi",
      originRegionCode: "18.04",
      lot: lot.lgtin,
      variants: [{ name: "250 g", price: PRICE, stock: 25, weightGrams: 280 }],
      photos: [{ mediaId: photo.id, alt: `Kemasan ${PRODUCT}` }],
    },
  );
  await api(umkm, "POST", `/api/v1/market/seller/products/${created.id}/publish`, {});
  const variant = created.variants[0];
  if (!variant) throw new Error("the product has no variant");
  product = {
    id: created.id,
    slug: created.slug,
    variantId: variant.id,
    stock: variant.stock,
    lgtin: lot.lgtin,
  };
});

afterAll(async () => {
  await browser?.close();
});

describe("the UMKM market (J4, citizen)", () => {
  test("search → product → cart → sign in at checkout → order → QRIS sandbox payment → Dibayar", async () => {
    await withPage(browser, "market-j4", { viewport: MOBILE }, async ({ page, pageErrors, screenshot }) => {
      // The home's marketplace tile leads to the market.
      await page.goto(`${baseURL}/`);
      await page.getByTestId("tile-market").getByRole("link").click();
      await page.getByTestId("market-home").waitFor();
      expect(new URL(page.url()).pathname).toBe("/pasar");

      await page.getByRole("searchbox", { name: "Cari produk" }).fill(PRODUCT);
      await page.getByRole("button", { name: "Cari", exact: true }).click();
      await page.getByTestId("market-result-count").waitFor();
      const card = page.locator(`[data-testid=market-product-card][data-id="${product.id}"]`);
      expect(await visibleText(card)).toContain(PRODUCT);
      expect(plain(await card.textContent())).toContain("Rp 47.500");
      expect(await card.getByTestId("market-traceable").textContent()).toContain("Terlacak");
      await screenshot("market-search");

      await card.getByRole("link").click();
      await page.getByRole("heading", { level: 1, name: PRODUCT }).waitFor();
      expect(plain(await visibleText(page.getByTestId("market-product-price")))).toContain("Rp 47.500");
      expect(await visibleText(page.getByTestId("market-verified"))).toBe("Terverifikasi");
      expect(await visibleText(page.getByTestId("market-credentials"))).toContain("9120001234567");
      // "Lacak produk ini" opens the lot's public trace page (its GS1 Digital Link path).
      const trace = await page.getByTestId("market-trace-link").getAttribute("href");
      expect(trace).toMatch(/^\/01\/\d{14}\/10\/.+/);

      await page.getByRole("button", { name: "Tambah jumlah" }).click();
      expect(await page.getByTestId("market-quantity").inputValue()).toBe("2");
      await page.getByTestId("market-add-to-cart").click();
      expect(await visibleText(page.getByTestId("market-cart-count"))).toBe("2");
      await screenshot("market-product");

      // The cart lives in this browser: it survives a reload.
      await page.reload();
      expect(await visibleText(page.getByTestId("market-cart-count"))).toBe("2");
      await page.getByTestId("market-cart-link").click();
      const group = page.getByTestId("market-cart-group");
      await group.waitFor();
      expect(plain(await visibleText(group.getByTestId("market-cart-subtotal")))).toBe("Rp 95.000");

      // Checkout asks an anonymous visitor to sign in, then comes back to it.
      await group.getByTestId("market-checkout-link").click();
      await signIn(page, "warga@lumbung.test");
      await page.getByTestId("market-checkout-form").waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/pasar\/checkout\//);

      await page.getByTestId("market-phone").fill("0812 3456 7890");
      await page.getByTestId("market-address").fill("Jl. Kartini No. 5, RT 02/RW 01, Tanjung Karang Pusat");
      await page.getByTestId("market-province").selectOption("18");
      await page.getByTestId("market-regency").selectOption({ label: "Kota Bandar Lampung" });
      // 560 g is charged as 1 kg within Lampung.
      await page.waitForFunction(() =>
        /Rp/.test(document.querySelector("[data-testid=market-checkout-shipping]")?.textContent ?? ""),
      );
      const fee = Number(
        (await visibleText(page.getByTestId("market-checkout-shipping"))).replace(/\D/g, ""),
      );
      expect(fee).toBeGreaterThan(0);
      const total = Number((await visibleText(page.getByTestId("market-checkout-total"))).replace(/\D/g, ""));
      expect(total).toBe(2 * PRICE + fee);
      await screenshot("market-checkout");

      // A double tap makes one order.
      await page.getByTestId("market-place-order").dblclick();
      await page.getByTestId("market-order").waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/pasar\/pesanan\/ord_/);
      expect(await visibleText(page.getByTestId("market-status"))).toBe("Menunggu pembayaran");
      expect(Number((await visibleText(page.getByTestId("market-order-total"))).replace(/\D/g, ""))).toBe(
        total,
      );
      await page.getByTestId("qris-panel").waitFor();
      await screenshot("market-order-unpaid");

      // The sandbox plays the customer's banking app; the order page notices the payment by itself.
      await page.getByTestId("qris-sandbox-pay").click();
      await page.locator("[data-testid=market-order][data-status=dibayar]").waitFor({ timeout: 20_000 });
      expect(await visibleText(page.getByTestId("market-status"))).toBe("Dibayar");
      await screenshot("market-order-paid");

      // The ordered lines left the cart.
      expect(await page.getByTestId("market-cart-count").count()).toBe(0);

      // "Lacak produk ini" opens the public trace page of the coffee's lot.
      await page.goto(`${baseURL}/pasar/produk/${product.slug}`);
      await page.getByTestId("market-trace-link").click();
      await page.waitForURL((url) => url.pathname === trace);
      const lotCode = decodeURIComponent(trace?.split("/10/")[1] ?? "");
      await page.getByText(lotCode, { exact: false }).first().waitFor();
      expect(pageErrors).toEqual([]);
    });

    const warga = await login("warga@lumbung.test");
    const mine = await api<{
      items: { status: string; total: number; items: { productId: string; quantity: number }[] }[];
    }>(warga, "GET", "/api/v1/market/orders?limit=100");
    const orders = mine.items.filter((o) => o.items.some((i) => i.productId === product.id));
    expect(orders).toHaveLength(1);
    expect(orders[0]?.status).toBe("dibayar");
    expect(orders[0]?.items[0]?.quantity).toBe(2);
    const after = await fetch(`${baseURL}/api/v1/market/products/${product.id}`).then(
      (r) => r.json() as Promise<{ variants: { id: string; stock: number }[] }>,
    );
    expect(after.variants.find((v) => v.id === product.variantId)?.stock).toBe(product.stock - 2);
  });
});
