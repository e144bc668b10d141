import type { Transaction } from "../../db/client";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { contentsOf, eventsNaming, glnKeyOf, type Projector, type StoredEvent } from "../epcis";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";
import { classesDescribed, dateOf, expiryFromIlmd, namedGoods, shareDocument } from "./domain/event-facts";
import { DOCK, lotCodeOf, SITE_ITSELF, STAGING, sglnParts } from "./domain/locations";
import {
  type Balance,
  type Change,
  type Intent,
  intentOf,
  OUTBOUND_STEPS,
  type Plan,
  planCount,
  planDestroy,
  planIssue,
  planPick,
  planReceipt,
  planState,
  planTransfer,
  type Shortfall,
} from "./domain/movements";
import { gramsOf, kgText } from "./domain/quantity";
import { warehouseRepository as repo } from "./warehouse.repository";
import type { MovementKind, StockBalanceRow } from "./warehouse.tables";
import "./warehouse.errors";

const STEPS = new Set([
  "receiving",
  "storing",
  "picking",
  "shipping",
  "departing",
  "holding",
  "cycle_counting",
  "destroying",
]);
/** How deep pallets in pallets are opened (a container holding itself would otherwise loop). */
const MAX_NESTING = 8;

type Site = Awaited<ReturnType<ReferenceService["sitesByGlnKeys"]>>[number];
/** Grams per lot; null: "all of it" (a quantity element without quantity). */
type Goods = Map<string, number | null>;

export interface ProjectorDeps {
  reference: Pick<ReferenceService, "sitesByGlnKeys">;
  lots: Pick<LotsService, "commoditiesOf" | "ownersOfLocations">;
}

const WHY_UNMEASURED: Record<string, string> = {
  unit: "is not in KGM or TNE",
  not_a_mass: "is not a mass Lumbung can book",
  too_fine: "is finer than a gram",
  negative: "is negative",
};

function unmeasured(epc: string, why: string): AppError {
  return new AppError(
    "warehouse.unmeasured_goods",
    `${epc} ${why}; the warehouse books stock in kilograms: name lots in quantityList with uom KGM or TNE, or SSCCs whose packing says what they hold`,
    { epc },
  );
}

export function insufficientStock(site: string, epc: string, s: Shortfall): AppError {
  const where = s.location ?? `anywhere in ${site}`;
  const state = s.state ? ` ${s.state}` : "";
  const asked = s.requestedGrams === null ? "all of it" : `${kgText(s.requestedGrams)} kg`;
  return new AppError(
    "warehouse.insufficient_stock",
    `Not enough of lot ${lotCodeOf(epc)} (${epc}) at ${where}: ${kgText(s.onHandGrams)} kg${state} on hand, ${asked} asked`,
    {
      epc,
      lot: lotCodeOf(epc),
      site,
      location: s.location,
      onHandKg: s.onHandGrams / 1000,
      requestedKg: s.requestedGrams === null ? null : s.requestedGrams / 1000,
    },
  );
}

const isPlace = (ext: string, zones: Set<string>) => ext === DOCK || ext === STAGING || zones.has(ext);

function kindOf(intent: Intent): MovementKind {
  switch (intent.kind) {
    case "receipt":
      return "receipt";
    case "transfer":
      return intent.from === DOCK ? "putaway" : "move";
    case "pick":
      return "pick";
    case "issue":
      return "issue";
    case "state":
      return intent.to === "held" ? "hold" : "release";
    case "count":
      return intent.adjustment ? "adjustment" : "count";
    case "destroy":
      return "destroy";
    default:
      throw new Error(`no movement for ${intent.kind}`);
  }
}

/**
 * The stock ledger as a projection of EPCIS events: every stored event that moves goods in, around
 * or out of a shared warehouse becomes ledger rows in the capturing transaction; a movement that
 * cannot happen (stock that would go negative, goods of a non-tenant) refuses the whole capture.
 */
