import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access, type Principal } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { IdParam, problems } from "../../http/schemas";
import { SESSION_COOKIE } from "../identity";
import { EMBED_TOKEN_TTL_SECONDS } from "./partner.embed";
import "./partner.errors";
import type { PartnerService } from "./partner.service";
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "./partner.tables";

const tags = ["partner"];
const adminTags = ["partner-admin"];
const security = [{ oauth2: [] }];

function clientOf(req: FastifyRequest): Extract<Principal, { type: "client" }> {
  if (req.principal.type !== "client")
    throw new AppError("auth.forbidden", "Only partner platforms may call this");
  return req.principal;
}

const Page = {
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
};

const RegionCode = z
  .string()
  .regex(
    /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/,
    bilingual(
      "a Kemendagri regency, district or village code, e.g. 31.74 or 31.74.06",
      "kode kabupaten/kota, kecamatan, atau kelurahan Kemendagri, misalnya 31.74 atau 31.74.06",
    ),
  );
const Phone = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9][0-9 -]{6,18}[0-9]$/,
    bilingual("a phone number such as +6281234567890", "nomor HP, misalnya +6281234567890"),
  );
const ExternalUserId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .meta({ description: "The partner's own id for its user (opaque to Lumbung)" });

const Variant = z.object({
  id: z.string(),
  name: z.string(),
  price: z.number().int().meta({ description: "Rupiah" }),
  stock: z.number().int(),
  weightGrams: z.number().int(),
});

const ProductSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    category: z.object({ code: z.string(), name: z.string() }),
    price: z.number().int().meta({ description: "Rupiah, of the default variant (the first)" }),
    stock: z.number().int().meta({ description: "Units left of the default variant" }),
    unit: z.string().meta({ description: "What one unit is, e.g. `bungkus 250 g`" }),
    photoUrl: z.string().nullable(),
    seller: z.object({ id: z.string(), name: z.string(), regencyName: z.string().nullable() }),
    traceable: z.boolean().meta({ description: "Linked to a lot with a public trace" }),
    rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
    soldCount: z.number().int(),
    variants: z.array(Variant),
  })
  .meta({ id: "PartnerProductSummary" });

const ProductDetail = ProductSummary.extend({
  description: z.string(),
  photos: z.array(z.object({ url: z.string(), alt: z.string() })),
  origin: z.object({ regionCode: z.string(), regionName: z.string() }).nullable(),
  lot: z
    .object({
      epc: z.string(),
      traceUrl: z.string().nullable().meta({ description: "The public trace page (GS1 Digital Link)" }),
    })
    .nullable(),
  trace: z.record(z.string(), z.unknown()).nullable().meta({
    description:
      "The lot's public journey, as GET /api/v1/public/trace answers it (origin, journey, where it is now, excursions, farmer's share); null when not traceable",
  }),
}).meta({ id: "PartnerProductDetail" });

const Order = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.string().meta({
      description:
        "menunggu_pembayaran, dibayar, dikemas, dikirim, diterima, selesai, dibatalkan or dikembalikan",
    }),
    externalUserId: z.string().nullable(),
    source: z.enum(["web", "partner"]),
    seller: z.object({ id: z.string(), name: z.string() }),
    buyer: z.object({ name: z.string() }),
    items: z.array(
      z.object({
        productId: z.string(),
        variantId: z.string(),
        name: z.string(),
        variantName: z.string(),
        unitPrice: z.number().int(),
        quantity: z.number().int(),
        lineTotal: z.number().int(),
        lotEpc: z.string().nullable(),
      }),
    ),
    currency: z.literal("IDR"),
    subtotal: z.number().int(),
    shippingFee: z.number().int(),
    total: z.number().int(),
    shippingAddress: z.object({
      name: z.string(),
      phone: z.string(),
      address: z.string(),
      regionCode: z.string(),
      postalCode: z.string().nullable(),
    }),
    qris: z
      .object({
        payload: z
          .string()
          .meta({ description: "The EMVCo QRIS string; render it as a QR or hand it to a wallet" }),
        imageUrl: z.string().meta({ description: "The same code as an SVG image" }),
        expiresAt: z.string(),
      })
      .nullable(),
    payment: z
      .object({ id: z.string(), status: z.string(), amount: z.number().int(), paidAt: z.string().nullable() })
      .nullable(),
    fulfilment: z
      .object({
        method: z.string(),
        courierName: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        shipmentNumber: z.string().nullable(),
      })
      .nullable(),
    history: z.array(z.object({ status: z.string(), at: z.string(), note: z.string().nullable() })),
    cancelReason: z.string().nullable(),
    expiresAt: z
      .string()
      .meta({ description: "Unpaid past this, the order is cancelled and its stock released" }),
    createdAt: z.string(),
  })
  .meta({ id: "PartnerOrder" });

