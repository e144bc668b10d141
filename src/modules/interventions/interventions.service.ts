import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { addDays } from "../../lib/dates";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { type IdentityService, identityRepository } from "../identity";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import type { StabilityService } from "../stability";
import type { SupplyService } from "../supply";
import { MIN_CALIBRATION, meanPrice, type PriceResponse, responseFromLedger } from "./domain/effect";
import { mass } from "./domain/text";
import "./interventions.errors";
import {
  type Alert,
  availableHoldings,
  type Draft,
  draftRecommendations,
  type PlannedShipment,
  type WatchedSeries,
} from "./interventions.recommend";
import {
  type InterventionRow,
  type RecommendationRow,
  interventionsRepository as repo,
} from "./interventions.repository";
import { RECOMMENDATION_KINDS, type RecommendationStatus } from "./interventions.tables";

export interface InterventionsDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  identity: IdentityService;
  prices: PricesService;
  stability: StabilityService;
  supply: SupplyService;
  shipments: ShipmentsService;
  /** Rupiah per kg on a corridor route, from the spread module's freight rates. */
  freightRpPerKg?: (route: "roro" | "ferry") => Promise<number | null>;
}

/** Days before the action whose prices are "before", and days from it whose prices are "after". */
export const BEFORE_DAYS = 7;
export const AFTER_DAYS = 14;

const ACTION_LEVELS = new Set(["siaga", "krisis"]);
const KIND_NAMES: Record<Draft["kind"], { id: string; en: string }> = {
  release_stock: { id: "Lepas stok ke pasar", en: "Release stock to markets" },
  ship_forward: { id: "Percepat pasokan Lampung", en: "Bring Lampung supply forward" },
  buy_at_harvest: { id: "Beli saat panen", en: "Buy at harvest" },
};

const NOTE_PREFIX: Record<Draft["kind"], string> = {
  release_stock: "Operasi pasar",
  ship_forward: "Pengiriman dipercepat",
  buy_at_harvest: "Pembelian saat panen",
};

/** A rejected action is not proposed again for a week (a market operation's length) */
export const REJECTION_QUIET_DAYS = 7;

type User = Extract<Principal, { type: "user" }>;

export interface CreatedShipment {
  type: "shipment";
  shipperOrganisationId: string;
  id: string;
  number: string;
  destinationName: string;
  kg: number;
}

function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}

function fingerprint(kind: string, commodityCode: string, provinceCode: string) {
  return `${kind}:${commodityCode}:${provinceCode}`;
}

function userOf(principal: Principal): User {
  if (principal.type !== "user") throw new AppError("auth.forbidden", "Decisions are taken by people");
  return principal;
}

