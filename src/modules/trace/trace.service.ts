import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import {
  containersOf,
  digitalLinkToEpcUri,
  downstreamOf,
  epcUriToDigitalLink,
  eventsNaming,
  glnKeyOf,
  knownEpcs,
  lotsOfGtin,
  upstreamOf,
} from "../epcis";
import { currentOf } from "./domain/custody";
import { type Excursion, type ExcursionRecord, groupExcursions, unitSymbol } from "./domain/excursions";
import {
  type JourneyStep,
  journeyStep,
  lastSeen,
  lumbungFacts,
  type Origin,
  originsOf,
} from "./domain/journey";
import { describePlace, type FarmInfo, type SiteInfo, villageLabel } from "./domain/places";
import { farmersShare, farmGatePriceOf, type ShareEvent, sameFood } from "./domain/share";
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

/** How many lots of one GTIN a `/01/<GTIN>` trace lists. */
const GTIN_LOTS = 50;

type Resolved = { kind: "epc"; epc: string } | { kind: "gtin"; gtin: string; classParts: string[] };

/** `urn:epc:idpat:sgtin:<prefix>.<indicator+item ref>.*`: every instance of one GTIN. */
const GTIN_PATTERN = /^urn:epc:idpat:sgtin:(\d{6,12}\.\d{1,7})\.\*$/;

function gtinOf(classPart: string): string {
  const [prefix = "", ref = ""] = classPart.split(".");
  const body = ref.slice(0, 1) + prefix + ref.slice(1);
  let sum = 0;
  for (let i = 0; i < body.length; i++)
    sum += (body.charCodeAt(i) - 48) * ((body.length - i) % 2 === 1 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * A GS1 Digital Link names a GTIN + lot (or an SSCC) without saying how long the company prefix is,
 * which the EPC URN needs; try every legal length and keep the one events actually name. A GTIN alone
 * (`/01/<GTIN>`) stands for all its lots.
 */
async function resolve(db: Database, input: string): Promise<Resolved> {
  const value = input.trim();
  if (/^https?:\/\//i.test(value)) {
    const candidates = [6, 7, 8, 9, 10, 11, 12]
      .map((len) => digitalLinkToEpcUri(value, len))
      .filter((c): c is string => typeof c === "string");
    if (!candidates.length)
      throw new AppError(
        "trace.bad_identifier",
        `Not a GS1 Digital Link for a lot, a GTIN or an SSCC: ${value}`,
      );
    const patterns = candidates.flatMap((c) => GTIN_PATTERN.exec(c)?.[1] ?? []);
    if (patterns.length) return { kind: "gtin", gtin: gtinOf(patterns[0] as string), classParts: patterns };
    const [known] = await knownEpcs(db, candidates);
    if (!known) throw new AppError("trace.unknown_epc", `No event names ${value}`);
    return { kind: "epc", epc: known };
  }
  const pattern = GTIN_PATTERN.exec(value);
  if (pattern)
    return { kind: "gtin", gtin: gtinOf(pattern[1] as string), classParts: [pattern[1] as string] };
  if (!/^urn:epc:(id|class):[a-z]+:\S+$/.test(value)) {
    throw new AppError(
      "trace.bad_identifier",
      `Expected an EPC URI (urn:epc:…) or a GS1 Digital Link, got ${value}`,
    );
  }
  const [known] = await knownEpcs(db, [value]);
  if (!known) throw new AppError("trace.unknown_epc", `No event names ${value}`);
  return { kind: "epc", epc: known };
}

type Region = { code: string; name: string };
type Commodity = { code: string; name: string; nameEn: string };

export interface TraceDeps {
  db: Database;
  /** Names of organisations by id (identity module). */
  organisationNames: (ids: string[]) => Promise<Map<string, string>>;
  /** A Kemendagri region by code, or null (reference module). */
  region: (code: string) => Promise<Region | null>;
  /** A commodity's names by code, or null (reference module). */
  commodity: (code: string) => Promise<Commodity | null>;
  /** Corridor sites by GLN key `P.L` (reference module). */
  sites: (glnKeys: string[]) => Promise<SiteInfo[]>;
  /** Organisations owning GLNs Lumbung issued (farm SGLNs, party PGLNs), by exact URI (lots module). */
  locationOwners: (uris: string[]) => Promise<{ uri: string; organisationId: string }[]>;
  /** The commodity of each LGTIN whose GTIN Lumbung issued (lots module). */
  commoditiesOf: (epcs: string[]) => Promise<Map<string, string>>;
  /** Cold-chain excursions recorded against any of these identifiers (coldchain module). */
  excursions: (epcs: string[]) => Promise<ExcursionRecord[]>;
}

/**
 * Prices other modules know of a lot, for the public page's farmer's share: what the farmer was paid
 * and what a BUMD paid (procurement), and the latest retail median in Jakarta (prices).
 */
export interface LotPriceSource {
  lotPrices(lgtins: string[]): Promise<
    Map<
      string,
      {
        farmGate: { pricePerKg: number; paidOn: string } | null;
        purchase: { pricePerKg: number; buyer: string; receivedOn: string } | null;
      }
    >
  >;
  retailPrice(commodityCode: string): Promise<{ price: number; date: string; markets: number } | null>;
}

const text = (v: unknown) => (typeof v === "string" ? v : null);
type Json = Record<string, unknown>;
type StoredBody = Awaited<ReturnType<typeof eventsNaming>>[number];

/** The creating event's ilmd of a lot: commissioning (ObjectEvent ADD) or a TransformationEvent output. */
function creationFacts(events: StoredBody[], lot: string): Record<string, unknown> | null {
  for (const { body, namespaces } of events) {
    if (body.errorDeclaration !== undefined) continue;
    const lists =
      body.type === "TransformationEvent"
        ? [body.outputQuantityList]
        : body.type === "ObjectEvent" && body.action === "ADD"
          ? [body.quantityList]
          : [];
    const names = lists.flatMap((l) => ((l as Json[] | undefined) ?? []).map((q) => q?.epcClass));
    if (names.includes(lot)) return lumbungFacts(body.ilmd, namespaces);
  }
  return null;
}

const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];

/**
 * Remembers answers for a while: regions and commodities are reference data, loaded at start and
 * all but constant, and a trace asks for the same few over and over.
 */
function remembered<T>(load: (key: string) => Promise<T>, ttlMs: number, max = 5000) {
  const memo = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string): Promise<T> => {
    const now = Date.now();
    const hit = memo.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    if (memo.size >= max) memo.clear();
    const value = load(key);
    memo.set(key, { at: now, value });
    value.catch(() => memo.delete(key));
    return value;
  };
}