const OrderBody = z.object({
  externalUserId: ExternalUserId,
  buyerName: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .optional()
    .meta({ description: "Defaults to the recipient's name" }),
  items: z
    .array(
      z.object({
        productId: z.string().min(1).max(100),
        variantId: z.string().min(1).max(100).optional().meta({
          description: "Omit to buy the product's default variant (the one whose price the list shows)",
        }),
        quantity: z.number().int().min(1).max(999),
      }),
    )
    .min(1)
    .max(50),
  shippingAddress: z.object({
    name: z.string().trim().min(2).max(120),
    phone: Phone,
    address: z.string().trim().min(5).max(500),
    regionCode: RegionCode,
    postalCode: z
      .string()
      .regex(/^\d{5}$/, bilingual("a five-digit postal code", "kode pos lima angka"))
      .optional(),
  }),
  note: z.string().trim().max(500).optional(),
});

const EventType = z.enum(WEBHOOK_EVENT_TYPES);
const Endpoint = z
  .object({
    id: z.string(),
    clientId: z.string(),
    url: z.string(),
    events: z.array(z.string()).meta({ description: "Event types sent to it; `*` is all" }),
    description: z.string().nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "PartnerWebhookEndpoint" });

const Delivery = z
  .object({
    id: z.string(),
    eventId: z.string().meta({ description: "Sent as Lumbung-Event-Id; the same on every retry and replay" }),
    eventType: EventType,
    clientId: z.string(),
    endpointId: z.string(),
    url: z.string().nullable(),
    orderId: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    replayOf: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "PartnerWebhookDelivery" });

const DeliveryDetail = Delivery.extend({
  payload: z.unknown().meta({ description: "The JSON body sent: { id, type, createdAt, data: { order } }" }),
  attemptLog: z.array(
    z.object({
      at: z.string(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      responseBody: z.string().nullable(),
    }),
  ),
}).meta({ id: "PartnerWebhookDeliveryDetail" });

const DeliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  endpointId: z.string().max(100).optional(),
  orderId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: bilingual("an http(s) URL", "URL http(s)") })
  .max(500)
  .meta({ description: "Where Lumbung POSTs events; https in production" });