export function createInterventionsService(deps: InterventionsDeps) {
  const { db, clock, reference, prices, stability, supply, shipments } = deps;

  /** Open alerts at siaga or worse, grouped by commodity and province, most severe first inside a group. */
  async function actionableAlerts(): Promise<Map<string, Alert[]>> {
    const groups = new Map<string, Alert[]>();
    for (let offset = 0; ; offset += 500) {
      const page = await stability.listAlerts({ level: "siaga", limit: 500, offset });
      for (const a of page.items) {
        if (!ACTION_LEVELS.has(a.level)) continue;
        const key = `${a.commodityCode}|${provinceOf(a.regionCode)}`;
        groups.set(key, [...(groups.get(key) ?? []), a]);
      }
      if (page.nextOffset === null) break;
    }
    return groups;
  }

  /** Measured response of the commodity's past interventions that added supply. */
  async function ledgerResponse(commodityCode: string): Promise<PriceResponse | null> {
    const rows = (await repo.listInterventions(db, { commodityCode, limit: 200, offset: 0 })).filter(
      (row) => row.kind !== "buy_at_harvest",
    );
    // This runs after every price write: no price reads while too few interventions could calibrate.
    if (rows.length < MIN_CALIBRATION) return null;
    const past: { supplySharePct: number; measuredPct: number }[] = [];
    for (const row of rows) {
      const m = await measure(row);
      const share = (row.priceBefore as { supplySharePct?: number }).supplySharePct;
      if (m.effectPct !== null && m.complete && share)
        past.push({ supplySharePct: share, measuredPct: m.effectPct });
    }
    return responseFromLedger(past);
  }

  /** Mean price of the watched series over [from, to]; the number of priced days it read. */
  async function meanOver(watch: WatchedSeries[], from: string, to: string) {
    const points = (
      await Promise.all(
        watch.map((w) =>
          prices.series({
            commodityCode: w.commodityCode,
            regionCode: w.regionCode,
            marketId: w.marketId,
            level: w.level,
            from,
            to,
          }),
        ),
      )
    ).flat();
    const mean = meanPrice(points.map((p) => p.price));
    return {
      from,
      to,
      meanRp: mean === null ? null : Math.round(mean),
      observations: points.length,
      days: new Set(points.map((p) => p.date)).size,
    };
  }

  /** Prices after the action, read from what was observed since; complete once the window has passed. */
  async function measure(row: InterventionRow) {
    const watch = row.watch as WatchedSeries[];
    const before = row.priceBefore as { meanRp: number | null };
    const to = addDays(row.effectiveDate, AFTER_DAYS - 1);
    const after = await meanOver(watch, row.effectiveDate, to);
    const effectPct =
      before.meanRp && after.meanRp !== null
        ? Math.round(((after.meanRp - before.meanRp) / before.meanRp) * 1000) / 10
        : null;
    return { after, effectPct, complete: jakartaDate(clock.now()) > to };
  }

  async function recommendationView(row: RecommendationRow) {
    const [commodity, region] = await Promise.all([
      reference.getCommodity(row.commodityCode).catch(() => null),
      reference.getRegion(row.regionCode).catch(() => null),
    ]);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      commodityCode: row.commodityCode,
      commodityName: commodity?.name ?? row.commodityCode,
      regionCode: row.regionCode,
      regionName: region?.name ?? row.regionCode,
      quantityKg: row.quantityKg,
      startDate: row.startDate,
      endDate: row.endDate,
      plan: row.plan as Draft["plan"],
      costRp: row.costRp,
      cost: (row.basis as { cost?: Draft["cost"] }).cost ?? null,
      expectedEffect: row.expectedEffect as Draft["expectedEffect"],
      reasons: row.reasons as { id: string; en: string }[],
      basis: row.basis as Draft["basis"],
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decidedByName: row.decidedByName,
      decisionNote: row.decisionNote,
    };
  }

  async function interventionView(row: InterventionRow, rec: RecommendationRow | undefined) {
    const m = await measure(row);
    const commodity = await reference.getCommodity(row.commodityCode).catch(() => null);
    const region = await reference.getRegion(row.regionCode).catch(() => null);
    return {
      id: row.id,
      recommendationId: row.recommendationId,
      kind: row.kind,
      commodityCode: row.commodityCode,
      commodityName: commodity?.name ?? row.commodityCode,
      regionCode: row.regionCode,
      regionName: region?.name ?? row.regionCode,
      quantityKg: row.quantityKg,
      effectiveDate: row.effectiveDate,
      priceBefore: row.priceBefore as Awaited<ReturnType<typeof meanOver>> & { supplySharePct: number },
      priceAfter: m.after,
      measuredEffectPct: m.effectPct,
      measurementComplete: m.complete,
      expectedEffectPct: row.expectedEffectPct,
      created: row.created as CreatedShipment[],
      reasons: (rec?.reasons as { id: string; en: string }[] | undefined) ?? [],
      approvedByName: row.approvedByName,
      approvedAt: row.approvedAt.toISOString(),
      note: row.note,
    };
  }

  /** Writes the drafts of one group: new ones opened, open ones refreshed, vanished ones superseded. */
  async function store(commodityCode: string, provinceCode: string, drafts: Draft[]) {
    const now = clock.now();
    const opened: Draft[] = [];
    await db.transaction(async (tx) => {
      const open = await repo.openIn(tx, commodityCode, provinceCode);
      const byFingerprint = new Map(open.map((r) => [r.fingerprint, r]));
      const all = RECOMMENDATION_KINDS.map((k) => fingerprint(k, commodityCode, provinceCode));
      const turnedDown = await repo.rejectedSince(
        tx,
        all,
        new Date(now.getTime() - REJECTION_QUIET_DAYS * 86_400_000),
      );
      for (const kind of RECOMMENDATION_KINDS) {
        const fp = fingerprint(kind, commodityCode, provinceCode);
        const draft = turnedDown.has(fp) ? undefined : drafts.find((d) => d.kind === kind);
        const existing = byFingerprint.get(fp);
        if (draft) {
          const fields = {
            quantityKg: draft.quantityKg,
            startDate: draft.startDate,
            endDate: draft.endDate,
            plan: draft.plan,
            costRp: draft.costRp,
            expectedEffect: draft.expectedEffect,
            reasons: draft.reasons,
            basis: { ...draft.basis, cost: draft.cost },
            updatedAt: now,
          };
          if (existing) await repo.updateRecommendation(tx, existing.id, fields);
          else {
            opened.push(draft);
            await repo.insertRecommendation(tx, {
              id: newId("rec"),
              kind,
              fingerprint: fp,
              commodityCode,
              regionCode: provinceCode,
              status: "open",
              ...fields,
              createdAt: now,
              decidedAt: null,
              decidedBy: null,
              decidedByName: null,
              decisionNote: null,
            });
          }
        } else if (existing) {
          await repo.updateRecommendation(tx, existing.id, {
            status: "superseded",
            updatedAt: now,
            decidedAt: now,
            decisionNote: "Kondisi tidak lagi berlaku / conditions no longer hold",
          });
        }
      }
    });
    // Officials subscribed to the commodity and province hear that a decision awaits them.
    for (const d of opened) {
      const commodity = await reference.getCommodity(d.commodityCode).catch(() => null);
      const name = { id: commodity?.name ?? d.commodityCode, en: commodity?.nameEn ?? d.commodityCode };
      const kind = KIND_NAMES[d.kind];
      await stability.announce({
        kind: "stability.recommendation",
        commodityCode: d.commodityCode,
        regionCode: d.regionCode,
        level: "siaga",
        title: { id: `Rekomendasi: ${kind.id}`, en: `Recommendation: ${kind.en}` },
        body: {
          id: `${kind.id}: ${name.id}, ${mass(d.quantityKg).id}. Menunggu keputusan. ${d.reasons[0]?.id ?? ""}`.trim(),
          en: `${kind.en}: ${name.en}, ${mass(d.quantityKg).en}. Awaits a decision. ${d.reasons[0]?.en ?? ""}`.trim(),
        },
        payload: { recommendationKind: d.kind, alertLevel: "siaga" },
      });
    }
  }

  async function refreshGroup(commodityCode: string, provinceCode: string, alerts: Alert[]) {
    const drafts = await draftRecommendations(
      { reference, prices, supply, shipments, ledgerResponse, freightRpPerKg: deps.freightRpPerKg },
      { commodityCode, provinceCode, alerts, now: clock.now() },
    );
    await store(commodityCode, provinceCode, drafts);
    return drafts.length;
  }

  /** A principal that acts for the organisation that ships, keeping the official as the author. */
  async function actingFor(official: User, organisationId: string): Promise<User> {
    const org = await identityRepository.findOrganisation(db, organisationId);
    if (!org) throw new AppError("interventions.cannot_create", `No organisation ${organisationId}`);
    return { ...official, organisationId: org.id, organisationKind: org.kind, membershipRole: "org_admin" };
  }

  /** The Dinas and the admin decide on anything; a BUMD on what its own organisation holds or receives. */
  function requireAuthority(official: User, plan: Draft["plan"]) {
    if (official.isAdmin || official.persona === "dinas") return;
    const orgs = new Set(plan.shipments.flatMap((s) => [s.shipperOrganisationId, s.receiverOrganisationId]));
    if (
      official.persona === "bumd" &&
      official.organisationId &&
      (orgs.size === 0 || orgs.has(official.organisationId))
    )
      return;
    throw new AppError("interventions.not_yours");
  }

  /** The stock a release or shipment would take must still be there, lot by lot. */
  async function requireStock(row: RecommendationRow, planned: PlannedShipment[]) {
    const needed = new Map<string, number>();
    // Farm lots are checked by the shipments module itself (declared, less what was packed or shipped).
    for (const s of planned.filter((p) => p.originSiteCode !== null)) {
      for (const l of s.lines) {
        const key = `${s.originSiteCode}|${s.shipperOrganisationId}|${l.epc}`;
        needed.set(key, (needed.get(key) ?? 0) + l.kg);
      }
    }
    if (needed.size === 0) return;
    const provinces = new Set(
      planned
        .filter((s) => s.originSiteCode !== null)
        .map((s) => (s.route === "roro" ? "18" : row.regionCode)),
    );
    const have = new Map<string, number>();
    for (const p of provinces) {
      const position = await supply.position(row.commodityCode, p);
      const holdings = await availableHoldings(
        { reference, prices, supply, shipments, ledgerResponse },
        position.stock.holdings,
      );
      for (const h of holdings) {
        for (const lot of h.lots) {
          const key = `${h.siteCode}|${h.organisationId}|${lot.epc}`;
          have.set(key, (have.get(key) ?? 0) + lot.kg);
        }
      }
    }
    for (const [key, kg] of needed) {
      if ((have.get(key) ?? 0) + 1e-9 < kg) {
        throw new AppError(
          "interventions.stale",
          `Lot ${key.split("|")[2]} no longer has ${kg} kg available at ${key.split("|")[0]}; refresh the recommendations`,
        );
      }
    }
  }

  async function cancelAll(official: User, created: CreatedShipment[]) {
    for (const c of created) {
      const acting = await actingFor(official, c.shipperOrganisationId);
      await shipments.cancel(acting, c.id).catch(() => undefined);
    }
  }

  async function createShipments(official: User, row: RecommendationRow, planned: PlannedShipment[]) {
    const created: CreatedShipment[] = [];
    try {
      for (const s of planned) {
        const acting = await actingFor(official, s.shipperOrganisationId);
        const shipment = await shipments.create(acting, {
          receiverOrganisationId: s.receiverOrganisationId,
          originSiteCode: s.originSiteCode ?? undefined,
          destinationSiteCode: s.destinationSiteCode,
          route: s.route,
          // Morning departure in WIB on the planned day.
          plannedDeparture: `${s.departureDate}T06:00:00+07:00`,
          lines: s.lines.map((l) =>
            l.epc.startsWith("urn:epc:id:sscc:") ? { sscc: l.epc } : { epc: l.epc, kg: l.kg },
          ),
          notes: `${NOTE_PREFIX[row.kind]} — rekomendasi ${row.id}, disetujui ${official.name}`,
        });
        created.push({
          type: "shipment",
          shipperOrganisationId: s.shipperOrganisationId,
          id: shipment.id,
          number: shipment.number,
          destinationName: s.destinationName,
          kg: s.kg,
        });
      }
    } catch (err) {
      // All or nothing: what this approval already planned is cancelled before the refusal.
      await cancelAll(official, created);
      if (err instanceof AppError && err.status < 500) {
        throw new AppError("interventions.cannot_create", err.message, { errors: err.extra.errors });
      }
      throw err;
    }
    return created;
  }

  return {
    /**
     * Recomputes recommendations for the commodity × province groups that have open alerts at siaga or
     * worse or open recommendations (which may no longer hold), limited to `within` when given (the
     * groups a price write touched); `also` adds groups to look at regardless (an official's refresh, or
     * a configured plan whose lean-season gap may call for buying at harvest).
     */
    async refresh(
      opts: {
        within?: { commodityCode: string; regionCode: string }[];
        also?: { commodityCode: string; regionCode: string }[];
      } = {},
    ) {
      const alerts = await actionableAlerts();
      const keyOf = (g: { commodityCode: string; regionCode: string }) =>
        `${g.commodityCode}|${provinceOf(g.regionCode)}`;
      const keys = new Set<string>(alerts.keys());
      for (const r of await repo.allOpen(db)) keys.add(keyOf(r));
      if (opts.within) {
        const within = new Set(opts.within.map(keyOf));
        for (const k of [...keys]) if (!within.has(k)) keys.delete(k);
      }
      for (const g of opts.also ?? []) keys.add(keyOf(g));
      let open = 0;
      for (const key of keys) {
        const [commodityCode, provinceCode] = key.split("|") as [string, string];
        open += await refreshGroup(commodityCode, provinceCode, alerts.get(key) ?? []);
      }
      return { groups: keys.size, open };
    },

    /** Every commodity × province with a configured supply plan. */
    async plannedGroups() {
      return (await supply.plans()).map((p) => ({
        commodityCode: p.commodityCode,
        regionCode: p.regionCode,
      }));
    },

    async list(q: {
      status?: RecommendationStatus | "all";
      commodity?: string;
      region?: string;
      limit: number;
      offset: number;
    }) {
      const rows = await repo.listRecommendations(db, {
        status: q.status === "all" ? undefined : (q.status ?? "open"),
        commodityCode: q.commodity,
        regionCode: q.region ? provinceOf(q.region) : undefined,
        limit: q.limit + 1,
        offset: q.offset,
      });
      return {
        items: await Promise.all(rows.slice(0, q.limit).map(recommendationView)),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
      };
    },

    async get(id: string) {
      const row = await repo.findRecommendation(db, id);
      if (!row) throw new AppError("interventions.not_found", `No recommendation ${id}`);
      return recommendationView(row);
    },

    /**
     * Approves an open recommendation: creates its shipments (planned; a release's go from the shared
     * warehouse to the markets, a forward shipment's by ro-ro), then writes the intervention with the
     * prices before it. Nothing is created when any part is refused.
     */
    async approve(principal: Principal, id: string, input: { note?: string | undefined }) {
      const official = userOf(principal);
      const row = await repo.findRecommendation(db, id);
      if (!row) throw new AppError("interventions.not_found", `No recommendation ${id}`);
      if (row.status !== "open") {
        throw new AppError("interventions.not_open", `Recommendation ${id} is ${row.status}`);
      }
      const plan = row.plan as Draft["plan"];
      requireAuthority(official, plan);
      await requireStock(row, plan.shipments);
      const created = await createShipments(official, row, plan.shipments);
      const basis = row.basis as Draft["basis"];
      const effect = row.expectedEffect as Draft["expectedEffect"];
      const effectiveDate = row.startDate;
      const before = await meanOver(
        basis.watch,
        addDays(effectiveDate, -BEFORE_DAYS),
        addDays(effectiveDate, -1),
      );
      const now = clock.now();
      const interventionId = newId("itv");
      try {
        await db.transaction(async (tx) => {
          const locked = await repo.lockRecommendation(tx, id);
          if (locked?.status !== "open") {
            throw new AppError("interventions.not_open", `Recommendation ${id} was decided meanwhile`);
          }
          await repo.insertIntervention(tx, {
            id: interventionId,
            recommendationId: row.id,
            kind: row.kind,
            commodityCode: row.commodityCode,
            regionCode: row.regionCode,
            quantityKg: row.quantityKg,
            effectiveDate,
            watch: basis.watch,
            priceBefore: { ...before, supplySharePct: effect.supplySharePct },
            expectedEffectPct: effect.pct,
            created,
            approvedBy: official.userId,
            approvedByName: official.name,
            approvedAt: now,
            note: input.note ?? null,
          });
          await repo.updateRecommendation(tx, id, {
            status: "approved",
            decidedAt: now,
            decidedBy: official.userId,
            decidedByName: official.name,
            decisionNote: input.note ?? null,
            updatedAt: now,
          });
        });
      } catch (err) {
        await cancelAll(official, created);
        throw err;
      }
      const saved = await repo.findIntervention(db, interventionId);
      return interventionView(saved as InterventionRow, row);
    },

    async reject(principal: Principal, id: string, input: { note: string }) {
      const official = userOf(principal);
      const row = await repo.findRecommendation(db, id);
      if (!row) throw new AppError("interventions.not_found", `No recommendation ${id}`);
      if (row.status !== "open") {
        throw new AppError("interventions.not_open", `Recommendation ${id} is ${row.status}`);
      }
      requireAuthority(official, row.plan as Draft["plan"]);
      const now = clock.now();
      await repo.updateRecommendation(db, id, {
        status: "rejected",
        decidedAt: now,
        decidedBy: official.userId,
        decidedByName: official.name,
        decisionNote: input.note,
        updatedAt: now,
      });
      return recommendationView((await repo.findRecommendation(db, id)) as RecommendationRow);
    },

    /** The ledger: approved interventions, newest first, with prices before and after. */
    async ledger(q: { commodity?: string; region?: string; limit: number; offset: number }) {
      const rows = await repo.listInterventions(db, {
        commodityCode: q.commodity,
        regionCode: q.region ? provinceOf(q.region) : undefined,
        limit: q.limit + 1,
        offset: q.offset,
      });
      const page = rows.slice(0, q.limit);
      const recs = new Map(
        (
          await repo.recommendationsByIds(
            db,
            page.map((r) => r.recommendationId),
          )
        ).map((r) => [r.id, r]),
      );
      return {
        items: await Promise.all(page.map((r) => interventionView(r, recs.get(r.recommendationId)))),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
      };
    },

    async intervention(id: string) {
      const row = await repo.findIntervention(db, id);
      if (!row) throw new AppError("interventions.not_found", `No intervention ${id}`);
      return interventionView(row, await repo.findRecommendation(db, row.recommendationId));
    },
  };
}

export type InterventionsService = ReturnType<typeof createInterventionsService>;
