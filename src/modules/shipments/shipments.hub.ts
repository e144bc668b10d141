/**
 * The hub console (Pelabuhan Panjang, Tanjung Priok): what is expected and what is on site, the
 * scanner that records arrivals, inspection, hold and release, cross-dock and onward dispatch, and
 * the hub's figures. For the hub's operator and admins; another hub is "not found".
 */
import type { Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import { containersOf, digitalLinkToEpcUri } from "../epcis";
import {
  billOfLadingNumber,
  businessTransactionUri,
  glnOf,
  parseScanCode,
  sameSite,
  withExtension,
} from "./domain/codes";
import { gramsFromKg, kilograms } from "./domain/mass";
import { hubStats, minutesBetween } from "./domain/stats";
import { CLOSED } from "./domain/status";
import type { Actor, Context } from "./shipments.context";
import { fieldError, refuse } from "./shipments.context";
import {
  arrivingEvent,
  type CargoLine,
  departingEvent,
  holdingEvent,
  type InspectionOutcome,
  inspectingEvent,
  stagingEvent,
} from "./shipments.events";
import { shipmentsRepository as repo } from "./shipments.repository";
import type { HubVisitRow, ShipmentLegRow, ShipmentLineRow, ShipmentRow } from "./shipments.tables";

export type VisitState = "arrived" | "inspected" | "held" | "staged";

export function visitState(
  v: Pick<HubVisitRow, "heldAt" | "releasedAt" | "stagedAt" | "inspectedAt">,
): VisitState {
  if (v.heldAt && (!v.releasedAt || v.releasedAt < v.heldAt)) return "held";
  if (v.stagedAt) return "staged";
  if (v.inspectedAt) return "inspected";
  return "arrived";
}

export interface InspectInput {
  outcome: InspectionOutcome;
  reason?: string | undefined;
  lines?: { lineNo: number; kg: number }[] | undefined;
}

interface Helpers {
  carrierPgln(tx: Transaction, s: ShipmentRow, leg: ShipmentLegRow): Promise<string | null>;
  cargoOf(lines: ShipmentLineRow[]): CargoLine[];
}

const DAY_MS = 24 * 3_600_000;

export function createHubConsole(ctx: Context, helpers: Helpers) {
  const { db } = ctx;
  const { clock } = ctx.deps;

  async function hubFor(principal: Principal, siteCode: string) {
    const a = ctx.actor(principal);
    const site = await ctx.places.site(siteCode);
    const mine =
      a.isAdmin || (a.organisationId !== null && site?.operatorOrganisationId === a.organisationId);
    if (site?.kind !== "hub" || !site.sgln || !mine) {
      throw new AppError("shipments.unknown_hub", `No hub ${siteCode} of yours`);
    }
    // Events are captured for the hub's operator, whoever (the operator or an admin) records them.
    return {
      actor: a,
      site,
      sgln: site.sgln,
      dock: withExtension(site.sgln, "dock"),
      acting: site.operatorOrganisationId ?? a.organisationId,
    };
  }

  async function atHub(principal: Principal, siteCode: string, id: string) {
    const hub = await hubFor(principal, siteCode);
    const s = await repo.find(db, id);
    const legs = s ? await repo.legsOf(db, [s.id]) : [];
    if (!s || !legs.some((l) => sameSite(l.fromSgln, hub.sgln) || sameSite(l.toSgln, hub.sgln))) {
      throw new AppError("shipments.not_found", `No shipment ${id} passes ${hub.site.name}`);
    }
    const lines = await repo.linesOf(db, [s.id]);
    const visit = await repo.visitAt(db, s.id, hub.sgln);
    return { ...hub, shipment: s, legs, lines, visit };
  }

  function requireOnSite(s: ShipmentRow, visit: HubVisitRow | undefined, hubName: string): HubVisitRow {
    if (s.status === "cancelled")
      throw new AppError("shipments.cancelled", `Shipment ${s.number} was cancelled`);
    if (CLOSED.has(s.status))
      throw new AppError("shipments.already_received", `Shipment ${s.number} was received already`);
    if (!visit || visit.departedAt) {
      throw new AppError(
        "shipments.not_at_hub",
        `Shipment ${s.number} is not at ${hubName}; scan its arrival first`,
      );
    }
    return visit;
  }

  function onwardLeg(legs: ShipmentLegRow[], hubSgln: string, number: string) {
    const leg = legs.find((l) => sameSite(l.fromSgln, hubSgln) && !l.actualDeparture);
    if (!leg)
      throw new AppError(
        "shipments.invalid_state",
        `Shipment ${number} has no leg leaving this hub still to go`,
      );
    return leg;
  }

  async function record(hub: { actor: Actor; acting: string | null }, events: Record<string, unknown>[]) {
    await db.transaction((tx) => ctx.capture(tx, events, hub.actor, hub.acting));
  }

  async function entry(
    hubSgln: string,
    s: ShipmentRow,
    legs: ShipmentLegRow[],
    lines: ShipmentLineRow[],
    visit: HubVisitRow | undefined,
    names: Map<string, string>,
    now: Date,
  ) {
    const inbound = legs.find((l) => sameSite(l.toSgln, hubSgln));
    const onward = legs.find((l) => sameSite(l.fromSgln, hubSgln));
    return {
      id: s.id,
      number: s.number,
      status: s.status,
      shipper: {
        id: s.shipperOrganisationId,
        name: names.get(s.shipperOrganisationId) ?? s.shipperOrganisationId,
      },
      receiver: {
        id: s.receiverOrganisationId,
        name: names.get(s.receiverOrganisationId) ?? s.receiverOrganisationId,
      },
      destination: { sgln: s.destinationSgln, name: s.destinationName },
      shippedKg: kilograms(lines.reduce((sum, l) => sum + l.shippedGrams, 0)),
      lines: lines.length,
      codes: lines.map((l) => l.epc),
      inbound: inbound
        ? {
            seq: inbound.seq,
            mode: inbound.mode,
            from: inbound.fromName,
            carrier: inbound.carrierName,
            vehicle: inbound.vehicle,
            status: inbound.status,
            plannedArrival: inbound.plannedArrival.toISOString(),
            eta: (inbound.actualArrival ?? inbound.eta ?? inbound.plannedArrival).toISOString(),
          }
        : null,
      onward: onward
        ? {
            seq: onward.seq,
            mode: onward.mode,
            to: onward.toName,
            carrier: onward.carrierName,
            vehicle: onward.vehicle,
            plannedDeparture: onward.plannedDeparture.toISOString(),
          }
        : null,
      visit: visit
        ? {
            state: visitState(visit),
            arrivedAt: visit.arrivedAt.toISOString(),
            dwellMinutes: minutesBetween(visit.arrivedAt, visit.departedAt ?? now),
            inspectionOutcome: visit.inspectionOutcome,
            inspectionNote: visit.inspectionNote,
            inspectionLossKg:
              visit.inspectionLossGrams === null ? null : kilograms(visit.inspectionLossGrams),
            holdReason: visitState(visit) === "held" ? visit.holdReason : null,
            heldAt: visit.heldAt?.toISOString() ?? null,
            stagedAt: visit.stagedAt?.toISOString() ?? null,
          }
        : null,
    };
  }

  async function entryFor(hubSgln: string, id: string) {
    const s = (await repo.find(db, id)) as ShipmentRow;
    const [legs, lines, visit] = await Promise.all([
      repo.legsOf(db, [id]),
      repo.linesOf(db, [id]),
      repo.visitAt(db, id, hubSgln),
    ]);
    const names = await ctx.deps.identity.organisationNames([
      s.shipperOrganisationId,
      s.receiverOrganisationId,
    ]);
    return entry(hubSgln, s, legs, lines, visit, names, clock.now());
  }

  /** EPC URIs a scanned Digital Link may stand for (the prefix length is not in the link). */
  function candidates(uri: string): string[] {
    const out = new Set<string>();
    for (let length = 6; length <= 12; length++) {
      const epc = digitalLinkToEpcUri(uri, length);
      if (epc) out.add(epc);
    }
    return [...out];
  }

  return {
    /** Expected inbound (ETA) and what is on site by state, each with its dwell so far. */
    async hubQueue(principal: Principal, siteCode: string) {
      const hub = await hubFor(principal, siteCode);
      const now = clock.now();
      const [inboundRows, visitRows] = await Promise.all([
        repo.inboundLegs(db, hub.sgln),
        repo.openVisits(db, hub.sgln),
      ]);
      const onSiteIds = new Set(visitRows.map((v) => v.shipment.id));
      const inbound = inboundRows.filter(
        (r) =>
          !onSiteIds.has(r.shipment.id) &&
          r.shipment.status !== "planned" &&
          r.shipment.status !== "cancelled",
      );
      const ids = [
        ...new Set([...inbound.map((r) => r.shipment.id), ...visitRows.map((v) => v.shipment.id)]),
      ];
      const [legs, lines] = await Promise.all([repo.legsOf(db, ids), repo.linesOf(db, ids)]);
      const names = await ctx.deps.identity.organisationNames([
        ...new Set(
          [...inbound.map((r) => r.shipment), ...visitRows.map((v) => v.shipment)].flatMap((s) => [
            s.shipperOrganisationId,
            s.receiverOrganisationId,
          ]),
        ),
      ]);
      const make = (s: ShipmentRow, visit?: HubVisitRow) =>
        entry(
          hub.sgln,
          s,
          legs.filter((l) => l.shipmentId === s.id),
          lines.filter((l) => l.shipmentId === s.id),
          visit,
          names,
          now,
        );
      const onSite = await Promise.all(visitRows.map((v) => make(v.shipment, v.visit)));
      const expected = (await Promise.all(inbound.map((r) => make(r.shipment)))).sort((x, y) =>
        (x.inbound?.eta ?? "").localeCompare(y.inbound?.eta ?? ""),
      );
      const group = (state: VisitState) => onSite.filter((e) => e.visit?.state === state);
      return {
        hub: { code: hub.site.code, name: hub.site.name, sgln: hub.sgln },
        at: now.toISOString(),
        expected,
        onSite: {
          arrived: group("arrived"),
          inspected: group("inspected"),
          held: group("held"),
          staged: group("staged"),
        },
        counts: {
          expected: expected.length,
          arrived: group("arrived").length,
          inspected: group("inspected").length,
          held: group("held").length,
          staged: group("staged").length,
        },
      };
    },

    /**
     * A scanned or typed code at the hub's gate: a shipment number, an SSCC (digits, EPC URI, Digital
     * Link) or a lot's Digital Link. Records the arrival of every shipment heading here that carries
     * it; a shipment already on site is reported, not recorded twice.
     */
    async hubScan(principal: Principal, siteCode: string, code: string) {
      const hub = await hubFor(principal, siteCode);
      const parsed = parseScanCode(code);
      if (!parsed) {
        throw new AppError(
          "shipments.bad_code",
          `"${code.slice(0, 80)}" is not a shipment number, SSCC or GS1 Digital Link`,
          {
            errors: [
              fieldError(
                "code",
                "is not a shipment number, SSCC or GS1 Digital Link",
                "bukan nomor surat jalan, SSCC, atau GS1 Digital Link",
              ),
            ],
          },
        );
      }
      let shipments: ShipmentRow[] = [];
      if (parsed.kind === "shipment") {
        const s = await repo.findByNumber(db, parsed.number);
        shipments = s ? [s] : [];
      } else {
        const epcs = parsed.kind === "epc" ? [parsed.uri] : candidates(parsed.uri);
        const lots = epcs.filter((e) => e.startsWith("urn:epc:class:lgtin:"));
        const containers = lots.length ? await containersOf(db, lots) : [];
        const rows = await repo.openLinesFor(db, [...epcs, ...containers]);
        shipments = [...new Map(rows.map((r) => [r.shipment.id, r.shipment])).values()];
      }
      const matched: { id: string; number: string; recorded: boolean }[] = [];
      const events: Record<string, unknown>[] = [];
      const notLeft: string[] = [];
      const now = clock.now();
      for (const s of shipments) {
        if (CLOSED.has(s.status) || s.status === "planned") continue;
        const legs = await repo.legsOf(db, [s.id]);
        const visit = await repo.visitAt(db, s.id, hub.sgln);
        if (visit && !visit.departedAt) {
          matched.push({ id: s.id, number: s.number, recorded: false });
          continue;
        }
        const leg = legs.find((l) => sameSite(l.toSgln, hub.sgln) && !l.actualArrival);
        if (!leg) continue;
        // Goods arrive from a leg that left: a shipment still waiting at the hub before is not here.
        if (!leg.actualDeparture) {
          notLeft.push(`${s.number} has not left ${leg.fromName} yet`);
          continue;
        }
        const lines = await repo.linesOf(db, [s.id]);
        events.push(
          arrivingEvent({
            at: now,
            number: s.number,
            desadv: s.desadv,
            lines: helpers.cargoOf(lines),
            location: hub.dock,
            seq: leg.seq,
          }),
        );
        matched.push({ id: s.id, number: s.number, recorded: true });
      }
      if (!matched.length && notLeft.length)
        throw new AppError("shipments.invalid_state", notLeft.join("; "));
      if (!matched.length) {
        throw new AppError(
          "shipments.scan_no_match",
          `No shipment heading for ${hub.site.name} carries ${code.slice(0, 80)}`,
        );
      }
      if (events.length) await record(hub, events);
      return {
        code,
        kind: parsed.kind,
        shipments: await Promise.all(
          matched.map(async (m) => ({ ...m, entry: await entryFor(hub.sgln, m.id) })),
        ),
      };
    },

    /** Inspection outcome with what was found per line; a shortfall is a loss in the shrinkage report. */
    async hubInspect(principal: Principal, siteCode: string, id: string, input: InspectInput) {
      const h = await atHub(principal, siteCode, id);
      requireOnSite(h.shipment, h.visit, h.site.name);
      const errors: FieldError[] = [];
      const reason = input.reason?.trim() || null;
      if (input.outcome !== "conformant" && !reason) {
        errors.push(
          fieldError(
            "reason",
            "is required when the goods are not conformant",
            "wajib diisi bila barang tidak sesuai",
          ),
        );
      }
      const found: CargoLine[] = h.lines.map((l) => ({
        lineNo: l.lineNo,
        epc: l.epc,
        kind: l.kind,
        grams: l.shippedGrams,
      }));
      for (const [i, given] of (input.lines ?? []).entries()) {
        const line = h.lines.find((l) => l.lineNo === given.lineNo);
        const grams = gramsFromKg(given.kg);
        if (!line) {
          errors.push(
            fieldError(
              `lines/${i}/lineNo`,
              `is not a line of ${h.shipment.number}`,
              `bukan baris ${h.shipment.number}`,
            ),
          );
        } else if (grams === null || grams > line.shippedGrams) {
          errors.push(
            fieldError(
              `lines/${i}/kg`,
              `line ${line.lineNo}: between 0 and the ${kilograms(line.shippedGrams)} kg shipped, to the gram`,
              `baris ${line.lineNo}: antara 0 dan ${kilograms(line.shippedGrams)} kg yang dikirim, sampai gram`,
            ),
          );
        } else {
          const target = found.find((f) => f.lineNo === line.lineNo) as CargoLine;
          target.grams = grams;
        }
      }
      if (errors.length) refuse("shipments.invalid_inspection", errors);
      await record(h, [
        inspectingEvent({
          at: clock.now(),
          number: h.shipment.number,
          desadv: h.shipment.desadv,
          lines: helpers.cargoOf(h.lines),
          location: h.dock,
          outcome: input.outcome,
          reason,
          found,
        }),
      ]);
      return entryFor(h.sgln, id);
    },

    async hubHold(principal: Principal, siteCode: string, id: string, reason: string) {
      const h = await atHub(principal, siteCode, id);
      const visit = requireOnSite(h.shipment, h.visit, h.site.name);
      if (visitState(visit) === "held")
        throw new AppError("shipments.invalid_state", `Shipment ${h.shipment.number} is held already`);
      await record(h, [
        holdingEvent({
          at: clock.now(),
          number: h.shipment.number,
          desadv: h.shipment.desadv,
          lines: helpers.cargoOf(h.lines),
          location: h.dock,
          hold: true,
          reason: reason.trim(),
        }),
      ]);
      return entryFor(h.sgln, id);
    },

    async hubRelease(principal: Principal, siteCode: string, id: string, reason: string | undefined) {
      const h = await atHub(principal, siteCode, id);
      const visit = requireOnSite(h.shipment, h.visit, h.site.name);
      if (visitState(visit) !== "held")
        throw new AppError("shipments.invalid_state", `Shipment ${h.shipment.number} is not held`);
      await record(h, [
        holdingEvent({
          at: clock.now(),
          number: h.shipment.number,
          desadv: h.shipment.desadv,
          lines: helpers.cargoOf(h.lines),
          location: h.dock,
          hold: false,
          reason: reason?.trim() || null,
        }),
      ]);
      return entryFor(h.sgln, id);
    },

    async hubCrossDock(principal: Principal, siteCode: string, id: string) {
      const h = await atHub(principal, siteCode, id);
      const visit = requireOnSite(h.shipment, h.visit, h.site.name);
      if (visitState(visit) === "held")
        throw new AppError(
          "shipments.held",
          `Shipment ${h.shipment.number} is held: ${visit.holdReason ?? ""}`,
        );
      const leg = onwardLeg(h.legs, h.sgln, h.shipment.number);
      if (visit.stagedAt)
        throw new AppError("shipments.invalid_state", `Shipment ${h.shipment.number} is staged already`);
      await record(h, [
        stagingEvent({
          at: clock.now(),
          number: h.shipment.number,
          desadv: h.shipment.desadv,
          lines: helpers.cargoOf(h.lines),
          location: withExtension(h.sgln, "outbound"),
          nextSeq: leg.seq,
        }),
      ]);
      return entryFor(h.sgln, id);
    },

    /** Sends a shipment on its next leg from this hub (at Panjang: loaded onto the ro-ro). */
    async hubDispatch(principal: Principal, siteCode: string, id: string) {
      const h = await atHub(principal, siteCode, id);
      const visit = requireOnSite(h.shipment, h.visit, h.site.name);
      if (visitState(visit) === "held" || h.shipment.status === "held") {
        throw new AppError(
          "shipments.held",
          `Shipment ${h.shipment.number} is held: ${visit.holdReason ?? h.shipment.heldReason ?? ""}`,
        );
      }
      const leg = onwardLeg(h.legs, h.sgln, h.shipment.number);
      await db.transaction(async (tx) => {
        const shipperGln = glnOf(await ctx.pgln(tx, h.shipment.shipperOrganisationId)) as string;
        await ctx.capture(
          tx,
          [
            departingEvent({
              at: clock.now(),
              number: h.shipment.number,
              desadv: h.shipment.desadv,
              bol: businessTransactionUri(
                shipperGln,
                leg.bolNumber ?? billOfLadingNumber(h.shipment.number, leg.seq),
              ),
              seq: leg.seq,
              lines: helpers.cargoOf(h.lines),
              carrierPgln: await helpers.carrierPgln(tx, h.shipment, leg),
              fromSgln: h.dock,
              toSgln: leg.toSgln,
            }),
          ],
          h.actor,
          h.acting,
        );
      });
      return entryFor(h.sgln, id);
    },

    /** Throughput, dwell (mean, p50, p90) and holds over a period (default: the last 30 days). */
    async hubStats(
      principal: Principal,
      siteCode: string,
      q: { from?: string | undefined; to?: string | undefined },
    ) {
      const hub = await hubFor(principal, siteCode);
      const now = clock.now();
      const to = q.to ? new Date(q.to) : now;
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
      if (!(from < to)) {
        refuse("shipments.invalid", [
          { field: "querystring/from", message: "must be before to", messageId: "harus sebelum to" },
        ]);
      }
      const rows = await repo.visitsTouching(db, hub.sgln, from, to);
      const stats = hubStats(
        rows.map((r) => ({ ...r.visit, grams: Number(r.grams) })),
        from,
        to,
        now,
      );
      return {
        hub: { code: hub.site.code, name: hub.site.name },
        from: from.toISOString(),
        to: to.toISOString(),
        ...stats,
      };
    },
  };
}
