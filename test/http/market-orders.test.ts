import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/http/access";
import { fixedClock } from "../../src/lib/clock";
import type { OrderEvent } from "../../src/modules/marketplace/marketplace.orders";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
type Json = Record<string, any>;

const DAY = 86_400_000;
const clock = fixedClock(new Date("2026-03-02T03:00:00Z"));
const t = useTestApp({ clock });
const tok: Record<string, string> = {};
const events: OrderEvent[] = [];

/** A published product of a verified shop, made through the catalogue's service. */
interface Shop {
  sellerId: string;
  organisationId: string;
  token: string;
  principal: Principal;
}
let kopi: Shop;
let keripik: Shop;

const ADDRESS_JKT = {
  name: "Nur Aini",
  phone: "+62 812 3456 7890",
  address: "Jl. Kramat Raya 12, Senen",
  regionCode: "31.71",
  postalCode: "10450",
};

const svc = () => t.app.services.marketplace;

async function principalOf(token: string) {
  return t.app.services.identity.authenticate(token);
}

async function openShop(token: string, name: string): Promise<Shop> {
  const principal = await principalOf(token);
  const admin = await principalOf(tok.admin as string);
  const seller = await svc().catalog.apply(principal, {
    displayName: name,
    description: `${name}: produk UMKM Lampung untuk pengujian pesanan.`,
    nib: "9120001234567",
    bank: { name: "BRI", accountNumber: "001201000123567", accountName: name },
    pickupAddress: "Jl. Raya Kota Agung 1, Tanggamus",
    regionCode: "18.06",
  });
  await svc().catalog.verify(admin, seller.id);
  if (principal.type !== "user" || !principal.organisationId) throw new Error("not an organisation member");
  return { sellerId: seller.id, organisationId: principal.organisationId, token, principal };
}

async function product(shop: Shop, name: string, stock: number, price = 45_000, weightGrams = 250) {
  const p = await svc().catalog.createProduct(shop.principal, {
    name,
    description: `${name}, dibuat di Lampung; uji pesanan.`,
    category: "kopi",
    originRegionCode: "18.06",
    variants: [{ name: `${weightGrams} g`, price, stock, weightGrams }],
    photos: [],
  });
  await svc().catalog.setProductStatus(shop.principal, p.id, "active");
  const detail = await svc().catalog.getProduct(p.id);
  if (!detail) throw new Error("product not listed");
  return { productId: p.id, variantId: detail.variants[0]?.id as string };
}

async function stockOf(productId: string) {
  const d = await svc().catalog.getProduct(productId);
  return d?.variants[0]?.stock;
}

const post = (
  url: string,
  token: string | undefined,
  payload: unknown = {},
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: "POST",
    url,
    payload: payload as Json,
    headers: { ...(token ? bearer(token) : {}), ...headers },
  });
const get = (url: string, token?: string) =>
  t.app.inject({ method: "GET", url, ...(token ? { headers: bearer(token) } : {}) });

