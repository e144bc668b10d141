import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { identityRepository } from "../identity";
import { mergeLines, orderNumber, totals } from "./domain/orders";
import { shippingQuote } from "./domain/shipping";
import {
  check,
  isPaid,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
  type Refusal,
} from "./domain/status";
import type { Catalog } from "./marketplace.catalog";
import type { MarketplaceDeps } from "./marketplace.context";
import "./marketplace.orders.errors";
import {
  type FulfilmentMethod,
  marketOrderCounters,
  marketOrderEvents,
  marketOrderItems,
  marketOrders,
  marketStockReservations,
  type OrderSource,
} from "./marketplace.orders.tables";
import {
  type Buyer,
  type CheckoutInput,
  type CheckoutItem,
  type OrderEvent,
  type OrderEventListener,
  type OrderEventType,
  type OrderPayment,
  type OrderRow,
  type OrderView,
  orderView,
  type Viewer,
} from "./marketplace.orders.view";

export {
  type Buyer,
  type CheckoutInput,
  type CheckoutItem,
  ORDER_EVENT_TYPES,
  type OrderEvent,
  type OrderEventListener,
  type OrderEventType,
  type OrderPayment,
  type OrderView,
} from "./marketplace.orders.view";

/** Who asks, and therefore which orders they may see. */
type Scope =
  | {
      kind: "buyer";
      buyerKey: string;
      userId: string | null;
      /** A partner's user (JAKI) in the embedded shop also sees what the partner ordered for them. */
      partner: { clientId: string; externalUserId: string } | null;
    }
  | { kind: "partner"; clientId: string }
  | { kind: "seller"; organisationId: string | null; isAdmin: boolean; userId: string };

const REFUSAL_CODES: Record<Refusal, string> = {
  wrong_actor: "market.invalid_transition",
  wrong_status: "market.invalid_transition",
  return_window_closed: "market.return_window_closed",
  return_pending: "market.return_pending",
  no_return_pending: "market.invalid_transition",
  already_reviewed: "market.already_reviewed",
};

const SWEEP_BATCH = 200;
/** What an erased buyer is called on their orders (as identity names deleted users). */
const ERASED = "Pengguna terhapus";

function buyerKeyOf(b: Buyer): string {
  return b.kind === "user" ? `user:${b.userId}` : `partner:${b.clientId}:${b.externalUserId}`;
}

