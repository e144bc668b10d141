import type { Transaction } from "../../db/client";
import { cbvTerm } from "./domain/cbv";
import type { EpcisEvent } from "./domain/types";

/**
 * An event as it was just stored, handed to projections inside the capturing transaction. CBV fields
 * are given as bare words when they are CBV terms (`shipping`, `in_transit`, `desadv`), whatever
 * spelling the capturer used, and as sent otherwise (a user's own URI).
 */
export interface StoredEvent {
  /** epcis_events.id: time-ordered, so projections can point at the event that moved them. */
  pk: string;
  eventID: string;
  type: string;
  eventTime: Date;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  bizTransactions: { type: string | null; value: string }[];
  sources: { type: string; value: string }[];
  destinations: { type: string; value: string }[];
  /** The organisation the capturer acted for. */
  organisationId: string | null;
  /** Organisations that took part (capturer, parties and places named), resolved before projection. */
  participants: string[];
  /** The event as stored (eventID and recordTime included). */
  body: EpcisEvent;
}

/**
 * A projection keeps a derived view (shipment status, stock ledger, excursions) in step with the
 * events. It runs in the transaction that stores the events, so the view never disagrees with them;
 * throwing an AppError refuses the whole capture (stock that would go negative), nothing stored.
 */
export interface Projector {
  name: string;
  project(tx: Transaction, events: StoredEvent[]): Promise<void>;
}

/**
 * Which organisations an identifier of a party or place belongs to (a PGLN, an SGLN with any
 * extension). Given the ids of a batch of events; answers for those it knows.
 */
export type ParticipantResolver = (tx: Transaction, ids: string[]) => Promise<Map<string, string[]>>;

const idOf = (v: unknown): string | null => {
  const id = (v as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
};

function typed(
  list: unknown,
  valueField: "source" | "destination" | "bizTransaction",
  kind: "sourceDestType" | "bizTransactionType",
) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: Record<string, unknown>) => {
    const value = item?.[valueField];
    if (typeof value !== "string") return [];
    const type = typeof item.type === "string" ? (cbvTerm(kind, item.type) ?? item.type) : null;
    return [{ type, value }];
  });
}

/** The projection's view of a stored event body. */
export function storedEvent(
  pk: string,
  body: EpcisEvent & { eventID: string },
  organisationId: string | null,
  participants: string[],
): StoredEvent {
  const word = (kind: "bizStep" | "disposition", v: unknown) =>
    typeof v === "string" ? (cbvTerm(kind, v) ?? v) : null;
  return {
    pk,
    eventID: body.eventID,
    type: body.type,
    eventTime: new Date(body.eventTime),
    action: typeof body.action === "string" ? body.action : null,
    bizStep: word("bizStep", body.bizStep),
    disposition: word("disposition", body.disposition),
    readPoint: idOf(body.readPoint),
    bizLocation: idOf(body.bizLocation),
    bizTransactions: typed(body.bizTransactionList, "bizTransaction", "bizTransactionType"),
    sources: typed(body.sourceList, "source", "sourceDestType") as { type: string; value: string }[],
    destinations: typed(body.destinationList, "destination", "sourceDestType") as {
      type: string;
      value: string;
    }[],
    organisationId,
    participants,
    body,
  };
}

/** The party and place identifiers of an event whose owners take part in it. */
export function partyAndPlaceIds(body: EpcisEvent): string[] {
  const ids = new Set<string>();
  for (const v of [idOf(body.readPoint), idOf(body.bizLocation)]) if (v) ids.add(v);
  for (const s of typed(body.sourceList, "source", "sourceDestType")) ids.add(s.value);
  for (const d of typed(body.destinationList, "destination", "sourceDestType")) ids.add(d.value);
  return [...ids];
}

/**
 * `P.L` of an SGLN (`urn:epc:id:sgln:P.L.ext`, any extension: a dock or zone is part of its site) or of
 * a PGLN (`urn:epc:id:pgln:P.L`): the GLN's company prefix and reference, which owners are keyed by.
 */
export function glnKeyOf(id: string): string | null {
  const sgln = /^urn:epc:id:sgln:(\d+\.\d*)\.[^.]*$/.exec(id);
  if (sgln) return sgln[1] as string;
  const pgln = /^urn:epc:id:pgln:(\d+\.\d*)$/.exec(id);
  return pgln ? (pgln[1] as string) : null;
}
