import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { TraceService } from "../trace";
import { requestHash } from "./domain/canonical";
import { createEmbed } from "./partner.embed";
import "./partner.errors";
import type { MarketOrderEvent, MarketOrderView, PartnerMarket } from "./partner.market";
import { partnerIdempotencyKeys } from "./partner.tables";
import { absoluteUrl, partnerOrderView, partnerProductSummary } from "./partner.views";
import { createWebhooks } from "./partner.webhooks";

export interface PartnerDeps {
  db: Database;
  clock: Clock;
  secret: string;
  publicUrl: string;
  identity: IdentityService;
  marketplace: PartnerMarket;
  trace: Pick<TraceService, "publicTrace">;
  /** Webhook send timeout (ms); tests shorten it. */
  webhookTimeoutMs?: number;
  /** Source of retry jitter in [0, 1). */
  random?: () => number;
}

export interface PartnerOrderInput {
  externalUserId: string;
  buyerName?: string | undefined;
  items: { productId: string; variantId?: string | undefined; quantity: number }[];
  shippingAddress: {
    name: string;
    phone: string;
    address: string;
    regionCode: string;
    postalCode?: string | undefined;
  };
  note?: string | undefined;
}

// Another request with the same Idempotency-Key committed first; its order is the answer.
class KeyTaken extends Error {}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * The partner platform API (JAKI): the catalogue and checkout for a partner's users, idempotent order
 * creation, signed webhooks through an outbox, and embedded storefront sessions.
 */