const REFERENCE_TTL_MS = 10 * 60_000;

export function createTraceService(deps: TraceDeps) {
  const { db } = deps;
  const regionOf = remembered((code) => deps.region(code), REFERENCE_TTL_MS);
  const commodityOf = remembered((code) => deps.commodity(code), REFERENCE_TTL_MS);

  async function regionsOf(codes: string[]) {
    const found = await Promise.all(uniq(codes).map(async (c) => [c, await regionOf(c)] as const));
    return new Map(found.filter((f): f is readonly [string, Region] => f[1] !== null));
  }

  /** Village, district and regency of each origin's village code. */
  async function originRegions(origins: Origin[]) {
    const villages = origins.map((o) => text(o.facts.villageCode)).filter((c): c is string => c !== null);
    return regionsOf(villages.flatMap((v) => [v, v.slice(0, 8), v.slice(0, 5)]));
  }

  /** The farms of the harvest lots, by GLN key: one organisation's farm GLN may serve several villages. */
  function farmsOf(origins: Origin[], regions: Map<string, Region>) {
    const farms = new Map<string, FarmInfo[]>();
    for (const o of origins) {
      const key = o.location ? glnKeyOf(o.location) : null;
      if (!key || !o.location) continue;
      const code = text(o.facts.villageCode);
      const village = code ? regions.get(code) : undefined;
      const label = village
        ? villageLabel(
            village,
            regions.get(village.code.slice(0, 8)) ?? null,
            regions.get(village.code.slice(0, 5)) ?? null,
          )
        : null;
      farms.set(key, [
        ...(farms.get(key) ?? []),
        {
          sgln: o.location,
          villageLabel: label,
          regencyCode: code ? code.slice(0, 5) : null,
          organisationId: o.organisationId,
        },
      ]);
    }
    return farms;
  }

  /** Corridor sites and the owners of other GLNs Lumbung issued, by GLN key. */
  async function locate(ids: string[]) {
    const keys = uniq(ids.map(glnKeyOf).filter((k): k is string => k !== null));
    // A GLN Lumbung issued is stored as its site-level SGLN (extension 0) or as a PGLN.
    const ownerUris = keys.flatMap((k) => [`urn:epc:id:sgln:${k}.0`, `urn:epc:id:pgln:${k}`]);
    const [sites, owned] = await Promise.all([
      keys.length ? deps.sites(keys) : Promise.resolve([]),
      ownerUris.length ? deps.locationOwners(ownerUris) : Promise.resolve([]),
    ]);
    const byKey = <T>(list: [string | null, T][]) =>
      new Map(list.filter((e): e is [string, T] => e[0] !== null));
    return {
      sites: byKey(sites.map((s) => [s.sgln ? glnKeyOf(s.sgln) : null, s])),
      owners: byKey(owned.map((o) => [glnKeyOf(o.uri), o.organisationId])),
    };
  }

  async function productTrace(gtin: string, classParts: string[]) {
    const found = await lotsOfGtin(db, classParts, GTIN_LOTS);
    if (!found.length) throw new AppError("trace.unknown_epc", `No lot of GTIN ${gtin} is recorded`);
    const wanted = new Set(found);
    const events = await eventsNaming(db, found);
    // Events come oldest first: a lot's first is when it was first seen.
    const firstSeen = new Map<string, string>();
    for (const e of events) {
      for (const item of journeyStep(e.body, wanted).items) {
        if (!firstSeen.has(item.epc)) firstSeen.set(item.epc, String(e.body.eventTime));
      }
    }
    const origins = originsOf(events, wanted);
    const [regions, names] = await Promise.all([
      originRegions(origins),
      deps.organisationNames(
        uniq(origins.map((o) => o.organisationId).filter((id): id is string => id !== null)),
      ),
    ]);
    const lots = await Promise.all(
      found.map(async (epc) => {
        const origin = origins.find((o) => o.lot === epc);
        const facts = creationFacts(events, epc) ?? {};
        const code = text(facts.commodity);
        const regencyCode = text(facts.villageCode)?.slice(0, 5) ?? null;
        const lot = /^urn:epc:class:lgtin:\d+\.\d+\.(.+)$/.exec(epc)?.[1] ?? epc;
        return {
          epc,
          lot: decodeURIComponent(lot),
          digitalLink: epcUriToDigitalLink(epc) ?? null,
          firstSeen: firstSeen.get(epc) ?? null,
          commodity: code ? await commodityOf(code) : null,
          harvestDate: text(facts.harvestDate),
          regency: regencyCode ? (regions.get(regencyCode) ?? null) : null,
          producer: origin?.organisationId ? (names.get(origin.organisationId) ?? null) : null,
        };
      }),
    );
    return {
      epc: `https://id.gs1.org/01/${gtin}`,
      kind: "product",
      upstream: [],
      downstream: [],
      origins: [],
      journey: [],
      current: null,
      places: [],
      excursions: [],
      farmersShare: null,
      food: null,
      processed: false,
      lots,
    };
  }

  async function trace(input: string) {
    const resolved = await resolve(db, input);
    if (resolved.kind === "gtin") return productTrace(resolved.gtin, resolved.classParts);
    const { epc } = resolved;
    const [upstream, downstream] = await Promise.all([upstreamOf(db, epc), downstreamOf(db, epc)]);
    const lineage = [epc, ...upstream.map((n) => n.epc)];
    const carriers = await containersOf(db, lineage);
    const nodes = new Set([...lineage, ...carriers, ...downstream.map((n) => n.epc)]);
    const events = await eventsNaming(db, [...nodes]);
    const steps = events.map((e) => journeyStep(e.body, nodes));
    const upstreamLots = new Set(lineage.filter(isClass));
    const origins = originsOf(events, upstreamLots);

    const placeIds = uniq([
      ...steps.flatMap((s) => [s.bizLocation, s.readPoint]),
      ...steps.flatMap((s) =>
        [...s.sources, ...s.destinations].filter((p) => p.type === "location").map((p) => p.id),
      ),
      ...origins.map((o) => o.location),
    ]).filter((id): id is string => id?.startsWith("urn:epc:id:sgln:") === true);

    // Lots among the trace, nearest first: what the food is, and whose master data may hold a retail price.
    const lotsNearFirst = [epc, ...upstream.map((n) => n.epc)].filter(isClass);
    const custody = currentOf(
      epc,
      events.map((e, i) => ({ step: steps[i] as JourneyStep, body: e.body, capturer: e.organisationId })),
    );
    const holder = custody?.holder ?? null;
    // One round of lookups for everything the events name; the organisations' names follow.
    const [regions, excursionRows, issuedCommodities, located] = await Promise.all([
      originRegions(origins),
      deps.excursions([...nodes]),
      deps.commoditiesOf(lotsNearFirst),
      locate(holder?.party ? [...placeIds, holder.party] : placeIds),
    ]);
    const excursions = groupExcursions(excursionRows);
    // A reading names its place through its event, which the trace holds: rarely a new one.
    const unseen = uniq(excursions.flatMap((x) => (x.place && !placeIds.includes(x.place) ? [x.place] : [])));
    const ids = [...placeIds, ...unseen];
    const { sites, owners } = unseen.length
      ? await locate([...ids, ...(holder?.party ? [holder.party] : [])])
      : located;

    // The holder the event names, when Lumbung knows the party; else, for a receipt or a declaration,
    // the operator of the site where it happened, else whoever recorded it (receivers record receipts).
    const ownerOf = (id: string | null) => {
      const key = id ? glnKeyOf(id) : null;
      return key ? (owners.get(key) ?? null) : null;
    };
    const siteOf = (id: string | null) => {
      const key = id ? glnKeyOf(id) : null;
      return key ? (sites.get(key) ?? null) : null;
    };
    const holderOrg = holder
      ? (ownerOf(holder.party) ??
        (holder.basis === "received" || holder.basis === "declared"
          ? (siteOf(holder.location)?.operatorOrganisationId ?? holder.capturer)
          : null))
      : null;

    const organisationIds = uniq([
      ...[...sites.values()].map((s) => s.operatorOrganisationId),
      ...owners.values(),
      ...origins.map((o) => o.organisationId),
      holderOrg,
    ]).filter((id): id is string => id !== null);
    // What the food is: the traced lot's (or nearest lot's) commodity, from its master data or its GTIN.
    let foodCode: string | null = null;
    for (const lot of lotsNearFirst) {
      foodCode = text(creationFacts(events, lot)?.commodity) ?? issuedCommodities.get(lot) ?? null;
      if (foodCode) break;
    }
    const processed = events.some(
      (e, i) =>
        e.body.type === "TransformationEvent" &&
        !(steps[i] as JourneyStep).erroneous &&
        ((e.body.outputQuantityList as Json[] | undefined) ?? []).some((q) =>
          upstreamLots.has(String(q?.epcClass)),
        ),
    );
    if (!foodCode && !processed) {
      const codes = uniq(origins.map((o) => text(o.facts.commodity)));
      if (codes.length === 1) foodCode = codes[0] ?? null;
    }

    const commodityCodes = uniq([foodCode, ...origins.map((o) => text(o.facts.commodity))]).filter(
      (c): c is string => c !== null,
    );
    const [names, commodities] = await Promise.all([
      deps.organisationNames(organisationIds),
      Promise.all(commodityCodes.map(async (c) => [c, await commodityOf(c)] as const)).then(
        (list) => new Map(list.filter((e): e is readonly [string, Commodity] => e[1] !== null)),
      ),
    ]);
    const farms = farmsOf(origins, regions);
    const places = ids.map((id) => describePlace(id, { sites, farms, owners, organisationNames: names }));
    const placeById = new Map(places.map((p) => [p.id, p]));
    const placeName = (id: string | null) => (id ? (placeById.get(id)?.name ?? null) : null);

    const journey = steps.map((s) => ({
      ...s,
      placeName: placeName(s.bizLocation ?? s.readPoint),
      excursions: excursions.filter((x) => x.eventID === s.eventID),
    }));

    const shareEvents: ShareEvent[] = events.map((e, i) => ({
      body: e.body,
      extensions: lumbungFacts(e.body, e.namespaces),
      ilmd: lumbungFacts(e.body.ilmd, e.namespaces),
      erroneous: (steps[i] as JourneyStep).erroneous,
    }));
    // The same food first (what the code's pallet or lot holds), then what was made from it.
    const same = sameFood(epc, shareEvents);
    const share = farmersShare(shareEvents, new Map(origins.map((o) => [o.lot, farmGatePriceOf(o.facts)])), [
      [...same],
      downstream.map((n) => n.epc).filter((n) => !same.has(n)),
    ]);

    const current = custody
      ? {
          eventTime: custody.step.eventTime,
          bizStep: custody.step.bizStep,
          disposition: custody.step.disposition,
          location: custody.location,
          owner: custody.owner,
          locationName: placeName(custody.location),
          containers: custody.containers,
          holder: holder
            ? {
                basis: holder.basis,
                since: holder.since,
                party: holder.party,
                organisationId: holderOrg,
                name: holderOrg ? (names.get(holderOrg) ?? null) : null,
              }
            : null,
        }
      : null;

    return {
      epc,
      kind: kindOf(epc),
      upstream: upstream.map((n) => ({ ...n, kind: kindOf(n.epc) })),
      downstream: downstream.map((n) => ({ ...n, kind: kindOf(n.epc), lastSeen: lastSeen(steps, n.epc) })),
      origins,
      journey,
      current,
      places,
      excursions,
      farmersShare: share,
      food: foodCode ? (commodities.get(foodCode) ?? null) : null,
      processed,
      regions,
      organisationNames: names,
      commodities,
    };
  }

  type Full = Awaited<ReturnType<typeof trace>>;

  /** The full trace as the API answers it (the lookups the public view reuses left out). */
  function fullView(t: Full) {
    if (!("regions" in t)) return t;
    const { regions: _r, organisationNames: names, commodities: _c, ...rest } = t;
    return {
      ...rest,
      places: rest.places.map((p) => ({
        ...p,
        organisation: p.organisationId ? (names.get(p.organisationId) ?? null) : null,
      })),
    };
  }

  let priceSource: LotPriceSource | null = null;

  /** Per harvest origin: farm-gate (paid, else declared), BUMD purchase and Jakarta retail prices, and the share. */
  async function priceTransparency(
    origins: { lot: string; commodityCode: string | null; declaredFarmGate: number | null }[],
  ) {
    if (!origins.length) return [];
    const known = priceSource ? await priceSource.lotPrices(origins.map((o) => o.lot)) : new Map();
    const retail = new Map<string, Awaited<ReturnType<LotPriceSource["retailPrice"]>>>();
    for (const code of new Set(origins.flatMap((o) => (o.commodityCode ? [o.commodityCode] : [])))) {
      retail.set(code, priceSource ? await priceSource.retailPrice(code) : null);
    }
    return origins.map((o) => {
      const k = known.get(o.lot);
      const farmGate = k?.farmGate
        ? { pricePerKg: k.farmGate.pricePerKg, source: "payment" as const, date: k.farmGate.paidOn }
        : o.declaredFarmGate !== null
          ? { pricePerKg: o.declaredFarmGate, source: "lot" as const, date: null }
          : null;
      const r = o.commodityCode ? (retail.get(o.commodityCode) ?? null) : null;
      return {
        lot: o.lot,
        farmGate,
        bumdPurchase: k?.purchase
          ? { pricePerKg: k.purchase.pricePerKg, buyer: k.purchase.buyer, date: k.purchase.receivedOn }
          : null,
        retailJakarta: r ? { pricePerKg: r.price, date: r.date, markets: r.markets } : null,
        farmersSharePercent:
          farmGate && r && r.price > 0 ? Math.round((farmGate.pricePerKg / r.price) * 1000) / 10 : null,
      };
    });
  }

  return {
    /** Where the public view finds farm-gate, purchase and retail prices (the procurement module). */
    usePriceSource(source: LotPriceSource) {
      priceSource = source;
    },

    async trace(input: string) {
      return fullView(await trace(input));
    },

    /**
     * The view behind a label's QR code, for anyone: what the food is, where it was grown, by which
     * koperasi, where it went and where it is now, temperature excursions, the farm-gate price and the
     * farmer's share when recorded. People are never named; organisations are.
     */
    async publicTrace(input: string) {
      const t = await trace(input);
      if (!("regions" in t)) {
        return {
          epc: t.epc,
          kind: t.kind,
          food: null,
          processed: false,
          origins: [],
          journey: [],
          current: null,
          places: [],
          excursions: [],
          farmersShare: null,
          priceTransparency: [],
          lots: t.lots.map(({ epc: _e, ...l }) => l),
        };
      }
      const names = t.organisationNames;
      const origins = await Promise.all(
        t.origins.map(async (o) => {
          const villageCode = text(o.facts.villageCode);
          const commodityCode = text(o.facts.commodity);
          return {
            lot: o.lot,
            commodity: commodityCode ? (t.commodities.get(commodityCode) ?? null) : null,
            quantity: o.quantity,
            uom: o.uom,
            harvestDate: text(o.facts.harvestDate),
            grade: text(o.facts.grade),
            village: villageCode ? (t.regions.get(villageCode) ?? null) : null,
            district: villageCode ? (t.regions.get(villageCode.slice(0, 8)) ?? null) : null,
            regency: villageCode ? (t.regions.get(villageCode.slice(0, 5)) ?? null) : null,
            producer: o.organisationId ? (names.get(o.organisationId) ?? null) : null,
            farmGatePricePerKg: farmGatePriceOf(o.facts),
          };
        }),
      );
      const publicExcursion = ({ epcs: _e, eventID: _id, ...x }: Excursion) => x;
      const journey = t.journey
        .filter((s) => !s.erroneous)
        .map((s) => {
          const temperatures = s.sensorReadings.filter((r) => r.type === "Temperature" && r.value !== null);
          return {
            eventType: s.type,
            eventTime: s.eventTime,
            eventTimeZoneOffset: s.eventTimeZoneOffset,
            step: s.bizStep,
            disposition: s.disposition,
            place: s.bizLocation ?? s.readPoint,
            placeName: s.placeName,
            temperatures: temperatures.map((r) => r.value as number),
            temperatureUnit: unitSymbol(temperatures[0]?.uom ?? null),
            excursions: s.excursions.map(publicExcursion),
          };
        });
      const current = t.current
        ? {
            eventTime: t.current.eventTime,
            bizStep: t.current.bizStep,
            disposition: t.current.disposition,
            location: t.current.location,
            owner: t.current.owner,
            locationName: t.current.locationName,
            inContainer: t.current.containers.length > 0,
            holder: t.current.holder?.name ?? null,
            holderBasis: t.current.holder?.basis ?? null,
          }
        : null;
      return {
        epc: t.epc,
        kind: t.kind,
        food: t.food,
        processed: t.processed,
        origins,
        journey,
        current,
        places: t.places.map(({ organisationId, ...p }) => ({
          ...p,
          organisation: organisationId ? (names.get(organisationId) ?? null) : null,
        })),
        excursions: t.excursions.map(publicExcursion),
        farmersShare: t.farmersShare,
        priceTransparency: await priceTransparency(
          t.origins.map((o) => ({
            lot: o.lot,
            commodityCode: text(o.facts.commodity),
            declaredFarmGate: farmGatePriceOf(o.facts),
          })),
        ),
      };
    },

    /** Everything downstream of a lot and where each is now: what a recall must reach. */
    async recall(input: string) {
      const t = await trace(input);
      if (!("regions" in t)) {
        throw new AppError(
          "trace.bad_identifier",
          `${t.epc} names a product, not one lot: recall one of its lots (${t.lots.length} listed by GET /api/v1/trace)`,
        );
      }
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
