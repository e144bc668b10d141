/**
 * The shipments projection: every stored event that carries a shipment's despatch advice moves the
 * shipment (status, current place, legs, ETA, hub visits, history, received quantities); packing
 * events keep the list of packed containers. Runs inside the capturing transaction, so the view
 * never disagrees with the events; a refusal (a held shipment departing, a second receipt) throws
 * and the whole capture is refused.
 */
import type { Transaction } from "../../db/client";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { contentsOfMany, type Projector, type StoredEvent } from "../epcis";
import { sameSite, withExtension } from "./domain/codes";
import { estimateArrival } from "./domain/eta";
import { gramsOf } from "./domain/mass";
import { CLOSED, custodyOutcome, type Movement, movementOf, nextStatus } from "./domain/status";
import type { Places, Site } from "./shipments.places";
import { siteOf } from "./shipments.places";
import { shipmentsRepository as repo } from "./shipments.repository";
import type { HubVisitRow, ShipmentLegRow, ShipmentLineRow, ShipmentRow } from "./shipments.tables";
import "./shipments.errors";

const REFUSAL_DETAIL: Record<string, string> = {
  "shipments.cancelled": "was cancelled; events can no longer move it",
  "shipments.already_dispatched": "was already dispatched",
  "shipments.held": "is held; release it before it moves on",
  "shipments.already_received": "was already received",
  "shipments.not_dispatched": "has not been dispatched; it cannot be received yet",
};

const ACCEPTED_DISPOSITIONS = new Set([
  null,
  "sellable_not_accessible",
  "sellable_accessible",
  "in_progress",
  "active",
]);

type Json = Record<string, unknown>;

const numberOf = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** `lb:…` per-line figures (`lb:found`, `lb:lines`) of an event, by line. */
function lineFigures(body: Json, field: string, lines: ShipmentLineRow[]): Map<string, number> | null {
  const list = body[field];
  if (!Array.isArray(list)) return null;
  const out = new Map<string, number>();
  for (const item of list as Json[]) {
    const kg = numberOf(item?.["lb:kg"]);
    const lineNo = numberOf(item?.["lb:line"]);
    const epc = typeof item?.["lb:epc"] === "string" ? item["lb:epc"] : null;
    const line = lines.find(
      (l) => (lineNo !== null && l.lineNo === lineNo) || (epc !== null && l.epc === epc),
    );
    if (line && kg !== null) out.set(line.id, (out.get(line.id) ?? 0) + Math.round(kg * 1000));
  }
  return out;
}

/** Per-line mass an event names: `lb:…` figures when given, else lots by quantity and SSCCs whole. */
function massPerLine(e: StoredEvent, field: string, lines: ShipmentLineRow[]): Map<string, number> {
  const figures = lineFigures(e.body as Json, field, lines);
  if (figures) return figures;
  const out = new Map<string, number>();
  const body = e.body as Json;
  const quantities = Array.isArray(body.quantityList) ? (body.quantityList as Json[]) : [];
  for (const q of quantities) {
    const line = lines.find((l) => l.kind === "lot" && l.epc === q.epcClass);
    const grams = gramsOf(q.quantity, q.uom);
    if (line && grams !== null) out.set(line.id, (out.get(line.id) ?? 0) + grams);
  }
  const epcs = Array.isArray(body.epcList) ? (body.epcList as string[]) : [];
  for (const epc of epcs) {
    const line = lines.find((l) => l.kind === "container" && l.epc === epc);
    if (line) out.set(line.id, line.shippedGrams);
  }
  return out;
}

