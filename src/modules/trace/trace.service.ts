import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import {
  containersOf,
  digitalLinkToEpcUri,
  downstreamOf,
  eventsNaming,
  knownEpcs,
  upstreamOf,
} from "../epcis";
import { journeyStep, lastSeen, originsOf } from "./domain/journey";
import "./trace.errors";

const isClass = (epc: string) => epc.startsWith("urn:epc:class:");
const kindOf = (epc: string) =>
  isClass(epc)
    ? "lot"
    : epc.startsWith("urn:epc:id:sscc:")
      ? "container"
      : epc.startsWith("urn:epc:id:")
        ? "item"
        : "other";

/**
 * A GS1 Digital Link names a GTIN + lot (or an SSCC) without saying how long the company prefix is,
 * which the EPC URN needs; try every legal length and keep the one events actually name.
 */
async function resolve(db: Database, input: string): Promise<string> {
  const value = input.trim();
  if (/^https?:\/\//i.test(value)) {
    const candidates = [6, 7, 8, 9, 10, 11, 12]
      .map((len) => digitalLinkToEpcUri(value, len))
      .filter((c): c is string => typeof c === "string");
    if (!candidates.length)
      throw new AppError("trace.bad_identifier", `Not a GS1 Digital Link for a lot or SSCC: ${value}`);
    const [known] = await knownEpcs(db, candidates);
    if (!known) throw new AppError("trace.unknown_epc", `No event names ${value}`);
    return known;
  }
  if (!/^urn:epc:(id|class):[a-z]+:\S+$/.test(value)) {
    throw new AppError(
      "trace.bad_identifier",
      `Expected an EPC URI (urn:epc:…) or a GS1 Digital Link, got ${value}`,
    );
  }
  const [known] = await knownEpcs(db, [value]);
  if (!known) throw new AppError("trace.unknown_epc", `No event names ${value}`);
  return known;
}

export interface TraceDeps {
  db: Database;
  /** Names of organisations by id (identity module). */
  organisationNames: (ids: string[]) => Promise<Map<string, string>>;
  /** A Kemendagri region by code, or null (reference module). */
  region: (code: string) => Promise<{ code: string; name: string } | null>;
  /** A commodity's names by code, or null (reference module). */
  commodity: (code: string) => Promise<{ code: string; name: string; nameEn: string } | null>;
}

const text = (v: unknown) => (typeof v === "string" ? v : null);

export function createTraceService(deps: TraceDeps) {
  const { db } = deps;

  async function trace(input: string) {
    const epc = await resolve(db, input);
    const [upstream, downstream] = await Promise.all([upstreamOf(db, epc), downstreamOf(db, epc)]);
    const lineage = [epc, ...upstream.map((n) => n.epc)];
    const carriers = await containersOf(db, lineage);
    const nodes = new Set([...lineage, ...carriers, ...downstream.map((n) => n.epc)]);
    const events = await eventsNaming(db, [...nodes]);
    const journey = events.map((e) => journeyStep(e.body, nodes));
    const upstreamLots = new Set([epc, ...upstream.map((n) => n.epc)].filter(isClass));
    return {
      epc,
      kind: kindOf(epc),
      upstream: upstream.map((n) => ({ ...n, kind: kindOf(n.epc) })),
      downstream: downstream.map((n) => ({ ...n, kind: kindOf(n.epc), lastSeen: lastSeen(journey, n.epc) })),
      origins: originsOf(events, upstreamLots),
      journey,
      current: lastSeen(journey, epc),
    };
  }

  return {
    trace,

    /**
     * The view behind a label's QR code, for anyone: where the food was grown, by which koperasi,
     * how it travelled, and the farm-gate price when recorded. People are never named.
     */
    async publicTrace(input: string) {
      const t = await trace(input);
      const names = await deps.organisationNames([
        ...new Set(t.origins.map((o) => o.organisationId).filter((id): id is string => id !== null)),
      ]);
      const origins = await Promise.all(
        t.origins.map(async (o) => {
          const villageCode = text(o.facts.villageCode);
          const commodityCode = text(o.facts.commodity);
          const price = o.facts.farmGatePrice;
          return {
            lot: o.lot,
            commodity: commodityCode ? await deps.commodity(commodityCode) : null,
            quantity: o.quantity,
            uom: o.uom,
            harvestDate: text(o.facts.harvestDate),
            grade: text(o.facts.grade),
            village: villageCode ? await deps.region(villageCode) : null,
            regency: villageCode ? await deps.region(villageCode.slice(0, 5)) : null,
            producer: o.organisationId ? (names.get(o.organisationId) ?? null) : null,
            farmGatePricePerKg: typeof price === "number" && Number.isInteger(price) ? price : null,
          };
        }),
      );
      const journey = t.journey
        .filter((s) => !s.erroneous)
        .map((s) => ({
          eventType: s.type,
          eventTime: s.eventTime,
          eventTimeZoneOffset: s.eventTimeZoneOffset,
          step: s.bizStep,
          disposition: s.disposition,
          place: s.bizLocation ?? s.readPoint,
          temperatures: s.sensorReadings
            .filter((r) => r.type === "Temperature" && r.value !== null)
            .map((r) => r.value as number),
        }));
      return { epc: t.epc, kind: t.kind, origins, journey, current: t.current };
    },

    /** Everything downstream of a lot and where each is now: what a recall must reach. */
    async recall(input: string) {
      const t = await trace(input);
      return {
        epc: t.epc,
        affected: t.downstream.map((n) => ({
          epc: n.epc,
          kind: n.kind,
          depth: n.depth,
          lastSeenAt: n.lastSeen?.eventTime ?? null,
          lastBizStep: n.lastSeen?.bizStep ?? null,
          lastDisposition: n.lastSeen?.disposition ?? null,
          location: n.lastSeen?.location ?? null,
          owner: n.lastSeen?.owner ?? null,
        })),
      };
    },
  };
}

export type TraceService = ReturnType<typeof createTraceService>;