async function order(variantId: string, quantity = 1, token = tok.warga as string, address = ADDRESS_JKT) {
  const res = await post("/api/v1/market/orders", token, {
    items: [{ variantId, quantity }],
    shippingAddress: address,
  });
  if (res.statusCode !== 201) throw new Error(`checkout ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

async function pay(o: Json) {
  const res = await post("/api/v1/payments/sandbox/pay", undefined, { payload: o.payment.qrisPayload });
  if (res.statusCode !== 200) throw new Error(`pay ${res.statusCode} ${res.body}`);
  return (await get(`/api/v1/market/orders/${o.id}`, tok.warga)).json() as Json;
}

const seller = (id: string, action: string, body: unknown = {}, token = kopi.token) =>
  post(`/api/v1/market/seller/orders/${id}/${action}`, token, body);

async function toDelivered(o: Json) {
  await pay(o);
  expect((await seller(o.id, "pack")).statusCode).toBe(200);
  const shipped = await seller(o.id, "ship", {
    method: "courier",
    courierName: "JNE REG",
    trackingNumber: "TGM0012345678",
  });
  expect(shipped.statusCode).toBe(200);
  const delivered = await seller(o.id, "deliver", { receiverName: "Nur Aini" });
  expect(delivered.statusCode).toBe(200);
  return delivered.json() as Json;
}

async function balances(prefix?: string) {
  return t.app.services.payments.ledger.balances(prefix);
}

beforeAll(async () => {
  tok.admin = await t.login(DEMO_EMAILS.admin);
  tok.umkm = await t.login(DEMO_EMAILS.umkm);
  tok.warga = await t.login(DEMO_EMAILS.warga);
  // A second shop (another UMKM organisation), for mixed carts and other sellers' orders.
  const org = await post("/api/v1/organisations", tok.admin, {
    name: "Keripik Pisang Bu Sri",
    kind: "umkm",
    regionCode: "18.71",
  });
  expect(org.statusCode).toBe(201);
  const member = await post(`/api/v1/organisations/${org.json().id}/members`, tok.admin, {
    email: "sri@keripik.test",
    name: "Sri Wahyuni",
    password: "lumbung-demo-sri",
    role: "org_admin",
  });
  expect(member.statusCode).toBe(201);
  tok.sri = await t.login("sri@keripik.test", "lumbung-demo-sri");
  // A second citizen.
  const reg = await post("/api/v1/auth/register", undefined, {
    name: "Budi Santoso",
    email: "budi@warga.test",
    password: "lumbung-demo-budi",
  });
  expect(reg.statusCode).toBe(201);
  tok.budi = reg.json().token;
  kopi = await openShop(tok.umkm, "Kopi Robusta Tanggamus");
  keripik = await openShop(tok.sri, "Keripik Pisang Bu Sri");
  svc().orders.onEvent(async (_tx, e) => {
    events.push(e);
  });
}, 60_000);

describe("shipping quote", () => {
  it("charges by chargeable kilogram and destination province", async () => {
    const p = await product(kopi, "Kopi Robusta Quote", 100, 45_000, 250);
    const lampung = await post("/api/v1/market/shipping-quote", undefined, {
      items: [{ variantId: p.variantId, quantity: 4 }],
      regionCode: "18.71",
    });
    expect(lampung.statusCode).toBe(200);
    expect(lampung.json()).toMatchObject({
      weightGrams: 1000,
      chargeableKg: 1,
      zone: "lampung",
      fee: 9_000,
      subtotal: 180_000,
    });
    const jakarta = await post("/api/v1/market/shipping-quote", undefined, {
      items: [{ productId: p.productId, quantity: 6 }],
      regionCode: "31.71",
    });
    expect(jakarta.json()).toMatchObject({
      weightGrams: 1500,
      chargeableKg: 2,
      zone: "dki_jakarta",
      fee: 28_000,
    });
    const bad = await post("/api/v1/market/shipping-quote", undefined, {
      items: [{ variantId: p.variantId, quantity: 1 }],
      regionCode: "99",
    });
    expectProblem(bad, 400, "market.invalid_region");
  });
});

describe("checkout", () => {
  it("reserves stock, prices shipping and opens a QRIS payment", async () => {
    const p = await product(kopi, "Kopi Robusta Tanggamus 250 g", 20);
    const res = await post("/api/v1/market/orders", tok.warga, {
      items: [{ productId: p.productId, quantity: 2 }],
      shippingAddress: ADDRESS_JKT,
      note: "Tolong dibungkus rapat",
    });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o.number).toMatch(/^PSR-2026-\d{6}$/);
    expect(o).toMatchObject({
      status: "menunggu_pembayaran",
      seller: { id: kopi.sellerId, name: "Kopi Robusta Tanggamus" },
      buyer: { name: "Nur Aini" },
      subtotal: 90_000,
      shippingFee: 14_000,
      total: 104_000,
      source: "web",
      note: "Tolong dibungkus rapat",
      items: [
        { productId: p.productId, variantId: p.variantId, quantity: 2, unitPrice: 45_000, lineTotal: 90_000 },
      ],
      payment: { status: "pending", amount: 104_000, method: "qris" },
    });
    expect(o.payment.qrisPayload).toMatch(/^000201/);
    expect(new Date(o.expiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);
    expect(o.history.map((h: Json) => h.status)).toEqual(["menunggu_pembayaran"]);
    expect(o.actions).toContain("cancel");
    expect(await stockOf(p.productId)).toBe(18);
    expect(events.some((e) => e.type === "order.created" && e.order.id === o.id)).toBe(true);
    // The seller hears of it in the app.
    const inbox = (await get("/api/v1/notifications", tok.umkm)).json();
    expect(JSON.stringify(inbox)).toContain(o.number);
    // It is listed as mine, and the seller sees it.
    expect((await get("/api/v1/market/orders", tok.warga)).json().items.map((x: Json) => x.id)).toContain(
      o.id,
    );
    const shopList = (await get("/api/v1/market/seller/orders?status=menunggu_pembayaran", tok.umkm)).json();
    expect(shopList.items.map((x: Json) => x.id)).toContain(o.id);
    expect(shopList.counts.menunggu_pembayaran).toBeGreaterThanOrEqual(1);
  });

  it("refuses more than the stock, naming the product and what is left", async () => {
    const p = await product(kopi, "Kopi Luwak Liwa", 3);
    const res = await post("/api/v1/market/orders", tok.warga, {
      items: [{ variantId: p.variantId, quantity: 5 }],
      shippingAddress: ADDRESS_JKT,
    });
    const body = expectProblem(res, 409, "market.out_of_stock") as Json;
    expect(body.detail).toContain("Kopi Luwak Liwa");
    expect(body).toMatchObject({ available: 3, requested: 5, variantId: p.variantId });
    expect(await stockOf(p.productId)).toBe(3);
    const orders = (await get("/api/v1/market/orders?limit=100", tok.warga)).json().items as Json[];
    expect(orders.some((o) => o.items.some((i: Json) => i.productId === p.productId))).toBe(false);
  });

  it("refuses carts from two sellers, unknown variants and zero quantities", async () => {
    const a = await product(kopi, "Kopi Campur", 10);
    const b = await product(keripik, "Keripik Pisang Coklat", 10);
    const mixed = await post("/api/v1/market/orders", tok.warga, {
      items: [
        { variantId: a.variantId, quantity: 1 },
        { variantId: b.variantId, quantity: 1 },
      ],
      shippingAddress: ADDRESS_JKT,
    });
    expectProblem(mixed, 400, "market.mixed_sellers");
    expect(await stockOf(a.productId)).toBe(10);
    const unknown = await post("/api/v1/market/orders", tok.warga, {
      items: [
        { variantId: a.variantId, quantity: 1 },
        { variantId: "var_nope", quantity: 1 },
      ],
      shippingAddress: ADDRESS_JKT,
    });
    const body = expectProblem(unknown, 400, "market.invalid_item");
    expect(body.errors?.[0]?.field).toBe("body/items/1/variantId");
    const zero = await post("/api/v1/market/orders", tok.warga, {
      items: [{ variantId: a.variantId, quantity: 0 }],
      shippingAddress: ADDRESS_JKT,
    });
    expectProblem(zero, 400, "request.validation");
    // An archived product cannot be ordered.
    await svc().catalog.setProductStatus(kopi.principal, a.productId, "archived");
    const archived = await post("/api/v1/market/orders", tok.warga, {
      items: [{ variantId: a.variantId, quantity: 1 }],
      shippingAddress: ADDRESS_JKT,
    });
    expectProblem(archived, 400, "market.invalid_item");
    expect(await stockOf(a.productId)).toBeUndefined(); // archived products are not public
  });

  it("returns the same order for the same Idempotency-Key", async () => {
    const p = await product(kopi, "Kopi Idempoten", 10);
    const body = { items: [{ variantId: p.variantId, quantity: 1 }], shippingAddress: ADDRESS_JKT };
    const key = { "idempotency-key": "checkout-7f1c2a9e" };
    const first = await post("/api/v1/market/orders", tok.warga, body, key);
    expect(first.statusCode).toBe(201);
    const again = await post("/api/v1/market/orders", tok.warga, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await stockOf(p.productId)).toBe(9);
    // Another cart under the same key is refused, not mistaken for the first.
    const other = await post(
      "/api/v1/market/orders",
      tok.warga,
      { ...body, items: [{ variantId: p.variantId, quantity: 2 }] },
      key,
    );
    expectProblem(other, 422, "market.idempotency_mismatch");
    // The same key from another buyer is another order.
    const budi = await post("/api/v1/market/orders", tok.budi, body, key);
    expect(budi.statusCode).toBe(201);
    expect(budi.json().id).not.toBe(first.json().id);
  });
});

describe("payment and the order's life", () => {
  it("marks the order paid when the sandbox QRIS payment arrives", async () => {
    const p = await product(kopi, "Kopi Bayar", 10);
    const o = await order(p.variantId, 2);
    const paid = await pay(o);
    expect(paid.status).toBe("dibayar");
    expect(paid.payment.status).toBe("paid");
    expect(paid.paidAt).not.toBeNull();
    expect(events.some((e) => e.type === "order.paid" && e.order.id === o.id)).toBe(true);
    expect(await stockOf(p.productId)).toBe(8);
    const detail = await svc().catalog.getProduct(p.productId);
    expect(detail?.soldCount).toBe(2);
    const again = await post("/api/v1/payments/sandbox/pay", undefined, { payload: o.payment.qrisPayload });
    expectProblem(again, 409, "payments.already_paid");
    const escrow = await balances(`escrow:order:${o.id}`);
    expect(escrow.find((a) => a.account === `escrow:order:${o.id}`)?.balance).toBe(-o.total);
  });

  it("runs to selesai and pays the seller out through a balanced ledger", async () => {
    const p = await product(kopi, "Kopi Selesai", 10);
    const o = await order(p.variantId, 1);
    // Only the right steps in the right order.
    expectProblem(
      await seller(o.id, "ship", { method: "courier", courierName: "JNE", trackingNumber: "X1" }),
      409,
      "market.invalid_transition",
    );
    await pay(o);
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/review`, tok.warga, { rating: 5, comment: "mantap" }),
      409,
      "market.review_not_allowed",
    );
    expect((await seller(o.id, "pack")).json().status).toBe("dikemas");
    expectProblem(
      await seller(o.id, "ship", { method: "courier", courierName: "JNE" }),
      400,
      "market.fulfilment_invalid",
    );
    expectProblem(
      await seller(o.id, "ship", { method: "corridor", shipmentId: "shp_nope" }),
      400,
      "market.shipment_not_found",
    );
    const shipped = (
      await seller(o.id, "ship", { method: "courier", courierName: "JNE REG", trackingNumber: "TGM0099" })
    ).json();
    expect(shipped).toMatchObject({
      status: "dikirim",
      fulfilment: { method: "courier", courierName: "JNE REG", trackingNumber: "TGM0099" },
    });
    expectProblem(
      await seller(o.id, "cancel", { reason: "sudah dikirim" }),
      409,
      "market.invalid_transition",
    );
    expect((await seller(o.id, "deliver", {})).json().status).toBe("diterima");
    const done = await post(`/api/v1/market/orders/${o.id}/confirm`, tok.warga);
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe("selesai");
    expect(done.json().history.map((h: Json) => h.status)).toEqual([
      "menunggu_pembayaran",
      "dibayar",
      "dikemas",
      "dikirim",
      "diterima",
      "selesai",
    ]);
    const types = events.filter((e) => e.order.id === o.id).map((e) => e.type);
    expect(types).toEqual([
      "order.created",
      "order.paid",
      "order.packed",
      "order.shipped",
      "order.delivered",
      "order.completed",
    ]);
    const escrow = await balances(`escrow:order:${o.id}`);
    expect(escrow.find((a) => a.account === `escrow:order:${o.id}`)?.balance ?? 0).toBe(0);
    const payable = await balances(`payable:seller:${kopi.sellerId}`);
    expect(payable.find((a) => a.account === `payable:seller:${kopi.sellerId}`)?.balance ?? 0).toBe(0);
    const payouts = await t.app.services.payments.listPayouts({ limit: 100, offset: 0 });
    const payout = payouts.items.find((x) => x.referenceIds.includes(o.id));
    expect(payout).toMatchObject({ amount: o.total, beneficiaryOrganisationId: kopi.organisationId });
    const trial = await t.app.services.payments.ledger.trialBalance();
    expect(trial.total).toBe(0);
    // Review after delivery updates the product's rating, once.
    const reviewed = await post(`/api/v1/market/orders/${o.id}/review`, tok.warga, {
      rating: 4,
      comment: "Aroma kuat, kirim cepat",
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().review).toEqual({ rating: 4, comment: "Aroma kuat, kirim cepat" });
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/review`, tok.warga, { rating: 5, comment: "lagi" }),
      409,
      "market.already_reviewed",
    );
    const detail = await svc().catalog.getProduct(p.productId);
    expect(detail?.rating).toEqual({ average: 4, count: 1 });
    expect(detail?.reviews[0]).toMatchObject({ rating: 4, buyerName: "Nur Aini" });
  });

  it("lets the buyer cancel an unpaid order: stock back, QRIS void", async () => {
    const p = await product(kopi, "Kopi Batal", 5);
    const o = await order(p.variantId, 2);
    expect(await stockOf(p.productId)).toBe(3);
    const res = await post(`/api/v1/market/orders/${o.id}/cancel`, tok.warga, { reason: "salah alamat" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "dibatalkan",
      cancelReason: "salah alamat",
      payment: { status: "cancelled" },
    });
    expect(await stockOf(p.productId)).toBe(5);
    const late = await post("/api/v1/payments/sandbox/pay", undefined, { payload: o.payment.qrisPayload });
    expect(late.statusCode).toBe(409);
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/cancel`, tok.warga, {}),
      409,
      "market.invalid_transition",
    );
  });

  it("lets the seller cancel a paid order with a reason, refunding the buyer", async () => {
    const p = await product(kopi, "Kopi Refund", 5);
    const o = await order(p.variantId, 1);
    await pay(o);
    expectProblem(await seller(o.id, "cancel", {}), 400, "request.validation");
    // Another shop cannot touch it: it does not exist for them.
    expectProblem(
      await seller(o.id, "cancel", { reason: "stok habis" }, keripik.token),
      404,
      "market.order_not_found",
    );
    const res = await seller(o.id, "cancel", { reason: "Stok rusak terkena banjir" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "dibatalkan",
      cancelReason: "Stok rusak terkena banjir",
      refundedAmount: o.total,
      payment: { status: "refunded" },
    });
    expect(await stockOf(p.productId)).toBe(5);
    expect((await svc().catalog.getProduct(p.productId))?.soldCount).toBe(0);
    const types = events.filter((e) => e.order.id === o.id).map((e) => e.type);
    expect(types).toEqual(["order.created", "order.paid", "order.cancelled", "order.refunded"]);
    const escrow = await balances(`escrow:order:${o.id}`);
    expect(escrow.find((a) => a.account === `escrow:order:${o.id}`)?.balance ?? 0).toBe(0);
    expect((await t.app.services.payments.ledger.trialBalance()).total).toBe(0);
    // The buyer was told.
    expect(JSON.stringify((await get("/api/v1/notifications", tok.warga)).json())).toContain(
      "Stok rusak terkena banjir",
    );
  });

  it("expires unpaid orders in the sweep and gives the stock back", async () => {
    const p = await product(kopi, "Kopi Kedaluwarsa", 4);
    const o = await order(p.variantId, 4);
    expect(await stockOf(p.productId)).toBe(0);
    expect((await svc().orders.sweep()).expired).toBe(0);
    clock.advance(31 * 60_000);
    const swept = await svc().orders.sweep();
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const after = (await get(`/api/v1/market/orders/${o.id}`, tok.warga)).json();
    expect(after).toMatchObject({ status: "dibatalkan", cancelReason: "pembayaran tidak diterima" });
    expect(after.payment.status).toBe("cancelled");
    expect(await stockOf(p.productId)).toBe(4);
    const late = await post("/api/v1/payments/sandbox/pay", undefined, { payload: o.payment.qrisPayload });
    expect(late.statusCode).toBe(409);
  });

  it("takes a return within two days of delivery and refunds it when the seller accepts", async () => {
    const p = await product(kopi, "Kopi Retur", 5);
    const o = await order(p.variantId, 1);
    const delivered = await toDelivered(o);
    expect(delivered.actions).not.toContain("accept_return");
    expectProblem(await seller(o.id, "refund", {}), 409, "market.invalid_transition");
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/return`, tok.warga, {}),
      400,
      "request.validation",
    );
    clock.advance(DAY);
    const asked = await post(`/api/v1/market/orders/${o.id}/return`, tok.warga, {
      reason: "Kemasan bocor, biji basah",
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: "diterima", returnReason: "Kemasan bocor, biji basah" });
    // A pending return holds the order open: the buyer cannot confirm and the sweep does not complete it.
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/confirm`, tok.warga),
      409,
      "market.return_pending",
    );
    const refunded = await seller(o.id, "refund", { reason: "Foto kemasan jelas rusak" });
    expect(refunded.statusCode).toBe(200);
    expect(refunded.json()).toMatchObject({
      status: "dikembalikan",
      refundedAmount: o.total,
      payment: { status: "refunded" },
    });
    expect(events.filter((e) => e.order.id === o.id).at(-1)?.type).toBe("order.refunded");
    expect((await t.app.services.payments.ledger.trialBalance()).total).toBe(0);

    // Too late: more than two days after delivery.
    const p2 = await product(kopi, "Kopi Retur Telat", 5);
    const o2 = await order(p2.variantId, 1);
    await toDelivered(o2);
    clock.advance(2 * DAY + 60_000);
    expectProblem(
      await post(`/api/v1/market/orders/${o2.id}/return`, tok.warga, { reason: "berubah pikiran" }),
      409,
      "market.return_window_closed",
    );
  });

  it("completes delivered orders 7 days later in the sweep, with the payout", async () => {
    const p = await product(kopi, "Kopi Otomatis", 5);
    const o = await order(p.variantId, 1);
    await toDelivered(o);
    clock.advance(6 * DAY);
    await svc().orders.sweep();
    expect((await get(`/api/v1/market/orders/${o.id}`, tok.warga)).json().status).toBe("diterima");
    clock.advance(DAY + 60_000);
    const swept = await svc().orders.sweep();
    expect(swept.completed).toBeGreaterThanOrEqual(1);
    const after = (await get(`/api/v1/market/orders/${o.id}`, tok.warga)).json();
    expect(after.status).toBe("selesai");
    expect(after.history.at(-1).note).toContain("otomatis");
    const payouts = await t.app.services.payments.listPayouts({ limit: 100, offset: 0 });
    expect(payouts.items.some((x) => x.referenceIds.includes(o.id))).toBe(true);
  });

  it("hides another buyer's and another shop's orders (404)", async () => {
    const p = await product(kopi, "Kopi Rahasia", 5);
    const o = await order(p.variantId, 1);
    expectProblem(await get(`/api/v1/market/orders/${o.id}`, tok.budi), 404, "market.order_not_found");
    expectProblem(
      await post(`/api/v1/market/orders/${o.id}/cancel`, tok.budi, { reason: "iseng" }),
      404,
      "market.order_not_found",
    );
    expectProblem(await get(`/api/v1/market/seller/orders/${o.id}`, tok.sri), 404, "market.order_not_found");
    expect((await get(`/api/v1/market/seller/orders/${o.id}`, tok.umkm)).json().shippingAddress).toEqual(
      ADDRESS_JKT,
    );
    expect((await get("/api/v1/market/seller/orders", tok.warga)).statusCode).toBe(403);
  });
});

