import type { Database, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import type { EpcisService } from "../epcis";
import { identityRepository } from "../identity";
import type { LotsService } from "../lots";
import { operationEvent } from "./domain/events";
import { DOCK, locationSgln, lotCodeOf, SITE_ITSELF, STAGING } from "./domain/locations";
import { requireStaff, type SiteAccess, tenantScope } from "./warehouse.access";
import { insufficientStock } from "./warehouse.projector";
import { warehouseRepository as repo } from "./warehouse.repository";
import "./warehouse.errors";

export interface OperationsDeps {
  db: Database;
  clock: Clock;
  epcis: Pick<EpcisService, "captureEventInTransaction">;
  lots: Pick<LotsService, "partyPgln">;
  identity: { organisationNames(ids: string[]): Promise<Map<string, string>> };
  accessTo(principal: Principal, code: string): Promise<SiteAccess>;
}

interface Goods {
  tenant: string;
  epc: string;
}

export interface PutAwayInput extends Goods {
  kg: number;
  zone: string;
  from?: "dock" | "staging" | undefined;
  expiryDate?: string | undefined;
}

export interface MoveInput extends Goods {
  kg: number;
  fromZone: string;
  toZone: string;
}

export interface PickInput {
  tenant: string;
  lines: { epc: string; zone: string; kg: number }[];
}

export interface CountInput extends Goods {
  location: string;
  countedKg: number;
  reason?: string | undefined;
}

export interface AdjustInput extends Goods {
  location: string;
  /** Signed: more (found, corrected up) or less (shrinkage, spillage). */
  kg: number;
  reason: string;
}

export interface HoldInput {
  tenant?: string | undefined;
  epc: string;
  location?: string | undefined;
  kg?: number | undefined;
  reason?: string | undefined;
}

const grams = (kg: number) => Math.round(kg * 1000);

/**
 * The warehouse's own operations. Each validates what it can name (tenant, zones, places), builds the
 * EPCIS event(s) and captures them in one transaction; the ledger rows come from the projector
 * inside that transaction, so an operation that would take stock below zero stores nothing.
 */
export function createWarehouseOperations(deps: OperationsDeps) {
  const { db, clock } = deps;

  async function requireTenant(a: SiteAccess, organisationId: string) {
    if (!(await repo.findTenant(db, a.site.code, organisationId))) {
      throw new AppError("warehouse.tenant_not_found", `No tenant ${organisationId} at ${a.site.code}`);
    }
  }

  async function requireZone(a: SiteAccess, code: string) {
    if (!(await repo.findZone(db, a.site.code, code))) {
      throw new AppError("warehouse.zone_not_found", `No zone ${code} at ${a.site.code}`);
    }
  }

  /** dock, staging or a zone of the site. */
  async function requirePlace(a: SiteAccess, location: string) {
    if (location !== DOCK && location !== STAGING) await requireZone(a, location);
  }

  async function partyOf(tx: Transaction, organisationId: string) {
    const org = await identityRepository.findOrganisation(tx, organisationId);
    if (!org) throw new AppError("warehouse.tenant_not_found", `No organisation ${organisationId}`);
    return deps.lots.partyPgln(tx, org);
  }

  async function capture(
    principal: Principal,
    build: (tx: Transaction) => Promise<Record<string, unknown>[]>,
  ) {
    const eventIds = await db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const event of await build(tx)) {
        const result = await deps.epcis.captureEventInTransaction(tx, event, principal);
        // Same content in the same millisecond hashes to the same eventID: a double submission.
        if (!result.stored) {
          throw new AppError("warehouse.duplicate_event", `Event ${result.eventID} was recorded already`);
        }
        ids.push(result.eventID);
      }
      return ids;
    });
    const rows = await repo.movementsOfEvents(db, eventIds);
    const tenantNames = await deps.identity.organisationNames([
      ...new Set(rows.map((r) => r.tenantOrganisationId)),
    ]);
    return {
      eventIds,
      movements: rows.map((m) => ({
        id: m.id,
        at: m.at.toISOString(),
        tenant: { id: m.tenantOrganisationId, name: tenantNames.get(m.tenantOrganisationId) ?? "" },
        kind: m.kind,
        location: m.location,
        epc: m.epc,
        lot: lotCodeOf(m.epc),
        commodityCode: m.commodityCode,
        state: m.state,
        deltaGrams: m.deltaGrams,
        balanceAfterGrams: m.balanceAfterGrams,
        reason: m.reason,
        eventId: m.eventId,
      })),
    };
  }

  const sglnAt = (a: SiteAccess, location: string) => locationSgln(a.site.sgln as string, location);

  return {
    /** Put-away (operator): dock (or staging) → zone; an ObjectEvent storing, sellable_accessible. */
    async putAway(principal: Principal, code: string, input: PutAwayInput) {
      const a = await deps.accessTo(principal, code);
      requireStaff(a, "put stock away");
      await requireTenant(a, input.tenant);
      await requireZone(a, input.zone);
      return capture(principal, async (tx) => [
        operationEvent({
          bizStep: "storing",
          disposition: "sellable_accessible",
          at: clock.now(),
          location: sglnAt(a, input.zone),
          from: sglnAt(a, input.from ?? DOCK),
          owner: await partyOf(tx, input.tenant),
          epc: input.epc,
          grams: grams(input.kg),
          reason: null,
          expiryDate: input.expiryDate ?? null,
          adjustmentGrams: null,
        }),
      ]);
    },

    /** Zone → zone (operator): an ObjectEvent storing whose source location is the old zone. */
    async move(principal: Principal, code: string, input: MoveInput) {
      const a = await deps.accessTo(principal, code);
      requireStaff(a, "move stock");
      await requireTenant(a, input.tenant);
      await requireZone(a, input.fromZone);
      await requireZone(a, input.toZone);
      if (input.fromZone === input.toZone) {
        throw new AppError("warehouse.invalid_request", "fromZone and toZone are the same zone", {
          errors: [
            {
              field: "body/toZone",
              message: "must differ from fromZone",
              messageId: "harus berbeda dari fromZone",
            },
          ],
        });
      }
      return capture(principal, async (tx) => [
        operationEvent({
          bizStep: "storing",
          disposition: "sellable_accessible",
          at: clock.now(),
          location: sglnAt(a, input.toZone),
          from: sglnAt(a, input.fromZone),
          owner: await partyOf(tx, input.tenant),
          epc: input.epc,
          grams: grams(input.kg),
          reason: null,
          expiryDate: null,
          adjustmentGrams: null,
        }),
      ]);
    },

    /** Pick (operator): each line zone → staging, an ObjectEvent picking, in_progress. */
    async pick(principal: Principal, code: string, input: PickInput) {
      const a = await deps.accessTo(principal, code);
      requireStaff(a, "pick stock");
      await requireTenant(a, input.tenant);
      // Lines for the same lot and zone are one pick (two identical events would be one event).
      const merged = new Map<string, { epc: string; zone: string; grams: number }>();
      for (const l of input.lines) {
        await requireZone(a, l.zone);
        const key = `${l.epc} ${l.zone}`;
        const prev = merged.get(key);
        merged.set(key, { epc: l.epc, zone: l.zone, grams: (prev?.grams ?? 0) + grams(l.kg) });
      }
      return capture(principal, async (tx) => {
        const owner = await partyOf(tx, input.tenant);
        const at = clock.now();
        return [...merged.values()].map((l) =>
          operationEvent({
            bizStep: "picking",
            disposition: "in_progress",
            at,
            location: sglnAt(a, STAGING),
            from: sglnAt(a, l.zone),
            owner,
            epc: l.epc,
            grams: l.grams,
            reason: null,
            expiryDate: null,
            adjustmentGrams: null,
          }),
        );
      });
    },

    /** Cycle count (operator): an ObjectEvent cycle_counting with the counted quantity. */
    async count(principal: Principal, code: string, input: CountInput) {
      const a = await deps.accessTo(principal, code);
      requireStaff(a, "count stock");
      await requireTenant(a, input.tenant);
      await requirePlace(a, input.location);
      return capture(principal, async (tx) => [
        operationEvent({
          bizStep: "cycle_counting",
          disposition: null,
          at: clock.now(),
          location: sglnAt(a, input.location),
          from: null,
          owner: await partyOf(tx, input.tenant),
          epc: input.epc,
          grams: grams(input.countedKg),
          reason: input.reason ?? null,
          expiryDate: null,
          adjustmentGrams: null,
        }),
      ]);
    },

    /**
     * Adjustment (operator): CBV has no "adjusting" step, so an adjustment is recorded as what it
     * amounts to, a cycle_counting ObjectEvent stating the quantity the place holds afterwards, with
     * `lb:reason` and the signed change as `lb:adjustmentKg` (which makes the ledger row an
     * `adjustment`, not a `count`).
     */
    async adjust(principal: Principal, code: string, input: AdjustInput) {
      const a = await deps.accessTo(principal, code);
      requireStaff(a, "adjust stock");
      await requireTenant(a, input.tenant);
      await requirePlace(a, input.location);
      const delta = grams(input.kg);
      return capture(principal, async (tx) => {
        const balances = await repo.lockBalances(tx, input.tenant, a.site.code, [input.epc]);
        const onHand = balances.filter((b) => b.location === input.location).reduce((s, b) => s + b.grams, 0);
        if (onHand + delta < 0) {
          throw insufficientStock(a.site.code, input.epc, {
            location: input.location,
            state: null,
            onHandGrams: onHand,
            requestedGrams: -delta,
          });
        }
        return [
          operationEvent({
            bizStep: "cycle_counting",
            disposition: null,
            at: clock.now(),
            location: sglnAt(a, input.location),
            from: null,
            owner: await partyOf(tx, input.tenant),
            epc: input.epc,
            grams: onHand + delta,
            reason: input.reason,
            expiryDate: null,
            adjustmentGrams: delta,
          }),
        ];
      });
    },

    /**
     * Hold or release (operator, or the tenant for its own stock): an ObjectEvent holding,
     * sellable_not_accessible (hold) or sellable_accessible (release), at a place or the whole site.
     */
    async setHold(principal: Principal, code: string, input: HoldInput, hold: boolean) {
      const a = await deps.accessTo(principal, code);
      const tenant = a.role === "tenant" ? (tenantScope(a, input.tenant) as string) : input.tenant;
      if (!tenant) {
        throw new AppError("warehouse.invalid_request", "tenant: the operator names whose stock it holds", {
          errors: [{ field: "body/tenant", message: "required", messageId: "wajib diisi" }],
        });
      }
      await requireTenant(a, tenant);
      if (input.location) await requirePlace(a, input.location);
      return capture(principal, async (tx) => [
        operationEvent({
          bizStep: "holding",
          disposition: hold ? "sellable_not_accessible" : "sellable_accessible",
          at: clock.now(),
          location: sglnAt(a, input.location ?? SITE_ITSELF),
          from: null,
          owner: await partyOf(tx, tenant),
          epc: input.epc,
          grams: input.kg === undefined ? null : grams(input.kg),
          reason: input.reason ?? null,
          expiryDate: null,
          adjustmentGrams: null,
        }),
      ]);
    },
  };
}
