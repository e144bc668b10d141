import type { Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { contentsOf, digitalLinkToEpcUri } from "../epcis";
import { toGrams } from "../lots";
import {
  billOfLadingNumber,
  businessTransactionUri,
  checkImageDataUrl,
  glnOf,
  PO_REFERENCE,
  receivingAdviceNumber,
  sameSite,
  shipmentNumber,
  wibMonth,
  withExtension,
} from "./domain/codes";
import { type LegMode, type Place, planLegs, type Route, routeProblem, zoneOf } from "./domain/corridor";
import { gramsFromKg, gramsOf, kilograms } from "./domain/mass";
import { CLOSED } from "./domain/status";
import {
  type Actor,
  type Context,
  createContext,
  fieldError,
  refuse,
  type ShipmentsDeps,
} from "./shipments.context";
import {
  arrivingEvent,
  type CargoLine,
  departingEvent,
  type ReceivedLine,
  receivingEvents,
  shippingEvent,
} from "./shipments.events";
import { createHubConsole } from "./shipments.hub";
import { committedLotGrams, inboundShipments } from "./shipments.inbound";
import { plannedOutbound } from "./shipments.outbound";
import { createPacking } from "./shipments.packing";
import { renderSuratJalan } from "./shipments.pdf";
import { createShipmentsProjector } from "./shipments.projection";
import { createReports } from "./shipments.reports";
import { type Role, shipmentsRepository as repo } from "./shipments.repository";
import type { ShipmentLegRow, ShipmentLineRow, ShipmentRow, ShipmentStatus } from "./shipments.tables";
import { historyView, legView, lineView, placeNames, summaryView, visitView } from "./shipments.view";

export type { ShipmentsDeps } from "./shipments.context";

export type LineInput = { epc: string; kg: number | string } | { sscc: string };

export interface LegInput {
  seq: number;
  carrierOrganisationId?: string | undefined;
  carrierName?: string | undefined;
  vehicle?: string | undefined;
}

export interface CreateShipmentInput {
  receiverOrganisationId: string;
  originSiteCode?: string | undefined;
  destinationSiteCode: string;
  route: Route;
  lines: LineInput[];
  poReference?: string | undefined;
  plannedDeparture: string;
  legs?: LegInput[] | undefined;
  notes?: string | undefined;
}

export interface ReceiveLineInput {
  lineNo: number;
  acceptedKg: number;
  rejectedKg: number;
  reason?: string | undefined;
  rejectedAs?: "non_conformant" | "damaged" | undefined;
}

export interface ReceiveInput {
  lines: ReceiveLineInput[];
  receiverName?: string | undefined;
  photo?: string | undefined;
  signature?: string | undefined;
}

/** A proof of delivery as other modules hear of it (procurement settles purchase orders from it). */
export interface ReceiptNotice {
  shipmentId: string;
  number: string;
  poReference: string | null;
  receiverOrganisationId: string;
  receivedAt: Date;
  lines: { lineNo: number; epc: string; acceptedGrams: number; rejectedGrams: number }[];
}
export type ReceiptListener = (tx: Transaction, receipt: ReceiptNotice) => Promise<void>;

/** Photos and signatures are evidence, not archives: a phone photo at reduced size fits. */
export const MAX_IMAGE_BYTES = 300_000;

/** Organisations a shipment may be addressed to. */
const RECEIVER_KINDS = [
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "processor",
  "warehouse_operator",
  "hub_operator",
];

const DEFAULT_CARRIER: Record<LegMode, string> = {
  truck: "Truk pengirim",
  roro: "Kapal ro-ro Panjang–Tanjung Priok",
  ferry: "Kapal feri Bakauheni–Merak",
};

const LGTIN = /^urn:epc:class:lgtin:\d{6,12}\.\d+\.\S{1,20}$/;

function cargoOf(lines: ShipmentLineRow[]): CargoLine[] {
  return lines.map((l) => ({ lineNo: l.lineNo, epc: l.epc, kind: l.kind, grams: l.shippedGrams }));
}

/** SSCC EPC URIs an SSCC written as a URI, 18 digits or a Digital Link may stand for. */
export function ssccCandidates(code: string): string[] {
  const trimmed = code.trim();
  if (/^urn:epc:id:sscc:\d+\.\d+$/.test(trimmed)) return [trimmed];
  const digits = trimmed.replace(/^\(00\)\s*/, "");
  const link = /^\d{18}$/.test(digits) ? `https://id.gs1.org/00/${digits}` : trimmed;
  const out: string[] = [];
  for (let length = 6; length <= 12; length++) {
    const uri = digitalLinkToEpcUri(link, length);
    if (uri?.startsWith("urn:epc:id:sscc:")) out.push(uri);
  }
  return out;
}

export function createShipmentsService(deps: ShipmentsDeps) {
  const ctx: Context = createContext(deps);
  const { db, clock, resolver } = deps;
  const projector = createShipmentsProjector(ctx.places);
  const receiptListeners: ReceiptListener[] = [];

  /** Place of the origin: a site the shipper may ship from, or the shipper's farm. */
  async function resolveOrigin(
    a: Actor,
    shipper: { id: string; regionCode: string | null },
    code: string | undefined,
    errors: FieldError[],
  ) {
    if (!code) {
      const farm = await ctx.farmOf(a);
      if (!farm) {
        errors.push(
          fieldError(
            "originSiteCode",
            "is required: your organisation has no farm on record (declare a lot first) — name the site you ship from",
            "wajib diisi: organisasi Anda belum punya kebun tercatat (daftarkan lot dahulu) — sebutkan lokasi asal",
          ),
        );
        return null;
      }
      return {
        place: {
          sgln: farm,
          name: "Kebun",
          zone: zoneOf({ regionCode: shipper.regionCode }),
          siteCode: null,
        } as Place,
        site: null,
      };
    }
    const site = await ctx.places.site(code);
    if (!site) {
      errors.push(
        fieldError(
          "originSiteCode",
          "is not a site Lumbung knows (see GET /api/v1/sites)",
          "bukan lokasi yang dikenal Lumbung (lihat GET /api/v1/sites)",
        ),
      );
      return null;
    }
    // Goods leave from a place the shipper runs, or from a shared warehouse where it keeps stock
    // (the warehouse's ledger refuses a dispatch of stock that is not there).
    if (!a.isAdmin && site.operatorOrganisationId !== shipper.id && site.kind !== "warehouse") {
      errors.push(
        fieldError(
          "originSiteCode",
          "is not a site your organisation operates or a shared warehouse",
          "bukan lokasi yang dikelola organisasi Anda atau gudang bersama",
        ),
      );
      return null;
    }
    return { place: ctx.places.placeOf(site), site };
  }

  async function resolveLines(
    shipperId: string,
    input: LineInput[],
    fromFarm: boolean,
    errors: FieldError[],
  ): Promise<Omit<ShipmentLineRow, "id" | "shipmentId">[]> {
    const out: Omit<ShipmentLineRow, "id" | "shipmentId">[] = [];
    const seen = new Set<string>();
    const lots = input.flatMap((l) => ("epc" in l ? [l.epc] : []));
    const commodities = await deps.lots.commoditiesOf(db, lots);
    const commodityNames = new Map<string, string>();
    const nameOf = async (code: string | undefined) => {
      if (!code) return null;
      if (!commodityNames.has(code)) {
        commodityNames.set(
          code,
          await deps.reference.getCommodity(code).then(
            (c) => c.name,
            () => code,
          ),
        );
      }
      return commodityNames.get(code) ?? code;
    };
    for (const [i, line] of input.entries()) {
      if ("epc" in line) {
        const epc = line.epc.trim();
        const grams =
          typeof line.kg === "number" ? gramsFromKg(line.kg) : toGrams(String(line.kg).trim(), "kg");
        if (!LGTIN.test(epc)) {
          errors.push(
            fieldError(
              `lines/${i}/epc`,
              "must be the LGTIN of a lot (urn:epc:class:lgtin:…)",
              "harus LGTIN sebuah lot (urn:epc:class:lgtin:…)",
            ),
          );
          continue;
        }
        if (!grams) {
          errors.push(
            fieldError(
              `lines/${i}/kg`,
              "must be more than zero, in kilograms to the gram",
              "harus lebih dari nol, dalam kilogram sampai gram",
            ),
          );
          continue;
        }
        if (seen.has(epc)) {
          errors.push(
            fieldError(
              `lines/${i}/epc`,
              "appears twice; put the whole mass on one line",
              "muncul dua kali; satukan dalam satu baris",
            ),
          );
          continue;
        }
        seen.add(epc);
        const balance = await ctx.lotBalance(shipperId, epc);
        if (balance.declaredGrams === 0) {
          errors.push(
            fieldError(
              `lines/${i}/epc`,
              "is not a lot declared in Lumbung",
              "bukan lot yang terdaftar di Lumbung",
            ),
          );
          continue;
        }
        let available = balance.declaredGrams;
        if (fromFarm && balance.declaredByOrganisation) {
          const loose = await repo.looseGramsShipped(db, shipperId, epc);
          available = balance.declaredGrams - balance.packedGrams - loose;
        }
        if (grams > available) {
          errors.push(
            fieldError(
              `lines/${i}/kg`,
              `is more than the ${kilograms(Math.max(0, available))} kg of this lot left to ship (declared ${kilograms(balance.declaredGrams)} kg)`,
              `melebihi ${kilograms(Math.max(0, available))} kg sisa lot ini yang dapat dikirim (terdaftar ${kilograms(balance.declaredGrams)} kg)`,
            ),
          );
          continue;
        }
        const lotCode = epc.slice(epc.lastIndexOf(".") + 1);
        const commodity = commodities.get(epc);
        out.push({
          lineNo: out.length + 1,
          epc,
          kind: "lot",
          commodityCode: commodity ?? null,
          description: `${(await nameOf(commodity)) ?? "Lot"} · lot ${decodeURIComponent(lotCode)}`,
          shippedGrams: grams,
          acceptedGrams: null,
          rejectedGrams: null,
          rejectionReason: null,
        });
      } else {
        const candidates = ssccCandidates(line.sscc);
        let found: { epc: string; grams: number; classes: string[] } | null = null;
        for (const epc of candidates) {
          const contents = await contentsOf(db, epc);
          const grams = contents.quantities.reduce((s, q) => s + (gramsOf(q.quantity, q.uom) ?? 0), 0);
          if (grams > 0) {
            found = { epc, grams, classes: contents.quantities.map((q) => q.epcClass) };
            break;
          }
        }
        if (!found) {
          errors.push(
            fieldError(
              `lines/${i}/sscc`,
              "is not a packed sack or pallet (no packing event fills it)",
              "bukan karung atau palet yang sudah dikemas (tidak ada event pengemasan)",
            ),
          );
          continue;
        }
        if (seen.has(found.epc)) {
          errors.push(fieldError(`lines/${i}/sscc`, "appears twice", "muncul dua kali"));
          continue;
        }
        seen.add(found.epc);
        const open = await repo.openLinesFor(db, [found.epc]);
        if (open.length) {
          errors.push(
            fieldError(
              `lines/${i}/sscc`,
              `is already on shipment ${open[0]?.shipment.number}`,
              `sudah ada di pengiriman ${open[0]?.shipment.number}`,
            ),
          );
          continue;
        }
        const [container] = await repo.containersByEpc(db, [found.epc]);
        const kinds = await deps.lots.commoditiesOf(db, found.classes);
        const names = [
          ...new Set(await Promise.all([...new Set(kinds.values())].map((c) => nameOf(c)))),
        ].filter(Boolean);
        const label = container?.containerType === "sack" ? "Karung" : "Palet";
        out.push({
          lineNo: out.length + 1,
          epc: found.epc,
          kind: "container",
          commodityCode: kinds.size === 1 ? ([...kinds.values()][0] ?? null) : null,
          description: `${label}${names.length ? ` ${names.join(", ")}` : ""} · ${found.classes.length} lot`,
          shippedGrams: found.grams,
          acceptedGrams: null,
          rejectedGrams: null,
          rejectionReason: null,
        });
      }
    }
    return out;
  }

  async function planFor(
    origin: Place,
    destination: Place,
    route: Route,
    departure: Date,
    errors: FieldError[],
  ) {
    const problem = routeProblem(route, origin, destination);
    if (problem) {
      const [en, id] =
        problem.kind === "same_place"
          ? ["starts and ends at the same place", "berangkat dan tiba di tempat yang sama"]
          : problem.kind === "wrong_direction"
            ? [
                `${route} is booked from Lampung to Java; use direct for the other way`,
                `${route} dipesan dari Lampung ke Jawa; gunakan direct untuk arah sebaliknya`,
              ]
            : [
                `${route} crosses the Sunda Strait; origin and destination are on the same side (use direct)`,
                `${route} menyeberangi Selat Sunda; asal dan tujuan ada di sisi yang sama (gunakan direct)`,
              ];
      errors.push(fieldError(problem.kind === "same_place" ? "destinationSiteCode" : "route", en, id));
      return [];
    }
    return planLegs(route, origin, destination, departure, await ctx.places.corridorPlaces());
  }

  async function names(ids: string[]) {
    return deps.identity.organisationNames([...new Set(ids.filter(Boolean))]);
  }

  async function summaries(rows: ShipmentRow[]) {
    const ids = rows.map((r) => r.id);
    const [lines, legs] = await Promise.all([repo.linesOf(db, ids), repo.legsOf(db, ids)]);
    const orgNames = await names(rows.flatMap((r) => [r.shipperOrganisationId, r.receiverOrganisationId]));
    const sites = await deps.reference.listSites({});
    return rows.map((r) => {
      const myLegs = legs.filter((l) => l.shipmentId === r.id);
      const myLines = lines.filter((l) => l.shipmentId === r.id);
      return summaryView(r, myLines, myLegs, orgNames, placeNames(r, myLegs, sites));
    });
  }

  /** What the caller may do with a shipment now, for the web to show the right buttons. */
  async function permissions(a: Actor, s: ShipmentRow, legs: ShipmentLegRow[]) {
    const org = a.organisationId;
    const isShipper = a.isAdmin || (org !== null && org === s.shipperOrganisationId);
    const isReceiver = a.isAdmin || (org !== null && org === s.receiverOrganisationId);
    const open = !CLOSED.has(s.status);
    const nextDeparture = legs.find((l) => !l.actualDeparture);
    const underway = legs.find((l) => l.actualDeparture && !l.actualArrival);
    const sites = await ctx.places.sitesByIds(
      db,
      legs.flatMap((l) => [l.fromSgln, l.toSgln]),
    );
    const legActor = (leg: ShipmentLegRow | undefined, end: "from" | "to") => {
      if (!leg || !open || s.status === "planned") return false;
      const site = [...sites.values()].find((x) =>
        sameSite(x.sgln, end === "from" ? leg.fromSgln : leg.toSgln),
      );
      return (
        a.isAdmin ||
        (org !== null &&
          (leg.carrierOrganisationId === org ||
            site?.operatorOrganisationId === org ||
            (leg.carrierOrganisationId === null && s.shipperOrganisationId === org)))
      );
    };
    const previousArrived = nextDeparture
      ? legs.filter((l) => l.seq < nextDeparture.seq).every((l) => l.actualArrival)
      : false;
    return {
      dispatch: isShipper && s.status === "planned",
      cancel: isShipper && s.status === "planned",
      receive: isReceiver && open && s.status !== "planned" && s.status !== "held",
      departLeg:
        legActor(nextDeparture, "from") && previousArrived && s.status !== "held"
          ? (nextDeparture?.seq ?? null)
          : null,
      arriveLeg: legActor(underway, "to") ? (underway?.seq ?? null) : null,
    };
  }

  async function detail(principal: Principal, id: string) {
    const { actor: a, shipment: s, legs, lines } = await ctx.load(principal, id);
    const [history, visits, proof] = await Promise.all([
      repo.historyOf(db, s.id),
      repo.visitsOf(db, s.id),
      repo.proofOf(db, s.id),
    ]);
    const orgNames = await names([s.shipperOrganisationId, s.receiverOrganisationId]);
    const sites = await deps.reference.listSites({});
    const placeName = placeNames(s, legs, sites);
    const excursions = await deps.coldchain.excursionsFor(lines.map((l) => l.epc));
    const now = clock.now();
    const party =
      a.isAdmin ||
      a.organisationId === s.shipperOrganisationId ||
      a.organisationId === s.receiverOrganisationId;
    return {
      ...summaryView(s, lines, legs, orgNames, placeName),
      desadv: s.desadv,
      poReference: s.poReference,
      notes: s.notes,
      lines: lines.map((l) => lineView(l, resolver)),
      legs: legs.map(legView),
      history: history.map((h) => historyView(h, placeName)),
      hubVisits: visits.map((v) => visitView(v, placeName, now)),
      proofOfDelivery: proof
        ? {
            recadv: proof.recadv,
            receiverName: proof.receiverName,
            receivedAt: proof.receivedAt.toISOString(),
            // A person's signature and photo are the parties' evidence, not every carrier's or hub's.
            photo: party ? proof.photo : null,
            signature: party ? proof.signature : null,
          }
        : null,
      excursions: excursions.map((x) => ({
        epc: x.epc,
        measurement: x.measurement,
        value: x.value,
        uom: x.uom,
        limit: x.limit,
        direction: x.direction,
        at: x.at.toISOString(),
        place: x.sgln ? { sgln: x.sgln, name: placeName(x.sgln) } : null,
      })),
      can: await permissions(a, s, legs),
    };
  }

  /** A leg's carrier as events name it: the carrier's PGLN, the shipper's own truck, or unknown. */
  async function carrierPgln(tx: Parameters<Context["pgln"]>[0], s: ShipmentRow, leg: ShipmentLegRow) {
    if (leg.carrierOrganisationId) return ctx.pgln(tx, leg.carrierOrganisationId);
    return leg.mode === "truck" ? ctx.pgln(tx, s.shipperOrganisationId) : null;
  }

  /** The SGLN of where goods are handled at a site: the dock of hubs and warehouses, the site elsewhere. */
  async function handlingLocation(sgln: string) {
    const site = [...(await ctx.places.sitesByIds(db, [sgln])).values()][0];
    return site && (site.kind === "hub" || site.kind === "warehouse") ? withExtension(sgln, "dock") : sgln;
  }

  function requireShipper(a: Actor, s: ShipmentRow) {
    if (!a.isAdmin && a.organisationId !== s.shipperOrganisationId) {
      throw new AppError("auth.forbidden", `Only the shipper of ${s.number} does this`);
    }
  }

  function openFor(s: ShipmentRow) {
    if (s.status === "cancelled")
      throw new AppError("shipments.cancelled", `Shipment ${s.number} was cancelled`);
    if (CLOSED.has(s.status))
      throw new AppError("shipments.already_received", `Shipment ${s.number} was received already`);
  }

  const hub = createHubConsole(ctx, { carrierPgln, cargoOf });

  return {
    projector,
    /**
     * Runs `listener` inside the transaction of every proof of delivery recorded through `receive`,
     * after its events and receipt are stored: what it writes commits with the receipt, or neither does.
     */
    onReceived(listener: ReceiptListener) {
      receiptListeners.push(listener);
    },
    /** Supply figures (no scoping): shipments heading into places, and lots already on their way. */
    inboundShipments: (q: Parameters<typeof inboundShipments>[1]) => inboundShipments(deps.db, q),
    /** Stock promised to planned shipments leaving these places (SGLNs), per lot. */
    plannedOutbound: (originSglns: string[]) => plannedOutbound(deps.db, originSglns),
    committedLotGrams: (lgtins: string[]) => committedLotGrams(deps.db, lgtins),
    ...hub,
    ...createPacking(ctx),
    ...createReports(ctx),

    /** The organisations a shipment can be addressed to and the carriers that can take a leg. */
    async parties() {
      const all = await ctx.organisationsOfKinds([...RECEIVER_KINDS, "carrier"]);
      const view = (o: (typeof all)[number]) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        regionCode: o.regionCode,
      });
      return {
        receivers: all.filter((o) => RECEIVER_KINDS.includes(o.kind)).map(view),
        carriers: all.filter((o) => o.kind === "carrier").map(view),
      };
    },

    /** The legs a route would take, with planned times, before anything is recorded. */
    async plan(
      principal: Principal,
      q: {
        route: Route;
        originSiteCode?: string | undefined;
        destinationSiteCode: string;
        plannedDeparture: string;
      },
    ) {
      const a = ctx.actor(principal);
      const errors: FieldError[] = [];
      const shipper = a.organisationId ? await ctx.organisation(db, a.organisationId) : undefined;
      const origin = await resolveOrigin(
        a,
        { id: shipper?.id ?? "", regionCode: shipper?.regionCode ?? null },
        q.originSiteCode,
        errors,
      );
      const destinationSite = await ctx.places.site(q.destinationSiteCode);
      if (!destinationSite)
        errors.push(
          fieldError(
            "destinationSiteCode",
            "is not a site Lumbung knows",
            "bukan lokasi yang dikenal Lumbung",
          ),
        );
      const legs =
        origin && destinationSite
          ? await planFor(
              origin.place,
              ctx.places.placeOf(destinationSite),
              q.route,
              new Date(q.plannedDeparture),
              errors,
            )
          : [];
      if (errors.length)
        refuse(
          "shipments.invalid",
          errors.map((e) => ({ ...e, field: e.field.replace(/^body\//, "querystring/") })),
        );
      return {
        route: q.route,
        legs: legs.map((l) => ({
          seq: l.seq,
          mode: l.mode,
          from: { sgln: l.from.sgln, name: l.from.name },
          to: { sgln: l.to.sgln, name: l.to.name },
          plannedDeparture: l.plannedDeparture.toISOString(),
          plannedArrival: l.plannedArrival.toISOString(),
        })),
      };
    },

    /** Creates a planned shipment (despatch advice) of the active organisation: lines, legs, number. */
    async create(principal: Principal, input: CreateShipmentInput) {
      const a = ctx.actor(principal);
      const shipperId = ctx.organisationOf(a);
      const shipper = await ctx.organisation(db, shipperId);
      if (!shipper) throw new AppError("shipments.no_organisation", `No organisation ${shipperId}`);
      const errors: FieldError[] = [];

      const receiver = await ctx.organisation(db, input.receiverOrganisationId);
      if (!receiver || !RECEIVER_KINDS.includes(receiver.kind)) {
        errors.push(
          fieldError(
            "receiverOrganisationId",
            "is not an organisation that can receive food (see GET /api/v1/shipments/parties)",
            "bukan organisasi yang dapat menerima pangan (lihat GET /api/v1/shipments/parties)",
          ),
        );
      }
      const origin = await resolveOrigin(a, shipper, input.originSiteCode, errors);
      const destinationSite = await ctx.places.site(input.destinationSiteCode);
      if (!destinationSite) {
        errors.push(
          fieldError(
            "destinationSiteCode",
            "is not a site Lumbung knows (see GET /api/v1/sites)",
            "bukan lokasi yang dikenal Lumbung (lihat GET /api/v1/sites)",
          ),
        );
      }
      if (input.poReference !== undefined && !PO_REFERENCE.test(input.poReference)) {
        errors.push(
          fieldError(
            "poReference",
            "letters, digits and . _ / - only, up to 60 characters",
            "hanya huruf, angka dan . _ / -, paling banyak 60 karakter",
          ),
        );
      }
      const departure = new Date(input.plannedDeparture);
      const lines = await resolveLines(
        shipperId,
        input.lines,
        origin !== null && origin.site === null,
        errors,
      );
      const planned =
        origin && destinationSite
          ? await planFor(origin.place, ctx.places.placeOf(destinationSite), input.route, departure, errors)
          : [];

      const carriers = new Map<number, { id: string | null; name: string; vehicle: string }>();
      for (const [i, leg] of (input.legs ?? []).entries()) {
        if (planned.length && !planned.some((p) => p.seq === leg.seq)) {
          errors.push(
            fieldError(
              `legs/${i}/seq`,
              `is not a leg of this route (1 to ${planned.length})`,
              `bukan ruas rute ini (1 sampai ${planned.length})`,
            ),
          );
          continue;
        }
        let carrier: { id: string | null; name: string } | null = null;
        if (leg.carrierOrganisationId) {
          const org = await ctx.organisation(db, leg.carrierOrganisationId);
          if (org?.kind !== "carrier") {
            errors.push(
              fieldError(
                `legs/${i}/carrierOrganisationId`,
                "is not a carrier organisation",
                "bukan organisasi pengangkut",
              ),
            );
            continue;
          }
          carrier = { id: org.id, name: org.name };
        } else if (leg.carrierName) {
          carrier = { id: null, name: leg.carrierName };
        }
        carriers.set(leg.seq, {
          id: carrier?.id ?? null,
          name: carrier?.name ?? "",
          vehicle: leg.vehicle ?? "",
        });
      }
      if (errors.length || !origin || !destinationSite || !receiver) refuse("shipments.invalid", errors);

      const now = clock.now();
      const id = newId("shp", now.getTime());
      const row = await db.transaction(async (tx) => {
        const number = shipmentNumber(wibMonth(now), await repo.nextSequence(tx, wibMonth(now)));
        const shipperGln = glnOf(await ctx.pgln(tx, shipper.id)) as string;
        const receiverGln = glnOf(await ctx.pgln(tx, receiver.id)) as string;
        const desadv = businessTransactionUri(shipperGln, number);
        await repo.insertShipment(
          tx,
          {
            id,
            number,
            desadv,
            poReference: input.poReference
              ? input.poReference.includes(":")
                ? input.poReference
                : businessTransactionUri(receiverGln, input.poReference)
              : null,
            shipperOrganisationId: shipper.id,
            receiverOrganisationId: receiver.id,
            originSgln: origin.place.sgln,
            originName: origin.site ? origin.site.name : `Kebun ${shipper.name}`,
            destinationSgln: ctx.places.placeOf(destinationSite).sgln,
            destinationName: destinationSite.name,
            route: input.route,
            status: "planned" satisfies ShipmentStatus,
            eta: planned.at(-1)?.plannedArrival ?? null,
            notes: input.notes ?? null,
            createdBy: a.userId,
            createdAt: now,
            updatedAt: now,
          },
          lines.map((l) => ({ ...l, id: newId("shl", now.getTime()), shipmentId: id })),
          planned.map((p) => {
            const c = carriers.get(p.seq);
            return {
              id: newId("leg", now.getTime()),
              shipmentId: id,
              seq: p.seq,
              mode: p.mode,
              fromSgln: p.from.sgln,
              fromName: p.seq === 1 && !origin.site ? `Kebun ${shipper.name}` : p.from.name,
              toSgln: p.to.sgln,
              toName: p.to.name,
              carrierOrganisationId: c?.id ?? null,
              carrierName: c?.name || (p.mode === "truck" && !c ? shipper.name : DEFAULT_CARRIER[p.mode]),
              vehicle: c?.vehicle ?? "",
              bolNumber: billOfLadingNumber(number, p.seq),
              plannedDeparture: p.plannedDeparture,
              plannedArrival: p.plannedArrival,
              eta: p.plannedArrival,
              status: "planned" as const,
            };
          }),
        );
        return (await repo.find(tx, id)) as ShipmentRow;
      });
      return detail(principal, row.id);
    },

    async list(
      principal: Principal,
      q: {
        role?: Role | undefined;
        status?: ShipmentStatus | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const a = ctx.actor(principal);
      const scope = await ctx.scopeOf(a);
      const rows = await repo.list(db, {
        scope,
        role: q.role,
        status: q.status,
        before: q.cursor,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: await summaries(page),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    get: detail,

    /** Withdraws a planned shipment (nothing was recorded as an event yet). */
    async cancel(principal: Principal, id: string) {
      const { actor: a, shipment: s } = await ctx.load(principal, id);
      requireShipper(a, s);
      if (s.status !== "planned") {
        throw new AppError(
          "shipments.invalid_state",
          `Shipment ${s.number} is ${s.status}; only a planned shipment can be cancelled`,
        );
      }
      await repo.updateShipment(db, s.id, { status: "cancelled", eta: null, updatedAt: clock.now() });
      return detail(principal, id);
    },

    /**
     * Dispatch: the shipping event (po + desadv; owner shipper → receiver, origin → destination) and
     * the first leg's departure, in one transaction with the projections (a warehouse origin's stock
     * is taken out by the warehouse projection, which refuses stock that is not there).
     */
    async dispatch(principal: Principal, id: string) {
      const { actor: a, shipment: s, legs, lines } = await ctx.load(principal, id);
      requireShipper(a, s);
      openFor(s);
      if (s.status !== "planned")
        throw new AppError("shipments.already_dispatched", `Shipment ${s.number} is ${s.status}`);
      const now = clock.now();
      const first = legs[0];
      await db.transaction(async (tx) => {
        const shipperPgln = await ctx.pgln(tx, s.shipperOrganisationId);
        const events = [
          shippingEvent({
            at: now,
            number: s.number,
            desadv: s.desadv,
            po: s.poReference,
            lines: cargoOf(lines),
            shipperPgln,
            receiverPgln: await ctx.pgln(tx, s.receiverOrganisationId),
            originSgln: s.originSgln,
            destinationSgln: s.destinationSgln,
          }),
        ];
        if (first) {
          events.push(
            departingEvent({
              at: now,
              number: s.number,
              desadv: s.desadv,
              bol: businessTransactionUri(
                glnOf(shipperPgln) as string,
                first.bolNumber ?? billOfLadingNumber(s.number, 1),
              ),
              seq: first.seq,
              lines: cargoOf(lines),
              carrierPgln: await carrierPgln(tx, s, first),
              fromSgln: first.fromSgln,
              toSgln: first.toSgln,
            }),
          );
        }
        await ctx.capture(tx, events, a, s.shipperOrganisationId);
      });
      return detail(principal, id);
    },

    /** A leg leaves (carrier, operator of the site it leaves, the shipper for its own truck, admin). */
    async departLeg(principal: Principal, id: string, seq: number) {
      const { actor: a, shipment: s, legs, lines } = await ctx.load(principal, id);
      const leg = legs.find((l) => l.seq === seq);
      if (!leg) throw new AppError("shipments.leg_not_found", `Shipment ${s.number} has no leg ${seq}`);
      const can = await permissions(a, s, legs);
      openFor(s);
      if (s.status === "planned")
        throw new AppError("shipments.not_dispatched", `Dispatch ${s.number} first`);
      if (s.status === "held")
        throw new AppError("shipments.held", `Shipment ${s.number} is held: ${s.heldReason ?? ""}`);
      if (leg.actualDeparture)
        throw new AppError("shipments.invalid_state", `Leg ${seq} of ${s.number} left already`);
      if (can.departLeg !== seq) {
        if (legs.some((l) => l.seq < seq && !l.actualArrival)) {
          throw new AppError(
            "shipments.invalid_state",
            `Leg ${seq} of ${s.number} cannot leave before the legs before it have arrived`,
          );
        }
        throw new AppError(
          "auth.forbidden",
          `Leg ${seq} of ${s.number} is recorded by its carrier or the operator of ${leg.fromName}`,
        );
      }
      const acting = await actingOrganisation(a, leg, "from");
      const fromSgln = await handlingLocation(leg.fromSgln);
      await db.transaction(async (tx) => {
        const shipperGln = glnOf(await ctx.pgln(tx, s.shipperOrganisationId)) as string;
        await ctx.capture(
          tx,
          [
            departingEvent({
              at: clock.now(),
              number: s.number,
              desadv: s.desadv,
              bol: businessTransactionUri(shipperGln, leg.bolNumber ?? billOfLadingNumber(s.number, seq)),
              seq,
              lines: cargoOf(lines),
              carrierPgln: await carrierPgln(tx, s, leg),
              fromSgln,
              toSgln: leg.toSgln,
            }),
          ],
          a,
          acting,
        );
      });
      return detail(principal, id);
    },

    /** A leg arrives (carrier, operator of the site it reaches, the shipper for its own truck, admin). */
    async arriveLeg(principal: Principal, id: string, seq: number) {
      const { actor: a, shipment: s, legs, lines } = await ctx.load(principal, id);
      const leg = legs.find((l) => l.seq === seq);
      if (!leg) throw new AppError("shipments.leg_not_found", `Shipment ${s.number} has no leg ${seq}`);
      openFor(s);
      if (!leg.actualDeparture || leg.actualArrival) {
        throw new AppError(
          "shipments.invalid_state",
          `Leg ${seq} of ${s.number} is ${leg.status}; only a leg under way arrives`,
        );
      }
      const can = await permissions(a, s, legs);
      if (can.arriveLeg !== seq) {
        throw new AppError(
          "auth.forbidden",
          `Leg ${seq} of ${s.number} is recorded by its carrier or the operator of ${leg.toName}`,
        );
      }
      const acting = await actingOrganisation(a, leg, "to");
      const location = await handlingLocation(leg.toSgln);
      await db.transaction(async (tx) => {
        await ctx.capture(
          tx,
          [
            arrivingEvent({
              at: clock.now(),
              number: s.number,
              desadv: s.desadv,
              lines: cargoOf(lines),
              location,
              seq,
            }),
          ],
          a,
          acting,
        );
      });
      return detail(principal, id);
    },

    /**
     * Proof of delivery by the receiver: accepted + rejected must equal shipped on every line; the
     * receiving events pass custody to the receiver; photo and signature are kept with the receipt.
     */
    async receive(principal: Principal, id: string, input: ReceiveInput) {
      const { actor: a, shipment: s, lines } = await ctx.load(principal, id);
      if (!a.isAdmin && a.organisationId !== s.receiverOrganisationId) {
        throw new AppError("auth.forbidden", `Only the receiver of ${s.number} records its receipt`);
      }
      openFor(s);
      if (s.status === "planned")
        throw new AppError("shipments.not_dispatched", `Shipment ${s.number} has not been dispatched`);
      if (s.status === "held")
        throw new AppError("shipments.held", `Shipment ${s.number} is held: ${s.heldReason ?? ""}`);
      if (await repo.proofOf(db, s.id))
        throw new AppError("shipments.already_received", `Shipment ${s.number} was received already`);

      const errors: FieldError[] = [];
      const received: ReceivedLine[] = [];
      for (const [i, given] of input.lines.entries()) {
        const line = lines.find((l) => l.lineNo === given.lineNo);
        if (!line) {
          errors.push(
            fieldError(`lines/${i}/lineNo`, `is not a line of ${s.number}`, `bukan baris ${s.number}`),
          );
          continue;
        }
        if (input.lines.findIndex((x) => x.lineNo === given.lineNo) !== i) {
          errors.push(
            fieldError(
              `lines/${i}/lineNo`,
              `line ${given.lineNo} appears twice`,
              `baris ${given.lineNo} muncul dua kali`,
            ),
          );
          continue;
        }
        const acceptedGrams = gramsFromKg(given.acceptedKg);
        const rejectedGrams = gramsFromKg(given.rejectedKg);
        if (acceptedGrams === null || rejectedGrams === null) {
          errors.push(
            fieldError(
              `lines/${i}/acceptedKg`,
              `line ${line.lineNo}: kilograms to the gram, not less than zero`,
              `baris ${line.lineNo}: kilogram sampai gram, tidak kurang dari nol`,
            ),
          );
          continue;
        }
        if (acceptedGrams + rejectedGrams !== line.shippedGrams) {
          errors.push(
            fieldError(
              `lines/${i}/acceptedKg`,
              `line ${line.lineNo}: accepted ${kilograms(acceptedGrams)} kg + rejected ${kilograms(rejectedGrams)} kg must equal the ${kilograms(line.shippedGrams)} kg shipped`,
              `baris ${line.lineNo}: diterima ${kilograms(acceptedGrams)} kg + ditolak ${kilograms(rejectedGrams)} kg harus sama dengan ${kilograms(line.shippedGrams)} kg yang dikirim`,
            ),
          );
        }
        const reason = given.reason?.trim() || null;
        if (rejectedGrams > 0 && !reason) {
          errors.push(
            fieldError(
              `lines/${i}/reason`,
              `line ${line.lineNo}: say why ${kilograms(rejectedGrams)} kg were rejected`,
              `baris ${line.lineNo}: sebutkan alasan ${kilograms(rejectedGrams)} kg ditolak`,
            ),
          );
        }
        received.push({
          lineNo: line.lineNo,
          epc: line.epc,
          kind: line.kind,
          grams: line.shippedGrams,
          acceptedGrams,
          rejectedGrams,
          rejectedAs: given.rejectedAs ?? "non_conformant",
          reason,
        });
      }
      for (const line of lines) {
        if (!input.lines.some((x) => x.lineNo === line.lineNo)) {
          errors.push(
            fieldError(
              "lines",
              `line ${line.lineNo} (${line.description}) is missing: every line is accepted, rejected or both`,
              `baris ${line.lineNo} (${line.description}) belum diisi: setiap baris diterima, ditolak, atau keduanya`,
            ),
          );
        }
      }
      for (const field of ["photo", "signature"] as const) {
        const value = input[field];
        const problem = value ? checkImageDataUrl(value, MAX_IMAGE_BYTES) : null;
        if (problem) {
          const en = {
            not_a_data_url: "must be a data URL (data:image/jpeg;base64,… or data:image/png;base64,…)",
            unsupported_type: "must be a JPEG or PNG image",
            too_large: `is larger than ${MAX_IMAGE_BYTES / 1000} kB; send a smaller image`,
            not_the_declared_type: "is not the image type it declares",
          }[problem];
          const idText = {
            not_a_data_url: "harus data URL (data:image/jpeg;base64,… atau data:image/png;base64,…)",
            unsupported_type: "harus gambar JPEG atau PNG",
            too_large: `lebih dari ${MAX_IMAGE_BYTES / 1000} kB; kirim gambar yang lebih kecil`,
            not_the_declared_type: "bukan jenis gambar yang dinyatakan",
          }[problem];
          errors.push(fieldError(field, en, idText));
        }
      }
      if (errors.length) refuse("shipments.invalid_receipt", errors);

      const now = clock.now();
      const location = await handlingLocation(s.destinationSgln);
      await db.transaction(async (tx) => {
        const receiverPgln = await ctx.pgln(tx, s.receiverOrganisationId);
        const recadv = businessTransactionUri(glnOf(receiverPgln) as string, receivingAdviceNumber(s.number));
        const events = receivingEvents({
          at: now,
          number: s.number,
          desadv: s.desadv,
          recadv,
          shipperPgln: await ctx.pgln(tx, s.shipperOrganisationId),
          receiverPgln,
          location,
          lines: received,
        });
        await ctx.capture(tx, events, a, s.receiverOrganisationId);
        await repo.updateProof(tx, s.id, {
          receivedBy: a.userId,
          receiverName: input.receiverName?.trim() || null,
          photo: input.photo ?? null,
          signature: input.signature ?? null,
        });
        const notice: ReceiptNotice = {
          shipmentId: s.id,
          number: s.number,
          poReference: s.poReference,
          receiverOrganisationId: s.receiverOrganisationId,
          receivedAt: now,
          lines: received.map((l) => ({
            lineNo: l.lineNo,
            epc: l.epc,
            acceptedGrams: l.acceptedGrams,
            rejectedGrams: l.rejectedGrams,
          })),
        };
        for (const listener of receiptListeners) await listener(tx, notice);
      });
      return detail(principal, id);
    },

    /** The surat jalan (A4 PDF, Bahasa Indonesia) with QR codes of the shipment and each line. */
    async suratJalan(principal: Principal, id: string) {
      const view = await detail(principal, id);
      return { number: view.number, pdf: await renderSuratJalan(view, resolver) };
    },
  };

  /** The organisation an action is captured for: the actor's own, or for an admin the leg's carrier or site. */
  async function actingOrganisation(
    a: Actor,
    leg: ShipmentLegRow,
    end: "from" | "to",
  ): Promise<string | null> {
    if (!a.isAdmin || a.organisationId) return a.organisationId;
    if (leg.carrierOrganisationId) return leg.carrierOrganisationId;
    const site = [
      ...(await ctx.places.sitesByIds(db, [end === "from" ? leg.fromSgln : leg.toSgln])).values(),
    ][0];
    return site?.operatorOrganisationId ?? null;
  }
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
export type ShipmentDetail = Awaited<ReturnType<ShipmentsService["get"]>>;
export type { ShipmentLegRow, ShipmentLineRow };
