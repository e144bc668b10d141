/**
 * How a shipment's status follows the EPCIS events that carry its despatch advice. Pure.
 *
 *   planned ──shipping/departing──▶ in_transit ──arriving at a hub──▶ at_hub ──departing──▶ in_transit
 *                                        │                            │  ▲
 *                                        │                 holding ───▼  │ release (holding, sellable_accessible)
 *                                        │                           held
 *                                        └──arriving at the destination──▶ arrived
 *   in_transit | at_hub | arrived ──receiving──▶ delivered | partially_delivered | rejected (custody passes)
 */
export const STATUSES = [
  "planned",
  "in_transit",
  "at_hub",
  "held",
  "arrived",
  "delivered",
  "partially_delivered",
  "rejected",
  "cancelled",
] as const;
export type Status = (typeof STATUSES)[number];

/** Custody has passed (or the shipment never left): nothing moves it any more. */
export const CLOSED: ReadonlySet<Status> = new Set([
  "delivered",
  "partially_delivered",
  "rejected",
  "cancelled",
]);

export type Movement =
  | "shipping"
  | "departing"
  | "arriving"
  | "inspecting"
  | "holding"
  | "releasing"
  | "staging"
  | "receiving"
  /** Any other event naming the shipment (a temperature reading): history only. */
  | "other";

/** The movement an event stands for, from its CBV business step and disposition. */
export function movementOf(bizStep: string | null, disposition: string | null): Movement {
  switch (bizStep) {
    case "shipping":
      return "shipping";
    case "departing":
    case "loading":
      return "departing";
    case "arriving":
    case "unloading":
      return "arriving";
    case "inspecting":
      return "inspecting";
    case "holding":
      return disposition === "sellable_accessible" ? "releasing" : "holding";
    case "staging_outbound":
      return "staging";
    case "receiving":
    case "accepting":
      return "receiving";
    default:
      return "other";
  }
}

export type Refusal =
  | "shipments.cancelled"
  | "shipments.already_dispatched"
  | "shipments.held"
  | "shipments.already_received"
  | "shipments.not_dispatched";

export interface Where {
  /** The event happened at a hub. */
  atHub: boolean;
  /** The event happened at the shipment's destination. */
  atDestination: boolean;
  /** Every leg has arrived. */
  allLegsArrived: boolean;
}

/** The status after a movement, or why the movement cannot happen to a shipment in `current`. */
export function nextStatus(
  current: Status,
  movement: Movement,
  where: Where,
  received?: { acceptedGrams: number; rejectedGrams: number },
): { status: Status } | { refused: Refusal } {
  if (current === "cancelled") return { refused: "shipments.cancelled" };
  if (movement === "receiving" && CLOSED.has(current)) return { refused: "shipments.already_received" };
  // After custody passed, later events (a reading, a late scan) are history, not movement.
  if (CLOSED.has(current) || movement === "other") return { status: current };
  const settled = current === "held" ? "held" : restingStatus(where);
  switch (movement) {
    case "shipping":
      return current === "planned" ? { status: "in_transit" } : { refused: "shipments.already_dispatched" };
    case "departing":
      return current === "held" ? { refused: "shipments.held" } : { status: "in_transit" };
    case "staging":
      return current === "held" ? { refused: "shipments.held" } : { status: current };
    case "arriving":
      return { status: settled };
    case "inspecting":
      return { status: current };
    case "holding":
      return { status: "held" };
    case "releasing":
      return { status: current === "held" ? restingStatus(where) : current };
    case "receiving": {
      if (current === "planned") return { refused: "shipments.not_dispatched" };
      if (current === "held") return { refused: "shipments.held" };
      if (!received) return { status: current };
      return { status: custodyOutcome(received.acceptedGrams, received.rejectedGrams) };
    }
  }
}

/** Where goods not on the move are: at a hub, at the destination, or between (a port on the way). */
function restingStatus(where: Where): Status {
  if (where.atHub) return "at_hub";
  if (where.atDestination || where.allLegsArrived) return "arrived";
  return "in_transit";
}

/** Proof of delivery: all accepted → delivered; all refused → rejected; otherwise partially delivered. */
export function custodyOutcome(acceptedGrams: number, rejectedGrams: number): Status {
  if (rejectedGrams <= 0) return "delivered";
  if (acceptedGrams <= 0) return "rejected";
  return "partially_delivered";
}
