import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import { ORDER_ACTIONS, ORDER_STATUSES } from "./domain/status";
import type { MarketplaceService } from "./marketplace.service";

const tags = ["market"];
const seller = access.personas("umkm");

const Status = z.enum(ORDER_STATUSES);
const Payment = z
  .object({
    id: z.string(),
    purpose: z.string(),
    referenceId: z.string(),
    amount: z.number().int(),
    status: z.string(),
    method: z.literal("qris"),
    provider: z.string(),
    qrisPayload: z.string(),
    qrImageUrl: z.string(),
    expiresAt: z.string(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "MarketOrderPayment" });
const Address = z.object({
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  regionCode: z.string(),
  postalCode: z.string().optional(),
});
const OrderView = z
  .object({
    id: z.string(),
    number: z.string(),
    status: Status,
    seller: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
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
        weightGrams: z.number().int(),
        lotEpc: z.string().nullable(),
      }),
    ),
    subtotal: z.number().int(),
    shippingFee: z.number().int(),
    total: z.number().int(),
    weightGrams: z.number().int(),
    shippingAddress: Address,
    note: z.string().nullable(),
    fulfilment: z
      .object({
        method: z.enum(["courier", "corridor"]),
        courierName: z.string().nullable(),
        trackingNumber: z.string().nullable(),
        shipmentId: z.string().nullable(),
        shipmentNumber: z.string().nullable(),
        shipmentStatus: z.string().nullable(),
      })
      .nullable(),
    payment: Payment.nullable(),
    history: z.array(
      z.object({
        status: Status,
        action: z.string(),
        actor: z.enum(["buyer", "seller", "system"]),
        at: z.string(),
        note: z.string().nullable(),
      }),
    ),
    expiresAt: z.string(),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    review: z.object({ rating: z.number().int(), comment: z.string() }).nullable(),
    cancelReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    returnRequestedAt: z.string().nullable(),
    returnDeadline: z.string().nullable(),
    returnRejectedReason: z.string().nullable(),
    refundedAmount: z.number().int().nullable(),
    receiverName: z.string().nullable(),
    source: z.enum(["web", "partner"]),
    actions: z.array(z.enum(ORDER_ACTIONS)),
  })
  .meta({ id: "MarketOrder" });
const OrderPage = z.object({ items: z.array(OrderView), total: z.number().int() });

const Id = z.object({ id: z.string().min(1).max(100) });
const Item = z.object({
  variantId: z.string().min(1).max(100).optional(),
  productId: z.string().min(1).max(200).optional(),
  quantity: z.number().int().min(1, bilingual("Quantity must be at least 1", "Jumlah minimal 1")).max(10_000),
});
const RegionCode = z
  .string()
  .trim()
  .regex(
    /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/,
    bilingual("A Kemendagri region code", "Kode wilayah Kemendagri"),
  );