export function createWarehouseProjector(deps: ProjectorDeps): Projector {
  async function sitesOf(tx: Transaction, events: StoredEvent[]): Promise<Map<string, Site>> {
    const keys = new Set<string>();
    for (const e of events) {
      if (e.type !== "ObjectEvent" || !STEPS.has(e.bizStep ?? "")) continue;
      for (const id of [
        e.bizLocation,
        ...e.sources.filter((s) => s.type === "location").map((s) => s.value),
      ]) {
        const key = id ? glnKeyOf(id) : null;
        if (key) keys.add(key);
      }
    }
    const sites = await deps.reference.sitesByGlnKeys([...keys], tx);
    const out = new Map<string, Site>();
    for (const s of sites) {
      const key = s.sgln ? glnKeyOf(s.sgln) : null;
      if (key && s.kind === "warehouse") out.set(key, s);
    }
    return out;
  }

  async function goodsOf(tx: Transaction, body: Record<string, unknown>): Promise<Goods> {
    const goods: Goods = new Map();
    const add = (epc: string, grams: number | null) => {
      const prev = goods.get(epc);
      goods.set(
        epc,
        !goods.has(epc) ? grams : prev === null || grams === null ? null : (prev as number) + grams,
      );
    };
    const quantities = Array.isArray(body.quantityList)
      ? (body.quantityList as { epcClass: string; quantity?: number; uom?: string }[])
      : [];
    for (const q of quantities) {
      if (q.quantity === undefined) {
        add(q.epcClass, null);
        continue;
      }
      const g = gramsOf(q.quantity, q.uom);
      if (!g.ok)
        throw unmeasured(
          q.epcClass,
          `quantity ${q.quantity} ${q.uom ?? "(no unit)"} ${WHY_UNMEASURED[g.why]}`,
        );
      add(q.epcClass, g.grams);
    }
    const seen = new Set<string>();
    const open = async (epc: string, depth: number): Promise<void> => {
      if (seen.has(epc) || depth > MAX_NESTING) return;
      seen.add(epc);
      if (!epc.startsWith("urn:epc:id:sscc:")) throw unmeasured(epc, "has no mass Lumbung knows");
      const contents = await contentsOf(tx, epc);
      if (!contents.epcs.length && !contents.quantities.length) {
        throw unmeasured(epc, "holds nothing Lumbung knows of (no packing event names what it contains)");
      }
      for (const q of contents.quantities) {
        const g = gramsOf(q.quantity, q.uom);
        if (!g.ok)
          throw unmeasured(
            q.epcClass,
            `packed in ${epc} as ${q.quantity} ${q.uom ?? "(no unit)"}, which ${WHY_UNMEASURED[g.why]}`,
          );
        add(q.epcClass, g.grams);
      }
      for (const child of contents.epcs) await open(child, depth + 1);
    };
    const epcList = Array.isArray(body.epcList) ? (body.epcList as string[]) : [];
    for (const epc of epcList) await open(epc, 0);
    return goods;
  }

  async function organisationOfParty(tx: Transaction, pgln: string): Promise<string> {
    const owners = await deps.lots.ownersOfLocations(tx, [pgln]);
    const org = owners.find((o) => o.kind === "party")?.organisationId;
    if (!org) {
      throw new AppError(
        "warehouse.owner_unknown",
        `The owning party ${pgln} is no organisation Lumbung knows`,
        {
          party: pgln,
        },
      );
    }
    return org;
  }

  async function requireTenant(tx: Transaction, site: Site, organisationId: string) {
    if (!(await repo.findTenant(tx, site.code, organisationId))) {
      throw new AppError(
        "warehouse.not_a_tenant",
        `The goods belong to organisation ${organisationId}, which is not a tenant of ${site.code}; the operator registers tenants first`,
        { organisationId, site: site.code },
      );
    }
  }

  /** Whose goods the event moves: the owning party it names, else whoever the ledger says holds them. */
  async function ownerOf(
    tx: Transaction,
    e: StoredEvent,
    site: Site,
    intent: Intent,
    goods: Goods,
  ): Promise<string> {
    const owning = (list: { type: string; value: string }[]) =>
      list.filter((x) => x.type === "owning_party").map((x) => x.value);
    const named =
      intent.kind === "receipt"
        ? owning(e.destinations)
        : intent.kind === "issue" || intent.kind === "destroy"
          ? [...owning(e.sources), ...owning(e.destinations)]
          : [...owning(e.destinations), ...owning(e.sources)];
    if (named[0]) {
      const org = await organisationOfParty(tx, named[0]);
      await requireTenant(tx, site, org);
      return org;
    }
    if (intent.kind === "receipt") {
      if (!e.organisationId) {
        throw new AppError(
          "warehouse.owner_unknown",
          "A receipt names no owning party and was captured for no organisation",
        );
      }
      await requireTenant(tx, site, e.organisationId);
      return e.organisationId;
    }
    const holders = await repo.holdersOf(tx, site.code, [...goods.keys()]);
    if (e.organisationId && holders.includes(e.organisationId)) return e.organisationId;
    if (holders.length === 1) return holders[0] as string;
    if (holders.length === 0) {
      if (e.organisationId && (await repo.findTenant(tx, site.code, e.organisationId)))
        return e.organisationId;
      const [epc, grams] = [...goods][0] as [string, number | null];
      if (intent.kind !== "count") {
        throw insufficientStock(site.code, epc, {
          location: null,
          state: null,
          onHandGrams: 0,
          requestedGrams: grams,
        });
      }
    }
    throw new AppError(
      "warehouse.owner_unknown",
      holders.length
        ? `Several tenants of ${site.code} hold these goods; name the owner as owning_party in sourceList or destinationList`
        : `No tenant of ${site.code} holds these goods; name the owner as owning_party in destinationList`,
    );
  }

  /** Lot expiry from the receiving event itself (`lb:expiryDate`), else from the lots' master data. */
  async function expiriesOf(
    tx: Transaction,
    e: StoredEvent,
    epcs: string[],
  ): Promise<Map<string, string | null>> {
    const own = dateOf(e.body["lb:expiryDate"]);
    const out = new Map<string, string | null>(epcs.map((epc) => [epc, own]));
    if (own) return out;
    const wanted = new Set(epcs);
    for (const { body } of await eventsNaming(tx, epcs)) {
      const expiry = expiryFromIlmd(body.ilmd);
      if (!expiry) continue;
      for (const epc of classesDescribed(body)) if (wanted.has(epc)) out.set(epc, expiry);
    }
    return out;
  }

  /**
   * Whether a departure leaves with goods a shipping event at this site already issued: the despatch
   * was booked when it was recorded, and the carrier's departure under the same despatch advice (or
   * bill of lading, or order) is the same goods leaving, not more of them.
   */
  async function alreadyIssued(tx: Transaction, e: StoredEvent, site: Site, goods: Goods) {
    if (e.bizStep !== "departing" || !e.bizTransactions.length) return false;
    const earlier = new Set(await repo.issueEventIds(tx, site.code, [...goods.keys()], e.pk));
    if (!earlier.size) return false;
    const body = e.body as Record<string, unknown>;
    const events = await eventsNaming(tx, namedGoods(body));
    return events.some((ev) => earlier.has(String(ev.body.eventID)) && shareDocument(ev.body, body));
  }

  async function apply(
    tx: Transaction,
    e: StoredEvent,
    ctx: { site: Site; tenant: string; epc: string; commodity: string | null; kind: MovementKind },
    rows: StockBalanceRow[],
    changes: Change[],
  ) {
    const reason = typeof e.body["lb:reason"] === "string" ? (e.body["lb:reason"] as string) : null;
    for (const ch of changes) {
      let row = rows.find((r) => r.epc === ctx.epc && r.location === ch.location && r.state === ch.state);
      if (!row) {
        if (ch.delta < 0) throw new Error(`no balance to take ${ch.delta} g from at ${ch.location}`);
        row = await repo.addToNewBalance(tx, {
          id: newId("stk"),
          tenantOrganisationId: ctx.tenant,
          siteCode: ctx.site.code,
          location: ch.location,
          epc: ctx.epc,
          commodityCode: ctx.commodity,
          state: ch.state,
          grams: ch.delta,
          expiryDate: ch.expiryDate,
          firstReceivedAt: ch.firstReceivedAt ?? e.eventTime,
          lastMovedAt: e.eventTime,
        });
        if (!row) throw new Error("balance insert returned nothing");
        rows.push(row);
      } else {
        const grams = row.grams + ch.delta;
        const set: { grams: number; lastMovedAt?: Date; expiryDate?: string | null; firstReceivedAt?: Date } =
          {
            grams,
          };
        if (ch.delta !== 0 && e.eventTime > row.lastMovedAt) set.lastMovedAt = e.eventTime;
        if (ch.delta > 0 && ch.expiryDate !== null) set.expiryDate = ch.expiryDate;
        // A balance emptied and filled again starts afresh; otherwise the oldest receipt stays.
        if (
          ch.delta > 0 &&
          ch.firstReceivedAt &&
          (row.grams === 0 || ch.firstReceivedAt < row.firstReceivedAt)
        ) {
          set.firstReceivedAt = ch.firstReceivedAt;
        }
        await repo.updateBalance(tx, row.id, set);
        Object.assign(row, set);
      }
      await repo.insertMovement(tx, {
        id: newId("mov"),
        tenantOrganisationId: ctx.tenant,
        siteCode: ctx.site.code,
        location: ch.location,
        epc: ctx.epc,
        commodityCode: ctx.commodity,
        state: ch.state,
        kind: ctx.kind,
        deltaGrams: ch.delta,
        balanceAfterGrams: row.grams,
        reason,
        eventPk: e.pk,
        eventId: e.eventID,
        at: e.eventTime,
      });
    }
  }

  function plan(
    intent: Intent,
    balances: Balance[],
    grams: number | null,
    expiry: string | null,
    at: Date,
  ): Plan {
    switch (intent.kind) {
      case "receipt":
        return planReceipt(intent.into, grams as number, expiry, at);
      case "transfer":
        return planTransfer(balances, intent.from, intent.to, grams, expiry);
      case "pick":
        return planPick(balances, intent.from, grams);
      case "issue":
        return planIssue(balances, grams);
      case "state":
        return planState(balances, intent.at, intent.to, grams);
      case "count":
        return planCount(balances, intent.at, grams as number, at);
      case "destroy":
        return planDestroy(balances, intent.at, grams);
      default:
        return { ok: true, changes: [] };
    }
  }

  function checkPlaces(intent: Intent, zones: Set<string>, site: Site) {
    const places: [string | null, string][] = [];
    if (intent.kind === "transfer") places.push([intent.from, "source"], [intent.to, "bizLocation"]);
    if (intent.kind === "pick") places.push([intent.from, "source"]);
    if (intent.kind === "state" || intent.kind === "destroy") places.push([intent.at, "bizLocation"]);
    if (intent.kind === "count") places.push([intent.at, "bizLocation"]);
    for (const [place, field] of places) {
      if (place === null) continue;
      if (intent.kind === "transfer" && field === "bizLocation" && !zones.has(place)) {
        throw new AppError(
          "warehouse.unknown_location",
          `Storing at ${site.code} names "${place}", which is not a zone there; put-away and moves go to a zone (${[...zones].join(", ") || "none defined yet"})`,
          { location: place },
        );
      }
      if (!isPlace(place, zones)) {
        throw new AppError(
          "warehouse.unknown_location",
          place === SITE_ITSELF
            ? `The ${field} is ${site.code} as a whole; name the dock, staging or a zone (SGLN extension)`
            : `${site.code} has no place "${place}" (${field}); its places are dock, staging and the zones ${[...zones].join(", ") || "(none yet)"}`,
          { location: place },
        );
      }
    }
  }

  async function projectOne(tx: Transaction, e: StoredEvent, sites: Map<string, Site>) {
    if (e.type !== "ObjectEvent" || e.body.errorDeclaration !== undefined || !STEPS.has(e.bizStep ?? ""))
      return;
    const biz = e.bizLocation ? sglnParts(e.bizLocation) : null;
    const sourceParts = e.sources
      .filter((s) => s.type === "location")
      .flatMap((s) => {
        const p = sglnParts(s.value);
        return p ? [p] : [];
      });
    let site = biz ? sites.get(biz.key) : undefined;
    if (!site && OUTBOUND_STEPS.includes(e.bizStep ?? "")) {
      site = sourceParts.map((p) => sites.get(p.key)).find((s) => s !== undefined);
    }
    if (!site) return;
    const siteKey = glnKeyOf(site.sgln as string);
    const zones = new Set((await repo.listZones(tx, site.code)).map((z) => z.code));
    const intent = intentOf(
      {
        bizStep: e.bizStep,
        disposition: e.disposition,
        action: e.action,
        at: biz && biz.key === siteKey ? biz.extension : null,
        sources: sourceParts.filter((p) => p.key === siteKey).map((p) => p.extension),
        adjustment: e.body["lb:adjustmentKg"] !== undefined,
      },
      (ext) => zones.has(ext),
    );
    if (intent.kind === "none") return;
    checkPlaces(intent, zones, site);

    const goods = await goodsOf(tx, e.body as Record<string, unknown>);
    if (!goods.size) return;
    if (intent.kind === "receipt" || intent.kind === "count") {
      for (const [epc, grams] of goods) {
        if (grams === null) {
          throw unmeasured(
            epc,
            `has no quantity; ${intent.kind === "count" ? "a count states what was counted" : "a receipt states what was received"}`,
          );
        }
      }
    }
    if (intent.kind === "issue" && (await alreadyIssued(tx, e, site, goods))) return;
    if (intent.kind === "state" && !(await repo.holdersOf(tx, site.code, [...goods.keys()])).length) {
      // A hold on goods the warehouse does not keep (a shipment held at the dock before its receipt)
      // is the shipment's business, not the stock's.
      return;
    }
    const tenant = await ownerOf(tx, e, site, intent, goods);

    const epcs = [...goods.keys()];
    const commodities = await deps.lots.commoditiesOf(tx, epcs);
    const expiries =
      intent.kind === "receipt"
        ? await expiriesOf(tx, e, epcs)
        : new Map(epcs.map((epc) => [epc, dateOf(e.body["lb:expiryDate"])]));
    const rows = await repo.lockBalances(tx, tenant, site.code, epcs);
    const kind = kindOf(intent);
    for (const [epc, grams] of goods) {
      if (grams === 0 && intent.kind !== "count") continue;
      const balances = rows.filter((r) => r.epc === epc);
      const p = plan(intent, balances, grams, expiries.get(epc) ?? null, e.eventTime);
      if (!p.ok) throw insufficientStock(site.code, epc, p.shortfall);
      const commodity = commodities.get(epc) ?? balances[0]?.commodityCode ?? null;
      await apply(tx, e, { site, tenant, epc, commodity, kind }, rows, p.changes);
    }
  }

  return {
    name: "warehouse",
    async project(tx, events) {
      const sites = await sitesOf(tx, events);
      if (!sites.size) return;
      for (const e of events) await projectOne(tx, e, sites);
    },
  };
}
