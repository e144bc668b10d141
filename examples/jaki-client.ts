/**
 * JAKI, played against a running Lumbung: the reference client of the partner API (docs/partner-api.md).
 *
 *   node --import tsx examples/jaki-client.ts [baseUrl]        (default http://127.0.0.1:3000)
 *
 * It starts a small HTTP server for webhooks, gets an OAuth token (client credentials), registers its
 * webhook endpoint, searches the marketplace, orders with an Idempotency-Key (and shows that a retry
 * returns the same order), pays through the sandbox QRIS provider, then waits for the signed
 * `order.paid` webhook and verifies its signature. It removes its endpoint when done.
 *
 * Environment: JAKI_CLIENT_ID / JAKI_CLIENT_SECRET (default the demo client `jaki-demo`),
 * JAKI_WEBHOOK_HOST (the address Lumbung can reach this machine at; default 127.0.0.1),
 * JAKI_WEBHOOK_PORT (default: any free port).
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
// The verification JAKI needs is ten lines of HMAC (see docs/partner-api.md); here we use Lumbung's own.
import { verifyPayload } from "../src/modules/payments/domain/signature";

const base = (process.argv[2] ?? process.env.LUMBUNG_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const clientId = process.env.JAKI_CLIENT_ID ?? "jaki-demo";
const clientSecret = process.env.JAKI_CLIENT_SECRET ?? "jaki-demo-secret";
const hookHost = process.env.JAKI_WEBHOOK_HOST ?? "127.0.0.1";
const WEBHOOK_WAIT_MS = 30_000;

// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
type Json = Record<string, any>;

let stepNo = 0;
function step(title: string) {
  stepNo++;
  console.log(`\n${stepNo}. ${title}`);
}
function show(label: string, value: unknown) {
  console.log(`   ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
}
const rupiah = (n: number) =>
  new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n);

async function api(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: "application/json",
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Json) : {};
  return { status: res.status, headers: res.headers, json };
}

function expectStatus(res: { status: number; json: Json }, ...ok: number[]) {
  if (!ok.includes(res.status)) {
    throw new Error(
      `HTTP ${res.status}: ${res.json.code ?? ""} ${res.json.detail ?? JSON.stringify(res.json)}`,
    );
  }
}

// ------------------------------------------------------------------ the webhook receiver

interface Hook {
  raw: string;
  signature: string | undefined;
  eventId: string | undefined;
  event: Json;
}
const hooks: Hook[] = [];
const waiting: { match: (h: Hook) => boolean; resolve: (h: Hook) => void }[] = [];
let secrets: string[] = [];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    // Verify against the raw bytes, before parsing: re-serialised JSON would not match the signature.
    const raw = Buffer.concat(chunks).toString("utf8");
    const signature = req.headers["lumbung-signature"] as string | undefined;
    const check = verifyPayload(secrets, raw, signature, new Date());
    if (!check.ok) {
      console.log(`   ✗ webhook refused (${check.reason})`);
      res.writeHead(400).end();
      return;
    }
    const hook: Hook = {
      raw,
      signature,
      eventId: req.headers["lumbung-event-id"] as string,
      event: JSON.parse(raw),
    };
    // Retries and replays carry the same event id: handle each event once, but always answer 2xx.
    if (!hooks.some((h) => h.eventId === hook.eventId)) {
      hooks.push(hook);
      console.log(
        `   ← webhook ${hook.event.type} for ${hook.event.data?.order?.number ?? "?"} (signature ok)`,
      );
      for (const w of waiting.splice(0)) {
        if (w.match(hook)) w.resolve(hook);
        else waiting.push(w);
      }
    }
    res.writeHead(204).end();
  });
});

function waitForHook(match: (h: Hook) => boolean, ms: number): Promise<Hook> {
  const seen = hooks.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching webhook within ${ms / 1000} s`)), ms);
    waiting.push({
      match,
      resolve: (h) => {
        clearTimeout(timer);
        resolve(h);
      },
    });
  });
}

// ------------------------------------------------------------------------------ the play

async function main() {
  console.log(`JAKI reference client → ${base}`);
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.JAKI_WEBHOOK_PORT ?? 0), "0.0.0.0", resolve),
  );
  const hookUrl = `http://${hookHost}:${(server.address() as AddressInfo).port}/webhooks/lumbung`;

  step("Token (OAuth 2.0 client credentials)");
  const tokenRes = await fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  const tokenJson = (await tokenRes.json()) as Json;
  expectStatus({ status: tokenRes.status, json: tokenJson }, 200);
  const token = tokenJson.access_token as string;
  show("scope", tokenJson.scope);
  show("expires in", `${tokenJson.expires_in} s`);

  step("Register the webhook endpoint");
  const endpoint = await api("POST", "/partner/v1/webhooks", {
    token,
    body: {
      url: hookUrl,
      events: ["order.created", "order.paid", "payment.succeeded", "order.cancelled"],
      description: "JAKI reference client",
    },
  });
  expectStatus(endpoint, 201);
  secrets = [endpoint.json.secret];
  show("endpoint", `${endpoint.json.id} → ${hookUrl}`);
  show("secret", `${String(endpoint.json.secret).slice(0, 12)}… (shown once; kept to verify signatures)`);

  try {
    step("Search the marketplace");
    let found = await api("GET", "/partner/v1/products?q=kopi&limit=5", { token });
    expectStatus(found, 200);
    if (!found.json.items.length) found = await api("GET", "/partner/v1/products?limit=5", { token });
    const product = (found.json.items as Json[]).find((p) => p.stock > 0);
    if (!product) throw new Error("no product in stock: start Lumbung with demo data (npm start)");
    show("found", `${found.json.total} product(s)`);
    for (const p of found.json.items as Json[]) {
      console.log(
        `   - ${p.name} · ${rupiah(p.price)} / ${p.unit} · stock ${p.stock} · ${p.seller.name}${p.traceable ? " · traceable" : ""}`,
      );
    }

    step(`Product detail: ${product.name}`);
    const detail = await api("GET", `/partner/v1/products/${product.id}`, { token });
    expectStatus(detail, 200);
    show("variants", (detail.json.variants as Json[]).map((v) => `${v.name} ${rupiah(v.price)}`).join(", "));
    if (detail.json.trace) {
      const origin = detail.json.trace.origins?.[0];
      show(
        "trace",
        `${detail.json.lot.traceUrl}${origin ? ` · from ${origin.regency?.name ?? "?"} by ${origin.producer ?? "?"}` : ""}`,
      );
    } else {
      show("trace", "none (not linked to a lot)");
    }

    step("Order with an Idempotency-Key");
    const key = randomUUID();
    const order = {
      externalUserId: "jaki-demo-user-42",
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: {
        name: "Siti Rahma",
        phone: "+6281234567890",
        address: "Jl. Medan Merdeka Selatan 8-9, Gambir",
        regionCode: "31.71",
        postalCode: "10110",
      },
    };
    const created = await api("POST", "/partner/v1/orders", {
      token,
      body: order,
      headers: { "idempotency-key": key },
    });
    expectStatus(created, 201);
    show("order", `${created.json.number} (${created.json.id}) · ${created.json.status}`);
    show(
      "total",
      `${rupiah(created.json.total)} (items ${rupiah(created.json.subtotal)} + shipping ${rupiah(created.json.shippingFee)})`,
    );
    show("QRIS", `${String(created.json.qris.payload).slice(0, 48)}…`);

    step("Retry the same request (as after a lost answer)");
    const retried = await api("POST", "/partner/v1/orders", {
      token,
      body: order,
      headers: { "idempotency-key": key },
    });
    expectStatus(retried, 200);
    if (retried.json.id !== created.json.id) throw new Error("the retry made a second order");
    show(
      "answer",
      `${retried.status}, Idempotent-Replayed: ${retried.headers.get("idempotent-replayed")}, same order ${retried.json.number}`,
    );

    await waitForHook(
      (h) => h.event.type === "order.created" && h.event.data.order.id === created.json.id,
      WEBHOOK_WAIT_MS,
    ).catch(() => console.log("   (order.created webhook not seen yet)"));

    step("Pay by QRIS (the sandbox plays the user's banking app)");
    const paid = await api("POST", "/api/v1/payments/sandbox/pay", {
      body: { payload: created.json.qris.payload },
    });
    expectStatus(paid, 200);
    show("sandbox", "paid");

    step("Wait for the signed order.paid webhook");
    const hook = await waitForHook(
      (h) => h.event.type === "order.paid" && h.event.data.order.id === created.json.id,
      WEBHOOK_WAIT_MS,
    );
    const check = verifyPayload(secrets, hook.raw, hook.signature, new Date());
    show("event", `${hook.event.id} · ${hook.event.type} · order status ${hook.event.data.order.status}`);
    show(
      "Lumbung-Signature",
      `${hook.signature?.slice(0, 30)}… → ${check.ok ? "valid" : `INVALID (${check.reason})`}`,
    );
    if (!check.ok) throw new Error("signature did not verify");

    step("Read the order back");
    const after = await api("GET", `/partner/v1/orders/${created.json.id}`, { token });
    expectStatus(after, 200);
    show("status", `${after.json.status} · payment ${after.json.payment?.status}`);
    console.log("\n✓ JAKI flow complete");
  } finally {
    await api("DELETE", `/partner/v1/webhooks/${endpoint.json.id}`, { token }).catch(() => undefined);
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(`\n✗ ${(err as Error).message}`);
  server.close();
  process.exitCode = 1;
});