const CheckoutBody = z.object({
  items: z.array(Item).min(1).max(50),
  shippingAddress: z.object({
    name: z.string().trim().min(2).max(120),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, bilingual("A phone number", "Nomor telepon")),
    address: z.string().trim().min(5).max(500),
    regionCode: RegionCode,
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, bilingual("Five digits", "Lima angka"))
      .optional(),
  }),
  note: z.string().trim().max(500).optional(),
});
const Reason = z.object({ reason: z.string().trim().max(500).optional() });
const RequiredReason = z.object({
  reason: z.string().trim().min(3, bilingual("Give a reason", "Tuliskan alasannya")).max(500),
});
const Paging = {
  status: Status.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

function userOf(p: { type: string; userId?: string; name?: string }) {
  if (p.type !== "user" || !p.userId) throw new AppError("auth.forbidden", "Sign in as a person to order");
  return { userId: p.userId, name: p.name ?? "" };
}

export const ordersRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async (app, opts) => {
  const orders = opts.marketplace.orders;

  app.post(
    "/api/v1/market/shipping-quote",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "The shipping fee of a cart to a region (by weight and destination province)",
        body: z.object({ items: z.array(Item).min(1).max(50), regionCode: RegionCode }),
        response: {
          200: z.object({
            weightGrams: z.number().int(),
            chargeableKg: z.number().int(),
            zone: z.enum(["lampung", "dki_jakarta", "jawa", "lainnya"]),
            fee: z.number().int(),
            etaDays: z.number().int(),
            etaDaysMin: z.number().int(),
            subtotal: z.number().int(),
          }),
          ...problems(409),
        },
      },
    },
    async (req) => orders.quote(req.body),
  );

  // ------------------------------------------------------------------ buyers

  app.post(
    "/api/v1/market/orders",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          "Checkout: reserves the stock and opens a QRIS payment; the same Idempotency-Key returns the same order",
        headers: z.object({ "idempotency-key": z.string().trim().min(8).max(200).optional() }),
        body: CheckoutBody,
        response: { 200: OrderView, 201: OrderView, ...problems(409, 422) },
      },
    },
    async (req, reply) => {
      const u = userOf(req.principal);
      const { order, replayed } = await orders.checkout({ kind: "user", ...u }, req.body, {
        idempotencyKey: req.headers["idempotency-key"],
        source: "web",
      });
      reply.status(replayed ? 200 : 201);
      return order;
    },
  );

  app.get(
    "/api/v1/market/orders",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "My orders, newest first",
        querystring: z.object(Paging),
        response: { 200: OrderPage, ...problems() },
      },
    },
    async (req) => orders.listMine(userOf(req.principal), req.query),
  );

  app.get(
    "/api/v1/market/orders/:id",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "One of my orders",
        params: Id,
        response: { 200: OrderView, ...problems(404) },
      },
    },
    async (req) => orders.getMine(userOf(req.principal), req.params.id),
  );

  app.post(
    "/api/v1/market/orders/:id/cancel",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Cancel my order before it is packed (a paid order is refunded)",
        params: Id,
        body: Reason,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.cancelMine(userOf(req.principal), req.params.id, req.body.reason),
  );

  app.post(
    "/api/v1/market/orders/:id/confirm",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "I received the order and all is well: it is completed and the seller paid out",
        params: Id,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.confirmMine(userOf(req.principal), req.params.id),
  );

  app.post(
    "/api/v1/market/orders/:id/review",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Review a delivered order (once); rates each of its products",
        params: Id,
        body: z.object({
          rating: z.number().int().min(1).max(5),
          comment: z.string().trim().max(1000).default(""),
        }),
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.review(userOf(req.principal), req.params.id, req.body),
  );

  app.post(
    "/api/v1/market/orders/:id/return",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Ask for a return within 2 days of delivery; the seller accepts (refund) or declines",
        params: Id,
        body: RequiredReason,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.requestReturn(userOf(req.principal), req.params.id, req.body.reason),
  );

  // ------------------------------------------------------------------ sellers

  app.get(
    "/api/v1/market/seller/orders",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "My shop's orders, newest first, with the count in each status",
        querystring: z.object(Paging),
        response: {
          200: OrderPage.extend({ counts: z.record(z.string(), z.number().int()) }),
          ...problems(),
        },
      },
    },
    async (req) => orders.listForSeller(req.principal, req.query),
  );

  app.get(
    "/api/v1/market/seller/orders/:id",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "One of my shop's orders, with the buyer's address",
        params: Id,
        response: { 200: OrderView, ...problems(404) },
      },
    },
    async (req) => orders.getForSeller(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/pack",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Packing (dikemas)",
        params: Id,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.pack(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/ship",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Shipped: by a courier with its tracking number, or in a corridor shipment the shop sends",
        params: Id,
        body: z.object({
          method: z.enum(["courier", "corridor"]),
          courierName: z.string().trim().max(80).optional(),
          trackingNumber: z.string().trim().max(80).optional(),
          shipmentId: z.string().trim().max(100).optional(),
        }),
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.ship(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/deliver",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Delivered (diterima); completes by itself 7 days later unless the buyer asks for a return",
        params: Id,
        body: z.object({ receiverName: z.string().trim().max(120).optional() }).default({}),
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.deliver(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/cancel",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Cancel before shipping, with a reason (a paid order is refunded)",
        params: Id,
        body: RequiredReason,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.cancelBySeller(req.principal, req.params.id, req.body.reason),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/refund",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Accept the buyer's return: the order is dikembalikan and the buyer refunded",
        params: Id,
        body: Reason.default({}),
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.acceptReturn(req.principal, req.params.id, req.body.reason),
  );

  app.post(
    "/api/v1/market/seller/orders/:id/reject-return",
    {
      config: { access: seller },
      schema: {
        tags,
        summary: "Decline the buyer's return, with a reason; the order stays delivered",
        params: Id,
        body: RequiredReason,
        response: { 200: OrderView, ...problems(404, 409) },
      },
    },
    async (req) => orders.rejectReturn(req.principal, req.params.id, req.body.reason),
  );
};