export function createShipmentsProjector(places: Places): Projector {
  /**
   * Keeps packed_containers in step with aggregations: one row per SSCC with what it holds now. The
   * rows are locked first, in SSCC order (concurrent captures of the same pallets then queue rather
   * than deadlock), and the contents read after: a capture that waited for another sees its packing
   * and the totals add up. One statement each, whatever the batch.
   */
  async function projectContainers(tx: Transaction, events: StoredEvent[]) {
    const firstSeen = new Map<string, StoredEvent>();
    for (const e of events) {
      if (e.type !== "AggregationEvent") continue;
      const parent = (e.body as Json).parentID;
      if (typeof parent === "string" && parent.startsWith("urn:epc:id:sscc:") && !firstSeen.has(parent)) {
        firstSeen.set(parent, e);
      }
    }
    if (!firstSeen.size) return;
    const parents = [...firstSeen.keys()].sort();
    await repo.lockContainers(
      tx,
      parents.map((parent) => {
        const e = firstSeen.get(parent) as StoredEvent;
        const type = (e.body as Json)["lb:containerType"];
        return {
          id: newId("ctr", e.eventTime.getTime()),
          epc: parent,
          organisationId: e.organisationId,
          containerType: typeof type === "string" ? type.slice(0, 20) : null,
          grams: 0,
          location: e.bizLocation ?? e.readPoint,
          packedAt: e.eventTime,
          eventId: e.eventID,
        };
      }),
    );
    const contents = await contentsOfMany(tx, parents);
    const grams = parents.map((parent) =>
      (contents.get(parent)?.quantities ?? []).reduce((sum, q) => sum + (gramsOf(q.quantity, q.uom) ?? 0), 0),
    );
    await repo.setContainersGrams(tx, parents, grams);
  }

  /** The leg an event concerns: the one it names (`lb:leg`), else the first that fits the place. */
  function legFor(movement: Movement, e: StoredEvent, legs: ShipmentLegRow[], place: string | null) {
    const named = numberOf((e.body as Json)["lb:leg"]);
    if (named !== null && (movement === "departing" || movement === "arriving")) {
      const leg = legs.find((l) => l.seq === named);
      if (leg) return leg;
    }
    if (movement === "departing") {
      const waiting = legs.filter((l) => !l.actualDeparture);
      return waiting.find((l) => sameSite(l.fromSgln, place)) ?? waiting[0];
    }
    if (movement === "arriving") {
      const open = legs.filter((l) => !l.actualArrival);
      return open.find((l) => sameSite(l.toSgln, place));
    }
    if (movement === "receiving") return legs.at(-1);
    return undefined;
  }

  async function visitFor(tx: Transaction, s: ShipmentRow, hub: Site, at: Date): Promise<HubVisitRow> {
    const sgln = hub.sgln as string;
    const existing = await repo.visitAt(tx, s.id, sgln);
    if (existing) return existing;
    // A hub recorded an inspection or hold without scanning the arrival first: it arrived then.
    const row = {
      id: newId("hbv", at.getTime()),
      shipmentId: s.id,
      hubSgln: sgln,
      arrivedAt: at,
      holdCount: 0,
      heldSeconds: 0,
    };
    await repo.insertVisit(tx, row);
    return (await repo.visitAt(tx, s.id, sgln)) as HubVisitRow;
  }

  async function apply(tx: Transaction, shipmentId: string, e: StoredEvent) {
    const s = (await repo.findForUpdate(tx, shipmentId)) as ShipmentRow;
    const legs = await repo.legsOf(tx, [s.id]);
    const lines = await repo.linesOf(tx, [s.id]);
    const movement = movementOf(e.bizStep, e.disposition);
    const place = e.bizLocation ?? e.readPoint;
    const sites = await places.sitesByIds(tx, [place, ...legs.flatMap((l) => [l.fromSgln, l.toSgln])]);
    const placeSite = siteOf(sites, place);
    const hub = placeSite?.kind === "hub" ? placeSite : undefined;
    const leg = legFor(movement, e, legs, place);
    const body = e.body as Json;
    const reason = typeof body["lb:reason"] === "string" ? (body["lb:reason"] as string) : null;
    const at = e.eventTime;

    // Leg times, in memory first: the ETA and "all legs arrived" read them.
    const legPatch = new Map<string, Partial<ShipmentLegRow>>();
    if (leg && movement === "departing" && !leg.actualDeparture) {
      legPatch.set(leg.id, { actualDeparture: at, status: "underway" });
    }
    if (leg && (movement === "arriving" || movement === "receiving") && !leg.actualArrival) {
      legPatch.set(leg.id, {
        actualDeparture: leg.actualDeparture ?? at,
        actualArrival: at,
        status: "arrived",
      });
    }
    const legsNow = legs.map((l) => ({ ...l, ...legPatch.get(l.id) }));
    const allLegsArrived = legsNow.every((l) => l.actualArrival);
    const where = {
      atHub: hub !== undefined,
      atDestination: sameSite(place, s.destinationSgln),
      allLegsArrived,
    };

    // Receipts: the receiver's figures per line, checked against what was shipped.
    let received: { acceptedGrams: number; rejectedGrams: number } | undefined;
    const linePatch = new Map<string, Partial<ShipmentLineRow>>();
    let sameReceipt = false;
    if (movement === "receiving") {
      if (e.organisationId !== null && e.organisationId !== s.receiverOrganisationId) {
        throw new AppError(
          "shipments.not_receiver",
          `Shipment ${s.number} is addressed to another organisation; only its receiver records receiving it`,
        );
      }
      const recadv = e.bizTransactions.find((t) => t.type === "recadv")?.value ?? null;
      const proof = await repo.proofOf(tx, s.id);
      if (proof && proof.recadv !== recadv) {
        throw new AppError(
          "shipments.already_received",
          `Shipment ${s.number} was received already (${proof.recadv})`,
        );
      }
      sameReceipt = proof !== undefined;
      const accepted = ACCEPTED_DISPOSITIONS.has(e.disposition);
      const masses = massPerLine(e, "lb:lines", lines);
      let acceptedTotal = 0;
      let rejectedTotal = 0;
      for (const line of lines) {
        const add = masses.get(line.id) ?? 0;
        const acceptedGrams = (line.acceptedGrams ?? 0) + (accepted ? add : 0);
        const rejectedGrams = (line.rejectedGrams ?? 0) + (accepted ? 0 : add);
        if (acceptedGrams + rejectedGrams > line.shippedGrams) {
          throw new AppError(
            "shipments.over_received",
            `Line ${line.lineNo} of ${s.number}: ${(acceptedGrams + rejectedGrams) / 1000} kg received and rejected, ${line.shippedGrams / 1000} kg shipped`,
          );
        }
        const lineReasons = Array.isArray(body["lb:lines"])
          ? (body["lb:lines"] as Json[]).find((x) => x?.["lb:line"] === line.lineNo)?.["lb:reason"]
          : undefined;
        linePatch.set(line.id, {
          acceptedGrams,
          rejectedGrams,
          ...(!accepted && add > 0
            ? {
                rejectionReason:
                  typeof lineReasons === "string" ? lineReasons : (reason ?? line.rejectionReason),
              }
            : {}),
        });
        acceptedTotal += acceptedGrams;
        rejectedTotal += rejectedGrams;
      }
      received = { acceptedGrams: acceptedTotal, rejectedGrams: rejectedTotal };
      if (!proof) {
        await repo.insertProof(tx, {
          id: newId("pod", at.getTime()),
          shipmentId: s.id,
          recadv: recadv ?? e.eventID,
          receivedBy: e.organisationId ?? "epcis",
          receivedAt: at,
        });
      }
    }

    const outcome =
      movement === "receiving" && sameReceipt && received
        ? { status: custodyOutcome(received.acceptedGrams, received.rejectedGrams) }
        : nextStatus(s.status, movement, where, received);
    if ("refused" in outcome) {
      throw new AppError(
        outcome.refused,
        `Shipment ${s.number} ${REFUSAL_DETAIL[outcome.refused] ?? ""}`.trim(),
      );
    }
    const moving = !CLOSED.has(s.status) || movement === "receiving";

    for (const [id, patch] of legPatch) if (moving) await repo.updateLeg(tx, id, patch);
    for (const [id, patch] of linePatch) await repo.updateLine(tx, id, patch);

    // Hub visits: arrival, inspection, hold and release, cross-dock, departure.
    if (moving && hub) {
      if (movement === "arriving") {
        await visitFor(tx, s, hub, at);
      } else if (movement === "inspecting") {
        const visit = await visitFor(tx, s, hub, at);
        const found = lineFigures(body, "lb:found", lines) ?? massPerLine(e, "lb:found", lines);
        const loss = lines.reduce(
          (sum, l) => (found.has(l.id) ? sum + Math.max(0, l.shippedGrams - (found.get(l.id) ?? 0)) : sum),
          0,
        );
        await repo.updateVisit(tx, visit.id, {
          inspectedAt: at,
          inspectionOutcome: e.disposition,
          inspectionNote: reason,
          inspectionLossGrams: found.size ? loss : null,
        });
      } else if (movement === "holding") {
        const visit = await visitFor(tx, s, hub, at);
        await repo.updateVisit(tx, visit.id, {
          heldAt: at,
          holdReason: reason,
          holdCount: visit.holdCount + 1,
        });
      } else if (movement === "releasing") {
        const visit = await visitFor(tx, s, hub, at);
        const heldFor =
          visit.heldAt && (!visit.releasedAt || visit.releasedAt < visit.heldAt)
            ? Math.max(0, Math.round((at.getTime() - visit.heldAt.getTime()) / 1000))
            : 0;
        await repo.updateVisit(tx, visit.id, { releasedAt: at, heldSeconds: visit.heldSeconds + heldFor });
      } else if (movement === "staging") {
        const visit = await visitFor(tx, s, hub, at);
        await repo.updateVisit(tx, visit.id, { stagedAt: at });
      }
    }
    if (moving && movement === "departing") {
      const fromHub = siteOf(sites, leg?.fromSgln ?? place);
      if (fromHub?.kind === "hub") {
        const visit = await repo.visitAt(tx, s.id, fromHub.sgln as string);
        if (visit && !visit.departedAt) await repo.updateVisit(tx, visit.id, { departedAt: at });
      }
    }

    // ETA from what is known now, per leg and for the shipment.
    const estimate = estimateArrival(
      legsNow.map((l) => ({
        seq: l.seq,
        mode: l.mode,
        from: { siteCode: siteOf(sites, l.fromSgln)?.code ?? null },
        plannedDeparture: l.plannedDeparture,
        plannedArrival: l.plannedArrival,
        actualDeparture: l.actualDeparture,
        actualArrival: l.actualArrival,
      })),
      at,
    );
    if (
      moving &&
      outcome.status !== "delivered" &&
      outcome.status !== "partially_delivered" &&
      outcome.status !== "rejected"
    ) {
      for (const l of legsNow) {
        const est = estimate.legArrivals.find((x) => x.seq === l.seq);
        if (est && !est.arrived) await repo.updateLeg(tx, l.id, { eta: est.arrival });
      }
    }

    const currentSgln =
      movement === "departing"
        ? (leg?.fromSgln ?? place ?? s.currentSgln)
        : movement === "receiving"
          ? (place ?? s.destinationSgln)
          : movement === "other"
            ? s.currentSgln
            : (place ?? s.currentSgln);
    const closedNow = CLOSED.has(outcome.status);
    await repo.updateShipment(tx, s.id, {
      status: outcome.status,
      ...(moving
        ? {
            currentSgln: currentSgln ? withSiteExtension(currentSgln) : null,
            currentLegSeq: leg?.seq ?? s.currentLegSeq,
            eta: closedNow ? (s.eta ?? estimate.eta) : estimate.eta,
          }
        : {}),
      heldReason: outcome.status === "held" ? (movement === "holding" ? reason : s.heldReason) : null,
      ...(movement === "shipping" || (movement === "departing" && !s.dispatchedAt)
        ? { dispatchedAt: s.dispatchedAt ?? at }
        : {}),
      ...(movement === "receiving" ? { deliveredAt: at } : {}),
      updatedAt: at,
    });

    await repo.insertHistory(tx, {
      id: newId("shh", at.getTime()),
      shipmentId: s.id,
      eventPk: e.pk,
      eventId: e.eventID,
      bizStep: e.bizStep,
      disposition: e.disposition,
      sgln: place,
      at,
      note: reason,
    });
  }

  return {
    name: "shipments",
    async project(tx, events) {
      await projectContainers(tx, events);
      const desadvs = [
        ...new Set(
          events.flatMap((e) => e.bizTransactions.filter((t) => t.type === "desadv").map((t) => t.value)),
        ),
      ];
      if (!desadvs.length) return;
      const byDesadv = new Map((await repo.findByDesadvs(tx, desadvs)).map((s) => [s.desadv, s.id]));
      if (!byDesadv.size) return;
      for (const e of events) {
        const ids = new Set(
          e.bizTransactions.filter((t) => t.type === "desadv").flatMap((t) => byDesadv.get(t.value) ?? []),
        );
        for (const id of ids) await apply(tx, id, e);
      }
    },
  };
}

/** The site itself, not a dock or zone of it, for "where is it now". */
function withSiteExtension(sgln: string): string {
  return sgln.startsWith("urn:epc:id:sgln:") ? withExtension(sgln, "0") : sgln;
}