export function createPartnerService(deps: PartnerDeps) {
  const { db, clock, publicUrl } = deps;
  const market = deps.marketplace;
  const webhooks = createWebhooks({
    db,
    clock,
    ...(deps.webhookTimeoutMs ? { timeoutMs: deps.webhookTimeoutMs } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
  const embed = createEmbed(deps);

  /** Whose order this is: a partner's API order, or an order by an embed user linked to a partner. */
  async function ownerOf(tx: Transaction, order: MarketOrderView) {
    if (order.partner?.clientId)
      return { clientId: order.partner.clientId, externalUserId: order.partner.externalUserId };
    if (!order.buyerUserId) return null;
    const link = (await deps.identity.partnerAccountsOf([order.buyerUserId], tx)).get(order.buyerUserId);
    return link ? { clientId: link.clientId, externalUserId: link.externalUserId } : null;
  }

  // The outbox: deliveries are written in the transaction that changed the order, so a partner hears of
  // exactly the changes that were committed, and of none that were rolled back.
  market.orders.onEvent(async (tx: Transaction, event: MarketOrderEvent) => {
    const owner = await ownerOf(tx, event.order);
    if (!owner) return;
    const at = new Date(event.at);
    const data = { order: partnerOrderView(publicUrl, event.order, owner.externalUserId) };
    const base = { clientId: owner.clientId, orderId: event.order.id, at, data };
    let written = await webhooks.enqueue(tx, { ...base, type: event.type });
    if (event.type === "order.paid")
      written += await webhooks.enqueue(tx, { ...base, type: "payment.succeeded" });
    if (written) webhooks.kick();
  });

  async function findKey(clientId: string, key: string) {
    const [row] = await db
      .select()
      .from(partnerIdempotencyKeys)
      .where(and(eq(partnerIdempotencyKeys.clientId, clientId), eq(partnerIdempotencyKeys.key, key)))
      .limit(1);
    return row;
  }

  async function answerRetry(
    clientId: string,
    key: string,
    row: { requestHash: string; orderId: string; externalUserId: string },
    hash: string,
  ) {
    if (row.requestHash !== hash) {
      throw new AppError(
        "partner.idempotency_mismatch",
        `Idempotency-Key ${key} was used for order ${row.orderId} with a different request body`,
      );
    }
    const order = await market.orders.getForPartner(clientId, row.orderId);
    return { order: partnerOrderView(publicUrl, order, row.externalUserId), replayed: true };
  }

  return {
    webhooks,
    embed,
    /** The principal a fresh session token stands for (the audit record of an embed exchange names it). */
    principalOf: (token: string) => deps.identity.authenticate(token),
    /** Web session cookies are Secure when Lumbung is served over HTTPS. */
    secureCookies: publicUrl.startsWith("https://"),

    /**
     * The partner forwards its user's request to be forgotten (UU 27/2022): the citizen account the
     * embed made for them is erased like any account (orders keep no name or address of theirs). Such an
     * account has no password, so this is the only door to its deletion.
     */
    async eraseUser(clientId: string, externalUserId: string) {
      const link = await deps.identity.findPartnerAccount(clientId, externalUserId);
      if (!link) {
        throw new AppError("partner.user_not_found", `No account of your user ${externalUserId} in Lumbung`);
      }
      await deps.identity.profile.eraseAccount(link.userId);
    },

    /** Sends the webhook deliveries that are due (main.ts calls this on a timer; commits kick it too). */
    async dispatchWebhooks() {
      return webhooks.dispatch();
    },

    async listProducts(query: {
      q?: string | undefined;
      category?: string | undefined;
      limit: number;
      offset: number;
    }) {
      const found = await market.catalog.search({
        ...(query.q ? { q: query.q } : {}),
        ...(query.category ? { category: query.category } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      // The list carries each product's variants, so a partner app can offer sizes without a second call.
      const variants = await market.catalog.variantsOf(found.items.map((p) => p.id));
      return {
        items: found.items.map((p) => partnerProductSummary(publicUrl, p, variants.get(p.id) ?? null)),
        total: found.total,
        totalCapped: found.totalCapped,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async getProduct(id: string) {
      const d = await market.catalog.getProduct(id);
      if (!d) throw new AppError("partner.product_not_found", `No product ${id} on sale`);
      const trace = d.lot
        ? await deps.trace.publicTrace(d.lot.epc).catch((err: unknown) => {
            // A lot that has no events yet has no journey to show; the product is still for sale.
            if (err instanceof AppError && err.status === 404) return null;
            throw err;
          })
        : null;
      return {
        ...partnerProductSummary(publicUrl, d, d.variants),
        description: d.description,
        photos: d.photos.map((p) => ({ url: absoluteUrl(publicUrl, p.url), alt: p.alt })),
        origin: d.origin ? { regionCode: d.origin.regionCode, regionName: d.origin.regionName } : null,
        lot: d.lot
          ? { epc: d.lot.epc, traceUrl: d.lot.tracePath ? absoluteUrl(publicUrl, d.lot.tracePath) : null }
          : null,
        trace,
      };
    },

    /**
     * Creates an order once per Idempotency-Key. The key row is written inside the checkout transaction:
     * a retry after a lost answer finds it and gets the same order; two requests racing with one key meet
     * at its primary key, and the loser's whole checkout (stock, payment intent) is rolled back.
     */
    async createOrder(clientId: string, key: string, input: PartnerOrderInput) {
      const hash = requestHash(input);
      const seen = await findKey(clientId, key);
      if (seen) return answerRetry(clientId, key, seen, hash);
      try {
        const order = await market.orders.create(
          {
            kind: "partner",
            clientId,
            externalUserId: input.externalUserId,
            name: input.buyerName?.trim() || input.shippingAddress.name,
          },
          {
            items: input.items.map((i) => ({
              productId: i.productId,
              ...(i.variantId ? { variantId: i.variantId } : {}),
              quantity: i.quantity,
            })),
            shippingAddress: input.shippingAddress,
            ...(input.note ? { note: input.note } : {}),
          },
          {
            inTransaction: async (tx, created) => {
              const inserted = await tx
                .insert(partnerIdempotencyKeys)
                .values({
                  clientId,
                  key,
                  requestHash: hash,
                  orderId: created.id,
                  externalUserId: input.externalUserId,
                  createdAt: clock.now(),
                })
                .onConflictDoNothing()
                .returning({ key: partnerIdempotencyKeys.key });
              if (!inserted.length) throw new KeyTaken();
            },
          },
        );
        webhooks.kick(); // order.created was written with the order; send it now rather than at the next tick
        return { order: partnerOrderView(publicUrl, order, input.externalUserId), replayed: false };
      } catch (err) {
        if (err instanceof KeyTaken || isUniqueViolation(err)) {
          const winner = await findKey(clientId, key);
          if (winner) return answerRetry(clientId, key, winner, hash);
        }
        throw err;
      }
    },

    async getOrder(clientId: string, id: string) {
      return partnerOrderView(publicUrl, await market.orders.getForPartner(clientId, id), null);
    },

    async listOrders(
      clientId: string,
      query: { externalUserId?: string | undefined; limit: number; offset: number },
    ) {
      const page = await market.orders.listForPartner(clientId, {
        ...(query.externalUserId ? { externalUserId: query.externalUserId } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return {
        items: page.items.map((o) => partnerOrderView(publicUrl, o, null)),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async cancelOrder(clientId: string, id: string, reason: string) {
      const order = await market.orders.cancelForPartner(clientId, id, reason);
      webhooks.kick();
      return partnerOrderView(publicUrl, order, null);
    },

    /** Partner clients with their endpoints and how their deliveries fare (admin console). */
    async overview() {
      const [clients, endpoints] = await Promise.all([
        deps.identity.listPartnerClients(),
        webhooks.listEndpoints({ includeDeleted: false }),
      ]);
      const stats = await Promise.all(
        clients.map(async (c) => {
          const [pending, delivered, failed] = await Promise.all(
            (["pending", "delivered", "failed"] as const).map(
              async (status) =>
                (await webhooks.listDeliveries({ clientId: c.clientId, status, limit: 1, offset: 0 })).total,
            ),
          );
          return { pending: pending ?? 0, delivered: delivered ?? 0, failed: failed ?? 0 };
        }),
      );
      return {
        items: clients.map((c, i) => ({
          clientId: c.clientId,
          name: c.name,
          organisation: { id: c.organisationId, name: c.organisationName },
          scopes: c.scopes,
          createdAt: c.createdAt.toISOString(),
          revokedAt: c.revokedAt?.toISOString() ?? null,
          endpoints: endpoints.filter((e) => e.clientId === c.clientId),
          deliveries: stats[i] ?? { pending: 0, delivered: 0, failed: 0 },
        })),
      };
    },
  };
}
export type PartnerService = ReturnType<typeof createPartnerService>;
