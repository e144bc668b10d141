/** What the shipments use cases share: who is acting, what they may see, organisations and capture. */
import type { Database, DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import type { ColdchainService } from "../coldchain";
import { cbvTerm, type EpcisService, eventsNaming } from "../epcis";
import { type IdentityService, identityRepository } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";
import { sameSite } from "./domain/codes";
import { gramsOf } from "./domain/mass";
import { createPlaces } from "./shipments.places";
import { shipmentsRepository as repo, type Scope } from "./shipments.repository";
import type { ShipmentLegRow, ShipmentLineRow, ShipmentRow } from "./shipments.tables";
import "./shipments.errors";

export interface ShipmentsDeps {
  db: Database;
  clock: Clock;
  epcis: EpcisService;
  lots: LotsService;
  reference: ReferenceService;
  identity: IdentityService;
  coldchain: ColdchainService;
  resolver: string;
}

export type Actor = Extract<Principal, { type: "user" }>;

export function fieldError(field: string, en: string, id: string): FieldError {
  return { field: `body/${field}`, message: en, messageId: id };
}

export function refuse(code: string, errors: FieldError[]): never {
  throw new AppError(code, errors.map((e) => `${e.field.replace(/^body\//, "")}: ${e.message}`).join("; "), {
    errors,
  });
}

/** What an organisation holds of a lot, as far as the events tell. */
export interface LotBalance {
  /** Mass the lot was declared with (commissioning), 0 when no event commissions it. */
  declaredGrams: number;
  /** The organisation declared the lot itself (so its packing and shipping are all on record). */
  declaredByOrganisation: boolean;
  /** Packed into containers by the organisation (packing less unpacking). */
  packedGrams: number;
}

export function createContext(deps: ShipmentsDeps) {
  const { db } = deps;
  const places = createPlaces(deps.reference);

  function actor(principal: Principal): Actor {
    if (principal.type !== "user") throw new AppError("auth.forbidden", "Shipments are recorded by people");
    return principal;
  }

  function organisationOf(a: Actor): string {
    if (!a.organisationId) {
      throw new AppError("shipments.no_organisation", "You act for no organisation; switch to one first");
    }
    return a.organisationId;
  }

  async function scopeOf(a: Actor): Promise<Scope> {
    if (a.isAdmin) return { organisationId: null, hubSglns: [] };
    if (!a.organisationId) return { organisationId: "∅", hubSglns: [] };
    return { organisationId: a.organisationId, hubSglns: await places.hubSglnsOf(a.organisationId) };
  }

  function canSee(scope: Scope, s: ShipmentRow, legs: ShipmentLegRow[]): boolean {
    const org = scope.organisationId;
    if (org === null) return true;
    return (
      s.shipperOrganisationId === org ||
      s.receiverOrganisationId === org ||
      legs.some((l) => l.carrierOrganisationId === org) ||
      legs.some((l) => scope.hubSglns.some((h) => sameSite(h, l.fromSgln) || sameSite(h, l.toSgln)))
    );
  }

  return {
    deps,
    db,
    places,
    actor,
    organisationOf,
    scopeOf,
    canSee,

    /** A shipment the caller may see, with its legs and lines; anyone else's is "not found". */
    async load(principal: Principal, id: string, tx: DbOrTx = db) {
      const a = actor(principal);
      const scope = await scopeOf(a);
      const s = await repo.find(tx, id);
      const legs = s ? await repo.legsOf(tx, [s.id]) : [];
      if (!s || !canSee(scope, s, legs)) throw new AppError("shipments.not_found", `No shipment ${id}`);
      const lines: ShipmentLineRow[] = await repo.linesOf(tx, [s.id]);
      return { actor: a, scope, shipment: s, legs, lines };
    },

    /** An organisation by id (any: names of shippers, receivers and carriers are business facts). */
    async organisation(tx: DbOrTx, id: string) {
      return identityRepository.findOrganisation(tx, id);
    },

    async organisationsOfKinds(kinds: string[]) {
      const all = await identityRepository.listOrganisations(db, {});
      return all.filter((o) => kinds.includes(o.kind));
    },

    /** The PGLN events name an organisation by, issued on first use. */
    async pgln(tx: Transaction, organisationId: string): Promise<string> {
      const org = await identityRepository.findOrganisation(tx, organisationId);
      if (!org) throw new AppError("shipments.invalid", `No organisation ${organisationId}`);
      return deps.lots.partyPgln(tx, org);
    },

    /** Captures events in order as `actor` acting for `organisationId` (who then takes part in them). */
    async capture(
      tx: Transaction,
      events: Record<string, unknown>[],
      a: Actor,
      organisationId: string | null,
    ) {
      const capturer: Actor = { ...a, organisationId: organisationId ?? a.organisationId };
      const ids: string[] = [];
      for (const event of events) {
        const result = await deps.epcis.captureEventInTransaction(tx, event, capturer);
        ids.push(result.eventID);
      }
      return ids;
    },

    /**
     * Declared, and packed by the organisation, of a lot (LGTIN class), from the events naming it.
     * Read outside transactions: the events are committed ones.
     */
    async lotBalance(organisationId: string, lgtin: string): Promise<LotBalance> {
      const events = await eventsNaming(db, [lgtin]);
      let declaredGrams = 0;
      let declaredByOrganisation = false;
      let packedGrams = 0;
      for (const { body, organisationId: capturer } of events) {
        if (body.errorDeclaration !== undefined) continue;
        const step =
          typeof body.bizStep === "string" ? (cbvTerm("bizStep", body.bizStep) ?? body.bizStep) : null;
        if (body.type === "ObjectEvent" && body.action === "ADD" && step === "commissioning") {
          const list = Array.isArray(body.quantityList)
            ? (body.quantityList as Record<string, unknown>[])
            : [];
          for (const q of list) if (q.epcClass === lgtin) declaredGrams += gramsOf(q.quantity, q.uom) ?? 0;
          if (capturer === organisationId) declaredByOrganisation = true;
        }
        if (body.type === "AggregationEvent" && capturer === organisationId) {
          const list = Array.isArray(body.childQuantityList)
            ? (body.childQuantityList as Record<string, unknown>[])
            : [];
          const sign = body.action === "ADD" ? 1 : body.action === "DELETE" ? -1 : 0;
          for (const q of list)
            if (q.epcClass === lgtin) packedGrams += sign * (gramsOf(q.quantity, q.uom) ?? 0);
        }
      }
      return { declaredGrams, declaredByOrganisation, packedGrams: Math.max(0, packedGrams) };
    },

    /** The farm (SGLN) of a producer organisation, from its declared lots; null when it has none. */
    async farmOf(a: Actor): Promise<string | null> {
      if (a.isAdmin || !a.organisationId) return null;
      const { items } = await deps.lots.list(a, { limit: 1 });
      return items[0]?.farm.sgln ?? null;
    },
  };
}

export type Context = ReturnType<typeof createContext>;
