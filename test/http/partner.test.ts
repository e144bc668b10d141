import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { newId } from "../../src/lib/ids";
import { hashToken, identityRepository } from "../../src/modules/identity";
import { verifyPayload } from "../../src/modules/payments";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

// biome-ignore lint/suspicious/noExplicitAny: response bodies
type Json = Record<string, any>;

const PUBLIC_URL = "https://lumbung.test";
const clock = fixedClock(new Date("2026-03-02T03:00:00Z"));
const t = useTestApp({ clock, config: { LUMBUNG_PUBLIC_URL: PUBLIC_URL } });
const tok: Record<string, string> = {};

const ADDRESS = {
  name: "Nur Aini",
  phone: "+62 812 3456 7890",
  address: "Jl. Kramat Raya 12, Senen",
  regionCode: "31.71",
  postalCode: "10450",
};

// ------------------------------------------------------------ a partner's webhook receiver

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Json;
}
const received: Received[] = [];
/** Status codes to answer next, in order; then 200. */
const answers: number[] = [];
let server: Server;
let hookUrl = "";

async function startReceiver() {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, body, json: JSON.parse(body) });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "boom");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/lumbung`;
}

async function waitFor<T>(find: () => T | undefined, ms = 4000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = find();
    if (hit !== undefined) return hit;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}
/** A delivery once its attempt in flight has been recorded. */
async function settled(id: string): Promise<Json> {
  const until = Date.now() + 4000;
  for (;;) {
    const d = (await get(`/api/v1/partners/deliveries/${id}`, tok.admin)).json();
    if (d.attemptLog.length === d.attempts && d.attempts > 0) return d;
    if (Date.now() > until) throw new Error(`delivery ${id} never settled`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const eventsOf = (orderId: string, type?: string) =>
  received.filter((r) => r.json.data?.order?.id === orderId && (!type || r.json.type === type));

// --------------------------------------------------------------------------- helpers

const svc = () => t.app.services;
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

let product: { id: string; variantId: string; price: number };
let traced: { id: string; epc: string };
let secret = "";
let otherPartner = "";
/** A fresh token of the second partner (tests move the clock past tokens' hour). */
async function otherToken() {
  const res = await post("/oauth/token", undefined, {
    grant_type: "client_credentials",
    client_id: "mitra-lain",
    client_secret: "mitra-lain-secret",
  });
  return res.json().access_token as string;
}

async function partnerOrder(key: string, body: Json = orderBody(), token = tok.partner as string) {
  return post("/partner/v1/orders", token, body, { "idempotency-key": key });
}
function orderBody(overrides: Json = {}) {
  return {
    externalUserId: "jaki-user-001",
    items: [{ productId: product.id, quantity: 1 }],
    shippingAddress: ADDRESS,
    ...overrides,
  };
}
async function stock() {
  return (await svc().marketplace.catalog.getProduct(product.id))?.variants[0]?.stock;
}

beforeAll(async () => {
  await startReceiver();
  tok.admin = await t.login(DEMO_EMAILS.admin);
  tok.umkm = await t.login(DEMO_EMAILS.umkm);
  tok.koperasi = await t.login(DEMO_EMAILS.koperasi);
  tok.warga = await t.login(DEMO_EMAILS.warga);
  tok.partner = await t.partnerToken();

  // A verified shop with two products: plain coffee, and coffee from a declared harvest lot (traceable).
  const principal = await svc().identity.authenticate(tok.umkm);
  const admin = await svc().identity.authenticate(tok.admin);
  const seller = await svc().marketplace.catalog.apply(principal, {
    displayName: "Kopi Robusta Tanggamus",
    description: "Kopi robusta petik merah dari lereng Tanggamus untuk uji mitra.",
    nib: "9120001234567",
    bank: { name: "BRI", accountNumber: "001201000123567", accountName: "Kopi Robusta Tanggamus" },
    pickupAddress: "Jl. Raya Kota Agung 1, Tanggamus",
    regionCode: "18.06",
  });
  await svc().marketplace.catalog.verify(admin, seller.id);
  const make = async (name: string, lot?: string) => {
    const p = await svc().marketplace.catalog.createProduct(principal, {
      name,
      description: `${name}, disangrai di Tanggamus; untuk uji API mitra.`,
      category: "kopi",
      originRegionCode: "18.06",
      ...(lot ? { lot } : {}),
      variants: [
        { name: "250 g", price: 45_000, stock: 20, weightGrams: 250 },
        { name: "1 kg", price: 160_000, stock: 5, weightGrams: 1000 },
      ],
      photos: [],
    });
    await svc().marketplace.catalog.setProductStatus(principal, p.id, "active");
    const d = await svc().marketplace.catalog.getProduct(p.id);
    if (!d) throw new Error("not listed");
    return d;
  };
  const plain = await make("Kopi Robusta Bubuk");
  product = { id: plain.id, variantId: plain.variants[0]?.id as string, price: 45_000 };
  const lot = await post("/api/v1/lots", tok.koperasi, {
    commodityCode: "kopi-robusta",
    quantity: "500",
    unit: "kg",
    harvestDate: "2026-02-10",
    villageCode: "18.72.01.1001",
    grade: "premium",
    farmGatePrice: 38000,
  });
  expect(lot.statusCode, lot.body).toBe(201);
  const withLot = await make("Kopi Robusta Petik Merah", lot.json().id);
  traced = { id: withLot.id, epc: withLot.lot?.epc as string };

  // A second partner platform, to show one never sees the other's orders.
  const org = await post("/api/v1/organisations", tok.admin, {
    name: "Mitra Lain",
    kind: "partner_platform",
  });
  await identityRepository.upsertClient(t.database.db, {
    id: newId("cli"),
    clientId: "mitra-lain",
    secretHash: hashToken("mitra-lain-secret"),
    name: "Mitra Lain",
    organisationId: org.json().id,
    scopes: ["products:read", "orders:read", "orders:write"],
  });
  otherPartner = await otherToken();
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

// ----------------------------------------------------------------------------- tests

describe("tokens and scopes", () => {
  it("needs a partner token with the route's scope", async () => {
    expectProblem(await get("/partner/v1/products"), 401, "auth.unauthenticated");
    expectProblem(await get("/partner/v1/products", tok.warga), 403, "auth.forbidden");
    const readOnly = await t.partnerToken("products:read");
    expect((await get("/partner/v1/products", readOnly)).statusCode).toBe(200);
    expectProblem(await partnerOrder("k-scope", orderBody(), readOnly), 403, "auth.forbidden");
    expectProblem(await get("/partner/v1/orders", readOnly), 403, "auth.forbidden");
    expectProblem(await get("/api/v1/partners", tok.partner), 403, "auth.forbidden");
  });
});

describe("products", () => {
  it("lists items with id, name and the default variant's price and stock", async () => {
    const res = await get("/partner/v1/products?q=robusta&limit=10", tok.partner);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(2);
    const item = body.items.find((i: Json) => i.id === product.id);
    expect(item).toMatchObject({
      id: product.id,
      name: "Kopi Robusta Bubuk",
      price: 45_000,
      stock: 20,
      traceable: false,
    });
    expect(item.variants.map((v: Json) => [v.name, v.price])).toEqual([
      ["250 g", 45_000],
      ["1 kg", 160_000],
    ]);
    expect(item.seller.name).toBe("Kopi Robusta Tanggamus");
  });

  it("shows a product with the public trace of its lot", async () => {
    const res = await get(`/partner/v1/products/${traced.id}`, tok.partner);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.traceable).toBe(true);
    expect(p.lot.epc).toBe(traced.epc);
    expect(p.lot.traceUrl).toMatch(/^https:\/\/lumbung\.test\/01\//);
    expect(p.trace.epc).toBe(traced.epc);
    expect(p.trace.origins[0].producer).toBe("Gapoktan Sari Makmur");
    const plain = (await get(`/partner/v1/products/${product.id}`, tok.partner)).json();
    expect(plain.trace).toBeNull();
    expectProblem(
      await get("/partner/v1/products/prd_nothing", tok.partner),
      404,
      "partner.product_not_found",
    );
  });
});

describe("orders and idempotency", () => {
  it("refuses an order without an Idempotency-Key", async () => {
    const res = await post("/partner/v1/orders", tok.partner, orderBody());
    expectProblem(res, 400, "partner.idempotency_key_required");
  });

  it("creates an order with its QRIS payload once per key", async () => {
    const before = await stock();
    const first = await partnerOrder("order-001");
    expect(first.statusCode, first.body).toBe(201);
    const o = first.json();
    expect(o).toMatchObject({
      status: "menunggu_pembayaran",
      externalUserId: "jaki-user-001",
      source: "partner",
    });
    expect(o.total).toBe(o.subtotal + o.shippingFee);
    expect(o.subtotal).toBe(45_000);
    expect(o.qris.payload).toMatch(/^000201/);
    expect(o.qris.payload).toContain(`54${String(o.total).length.toString().padStart(2, "0")}${o.total}`);
    expect(o.qris.imageUrl).toMatch(/^https:\/\/lumbung\.test\/api\/v1\/payments\/intents\/.+\/qr\.svg$/);

    // The same key and body (keys in another order): the same order, 200, and no second reservation.
    const { items, ...rest } = orderBody();
    const again = await partnerOrder("order-001", { ...rest, items });
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(o.id);
    expect(await stock()).toBe((before as number) - 1);

    const other = await partnerOrder(
      "order-001",
      orderBody({ items: [{ productId: product.id, quantity: 2 }] }),
    );
    expectProblem(other, 422, "partner.idempotency_mismatch");
  });

  it("makes one order of concurrent requests with one key", async () => {
    const before = (await stock()) as number;
    const results = await Promise.all(Array.from({ length: 5 }, () => partnerOrder("order-race")));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await stock()).toBe(before - 1);
  });

  it("buys the chosen variant, lists by user, and hides orders from other partners", async () => {
    const res = await partnerOrder(
      "order-variant",
      orderBody({
        externalUserId: "jaki-user-002",
        items: [
          {
            productId: product.id,
            variantId: (await svc().marketplace.catalog.getProduct(product.id))?.variants[1]?.id,
            quantity: 1,
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.items[0]).toMatchObject({ variantName: "1 kg", unitPrice: 160_000 });
    const mine = (await get("/partner/v1/orders?externalUserId=jaki-user-002", tok.partner)).json();
    expect(mine.items.map((i: Json) => i.id)).toEqual([o.id]);
    expect((await get(`/partner/v1/orders/${o.id}`, tok.partner)).json().id).toBe(o.id);
    expectProblem(await get(`/partner/v1/orders/${o.id}`, otherPartner), 404, "market.order_not_found");
    expectProblem(
      await post(`/partner/v1/orders/${o.id}/cancel`, otherPartner, { reason: "bukan milik saya" }),
      404,
      "market.order_not_found",
    );
    expect((await get("/partner/v1/orders", otherPartner)).json().total).toBe(0);
    // Another partner may reuse the same Idempotency-Key: keys are per client.
    const theirs = await partnerOrder("order-variant", orderBody(), otherPartner);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(o.id);
  });
});

describe("webhooks", () => {
  let order: Json;

  it("registers an endpoint whose secret is shown once", async () => {
    const res = await post("/partner/v1/webhooks", tok.partner, {
      url: hookUrl,
      description: "JAKI staging",
    });
    expect(res.statusCode, res.body).toBe(201);
    secret = res.json().secret;
    expect(secret).toMatch(/^whsec_/);
    const list = (await get("/partner/v1/webhooks", tok.partner)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty("secret");
    expect((await get("/partner/v1/webhooks", otherPartner)).json().items).toHaveLength(0);
    const bad = await post("/partner/v1/webhooks", tok.partner, { url: "ftp://example.org/x" });
    expectProblem(bad, 400, "request.validation");
  });

  it("delivers order.created within a second, signed with the endpoint's secret", async () => {
    const res = await partnerOrder("order-hook");
    expect(res.statusCode).toBe(201);
    order = res.json();
    const hit = await waitFor(() => eventsOf(order.id, "order.created")[0]);
    expect(hit.headers["lumbung-event-id"]).toBe(hit.json.id);
    expect(hit.json).toMatchObject({
      type: "order.created",
      data: { order: { id: order.id, total: order.total } },
    });
    expect(hit.json.data.order.qris.payload).toBe(order.qris.payload);
    const check = verifyPayload([secret], hit.body, hit.headers["lumbung-signature"] as string, clock.now());
    expect(check.ok).toBe(true);
    expect(
      verifyPayload(["whsec_wrong"], hit.body, hit.headers["lumbung-signature"] as string, clock.now()).ok,
    ).toBe(false);
    // Recorded as delivered with its attempt (the record is written once the answer is in).
    const list = (await get(`/partner/v1/webhooks/deliveries?orderId=${order.id}`, tok.partner)).json();
    expect(list.items).toHaveLength(1);
    const detail = await settled(list.items[0].id);
    expect(detail).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
    expect(detail.attemptLog).toHaveLength(1);
    expect(detail.payload.id).toBe(hit.json.id);
  });

  it("sends order.paid and payment.succeeded when the user pays by QRIS", async () => {
    const paid = await post("/api/v1/payments/sandbox/pay", undefined, { payload: order.qris.payload });
    expect(paid.statusCode, paid.body).toBe(200);
    const hit = await waitFor(() => eventsOf(order.id, "order.paid")[0]);
    expect(hit.json.data.order.status).toBe("dibayar");
    expect(
      verifyPayload([secret], hit.body, hit.headers["lumbung-signature"] as string, clock.now()).ok,
    ).toBe(true);
    await waitFor(() => eventsOf(order.id, "payment.succeeded")[0]);
    const after = (await get(`/partner/v1/orders/${order.id}`, tok.partner)).json();
    expect(after.payment.status).toBe("paid");
  });

  it("retries a failed delivery with backoff, recording each attempt", async () => {
    answers.push(500);
    const res = await partnerOrder("order-retry");
    const o = res.json();
    await waitFor(() => eventsOf(o.id, "order.created")[0]);
    const [first] = (await get(`/api/v1/partners/deliveries?orderId=${o.id}`, tok.admin)).json().items;
    const d1 = await settled(first.id);
    expect(d1).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    const wait = new Date(d1.nextAttemptAt).getTime() - clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(8_000);
    expect(wait).toBeLessThanOrEqual(12_000);
    // Not yet due: nothing goes out.
    expect((await svc().partner.dispatchWebhooks()).attempted).toBe(0);
    clock.advance(12_500);
    const run = await svc().partner.dispatchWebhooks();
    expect(run.delivered).toBeGreaterThanOrEqual(1);
    const d2 = (await get(`/api/v1/partners/deliveries/${first.id}`, tok.admin)).json();
    expect(d2).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, nextAttemptAt: null });
    expect(d2.attemptLog.map((a: Json) => a.statusCode)).toEqual([500, 200]);
    expect(eventsOf(o.id, "order.created")).toHaveLength(2);
    expect(new Set(eventsOf(o.id, "order.created").map((r) => r.headers["lumbung-event-id"])).size).toBe(1);
  });

  it("gives up after the last attempt", async () => {
    answers.push(...Array(8).fill(503));
    const o = (await partnerOrder("order-fail")).json();
    await waitFor(() => eventsOf(o.id, "order.created")[0]);
    const [d] = (await get(`/api/v1/partners/deliveries?orderId=${o.id}`, tok.admin)).json().items;
    for (let i = 0; i < 8; i++) {
      clock.advance(8 * 3_600_000);
      tok.partner = await t.partnerToken(); // the clock moved past the token's hour
      await svc().partner.dispatchWebhooks();
    }
    const done = (await get(`/api/v1/partners/deliveries/${d.id}`, tok.admin)).json();
    expect(done).toMatchObject({ status: "failed", attempts: 8, lastStatusCode: 503 });
    expect(done.attemptLog).toHaveLength(8);
    expect(answers).toHaveLength(0);
  });

  it("replays a delivery with the same event id and a fresh signature (admin)", async () => {
    tok.admin = await t.login(DEMO_EMAILS.admin);
    otherPartner = await otherToken();
    const [d] = (
      await get(`/api/v1/partners/deliveries?orderId=${order.id}&status=delivered`, tok.admin)
    ).json().items;
    const before = received.length;
    const res = await post(`/api/v1/partners/deliveries/${d.id}/replay`, tok.admin);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ replayOf: d.id, eventId: d.eventId });
    const hit = await waitFor(() =>
      received.slice(before).find((r) => r.headers["lumbung-event-id"] === d.eventId),
    );
    expect(
      verifyPayload([secret], hit.body, hit.headers["lumbung-signature"] as string, clock.now()).ok,
    ).toBe(true);
    expectProblem(
      await post(`/api/v1/partners/deliveries/${d.id}/replay`, tok.partner),
      403,
      "auth.forbidden",
    );
    expectProblem(
      await post(`/partner/v1/webhooks/deliveries/${d.id}/replay`, otherPartner),
      404,
      "partner.delivery_not_found",
    );
  });

  it("sends order.cancelled when the partner cancels", async () => {
    const o = (await partnerOrder("order-cancel")).json();
    const res = await post(`/partner/v1/orders/${o.id}/cancel`, tok.partner, {
      reason: "Pengguna berubah pikiran",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("dibatalkan");
    const hit = await waitFor(() => eventsOf(o.id, "order.cancelled")[0]);
    expect(hit.json.data.order.cancelReason).toContain("berubah pikiran");
  });

  it("shows the admin every partner with endpoints and delivery counts", async () => {
    const res = await get("/api/v1/partners", tok.admin);
    expect(res.statusCode, res.body).toBe(200);
    const jaki = res.json().items.find((c: Json) => c.clientId === "jaki-demo");
    expect(jaki.endpoints).toHaveLength(1);
    expect(jaki.deliveries.delivered).toBeGreaterThan(3);
    expect(jaki.deliveries.failed).toBe(1);
  });
});

describe("embedded storefront", () => {
  async function embedSession(externalUserId = "jaki-user-embed") {
    const res = await post("/partner/v1/embed-sessions", tok.partner, {
      externalUserId,
      name: "Siti Rahma",
      phone: "+6281299990000",
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { url: string; token: string; expiresAt: string };
  }

  it("exchanges a token once for a session of the linked account", async () => {
    const s = await embedSession();
    expect(s.url).toBe(`${PUBLIC_URL}/embed/pasar?token=${encodeURIComponent(s.token)}`);
    // Five minutes, in whole seconds as the JWT's exp carries it.
    const ttl = new Date(s.expiresAt).getTime() - clock.now().getTime();
    expect(ttl).toBeGreaterThan(299_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    const res = await post("/api/v1/embed/exchange", undefined, { token: s.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().session).toMatchObject({
      user: { name: "Siti Rahma" },
      persona: "warga",
      partner: { clientId: "jaki-demo", externalUserId: "jaki-user-embed" },
    });
    const cookie = String([res.headers["set-cookie"]].flat()[0]);
    expect(cookie).toMatch(/^lumbung_session=lbs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: cookie.split(";")[0] as string },
    });
    expect(me.json().user).toMatchObject({ name: "Siti Rahma", email: null, phone: null });
    // The link to the partner's user is in the person's data download.
    const data = await t.app.inject({
      method: "GET",
      url: "/api/v1/me/data",
      headers: { cookie: cookie.split(";")[0] as string },
    });
    expect(data.statusCode, data.body).toBe(200);
    expect(data.body).toContain('"externalUserId":"jaki-user-embed"');

    expectProblem(
      await post("/api/v1/embed/exchange", undefined, { token: s.token }),
      409,
      "partner.embed_token_used",
    );

    // The next visit links to the same account.
    const again = await post("/api/v1/embed/exchange", undefined, { token: (await embedSession()).token });
    expect(again.json().session.user.id).toBe(res.json().session.user.id);
  });

  it("refuses expired, forged and partner-access tokens", async () => {
    const s = await embedSession();
    clock.advance(301_000);
    const expired = expectProblem(
      await post("/api/v1/embed/exchange", undefined, { token: s.token }),
      401,
      "partner.embed_token_invalid",
    );
    expect(expired.detail).toMatch(/expired/);
    tok.partner = await t.partnerToken();
    expectProblem(
      await post("/api/v1/embed/exchange", undefined, { token: tok.partner }),
      401,
      "partner.embed_token_invalid",
    );
    const [h, p] = (await embedSession()).token.split(".");
    expectProblem(
      await post("/api/v1/embed/exchange", undefined, { token: `${h}.${p}.${"A".repeat(43)}` }),
      401,
      "partner.embed_token_invalid",
    );
    // An embed token is no bearer token either.
    expectProblem(await get("/api/v1/auth/me", (await embedSession()).token), 401, "auth.unauthenticated");
  });

  it("an order placed in the embed goes to the partner's webhook", async () => {
    const s = await embedSession("jaki-user-embed-2");
    const res = await post("/api/v1/embed/exchange", undefined, { token: s.token });
    const cookie = String([res.headers["set-cookie"]].flat()[0]).split(";")[0] as string;
    const checkout = await t.app.inject({
      method: "POST",
      url: "/api/v1/market/orders",
      headers: { cookie },
      payload: { items: [{ variantId: product.variantId, quantity: 2 }], shippingAddress: ADDRESS },
    });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const id = checkout.json().id;
    const hit = await waitFor(() => eventsOf(id, "order.created")[0]);
    expect(hit.json.data.order).toMatchObject({ id, externalUserId: "jaki-user-embed-2", source: "web" });
    expect(
      verifyPayload([secret], hit.body, hit.headers["lumbung-signature"] as string, clock.now()).ok,
    ).toBe(true);
    // A citizen's own order (not a partner's user) goes to no partner.
    const own = await post("/api/v1/market/orders", tok.warga, {
      items: [{ variantId: product.variantId, quantity: 1 }],
      shippingAddress: ADDRESS,
    });
    expect(own.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 300));
    expect(eventsOf(own.json().id)).toHaveLength(0);
  });

  it("erases a partner user's account at the partner's request (UU 27/2022)", async () => {
    const s = await embedSession("jaki-user-forget");
    const res = await post("/api/v1/embed/exchange", undefined, { token: s.token });
    const cookie = String([res.headers["set-cookie"]].flat()[0]).split(";")[0] as string;
    const checkout = await t.app.inject({
      method: "POST",
      url: "/api/v1/market/orders",
      headers: { cookie },
      payload: { items: [{ variantId: product.variantId, quantity: 1 }], shippingAddress: ADDRESS },
    });
    expect(checkout.statusCode, checkout.body).toBe(201);
    const erase = () =>
      t.app.inject({
        method: "DELETE",
        url: "/partner/v1/users/jaki-user-forget",
        headers: bearer(tok.partner as string),
      });
    expect((await erase()).statusCode).toBe(204);
    // The session is gone, the order keeps no name or address, and the link is forgotten.
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    const order = (await get(`/partner/v1/orders/${checkout.json().id}`, tok.partner)).json();
    expect(JSON.stringify(order)).not.toContain(ADDRESS.address);
    expect(JSON.stringify(order)).not.toContain("Siti Rahma");
    expectProblem(await erase(), 404, "partner.user_not_found");
    // Only a partner platform may ask (its own users only: the link is looked up by its client id).
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: "/partner/v1/users/jaki-user-embed",
          headers: bearer(tok.warga as string),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("deletes an endpoint: nothing more is sent to it", async () => {
    tok.partner = await t.partnerToken();
    otherPartner = await otherToken();
    const list = (await get("/partner/v1/webhooks", tok.partner)).json();
    const id = list.items[0].id;
    expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: `/partner/v1/webhooks/${id}`,
        headers: bearer(otherPartner),
      }),
      404,
      "partner.webhook_not_found",
    );
    const del = await t.app.inject({
      method: "DELETE",
      url: `/partner/v1/webhooks/${id}`,
      headers: bearer(tok.partner),
    });
    expect(del.statusCode).toBe(204);
    const o = (await partnerOrder("order-after-delete")).json();
    await new Promise((r) => setTimeout(r, 300));
    expect(eventsOf(o.id)).toHaveLength(0);
  });
});
