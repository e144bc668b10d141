/**
 * The order workflow: which actor may move an order from which status to which. Pure, so the web
 * console, the partner API and the service all read the same rules.
 *
 * menunggu_pembayaran → dibayar → dikemas → dikirim → diterima → selesai
 *   dibatalkan: the buyer before packing, the seller before shipping (with a reason), the system when
 *               payment does not arrive in time; a paid order is refunded.
 *   dikembalikan: the buyer asks for a return (with a reason) within RETURN_WINDOW_DAYS of delivery; the
 *               order stays `diterima` with the request pending until the seller accepts it (refund).
 */
export const ORDER_STATUSES = [
  "menunggu_pembayaran",
  "dibayar",
  "dikemas",
  "dikirim",
  "diterima",
  "selesai",
  "dibatalkan",
  "dikembalikan",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderActor = "buyer" | "seller" | "system";

export const ORDER_ACTIONS = [
  "pay",
  "pack",
  "ship",
  "deliver",
  "confirm",
  "cancel",
  "expire",
  "request_return",
  "reject_return",
  "accept_return",
  "complete",
  "review",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Days after delivery during which the buyer may ask for a return. */
export const RETURN_WINDOW_DAYS = 2;
/** Days after delivery after which an order without a pending return completes by itself. */
export const AUTO_COMPLETE_DAYS = 7;

const DAY_MS = 86_400_000;

interface Rule {
  actor: OrderActor;
  from: readonly OrderStatus[];
  to: OrderStatus;
}

/** Every action, who may take it, from which statuses, and where it leads. */
export const RULES: Record<OrderAction, Rule> = {
  pay: { actor: "system", from: ["menunggu_pembayaran"], to: "dibayar" },
  expire: { actor: "system", from: ["menunggu_pembayaran"], to: "dibatalkan" },
  pack: { actor: "seller", from: ["dibayar"], to: "dikemas" },
  ship: { actor: "seller", from: ["dikemas"], to: "dikirim" },
  deliver: { actor: "seller", from: ["dikirim"], to: "diterima" },
  // The buyer saying "received, all good" while it is still on its way skips straight through diterima.
  confirm: { actor: "buyer", from: ["dikirim", "diterima"], to: "selesai" },
  complete: { actor: "system", from: ["diterima"], to: "selesai" },
  cancel: { actor: "buyer", from: ["menunggu_pembayaran", "dibayar"], to: "dibatalkan" },
  request_return: { actor: "buyer", from: ["diterima"], to: "diterima" },
  reject_return: { actor: "seller", from: ["diterima"], to: "diterima" },
  accept_return: { actor: "seller", from: ["diterima"], to: "dikembalikan" },
  review: { actor: "buyer", from: ["diterima", "selesai"], to: "selesai" },
};

/** The seller may cancel until the parcel leaves (a reason is required). */
const SELLER_CANCEL_FROM: readonly OrderStatus[] = ["menunggu_pembayaran", "dibayar", "dikemas"];

/** What the workflow needs to know about an order besides its status. */
export interface OrderFacts {
  status: OrderStatus;
  deliveredAt: Date | null;
  returnRequestedAt: Date | null;
  reviewed: boolean;
}

export type Refusal =
  | "wrong_actor"
  | "wrong_status"
  | "return_window_closed"
  | "return_pending"
  | "no_return_pending"
  | "already_reviewed";

/** Whether `actor` may take `action` on the order now; the reason when not. */
export function check(
  actor: OrderActor,
  action: OrderAction,
  order: OrderFacts,
  now: Date,
): { ok: true; to: OrderStatus } | { ok: false; reason: Refusal } {
  const rule = RULES[action];
  if (action === "cancel" && actor === "seller") {
    return SELLER_CANCEL_FROM.includes(order.status)
      ? { ok: true, to: "dibatalkan" }
      : { ok: false, reason: "wrong_status" };
  }
  if (action === "cancel" && actor === "system") return { ok: false, reason: "wrong_actor" };
  if (rule.actor !== actor) return { ok: false, reason: "wrong_actor" };
  if (!rule.from.includes(order.status)) return { ok: false, reason: "wrong_status" };
  switch (action) {
    case "request_return":
      if (order.returnRequestedAt) return { ok: false, reason: "return_pending" };
      if (!order.deliveredAt || now.getTime() > returnDeadline(order.deliveredAt).getTime()) {
        return { ok: false, reason: "return_window_closed" };
      }
      break;
    case "reject_return":
    case "accept_return":
      if (!order.returnRequestedAt) return { ok: false, reason: "no_return_pending" };
      break;
    case "confirm":
    case "complete":
      // A pending return waits for the seller's answer; neither side closes the order under it.
      if (order.returnRequestedAt) return { ok: false, reason: "return_pending" };
      if (action === "complete" && (!order.deliveredAt || now < autoCompleteAt(order.deliveredAt))) {
        return { ok: false, reason: "wrong_status" };
      }
      break;
    case "review":
      if (order.reviewed) return { ok: false, reason: "already_reviewed" };
      return { ok: true, to: order.status };
  }
  return { ok: true, to: rule.to };
}

/** The actions `actor` may take on the order now (for the web's buttons). */
export function allowedActions(actor: OrderActor, order: OrderFacts, now: Date): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => check(actor, a, order, now).ok);
}

export function returnDeadline(deliveredAt: Date): Date {
  return new Date(deliveredAt.getTime() + RETURN_WINDOW_DAYS * DAY_MS);
}

export function autoCompleteAt(deliveredAt: Date): Date {
  return new Date(deliveredAt.getTime() + AUTO_COMPLETE_DAYS * DAY_MS);
}

/** Statuses in which the buyer's money is held by the platform (a cancel must refund it). */
export function isPaid(status: OrderStatus): boolean {
  return status === "dibayar" || status === "dikemas" || status === "dikirim" || status === "diterima";
}