describe("partner orders (service)", () => {
  it("creates, lists, reads and cancels for the partner client only", async () => {
    const p = await product(kopi, "Kopi Mitra", 5);
    const buyer = {
      kind: "partner" as const,
      clientId: "jaki-demo",
      externalUserId: "jaki-user-42",
      name: "Siti (JAKI)",
    };
    const seen: string[] = [];
    const o = await svc().orders.create(
      buyer,
      { items: [{ productId: p.productId, quantity: 1 }], shippingAddress: ADDRESS_JKT },
      { inTransaction: async (_tx, order) => void seen.push(order.id) },
    );
    expect(seen).toEqual([o.id]);
    expect(o).toMatchObject({
      source: "partner",
      buyer: { name: "Siti (JAKI)" },
      partner: { clientId: "jaki-demo", externalUserId: "jaki-user-42" },
    });
    expect((await svc().orders.getForPartner("jaki-demo", o.id)).id).toBe(o.id);
    await expect(svc().orders.getForPartner("other-client", o.id)).rejects.toMatchObject({
      code: "market.order_not_found",
    });
    const listed = await svc().orders.listForPartner("jaki-demo", {
      externalUserId: "jaki-user-42",
      limit: 10,
      offset: 0,
    });
    expect(listed.items.map((x) => x.id)).toEqual([o.id]);
    const cancelled = await svc().orders.cancelForPartner("jaki-demo", o.id, "dibatalkan di JAKI");
    expect(cancelled.status).toBe("dibatalkan");
    expect(await stockOf(p.productId)).toBe(5);
    // A failing inTransaction keeps nothing.
    await expect(
      svc().orders.create(
        buyer,
        { items: [{ productId: p.productId, quantity: 1 }], shippingAddress: ADDRESS_JKT },
        {
          inTransaction: async () => {
            throw new Error("partner store failed");
          },
        },
      ),
    ).rejects.toThrow("partner store failed");
    expect(await stockOf(p.productId)).toBe(5);
    expect((await svc().orders.listForPartner("jaki-demo", { limit: 10, offset: 0 })).total).toBe(1);
  });
});