export const partnerRoutes: FastifyPluginAsyncZod<{ partner: PartnerService }> = async (app, { partner }) => {
  // ---------------------------------------------------------------- catalogue

  app.get(
    "/partner/v1/products",
    {
      config: { access: access.partner("products:read") },
      schema: {
        tags,
        security,
        summary: "Search the marketplace's products on sale",
        description:
          "`price` and `stock` are the default variant's, so ordering `{ productId }` alone buys exactly that.",
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          category: z.string().max(50).optional(),
          ...Page,
        }),
        response: {
          200: z.object({
            items: z.array(ProductSummary),
            total: z.number().int(),
            totalCapped: z.boolean().meta({ description: "True when more than 1,000 products match" }),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => partner.listProducts(req.query),
  );

  app.get(
    "/partner/v1/products/:id",
    {
      config: { access: access.partner("products:read") },
      schema: {
        tags,
        security,
        summary: "One product with its variants and the public trace of its lot",
        params: IdParam,
        response: { 200: ProductDetail, ...problems(404) },
      },
    },
    async (req) => partner.getProduct(req.params.id),
  );

  // ------------------------------------------------------------------- orders

  app.post(
    "/partner/v1/orders",
    {
      config: { access: access.partner("orders:write") },
      schema: {
        tags,
        security,
        summary: "Place an order for one of the partner's users (Idempotency-Key required)",
        description:
          "201 with the new order, its total and the QRIS payload to pay. Sending the same Idempotency-Key " +
          "with the same body again answers 200 with the same order (header `Idempotent-Replayed: true`); the " +
          "same key with a different body is 422 `partner.idempotency_mismatch`. All items must come from one seller.",
        headers: z.object({
          "idempotency-key": z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .meta({ description: "Required: a unique value per order the user means to place, e.g. a UUID" }),
        }),
        body: OrderBody,
        response: { 200: Order, 201: Order, ...problems(404, 409, 422) },
      },
    },
    async (req, reply) => {
      const key = req.headers["idempotency-key"];
      if (!key)
        throw new AppError(
          "partner.idempotency_key_required",
          "Send an Idempotency-Key header (e.g. a UUID)",
        );
      const { order, replayed } = await partner.createOrder(clientOf(req).clientId, key, req.body);
      if (replayed) reply.header("idempotent-replayed", "true");
      return reply.status(replayed ? 200 : 201).send(order);
    },
  );

  app.get(
    "/partner/v1/orders",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "The partner's orders, newest first, optionally of one of its users",
        querystring: z.object({ externalUserId: ExternalUserId.optional(), ...Page }),
        response: {
          200: z.object({
            items: z.array(Order),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => partner.listOrders(clientOf(req).clientId, req.query),
  );

  app.get(
    "/partner/v1/orders/:id",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "One of the partner's orders (another partner's answers 404)",
        params: IdParam,
        response: { 200: Order, ...problems(404) },
      },
    },
    async (req) => partner.getOrder(clientOf(req).clientId, req.params.id),
  );

  app.post(
    "/partner/v1/orders/:id/cancel",
    {
      config: { access: access.partner("orders:write") },
      schema: {
        tags,
        security,
        summary: "Cancel an order for the user (before the seller ships; a paid order is refunded)",
        params: IdParam,
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: Order, ...problems(404, 409) },
      },
    },
    async (req) => partner.cancelOrder(clientOf(req).clientId, req.params.id, req.body.reason),
  );

  // ----------------------------------------------------------------- webhooks

  app.get(
    "/partner/v1/webhooks",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "The partner's webhook endpoints (secrets are shown only when created)",
        response: { 200: z.object({ items: z.array(Endpoint) }), ...problems() },
      },
    },
    async (req) => ({ items: await partner.webhooks.listEndpoints({ clientId: clientOf(req).clientId }) }),
  );

  app.post(
    "/partner/v1/webhooks",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "Register a webhook endpoint; the answer carries its signing secret, once",
        body: z.object({
          url: WebhookUrl,
          events: z
            .array(z.union([EventType, z.literal("*")]))
            .max(20)
            .default(["*"]),
          description: z.string().trim().max(200).optional(),
        }),
        response: {
          201: Endpoint.extend({
            secret: z.string().meta({ description: "HMAC-SHA256 key of Lumbung-Signature; store it now" }),
          }),
          ...problems(409),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await partner.webhooks.createEndpoint(clientOf(req).clientId, req.body)),
  );

  app.delete(
    "/partner/v1/webhooks/:id",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "Remove a webhook endpoint (pending deliveries to it are given up)",
        params: IdParam,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (req, reply) => {
      await partner.webhooks.deleteEndpoint(clientOf(req).clientId, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/partner/v1/webhooks/deliveries",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "The partner's webhook deliveries, newest first",
        querystring: DeliveryQuery,
        response: { 200: z.object({ items: z.array(Delivery), total: z.number().int() }), ...problems() },
      },
    },
    async (req) => partner.webhooks.listDeliveries({ ...req.query, clientId: clientOf(req).clientId }),
  );

  app.get(
    "/partner/v1/webhooks/deliveries/:id",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "One delivery with its payload and every attempt",
        params: IdParam,
        response: { 200: DeliveryDetail, ...problems(404) },
      },
    },
    async (req) => partner.webhooks.getDelivery(req.params.id, clientOf(req).clientId),
  );

  app.post(
    "/partner/v1/webhooks/deliveries/:id/replay",
    {
      config: { access: access.partner("orders:read") },
      schema: {
        tags,
        security,
        summary: "Send a delivery's event again (same event id, fresh signature)",
        params: IdParam,
        response: { 201: DeliveryDetail, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await partner.webhooks.replay(req.params.id, clientOf(req).clientId)),
  );

  // -------------------------------------------------------------------- embed

  app.post(
    "/partner/v1/embed-sessions",
    {
      config: { access: access.partner("orders:write") },
      schema: {
        tags,
        security,
        summary: "A link that opens the storefront inside the partner app, signed in as this user",
        description: `The token is single use and expires in ${EMBED_TOKEN_TTL_SECONDS / 60} minutes: make one each time the user opens the storefront.`,
        body: z.object({
          externalUserId: ExternalUserId,
          name: z.string().trim().min(2).max(120),
          phone: Phone.optional(),
        }),
        response: {
          201: z.object({ url: z.string(), token: z.string(), expiresAt: z.string() }),
          ...problems(),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await partner.embed.createSession(clientOf(req).clientId, req.body)),
  );

  app.delete(
    "/partner/v1/users/:externalUserId",
    {
      config: { access: access.partner("orders:write") },
      schema: {
        tags,
        security,
        summary: "Erase the Lumbung account of one of your users (their request to be forgotten)",
        description:
          "The citizen account the embedded storefront made for this user is deleted as in `DELETE /api/v1/me`: " +
          "sessions, profile and consents go, their orders keep no name, phone or address. A later embed " +
          "session starts a new, empty account.",
        params: z.object({ externalUserId: ExternalUserId }),
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (req, reply) => {
      await partner.eraseUser(clientOf(req).clientId, req.params.externalUserId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/embed/exchange",
    {
      config: { access: access.public, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Exchange a partner's embed token for a session (sets the session cookie)",
        description:
          "Used by the embedded storefront (/embed/pasar?token=…). Links the partner's user to a Lumbung " +
          "account (created on first use, without a password) and signs it in. 401 when the token is invalid " +
          "or expired, 409 when it was used already.",
        body: z.object({ token: z.string().min(20).max(4000) }),
        response: {
          200: z.object({
            session: z.object({
              user: z.object({ id: z.string(), name: z.string() }),
              persona: z.string(),
              expiresAt: z.string(),
              partner: z.object({ clientId: z.string(), externalUserId: z.string() }),
            }),
          }),
          ...problems(401, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const s = await partner.embed.exchange(req.body.token, {
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      req.principal = await partner.principalOf(s.token); // the audit record names who was signed in
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: partner.secureCookies,
        expires: s.expiresAt,
      });
      return {
        session: {
          user: { id: s.user.id, name: s.user.name },
          persona: s.persona,
          expiresAt: s.expiresAt.toISOString(),
          partner: s.partner,
        },
      };
    },
  );

  // -------------------------------------------------------------------- admin

  app.get(
    "/api/v1/partners",
    {
      config: { access: access.admin },
      schema: {
        tags: adminTags,
        summary: "Partner clients with their webhook endpoints and delivery counts",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                clientId: z.string(),
                name: z.string(),
                organisation: z.object({ id: z.string(), name: z.string() }),
                scopes: z.array(z.string()),
                createdAt: z.string(),
                revokedAt: z.string().nullable(),
                endpoints: z.array(Endpoint),
                deliveries: z.object({
                  pending: z.number().int(),
                  delivered: z.number().int(),
                  failed: z.number().int(),
                }),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async () => partner.overview(),
  );

  app.get(
    "/api/v1/partners/deliveries",
    {
      config: { access: access.admin },
      schema: {
        tags: adminTags,
        summary: "Webhook deliveries of every partner, newest first",
        querystring: DeliveryQuery.extend({ clientId: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(Delivery), total: z.number().int() }), ...problems() },
      },
    },
    async (req) => partner.webhooks.listDeliveries(req.query),
  );

  app.get(
    "/api/v1/partners/deliveries/:id",
    {
      config: { access: access.admin },
      schema: {
        tags: adminTags,
        summary: "One delivery with its payload and every attempt",
        params: IdParam,
        response: { 200: DeliveryDetail, ...problems(404) },
      },
    },
    async (req) => partner.webhooks.getDelivery(req.params.id),
  );

  app.post(
    "/api/v1/partners/deliveries/:id/replay",
    {
      config: { access: access.admin },
      schema: {
        tags: adminTags,
        summary: "Send a delivery's event again as a new delivery (same event id, fresh signature)",
        params: IdParam,
        response: { 201: DeliveryDetail, ...problems(404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await partner.webhooks.replay(req.params.id)),
  );
};