/** The checkout body as a stable string, so a retried request is recognised as the same one. */
function requestHashOf(input: CheckoutInput): string {
  const canonical = JSON.stringify({
    items: input.items.map((i) => [i.variantId ?? null, i.productId ?? null, i.quantity]),
    address: [
      input.shippingAddress.name,
      input.shippingAddress.phone,
      input.shippingAddress.address,
      input.shippingAddress.regionCode,
      input.shippingAddress.postalCode ?? null,
    ],
    note: input.note ?? null,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

function itemError(index: number, field: "variantId" | "productId" | "quantity", en: string, id: string) {
  const errors: FieldError[] = [{ field: `body/items/${index}/${field}`, message: en, messageId: id }];
  return new AppError("market.invalid_item", `items/${index}/${field}: ${en}`, { errors });
}

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function createOrders(deps: MarketplaceDeps & { catalog: Catalog }) {
  const { db, clock, catalog, payments, notifications } = deps;
  const listeners: OrderEventListener[] = [];

  // ------------------------------------------------------------------ views

  function scopeWhere(scope: Scope): SQL | undefined {
    switch (scope.kind) {
      case "buyer":
        return scope.partner
          ? or(
              eq(marketOrders.buyerKey, scope.buyerKey),
              and(
                eq(marketOrders.partnerClientId, scope.partner.clientId),
                eq(marketOrders.externalUserId, scope.partner.externalUserId),
              ),
            )
          : eq(marketOrders.buyerKey, scope.buyerKey);
      case "partner":
        // The partner's API orders and the orders its users placed in the embedded shop.
        return eq(marketOrders.partnerClientId, scope.clientId);
      case "seller":
        if (scope.organisationId) return eq(marketOrders.sellerOrganisationId, scope.organisationId);
        // An admin without an organisation oversees every shop; anyone else without one sees nothing.
        return scope.isAdmin ? undefined : sql`false`;
    }
  }

  async function views(
    tx: DbOrTx,
    rows: OrderRow[],
    viewer: Viewer,
    intents?: Map<string, OrderPayment>,
  ): Promise<OrderView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // One after another: inside a transaction they share one connection.
    const items = await tx
      .select()
      .from(marketOrderItems)
      .where(inArray(marketOrderItems.orderId, ids))
      .orderBy(asc(marketOrderItems.orderId), asc(marketOrderItems.position));
    const history = await tx
      .select()
      .from(marketOrderEvents)
      .where(inArray(marketOrderEvents.orderId, ids))
      .orderBy(asc(marketOrderEvents.at), asc(marketOrderEvents.id));
    const fetched = intents ? [] : await payments.intentsFor("order", ids, tx);
    const intentById = intents ?? new Map(fetched.map((i) => [i.id, i]));
    const now = clock.now();
    return rows.map((r) =>
      orderView(
        r,
        items.filter((i) => i.orderId === r.id),
        history.filter((h) => h.orderId === r.id),
        intentById.get(r.paymentIntentId) ?? null,
        viewer,
        now,
      ),
    );
  }

  async function viewOf(
    tx: DbOrTx,
    row: OrderRow,
    viewer: Viewer,
    intent?: OrderPayment,
  ): Promise<OrderView> {
    const [v] = await views(tx, [row], viewer, intent ? new Map([[intent.id, intent]]) : undefined);
    return v as OrderView;
  }

  async function find(tx: DbOrTx, scope: Scope, id: string, lock = false): Promise<OrderRow> {
    const where = and(eq(marketOrders.id, id), scopeWhere(scope));
    const q = tx.select().from(marketOrders).where(where).limit(1);
    const [row] = lock ? await q.for("update") : await q;
    if (!row) throw new AppError("market.order_not_found", `No order ${id}`);
    return row;
  }

  // ----------------------------------------------------------- side effects

  async function emit(tx: DbOrTx, type: OrderEventType, order: OrderView) {
    const event: OrderEvent = { type, order, at: clock.now().toISOString() };
    // Payments hands its listeners the callback transaction typed loosely; it is always a transaction here.
    for (const l of listeners) await l(tx as Transaction, event);
  }

  async function history(
    tx: DbOrTx,
    orderId: string,
    action: string,
    status: OrderStatus,
    actor: OrderActor,
    note: string | null,
    actorUserId: string | null = null,
  ) {
    await tx.insert(marketOrderEvents).values({
      id: newId("oev"),
      orderId,
      action,
      status,
      actor,
      actorUserId,
      note,
      at: clock.now(),
    });
  }

  type Text = { id: string; en: string };

  async function notifyBuyer(tx: DbOrTx, r: OrderRow, title: Text, body: Text) {
    if (!r.buyerUserId) return; // partner buyers hear through their platform's webhooks
    await notifications.enqueue(tx, [
      {
        recipientUserId: r.buyerUserId,
        kind: "market.order",
        title: { id: `${r.number}: ${title.id}`, en: `${r.number}: ${title.en}` },
        body,
        payload: { link: `/pasar/pesanan/${r.id}`, orderId: r.id },
      },
    ]);
  }

  async function notifySeller(tx: DbOrTx, r: OrderRow, title: Text, body: Text) {
    const members = await identityRepository.membersOf(tx, r.sellerOrganisationId);
    await notifications.enqueue(
      tx,
      members.map((m) => ({
        recipientUserId: m.userId,
        kind: "market.seller_order",
        title: { id: `${r.number}: ${title.id}`, en: `${r.number}: ${title.en}` },
        body,
        payload: { link: `/konsol/toko/pesanan/${r.id}`, orderId: r.id },
      })),
    );
  }

  const rupiah = (n: number) => `Rp${new Intl.NumberFormat("id-ID").format(n)}`;

  /** Gives reserved stock back (unpaid or cancelled before shipping) and marks the reservation released. */
  async function releaseReservations(tx: DbOrTx, r: OrderRow) {
    const held = await tx
      .select()
      .from(marketStockReservations)
      .where(
        and(
          eq(marketStockReservations.orderId, r.id),
          inArray(marketStockReservations.status, ["held", "committed"]),
        ),
      )
      .orderBy(asc(marketStockReservations.variantId));
    for (const h of held) {
      await catalog.releaseStock(tx, h.variantId, h.quantity);
      // A sale counted at payment is taken back when the goods never left.
      if (h.status === "committed") await catalog.recordSale(tx, h.productId, -h.quantity);
    }
    if (held.length > 0) {
      await tx
        .update(marketStockReservations)
        .set({ status: "released", updatedAt: clock.now() })
        .where(
          inArray(
            marketStockReservations.id,
            held.map((h) => h.id),
          ),
        );
    }
  }

  async function refund(tx: DbOrTx, r: OrderRow, reason: string) {
    await payments.refund(tx, r.paymentIntentId, { amount: r.total, reason });
    return { refundedAt: clock.now(), refundedAmount: r.total };
  }

  /** selesai: the buyer's money moves from escrow to what the platform owes the seller, then the payout. */
  async function payout(tx: DbOrTx, r: OrderRow) {
    const payable = `payable:seller:${r.sellerId}`;
    await payments.ledger.post(tx, {
      kind: "market.order_completed",
      referenceId: r.id,
      memo: `Pesanan ${r.number} selesai: dana ke penjual ${r.sellerName}`,
      lines: [
        { account: `escrow:order:${r.id}`, amount: r.total },
        { account: payable, amount: -r.total },
      ],
    });
    const seller = await catalog.sellerById(r.sellerId, tx);
    if (!seller) throw new Error(`seller ${r.sellerId} of order ${r.id} is gone`);
    const p = await payments.recordPayout(tx, {
      beneficiaryOrganisationId: r.sellerOrganisationId,
      beneficiaryName: seller.name,
      bank: seller.bank,
      amount: r.total,
      payableAccount: payable,
      referenceIds: [r.id],
      memo: `Pencairan pesanan ${r.number}`,
    });
    return p.id;
  }

  // -------------------------------------------------------------- transitions

  interface Change {
    set?: Partial<typeof marketOrders.$inferInsert>;
    note?: string | null;
    /** The history entry's action name when it is not the workflow action's (e.g. refund). */
    events: OrderEventType[];
    buyer?: { title: Text; body: Text };
    seller?: { title: Text; body: Text };
    /** Extra history rows before the main one (a confirm that passes through diterima). */
    before?: { action: string; status: OrderStatus; note: string | null }[];
  }

  /**
   * One workflow step in one transaction: lock the order, check the rule, apply the change, write the
   * history, notify, and tell the listeners, all or nothing.
   */
  async function step(
    scope: Scope,
    id: string,
    actor: OrderActor,
    action: OrderAction,
    viewer: Viewer,
    change: (tx: DbOrTx, r: OrderRow) => Promise<Change>,
    actorUserId: string | null = null,
  ): Promise<OrderView> {
    return db.transaction(async (tx) => {
      const r = await find(tx, scope, id, true);
      return applyStep(tx, r, actor, action, viewer, change, actorUserId);
    });
  }

  async function applyStep(
    tx: DbOrTx,
    r: OrderRow,
    actor: OrderActor,
    action: OrderAction,
    viewer: Viewer,
    change: (tx: DbOrTx, r: OrderRow) => Promise<Change>,
    actorUserId: string | null = null,
  ): Promise<OrderView> {
    const now = clock.now();
    const verdict = check(
      actor,
      action,
      {
        status: r.status,
        deliveredAt: r.deliveredAt,
        returnRequestedAt: r.returnRequestedAt,
        reviewed: r.reviewedAt !== null,
      },
      now,
    );
    if (!verdict.ok) {
      if (action === "review" && verdict.reason === "wrong_status") {
        throw new AppError("market.review_not_allowed", `Order ${r.number} is ${r.status}`);
      }
      throw new AppError(REFUSAL_CODES[verdict.reason], `Order ${r.number} is ${r.status}: cannot ${action}`);
    }
    const c = await change(tx, r);
    const [updated] = await tx
      .update(marketOrders)
      .set({ status: verdict.to, updatedAt: now, ...c.set })
      .where(eq(marketOrders.id, r.id))
      .returning();
    const row = updated as OrderRow;
    for (const b of c.before ?? []) await history(tx, r.id, b.action, b.status, actor, b.note, actorUserId);
    await history(tx, r.id, action, row.status, actor, c.note ?? null, actorUserId);
    if (c.buyer) await notifyBuyer(tx, row, c.buyer.title, c.buyer.body);
    if (c.seller) await notifySeller(tx, row, c.seller.title, c.seller.body);
    const view = await viewOf(tx, row, viewer);
    for (const type of c.events) {
      // Listeners (partner webhooks) always see the partner platform's side of the order.
      await emit(tx, type, viewer === "partner" ? view : await viewOf(tx, row, "partner"));
    }
    return view;
  }

  function requireReason(reason: string | undefined | null, field = "reason"): string {
    const r = reason?.trim() ?? "";
    if (r.length < 3) {
      throw new AppError("market.reason_required", `${field}: give a reason of at least 3 characters`, {
        errors: [
          {
            field: `body/${field}`,
            message: "Give a reason of at least 3 characters",
            messageId: "Tuliskan alasan minimal 3 karakter",
          },
        ],
      });
    }
    return r;
  }

  /** A cancel by anyone: stock back, the intent cancelled or the money refunded. */
  function cancelChange(actor: OrderActor, reason: string) {
    return async (tx: DbOrTx, r: OrderRow): Promise<Change> => {
      await releaseReservations(tx, r);
      const now = clock.now();
      const paid = isPaid(r.status);
      const set: Change["set"] = { cancelledAt: now, cancelledBy: actor, cancelReason: reason };
      const events: OrderEventType[] = ["order.cancelled"];
      let note = reason;
      if (paid) {
        Object.assign(set, await refund(tx, r, `Pesanan ${r.number} dibatalkan: ${reason}`));
        events.push("order.refunded");
        note = `${reason} — dana ${rupiah(r.total)} dikembalikan`;
      } else {
        await payments.cancelIntent(tx, r.paymentIntentId);
      }
      const who = { buyer: "pembeli", seller: "penjual", system: "sistem" }[actor];
      const whoEn = { buyer: "the buyer", seller: "the seller", system: "the system" }[actor];
      const body = {
        id: `Dibatalkan oleh ${who}: ${reason}.${paid ? ` Dana ${rupiah(r.total)} dikembalikan.` : ""}`,
        en: `Cancelled by ${whoEn}: ${reason}.${paid ? ` ${rupiah(r.total)} refunded.` : ""}`,
      };
      const title = { id: "pesanan dibatalkan", en: "order cancelled" };
      return {
        set,
        note,
        events,
        ...(actor !== "buyer" ? { buyer: { title, body } } : {}),
        ...(actor !== "seller" ? { seller: { title, body } } : {}),
      };
    };
  }

  async function completeChange(tx: DbOrTx, r: OrderRow, auto: boolean): Promise<Change> {
    const payoutId = await payout(tx, r);
    const now = clock.now();
    return {
      set: { completedAt: now, payoutId, ...(r.deliveredAt ? {} : { deliveredAt: now }) },
      note: auto ? "Selesai otomatis 7 hari setelah diterima" : null,
      events: r.status === "dikirim" ? ["order.delivered", "order.completed"] : ["order.completed"],
      ...(r.status === "dikirim"
        ? { before: [{ action: "deliver", status: "diterima" as OrderStatus, note: "Dikonfirmasi pembeli" }] }
        : {}),
      seller: {
        title: { id: "pesanan selesai", en: "order completed" },
        body: {
          id: `Dana ${rupiah(r.total)} diteruskan ke rekening toko.`,
          en: `${rupiah(r.total)} is being paid out to the shop's account.`,
        },
      },
      ...(auto
        ? {
            buyer: {
              title: { id: "pesanan selesai", en: "order completed" },
              body: { id: "Terima kasih telah berbelanja.", en: "Thank you for your order." },
            },
          }
        : {}),
    };
  }

  // ---------------------------------------------------------------- checkout

  async function takeNumber(): Promise<string> {
    // Numbers come from the year's counter in a statement of its own: inside the checkout transaction
    // the counter row would stay locked until commit and every checkout would queue behind it. A
    // checkout that then fails leaves a gap, as a sequence does; numbers stay unique and increasing.
    const year = Number(jakartaDate(clock.now()).slice(0, 4));
    const [c] = await db
      .insert(marketOrderCounters)
      .values({ year, value: 1 })
      .onConflictDoUpdate({
        target: marketOrderCounters.year,
        set: { value: sql`${marketOrderCounters.value} + 1` },
      })
      .returning({ value: marketOrderCounters.value });
    return orderNumber(year, c?.value ?? 1);
  }

  async function checkRegion(regionCode: string) {
    const province = regionCode.slice(0, 2);
    // The reference holds every province, and the regencies and below of Lampung and DKI Jakarta only.
    const known =
      REGION_CODE.test(regionCode) &&
      (await deps.reference.regionExists(province)) &&
      (regionCode.length === 2 ||
        !["18", "31"].includes(province) ||
        (await deps.reference.regionExists(regionCode)));
    if (!known) {
      throw new AppError("market.invalid_region", `Unknown region code ${regionCode}`, {
        errors: [
          {
            field: "body/shippingAddress/regionCode",
            message: "Unknown Kemendagri region code",
            messageId: "Kode wilayah Kemendagri tidak dikenal",
          },
        ],
      });
    }
  }

  interface Line {
    key: string;
    index: number;
    quantity: number;
    variantId: string;
    productId: string;
    productName: string;
    variantName: string;
    price: number;
    weightGrams: number;
    lotEpc: string | null;
    sellerId: string;
  }

  /** Resolves the cart to active variants of one seller; every refusal names the field at fault. */
  async function resolveLines(tx: DbOrTx, items: CheckoutItem[]): Promise<Line[]> {
    if (items.length === 0)
      throw itemError(0, "variantId", "The order has no items", "Pesanan tidak berisi produk");
    const variantIds: (string | null)[] = [];
    for (const [i, item] of items.entries()) {
      if (!Number.isInteger(item.quantity) || item.quantity < 1) {
        throw itemError(i, "quantity", "Quantity must be a whole number of at least 1", "Jumlah minimal 1");
      }
      if (item.variantId) variantIds.push(item.variantId);
      else if (item.productId) variantIds.push(await catalog.defaultVariantOf(tx, item.productId));
      else
        throw itemError(
          i,
          "variantId",
          "Name a variantId or a productId",
          "Sebutkan variantId atau productId",
        );
      if (variantIds[i] === null) {
        throw itemError(i, "productId", "No such product on sale", "Produk tidak dijual");
      }
    }
    const found = await catalog.variantsForOrder(tx, [...new Set(variantIds as string[])]);
    const byId = new Map(found.map((v) => [v.variantId, v]));
    const lines: Line[] = items.map((item, i) => {
      const v = byId.get(variantIds[i] as string);
      const field = item.variantId ? "variantId" : "productId";
      if (!v?.active || (item.productId && v.productId !== item.productId)) {
        throw itemError(
          i,
          field,
          "This product or variant is not on sale",
          "Produk atau varian ini tidak dijual",
        );
      }
      return {
        key: v.variantId,
        index: i,
        quantity: item.quantity,
        variantId: v.variantId,
        productId: v.productId,
        productName: v.productName,
        variantName: v.variantName,
        price: v.price,
        weightGrams: v.weightGrams,
        lotEpc: v.lotEpc ?? null,
        sellerId: v.sellerId,
      };
    });
    const sellers = new Set(lines.map((l) => l.sellerId));
    if (sellers.size > 1) {
      throw new AppError(
        "market.mixed_sellers",
        `The items come from ${sellers.size} sellers; place one order per seller`,
        {
          errors: lines
            .filter((l) => l.sellerId !== lines[0]?.sellerId)
            .map((l) => ({
              field: `body/items/${l.index}/${l.key === variantIds[l.index] && items[l.index]?.variantId ? "variantId" : "productId"}`,
              message: "Another seller than the first item's",
              messageId: "Penjual berbeda dari produk pertama",
            })),
        },
      );
    }
    return mergeLines(lines);
  }

  /** Raised inside the checkout transaction; answered after the rollback with what is left. */
  class StockShort extends Error {
    constructor(readonly line: Line) {
      super("out of stock");
    }
  }

  async function outOfStock(l: Line): Promise<AppError> {
    const product = await catalog.getProduct(l.productId);
    const available = product?.variants.find((v) => v.id === l.variantId)?.stock ?? 0;
    return new AppError(
      "market.out_of_stock",
      `${l.productName} (${l.variantName}): ${available} left, ${l.quantity} asked for`,
      {
        productId: l.productId,
        variantId: l.variantId,
        productName: l.productName,
        available,
        requested: l.quantity,
        errors: [
          {
            field: `body/items/${l.index}/quantity`,
            message: `Only ${available} left of ${l.productName} (${l.variantName})`,
            messageId: `Stok ${l.productName} (${l.variantName}) tinggal ${available}`,
          },
        ],
      },
    );
  }

  async function existingCheckout(buyerKey: string, key: string, hash: string) {
    const [row] = await db
      .select()
      .from(marketOrders)
      .where(and(eq(marketOrders.buyerKey, buyerKey), eq(marketOrders.idempotencyKey, key)))
      .limit(1);
    if (!row) return null;
    if (row.requestHash !== hash) {
      throw new AppError(
        "market.idempotency_mismatch",
        `Idempotency-Key ${key} was used for order ${row.number} with another cart or address`,
      );
    }
    return viewOf(db, row, "buyer");
  }

  async function checkout(
    buyer: Buyer,
    input: CheckoutInput,
    opts: {
      idempotencyKey?: string | undefined;
      source?: OrderSource;
      inTransaction?: (tx: Transaction, order: OrderView) => Promise<void>;
    } = {},
  ): Promise<{ order: OrderView; replayed: boolean }> {
    const buyerKey = buyerKeyOf(buyer);
    const key = opts.idempotencyKey?.trim() || null;
    const hash = requestHashOf(input);
    if (key) {
      const seen = await existingCheckout(buyerKey, key, hash);
      if (seen) return { order: seen, replayed: true };
    }
    await checkRegion(input.shippingAddress.regionCode);
    const number = await takeNumber();
    try {
      const order = await db.transaction(async (tx) => {
        const lines = await resolveLines(tx, input.items);
        const sellerId = (lines[0] as Line).sellerId;
        const seller = await catalog.sellerById(sellerId, tx);
        if (seller?.status !== "verified") {
          throw new AppError("market.seller_unavailable", `Seller ${sellerId} is not taking orders`);
        }
        const sum = totals(
          lines.map((l) => ({ unitPrice: l.price, quantity: l.quantity, weightGrams: l.weightGrams })),
          0,
        );
        const quote = shippingQuote(sum.weightGrams, input.shippingAddress.regionCode);
        const total = sum.subtotal + quote.fee;
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + deps.paymentTimeoutMinutes * 60_000);
        const id = newId("ord");
        // A JAKI user shopping in the embedded storefront: the order is also the partner's (its webhooks).
        const link =
          buyer.kind === "user"
            ? (await deps.identity.partnerAccountsOf([buyer.userId], tx)).get(buyer.userId)
            : undefined;
        const intent = await payments.createIntent(tx, {
          purpose: "order",
          referenceId: id,
          amount: total,
          merchant: { name: seller.name, city: seller.city },
          expiresAt,
          billNumber: number,
        });
        const [row] = await tx
          .insert(marketOrders)
          .values({
            id,
            number,
            buyerKind: buyer.kind,
            buyerUserId: buyer.kind === "user" ? buyer.userId : null,
            partnerClientId: buyer.kind === "partner" ? buyer.clientId : (link?.clientId ?? null),
            externalUserId: buyer.kind === "partner" ? buyer.externalUserId : (link?.externalUserId ?? null),
            buyerKey,
            buyerName: buyer.name,
            sellerId,
            sellerOrganisationId: seller.organisationId,
            sellerName: seller.name,
            sellerSlug: seller.slug,
            status: "menunggu_pembayaran",
            subtotal: sum.subtotal,
            shippingFee: quote.fee,
            total,
            weightGrams: sum.weightGrams,
            shippingAddress: {
              name: input.shippingAddress.name,
              phone: input.shippingAddress.phone,
              address: input.shippingAddress.address,
              regionCode: input.shippingAddress.regionCode,
              ...(input.shippingAddress.postalCode ? { postalCode: input.shippingAddress.postalCode } : {}),
            },
            note: input.note?.trim() || null,
            paymentIntentId: intent.id,
            expiresAt,
            createdAt: now,
            updatedAt: now,
            source: opts.source ?? (buyer.kind === "partner" ? "partner" : "web"),
            idempotencyKey: key,
            requestHash: key ? hash : null,
          })
          .returning();
        await tx.insert(marketOrderItems).values(
          lines.map((l, position) => ({
            id: newId("oit"),
            orderId: id,
            position,
            productId: l.productId,
            variantId: l.variantId,
            productName: l.productName,
            variantName: l.variantName,
            unitPrice: l.price,
            quantity: l.quantity,
            weightGrams: l.weightGrams,
            lotEpc: l.lotEpc,
          })),
        );
        await tx.insert(marketStockReservations).values(
          lines.map((l) => ({
            id: newId("rsv"),
            orderId: id,
            variantId: l.variantId,
            productId: l.productId,
            quantity: l.quantity,
            status: "held" as const,
            expiresAt,
            createdAt: now,
            updatedAt: now,
          })),
        );
        const r = row as OrderRow;
        await history(tx, id, "create", "menunggu_pembayaran", "buyer", null, r.buyerUserId);
        await notifySeller(
          tx,
          r,
          { id: "pesanan baru", en: "new order" },
          {
            id: `${buyer.name} memesan ${lines.length} produk senilai ${rupiah(total)}; menunggu pembayaran.`,
            en: `${buyer.name} ordered ${lines.length} product(s) for ${rupiah(total)}; awaiting payment.`,
          },
        );
        const view = await viewOf(tx, r, "buyer", intent);
        await emit(tx, "order.created", view);
        if (opts.inTransaction) await opts.inTransaction(tx, view);
        // The stock is taken last: the conditional update locks the variant's row until commit, and every
        // other checkout of that product queues behind the lock, so it is held for as short a time as
        // possible. Nothing above is visible to anyone before the commit; a short variant rolls it all back.
        // Variants in id order, so two carts with the same products never lock them in opposite order.
        for (const l of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
          if (!(await catalog.reserveStock(tx, l.variantId, l.quantity))) throw new StockShort(l);
        }
        return view;
      });
      return { order, replayed: false };
    } catch (error) {
      if (error instanceof StockShort) throw await outOfStock(error.line);
      // The same key sent twice at once: the second insert loses the race; answer with the winner.
      if (key && isUniqueViolation(error)) {
        const seen = await existingCheckout(buyerKey, key, hash);
        if (seen) return { order: seen, replayed: true };
      }
      throw error;
    }
  }

  // ----------------------------------------------------------------- payment

  payments.onPaid("order", async (tx, intent) => {
    const [r] = await tx
      .select()
      .from(marketOrders)
      .where(eq(marketOrders.id, intent.referenceId))
      .limit(1)
      .for("update");
    if (!r || r.paymentIntentId !== intent.id) return;
    if (r.status === "menunggu_pembayaran") {
      await applyStep(tx, r, "system", "pay", "buyer", async () => {
        const committed = await tx
          .update(marketStockReservations)
          .set({ status: "committed", updatedAt: clock.now() })
          .where(and(eq(marketStockReservations.orderId, r.id), eq(marketStockReservations.status, "held")))
          .returning();
        for (const c of committed) await catalog.recordSale(tx, c.productId, c.quantity);
        const paid = {
          id: `Pembayaran ${rupiah(r.total)} diterima`,
          en: `Payment of ${rupiah(r.total)} received`,
        };
        return {
          set: { paidAt: clock.now() },
          note: `QRIS ${intent.provider}`,
          events: ["order.paid"],
          buyer: {
            title: { id: "pembayaran diterima", en: "payment received" },
            body: {
              id: `${paid.id}; penjual akan mengemas pesanan Anda.`,
              en: `${paid.en}; the seller will pack your order.`,
            },
          },
          seller: {
            title: { id: "pesanan dibayar", en: "order paid" },
            body: { id: `${paid.id}. Silakan kemas pesanan.`, en: `${paid.en}. Please pack the order.` },
          },
        };
      });
      return;
    }
    if (r.status === "dibatalkan" && r.refundedAt === null) {
      // The buyer paid after the order was cancelled (late bank app, expiry raced the payment): the money
      // is not ours to keep.
      const reason = `Pembayaran diterima setelah pesanan dibatalkan (${r.cancelReason ?? "dibatalkan"})`;
      const money = await refund(tx, r, reason);
      const [row] = await tx
        .update(marketOrders)
        .set({ ...money, paidAt: clock.now(), updatedAt: clock.now() })
        .where(eq(marketOrders.id, r.id))
        .returning();
      await history(
        tx,
        r.id,
        "refund",
        "dibatalkan",
        "system",
        `${reason}; dana ${rupiah(r.total)} dikembalikan`,
      );
      await notifyBuyer(
        tx,
        row as OrderRow,
        { id: "dana dikembalikan", en: "payment refunded" },
        {
          id: `Pesanan sudah dibatalkan, jadi pembayaran ${rupiah(r.total)} dikembalikan.`,
          en: `The order was already cancelled, so your payment of ${rupiah(r.total)} was refunded.`,
        },
      );
      await emit(tx, "order.refunded", await viewOf(tx, row as OrderRow, "partner"));
    }
  });

  // ------------------------------------------------------------ personal data

  // A person's orders join their data download; deleting the account blanks who they are and where they
  // live on every order (the region code stays for statistics). An order still on its way loses its address
  // too: deleting an account is the person's call, and the seller keeps the order number and items.
  deps.identity.registerPersonalDataSource({
    name: "market_orders",
    export: async (userId: string) => {
      const rows = await db
        .select()
        .from(marketOrders)
        .where(eq(marketOrders.buyerKey, `user:${userId}`))
        .orderBy(desc(marketOrders.createdAt));
      return (await views(db, rows, "buyer")).map((o) => ({
        number: o.number,
        status: o.status,
        seller: o.seller.name,
        items: o.items.map((i) => ({
          name: i.name,
          variantName: i.variantName,
          quantity: i.quantity,
          unitPrice: i.unitPrice,
        })),
        total: o.total,
        shippingAddress: o.shippingAddress,
        note: o.note,
        review: o.review,
        createdAt: o.createdAt,
      }));
    },
    erase: async (userId: string, tx: DbOrTx) => {
      const erased = await tx
        .update(marketOrders)
        .set({
          buyerName: ERASED,
          shippingAddress: sql`jsonb_build_object('name', ${ERASED}::text, 'phone', '-', 'address', '-', 'regionCode', ${marketOrders.shippingAddress}->>'regionCode')`,
          note: null,
          receiverName: null,
        })
        .where(eq(marketOrders.buyerKey, `user:${userId}`))
        .returning({ id: marketOrders.id });
      return { orders: erased.length };
    },
  });

  // ---------------------------------------------------------------- scopes

  async function buyerScope(buyer: { userId: string }): Promise<Scope> {
    const link = (await deps.identity.partnerAccountsOf([buyer.userId])).get(buyer.userId);
    return {
      kind: "buyer",
      buyerKey: `user:${buyer.userId}`,
      userId: buyer.userId,
      partner: link ? { clientId: link.clientId, externalUserId: link.externalUserId } : null,
    };
  }

  function sellerScope(principal: Principal): Scope {
    if (principal.type !== "user") throw new AppError("market.not_a_seller", "Sign in as a shop member");
    return {
      kind: "seller",
      organisationId: principal.organisationId,
      isAdmin: principal.isAdmin,
      userId: principal.userId,
    };
  }

  async function list(
    scope: Scope,
    viewer: Viewer,
    filter: {
      status?: OrderStatus | undefined;
      externalUserId?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    const where = and(
      scopeWhere(scope),
      filter.status ? eq(marketOrders.status, filter.status) : undefined,
      filter.externalUserId ? eq(marketOrders.externalUserId, filter.externalUserId) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(marketOrders)
        .where(where)
        .orderBy(desc(marketOrders.createdAt), desc(marketOrders.id))
        .limit(filter.limit)
        .offset(filter.offset),
      db.select({ n: count() }).from(marketOrders).where(where),
    ]);
    return { items: await views(db, rows, viewer), total: total?.n ?? 0 };
  }

  // ------------------------------------------------------------------ public

  return {
    deps,

    /** Called by the partner module, and by checkout over HTTP. */
    async create(
      buyer: Buyer,
      input: CheckoutInput,
      opts?: { inTransaction?: (tx: Transaction, order: OrderView) => Promise<void> },
    ): Promise<OrderView> {
      return (await checkout(buyer, input, opts ?? {})).order;
    },

    checkout,

    onEvent(listener: OrderEventListener): void {
      listeners.push(listener);
    },

    /** The fee and weight of a cart to a destination, before checkout. */
    async quote(input: { items: CheckoutItem[]; regionCode: string }) {
      await checkRegion(input.regionCode);
      const lines = await resolveLines(db, input.items);
      const sum = totals(
        lines.map((l) => ({ unitPrice: l.price, quantity: l.quantity, weightGrams: l.weightGrams })),
        0,
      );
      return { ...shippingQuote(sum.weightGrams, input.regionCode), subtotal: sum.subtotal };
    },

    // -------------------------------------------------------------- buyers

    listMine: (
      buyer: { userId: string },
      filter: { status?: OrderStatus | undefined; limit: number; offset: number },
    ) => buyerScope(buyer).then((scope) => list(scope, "buyer", filter)),

    async getMine(buyer: { userId: string }, id: string) {
      return viewOf(db, await find(db, await buyerScope(buyer), id), "buyer");
    },

    cancelMine: async (buyer: { userId: string }, id: string, reason: string | undefined) =>
      step(
        await buyerScope(buyer),
        id,
        "buyer",
        "cancel",
        "buyer",
        cancelChange("buyer", reason?.trim() || "Dibatalkan pembeli"),
        buyer.userId,
      ),

    confirmMine: async (buyer: { userId: string }, id: string) =>
      step(
        await buyerScope(buyer),
        id,
        "buyer",
        "confirm",
        "buyer",
        (tx, r) => completeChange(tx, r, false),
        buyer.userId,
      ),

    requestReturn: async (buyer: { userId: string }, id: string, reason: string) => {
      const why = requireReason(reason);
      return step(
        await buyerScope(buyer),
        id,
        "buyer",
        "request_return",
        "buyer",
        async () => ({
          set: { returnRequestedAt: clock.now(), returnReason: why, returnRejectedReason: null },
          note: why,
          // No partner event: the contract's events are the order's statuses; the request shows in history.
          events: [],
          seller: {
            title: { id: "permintaan pengembalian", en: "return requested" },
            body: { id: `Pembeli meminta pengembalian: ${why}`, en: `The buyer asks for a return: ${why}` },
          },
        }),
        buyer.userId,
      );
    },

    review: async (buyer: { userId: string }, id: string, input: { rating: number; comment: string }) =>
      step(
        await buyerScope(buyer),
        id,
        "buyer",
        "review",
        "buyer",
        async (tx, r) => {
          const items = await tx
            .select({ productId: marketOrderItems.productId })
            .from(marketOrderItems)
            .where(eq(marketOrderItems.orderId, r.id));
          for (const productId of new Set(items.map((i) => i.productId))) {
            await catalog.recordReview(tx, {
              productId,
              orderId: r.id,
              rating: input.rating,
              comment: input.comment.trim(),
              buyerName: r.buyerName,
            });
          }
          return {
            set: { reviewRating: input.rating, reviewComment: input.comment.trim(), reviewedAt: clock.now() },
            note: `${input.rating}/5`,
            events: [],
            seller: {
              title: { id: "ulasan baru", en: "new review" },
              body: {
                id: `Nilai ${input.rating}/5: ${input.comment}`,
                en: `Rated ${input.rating}/5: ${input.comment}`,
              },
            },
          };
        },
        buyer.userId,
      ),

    // ------------------------------------------------------------- sellers

    async listForSeller(
      principal: Principal,
      filter: { status?: OrderStatus | undefined; limit: number; offset: number },
    ) {
      const scope = sellerScope(principal);
      const [page, counts] = await Promise.all([
        list(scope, "seller", filter),
        db
          .select({ status: marketOrders.status, n: count() })
          .from(marketOrders)
          .where(scopeWhere(scope))
          .groupBy(marketOrders.status),
      ]);
      return {
        ...page,
        counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
          Record<OrderStatus, number>
        >,
      };
    },

    async getForSeller(principal: Principal, id: string) {
      const view = await viewOf(db, await find(db, sellerScope(principal), id), "seller");
      if (view.fulfilment?.shipmentId) {
        // The corridor shipment moves on after the parcel left: show where it is now.
        const s = await deps.shipments.get(principal, view.fulfilment.shipmentId).catch(() => null);
        if (s) view.fulfilment.shipmentStatus = s.status;
      }
      return view;
    },

    pack: (principal: Principal, id: string) =>
      step(sellerScope(principal), id, "seller", "pack", "seller", async (_tx, r) => ({
        set: { packedAt: clock.now() },
        events: ["order.packed"],
        buyer: {
          title: { id: "pesanan dikemas", en: "order packed" },
          body: {
            id: `${r.sellerName} sedang mengemas pesanan Anda.`,
            en: `${r.sellerName} is packing your order.`,
          },
        },
      })),

    async ship(
      principal: Principal,
      id: string,
      input: {
        method: FulfilmentMethod;
        courierName?: string | undefined;
        trackingNumber?: string | undefined;
        shipmentId?: string | undefined;
      },
    ) {
      const scope = sellerScope(principal);
      let fulfilment: Change["set"];
      if (input.method === "courier") {
        const courierName = input.courierName?.trim();
        const trackingNumber = input.trackingNumber?.trim();
        if (!courierName || !trackingNumber) {
          throw new AppError(
            "market.fulfilment_invalid",
            "Courier shipping needs courierName and trackingNumber",
            {
              errors: [
                ...(courierName
                  ? []
                  : [{ field: "body/courierName", message: "Required", messageId: "Wajib diisi" }]),
                ...(trackingNumber
                  ? []
                  : [{ field: "body/trackingNumber", message: "Required", messageId: "Wajib diisi" }]),
              ],
            },
          );
        }
        fulfilment = { fulfilmentMethod: "courier", courierName, trackingNumber };
      } else {
        if (!input.shipmentId) {
          throw new AppError("market.fulfilment_invalid", "Corridor shipping needs a shipmentId", {
            errors: [{ field: "body/shipmentId", message: "Required", messageId: "Wajib diisi" }],
          });
        }
        const r = await find(db, scope, id);
        const s = await deps.shipments.get(principal, input.shipmentId).catch(() => null);
        if (!s || s.shipper.id !== r.sellerOrganisationId || s.status === "cancelled") {
          throw new AppError(
            "market.shipment_not_found",
            `No shipment ${input.shipmentId} sent by ${r.sellerName}`,
            {
              errors: [
                {
                  field: "body/shipmentId",
                  message: "Not a shipment your shop sends",
                  messageId: "Bukan pengiriman yang dikirim toko Anda",
                },
              ],
            },
          );
        }
        fulfilment = {
          fulfilmentMethod: "corridor",
          shipmentId: s.id,
          shipmentNumber: s.number,
          shipmentStatus: s.status,
        };
      }
      return step(scope, id, "seller", "ship", "seller", async (_tx, r) => {
        const how =
          fulfilment?.fulfilmentMethod === "courier"
            ? `${fulfilment.courierName} ${fulfilment.trackingNumber}`
            : `pengiriman koridor ${fulfilment?.shipmentNumber}`;
        return {
          set: { ...fulfilment, shippedAt: clock.now() },
          note: how,
          events: ["order.shipped"],
          buyer: {
            title: { id: "pesanan dikirim", en: "order shipped" },
            body: {
              id: `${r.sellerName} mengirim pesanan Anda: ${how}.`,
              en: `${r.sellerName} shipped your order: ${how}.`,
            },
          },
        };
      });
    },

    deliver: (principal: Principal, id: string, input: { receiverName?: string | undefined }) =>
      step(sellerScope(principal), id, "seller", "deliver", "seller", async () => {
        const receiverName = input.receiverName?.trim() || null;
        return {
          set: { deliveredAt: clock.now(), receiverName },
          note: receiverName ? `Diterima oleh ${receiverName}` : null,
          events: ["order.delivered"],
          buyer: {
            title: { id: "pesanan diterima", en: "order delivered" },
            body: {
              id: "Pesanan tercatat sudah diterima. Konfirmasi bila sesuai, atau ajukan pengembalian dalam 2 hari.",
              en: "The order is recorded as delivered. Confirm it, or ask for a return within 2 days.",
            },
          },
        };
      }),

    cancelBySeller: (principal: Principal, id: string, reason: string) => {
      const why = requireReason(reason);
      return step(sellerScope(principal), id, "seller", "cancel", "seller", cancelChange("seller", why));
    },

    /** Accepts the buyer's return request: the order is dikembalikan and the buyer's money refunded. */
    acceptReturn: (principal: Principal, id: string, reason: string | undefined) =>
      step(sellerScope(principal), id, "seller", "accept_return", "seller", async (tx, r) => {
        const note = reason?.trim() || "Pengembalian disetujui penjual";
        const money = await refund(tx, r, `Pengembalian pesanan ${r.number}: ${r.returnReason ?? note}`);
        return {
          set: { ...money, returnedAt: clock.now() },
          note: `${note} — dana ${rupiah(r.total)} dikembalikan`,
          events: ["order.refunded"],
          buyer: {
            title: { id: "pengembalian disetujui", en: "return accepted" },
            body: { id: `Dana ${rupiah(r.total)} dikembalikan.`, en: `${rupiah(r.total)} refunded.` },
          },
        };
      }),

    rejectReturn: (principal: Principal, id: string, reason: string) => {
      const why = requireReason(reason);
      return step(sellerScope(principal), id, "seller", "reject_return", "seller", async () => ({
        set: { returnRequestedAt: null, returnRejectedReason: why },
        note: why,
        events: [],
        buyer: {
          title: { id: "pengembalian ditolak", en: "return declined" },
          body: { id: `Penjual menolak pengembalian: ${why}`, en: `The seller declined the return: ${why}` },
        },
      }));
    },

    // ------------------------------------------------------------ partners

    async getForPartner(clientId: string, orderId: string): Promise<OrderView> {
      return viewOf(db, await find(db, { kind: "partner", clientId }, orderId), "partner");
    },

    cancelForPartner: (clientId: string, orderId: string, reason: string): Promise<OrderView> =>
      step(
        { kind: "partner", clientId },
        orderId,
        "buyer",
        "cancel",
        "buyer",
        cancelChange("buyer", reason?.trim() || "Dibatalkan pembeli"),
      ),

    listForPartner: (
      clientId: string,
      filter: { externalUserId?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: OrderView[]; total: number }> =>
      list({ kind: "partner", clientId }, "partner", filter),

    // --------------------------------------------------------------- timer

    /** Releases the stock of unpaid orders past their timeout; completes delivered orders after 7 days. */
    async sweep(): Promise<{ expired: number; completed: number }> {
      const now = clock.now();
      let expired = 0;
      let completed = 0;
      const unpaid = await db
        .select({ id: marketOrders.id })
        .from(marketOrders)
        .where(and(eq(marketOrders.status, "menunggu_pembayaran"), lte(marketOrders.expiresAt, now)))
        .orderBy(asc(marketOrders.expiresAt))
        .limit(SWEEP_BATCH);
      for (const { id } of unpaid) {
        const done = await db.transaction(async (tx) => {
          const [r] = await tx
            .select()
            .from(marketOrders)
            .where(eq(marketOrders.id, id))
            .limit(1)
            .for("update");
          // Paid or cancelled since it was picked: nothing to do.
          if (r?.status !== "menunggu_pembayaran" || r.expiresAt > now) return false;
          await applyStep(
            tx,
            r,
            "system",
            "expire",
            "buyer",
            cancelChange("system", "pembayaran tidak diterima"),
          );
          return true;
        });
        if (done) expired++;
      }
      const cutoff = new Date(now.getTime() - 7 * 86_400_000);
      const delivered = await db
        .select({ id: marketOrders.id })
        .from(marketOrders)
        .where(
          and(
            eq(marketOrders.status, "diterima"),
            lte(marketOrders.deliveredAt, cutoff),
            isNull(marketOrders.returnRequestedAt),
          ),
        )
        .orderBy(asc(marketOrders.deliveredAt))
        .limit(SWEEP_BATCH);
      for (const { id } of delivered) {
        const done = await db.transaction(async (tx) => {
          const [r] = await tx
            .select()
            .from(marketOrders)
            .where(eq(marketOrders.id, id))
            .limit(1)
            .for("update");
          if (!r || !check("system", "complete", { ...r, reviewed: r.reviewedAt !== null }, clock.now()).ok)
            return false;
          await applyStep(tx, r, "system", "complete", "buyer", (t, row) => completeChange(t, row, true));
          return true;
        });
        if (done) completed++;
      }
      return { expired, completed };
    },
  };
}
export type Orders = ReturnType<typeof createOrders>;