describe("concurrency", () => {
  it("100 checkouts race for the last 50 units: exactly 50 win, stock never negative", async () => {
    const p = await product(kopi, "Kopi Rebutan", 50);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post("/api/v1/market/orders", i % 2 ? tok.warga : tok.budi, {
          items: [{ variantId: p.variantId, quantity: 1 }],
          shippingAddress: ADDRESS_JKT,
        }),
      ),
    );
    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.statusCode, (byStatus.get(r.statusCode) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 201: 50, 409: 50 });
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe("market.out_of_stock");
    expect(await stockOf(p.productId)).toBe(0);
    const db = t.database.db;
    const result = await db.execute(sql`
        select
          (select count(*) from market_orders o join market_order_items i on i.order_id = o.id
             where i.product_id = ${p.productId})::int as orders,
          (select coalesce(sum(quantity), 0) from market_stock_reservations
             where product_id = ${p.productId} and status = 'held')::int as held,
          (select count(*) from market_orders o where not exists
             (select 1 from market_stock_reservations r where r.order_id = o.id))::int as orphans,
          (select min(stock) from market_variants where id = ${p.variantId})::int as stock`);
    const [row] = (
      result as unknown as { rows: { orders: number; held: number; orphans: number; stock: number }[] }
    ).rows;
    expect(row).toEqual({ orders: 50, held: 50, orphans: 0, stock: 0 });
  }, 60_000);
});

describe("personal data", () => {
  it("puts my orders in my data download and blanks them when I delete my account", async () => {
    const p = await product(kopi, "Kopi Privasi", 5);
    const o = await order(p.variantId, 1, tok.budi);
    const data = await get("/api/v1/me/data", tok.budi);
    expect(data.statusCode).toBe(200);
    expect(JSON.stringify(data.json())).toContain(o.number);
    const del = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/me",
      headers: bearer(tok.budi as string),
      payload: { password: "lumbung-demo-budi", confirm: "HAPUS" },
    });
    expect(del.statusCode).toBeLessThan(300);
    const seen = (await get(`/api/v1/market/seller/orders/${o.id}`, tok.umkm)).json();
    expect(seen.buyer.name).toBe("Pengguna terhapus");
    expect(seen.shippingAddress).toEqual({
      name: "Pengguna terhapus",
      phone: "-",
      address: "-",
      regionCode: "31.71",
    });
    expect(seen.number).toBe(o.number);
  });
});
