import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import type { EpcisService } from "../epcis";
import { type IdentityService, identityRepository } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";
import {
  addDays,
  checkBooking,
  dailyLoad,
  daysOf,
  earlierDay,
  laterDay,
  overbookedDays,
  rangeText,
  spanDays,
} from "./domain/capacity";
import { suggestPicks } from "./domain/fefo";
import { DOCK, isZoneCode, locationSgln, lotCodeOf, STAGING } from "./domain/locations";
import { kgText } from "./domain/quantity";
import { type CardKind, type Lang, stockCard, stockCardCsv } from "./domain/stock-card";
import { createSiteAccess, requireStaff, type SiteAccess, tenantScope } from "./warehouse.access";
import { availableHoldings } from "./warehouse.holdings";
import { createWarehouseOperations } from "./warehouse.operations";
import { createWarehouseProjector } from "./warehouse.projector";
import { type BookingRow, warehouseRepository as repo } from "./warehouse.repository";
import type { StockBalanceRow, StockMovementRow, StockState, ZoneKind, ZoneRow } from "./warehouse.tables";
import "./warehouse.errors";

export interface WarehouseDeps {
  db: Database;
  clock: Clock;
  epcis: EpcisService;
  lots: LotsService;
  reference: ReferenceService;
  identity: IdentityService;
}

export interface ZoneInput {
  code: string;
  name: string;
  kind: ZoneKind;
  capacityKg: number;
  palletPlaces: number;
}

export interface BookingInput {
  zone: string;
  tenant?: string | undefined;
  fromDate: string;
  toDate: string;
  kg: number;
  pallets: number;
  note?: string | undefined;
}

export interface StockQuery {
  tenant?: string | undefined;
  location?: string | undefined;
  epc?: string | undefined;
  commodity?: string | undefined;
  state?: StockState | undefined;
}

export interface CardQuery {
  epc?: string | undefined;
  commodity?: string | undefined;
  tenant?: string | undefined;
  location?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Longest booking and utilisation window: a year. */
const MAX_SPAN_DAYS = 366;
/** Organisation kinds that may keep stock in a shared warehouse. */
const TENANT_KINDS = new Set([
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "processor",
  "hub_operator",
  "warehouse_operator",
  "carrier",
]);

const wibDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

function invalid(field: string, en: string, id: string): AppError {
  const errors: FieldError[] = [{ field, message: en, messageId: id }];
  return new AppError("warehouse.invalid_request", `${field}: ${en}`, { errors });
}

export function createWarehouseService(deps: WarehouseDeps) {
  const { db, clock } = deps;
  const projector = createWarehouseProjector(deps);
  const { warehouseSite, accessTo } = createSiteAccess(deps);
  const operations = createWarehouseOperations({ ...deps, accessTo });

  const today = () => jakartaDate(clock.now());

  async function names(ids: string[]) {
    return deps.identity.organisationNames([...new Set(ids)]);
  }

  async function commodityNames() {
    const list = await deps.reference.listCommodities();
    return new Map(list.map((c) => [c.code, { name: c.name, nameEn: c.nameEn }]));
  }

  async function zoneOf(a: SiteAccess, code: string): Promise<ZoneRow> {
    const zone = await repo.findZone(db, a.site.code, code);
    if (!zone) throw new AppError("warehouse.zone_not_found", `No zone ${code} at ${a.site.code}`);
    return zone;
  }

  async function requireTenantAt(a: SiteAccess, organisationId: string) {
    const row = await repo.findTenant(db, a.site.code, organisationId);
    if (!row)
      throw new AppError("warehouse.tenant_not_found", `No tenant ${organisationId} at ${a.site.code}`);
    return row;
  }

  function siteView(a: SiteAccess, operatorName: string | null) {
    const sgln = a.site.sgln as string;
    return {
      code: a.site.code,
      name: a.site.name,
      address: a.site.address,
      regionCode: a.site.regionCode,
      sgln,
      dock: locationSgln(sgln, DOCK),
      staging: locationSgln(sgln, STAGING),
      operator: a.site.operatorOrganisationId
        ? { id: a.site.operatorOrganisationId, name: operatorName ?? "" }
        : null,
      role: a.role,
    };
  }

  async function zoneViews(a: SiteAccess, zones: ZoneRow[]) {
    const day = today();
    const [stock, bookings] = await Promise.all([
      repo.gramsByLocation(db, a.site.code),
      repo.listBookings(db, { zoneIds: zones.map((z) => z.id), from: day, to: day, status: "confirmed" }),
    ]);
    return zones.map((z) => {
      const booked = dailyLoad(
        bookings.filter((b) => b.zoneId === z.id),
        { fromDate: day, toDate: day },
      ).get(day) ?? { kg: 0, pallets: 0 };
      const stockKg = (stock.get(z.code) ?? 0) / 1000;
      return {
        id: z.id,
        code: z.code,
        name: z.name,
        kind: z.kind,
        capacityKg: z.capacityKg,
        palletPlaces: z.palletPlaces,
        sgln: z.sgln,
        today: {
          date: day,
          bookedKg: booked.kg,
          bookedPallets: booked.pallets,
          freeKg: Math.max(0, z.capacityKg - booked.kg),
          freePallets: Math.max(0, z.palletPlaces - booked.pallets),
          // Stock of all tenants together is the operator's to see; a tenant sees its own in the stock list.
          stockKg: a.role === "tenant" ? null : stockKg,
        },
      };
    });
  }

  function bookingView(b: BookingRow, zone: ZoneRow | undefined, tenantNames: Map<string, string>) {
    return {
      id: b.id,
      zone: { code: zone?.code ?? "", name: zone?.name ?? "" },
      tenant: { id: b.tenantOrganisationId, name: tenantNames.get(b.tenantOrganisationId) ?? "" },
      fromDate: b.fromDate,
      toDate: b.toDate,
      kg: b.kg,
      pallets: b.pallets,
      status: b.status,
      note: b.note,
      createdAt: b.createdAt.toISOString(),
    };
  }

  async function balanceViews(rows: StockBalanceRow[]) {
    const [tenantNames, commodities] = await Promise.all([
      names(rows.map((r) => r.tenantOrganisationId)),
      commodityNames(),
    ]);
    return rows.map((r) => ({
      id: r.id,
      tenant: { id: r.tenantOrganisationId, name: tenantNames.get(r.tenantOrganisationId) ?? "" },
      location: r.location,
      epc: r.epc,
      lot: lotCodeOf(r.epc),
      commodity: r.commodityCode
        ? { code: r.commodityCode, name: commodities.get(r.commodityCode)?.name ?? r.commodityCode }
        : null,
      state: r.state,
      grams: r.grams,
      kg: r.grams / 1000,
      expiryDate: r.expiryDate,
      firstReceivedAt: r.firstReceivedAt.toISOString(),
      lastMovedAt: r.lastMovedAt.toISOString(),
    }));
  }

  function movementView(m: StockMovementRow, tenantNames: Map<string, string>) {
    return {
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
    };
  }

  function span(from: string | undefined, to: string | undefined, field: string) {
    if (from && to && to < from) {
      throw invalid(`query/${field}`, "must not be before from", "tidak boleh sebelum tanggal awal");
    }
  }

  async function buildCard(principal: Principal, code: string, q: CardQuery) {
    const a = await accessTo(principal, code);
    if (Boolean(q.epc) === Boolean(q.commodity)) {
      throw invalid(
        "query/epc",
        "name either a lot (epc) or a commodity",
        "sebutkan lot (epc) atau komoditas",
      );
    }
    span(q.from, q.to, "to");
    const tenant = tenantScope(a, q.tenant);
    const filter = {
      siteCode: a.site.code,
      tenant,
      epc: q.epc,
      commodity: q.commodity,
      location: q.location,
    };
    if (q.epc && !(await repo.anyMovement(db, filter))) {
      throw new AppError("warehouse.lot_not_found", `No movement of ${q.epc} at ${a.site.code}`);
    }
    const openedAt = q.from ? wibDayStart(q.from) : null;
    const to = q.to ? wibDayStart(addDays(q.to, 1)) : null;
    const { openingGrams, rows } = await repo.cardMovements(db, filter, { from: openedAt, to });
    const card = stockCard(
      openingGrams,
      rows.map((m) => ({
        at: m.at,
        kind: m.kind as CardKind,
        epc: m.epc,
        location: m.location,
        state: m.state,
        reason: m.reason,
        deltaGrams: m.deltaGrams,
        eventId: m.eventId,
      })),
    );
    const tenantNames = await names(tenant ? [tenant] : []);
    const commodity = q.commodity ?? rows[0]?.commodityCode ?? null;
    const commodities = await commodityNames();
    const view = {
      site: a.site.code,
      tenant: tenant ? { id: tenant, name: tenantNames.get(tenant) ?? "" } : null,
      epc: q.epc ?? null,
      lot: q.epc ? lotCodeOf(q.epc) : null,
      commodity: commodity ? { code: commodity, name: commodities.get(commodity)?.name ?? commodity } : null,
      location: q.location ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      openingGrams: card.openingGrams,
      closingGrams: card.closingGrams,
      rows: card.rows.map((r) => ({
        at: r.at.toISOString(),
        kind: r.kind,
        epc: r.epc,
        lot: lotCodeOf(r.epc),
        location: r.location,
        state: r.state,
        reason: r.reason,
        inGrams: r.inGrams,
        outGrams: r.outGrams,
        balanceGrams: r.balanceGrams,
        eventId: r.eventId,
      })),
    };
    return { view, card, openedAt };
  }

  return {
    projector,
    ...operations,

    /** Warehouses the caller works at: the operator's own, where it is a tenant; admins all of them. */
    async listSites(principal: Principal) {
      const all = await deps.reference.listSites({ kind: "warehouse" });
      const isAdmin = principal.type === "user" && principal.isAdmin;
      const org = principal.type === "anonymous" ? null : principal.organisationId;
      const tenantOf = new Set(org && principal.type === "user" ? await repo.sitesOfTenant(db, org) : []);
      const operators = await names(
        all.flatMap((s) => (s.operatorOrganisationId ? [s.operatorOrganisationId] : [])),
      );
      return all.flatMap((s) => {
        const role = isAdmin
          ? "admin"
          : org && s.operatorOrganisationId === org
            ? "operator"
            : tenantOf.has(s.code)
              ? "tenant"
              : null;
        if (!role || !s.sgln) return [];
        return [
          siteView(
            { site: s, role, organisationId: org },
            s.operatorOrganisationId ? (operators.get(s.operatorOrganisationId) ?? null) : null,
          ),
        ];
      });
    },

    async getSite(principal: Principal, code: string) {
      const a = await accessTo(principal, code);
      const operator = a.site.operatorOrganisationId
        ? ((await names([a.site.operatorOrganisationId])).get(a.site.operatorOrganisationId) ?? null)
        : null;
      return {
        ...siteView(a, operator),
        zones: await zoneViews(a, await repo.listZones(db, a.site.code)),
        tenants: await this.listTenants(principal, code),
      };
    },

    // Zones

    async listZones(principal: Principal, code: string) {
      const a = await accessTo(principal, code);
      return zoneViews(a, await repo.listZones(db, a.site.code));
    },

    async createZone(principal: Principal, code: string, input: ZoneInput) {
      const a = await accessTo(principal, code);
      requireStaff(a, "define zones");
      if (!isZoneCode(input.code)) {
        throw invalid(
          "body/code",
          "dock, staging and 0 name other places; choose another code",
          "dock, staging dan 0 adalah nama tempat lain; pilih kode lain",
        );
      }
      const row = await repo.insertZone(db, {
        id: newId("zon"),
        siteCode: a.site.code,
        code: input.code,
        name: input.name,
        kind: input.kind,
        capacityKg: input.capacityKg,
        palletPlaces: input.palletPlaces,
        sgln: locationSgln(a.site.sgln as string, input.code),
        createdAt: clock.now(),
      });
      if (!row)
        throw new AppError("warehouse.zone_exists", `${a.site.code} has a zone ${input.code} already`);
      const [view] = await zoneViews(a, [row]);
      return view as NonNullable<typeof view>;
    },

    /** Name, kind and capacity change; the code does not (events name the zone by it). */
    async updateZone(
      principal: Principal,
      code: string,
      zoneCode: string,
      input: Partial<Omit<ZoneInput, "code">>,
    ) {
      const a = await accessTo(principal, code);
      requireStaff(a, "change zones");
      const zone = await zoneOf(a, zoneCode);
      const row = await db.transaction(async (tx) => {
        const locked = await repo.lockZone(tx, zone.id);
        if (!locked) throw new AppError("warehouse.zone_not_found", `No zone ${zoneCode} at ${a.site.code}`);
        const next = {
          capacityKg: input.capacityKg ?? locked.capacityKg,
          palletPlaces: input.palletPlaces ?? locked.palletPlaces,
        };
        const from = today();
        const bookings = await repo.confirmedBookings(tx, zone.id, { fromDate: from, toDate: "9999-12-31" });
        const last = bookings.reduce((max, b) => laterDay(max, b.toDate), from);
        const over = overbookedDays(next, bookings, { fromDate: from, toDate: last });
        if (over.length) {
          throw new AppError(
            "warehouse.capacity_below_bookings",
            `Confirmed bookings of ${zoneCode} need more than ${kgText(next.capacityKg * 1000)} kg or ${next.palletPlaces} pallet places on ${over.length} day(s) from ${over[0]}; cancel or move them first`,
            { days: over },
          );
        }
        return repo.updateZone(tx, zone.id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...next,
        });
      });
      const [view] = await zoneViews(a, [row as ZoneRow]);
      return view as NonNullable<typeof view>;
    },

    /** Bookings and (up to today) stock of a zone per day. */
    async zoneUtilisation(
      principal: Principal,
      code: string,
      zoneCode: string,
      q: { from?: string; to?: string },
    ) {
      const a = await accessTo(principal, code);
      const zone = await zoneOf(a, zoneCode);
      const from = q.from ?? today();
      const to = q.to ?? addDays(from, 29);
      span(from, to, "to");
      if (spanDays({ fromDate: from, toDate: to }) > MAX_SPAN_DAYS) {
        throw invalid("query/to", "at most 366 days from `from`", "paling lama 366 hari dari `from`");
      }
      const bookings = await repo.confirmedBookings(db, zone.id, { fromDate: from, toDate: to });
      const load = dailyLoad(bookings, { fromDate: from, toDate: to });
      const now = today();
      const closing = new Map<string, number>();
      if (a.role !== "tenant") {
        const deltas = await repo.dailyDeltas(
          db,
          a.site.code,
          zone.code,
          wibDayStart(addDays(earlierDay(to, now), 1)),
        );
        let balance = 0;
        let i = 0;
        for (const day of daysOf({ fromDate: from, toDate: earlierDay(to, now) })) {
          while (i < deltas.length && (deltas[i] as { day: string }).day <= day) {
            balance += (deltas[i] as { grams: number }).grams;
            i++;
          }
          closing.set(day, balance);
        }
      }
      return {
        zone: {
          code: zone.code,
          name: zone.name,
          capacityKg: zone.capacityKg,
          palletPlaces: zone.palletPlaces,
        },
        days: [...load].map(([day, l]) => ({
          date: day,
          bookedKg: l.kg,
          bookedPallets: l.pallets,
          freeKg: Math.max(0, zone.capacityKg - l.kg),
          freePallets: Math.max(0, zone.palletPlaces - l.pallets),
          bookedPercent: zone.capacityKg ? Math.round((l.kg / zone.capacityKg) * 1000) / 10 : 0,
          stockKg: closing.has(day) ? (closing.get(day) as number) / 1000 : null,
        })),
      };
    },

    // Tenants

    async listTenants(principal: Principal, code: string) {
      const a = await accessTo(principal, code);
      const rows = (await repo.listTenants(db, a.site.code)).filter(
        (t) => a.role !== "tenant" || t.organisationId === a.organisationId,
      );
      const orgs = await identityRepository.listOrganisations(db, { ids: rows.map((r) => r.organisationId) });
      const byId = new Map(orgs.map((o) => [o.id, o]));
      return rows.map((t) => ({
        id: t.id,
        organisation: {
          id: t.organisationId,
          name: byId.get(t.organisationId)?.name ?? "",
          kind: byId.get(t.organisationId)?.kind ?? "",
        },
        since: t.since,
      }));
    },

    /** Organisations the operator may register as tenants (names and kinds are public business facts). */
    async tenantCandidates(principal: Principal, code: string) {
      const a = await accessTo(principal, code);
      requireStaff(a, "register tenants");
      const tenants = new Set((await repo.listTenants(db, a.site.code)).map((t) => t.organisationId));
      const orgs = await identityRepository.listOrganisations(db, {});
      return orgs
        .filter((o) => TENANT_KINDS.has(o.kind) && !tenants.has(o.id))
        .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
    },

    async registerTenant(
      principal: Principal,
      code: string,
      input: { organisationId: string; since?: string | undefined },
    ) {
      const a = await accessTo(principal, code);
      requireStaff(a, "register tenants");
      const org = await identityRepository.findOrganisation(db, input.organisationId);
      if (!org)
        throw new AppError("warehouse.organisation_not_found", `No organisation ${input.organisationId}`);
      if (!TENANT_KINDS.has(org.kind)) {
        throw invalid(
          "body/organisationId",
          `a ${org.kind} does not keep stock; tenants are producers, traders, BUMDs and processors`,
          `${org.kind} tidak menyimpan stok; penyewa adalah produsen, pedagang, BUMD dan pengolah`,
        );
      }
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertTenant(tx, {
          id: newId("wtn"),
          siteCode: a.site.code,
          organisationId: org.id,
          since: input.since ?? today(),
          createdAt: clock.now(),
        });
        if (!inserted)
          throw new AppError("warehouse.tenant_exists", `${org.name} is a tenant of ${a.site.code} already`);
        // Events name the tenant by its party GLN; issue it now so the first receipt can.
        await deps.lots.partyPgln(tx, org);
        return inserted;
      });
      return { id: row.id, organisation: { id: org.id, name: org.name, kind: org.kind }, since: row.since };
    },

    async removeTenant(principal: Principal, code: string, organisationId: string) {
      const a = await accessTo(principal, code);
      requireStaff(a, "remove tenants");
      const tenant = await requireTenantAt(a, organisationId);
      const zones = await repo.listZones(db, a.site.code);
      if (
        (await repo.tenantHasStock(db, a.site.code, organisationId)) ||
        (await repo.hasConfirmedBookingsFrom(
          db,
          zones.map((z) => z.id),
          organisationId,
          today(),
        ))
      ) {
        throw new AppError(
          "warehouse.tenant_has_stock",
          `The tenant still has stock or confirmed bookings at ${a.site.code}; issue the stock and cancel the bookings first`,
        );
      }
      await repo.deleteTenant(db, tenant.id);
    },

    // Capacity bookings

    async listBookings(
      principal: Principal,
      code: string,
      q: {
        zone?: string | undefined;
        tenant?: string | undefined;
        from?: string | undefined;
        to?: string | undefined;
        status?: "confirmed" | "cancelled" | undefined;
      },
    ) {
      const a = await accessTo(principal, code);
      const tenant = tenantScope(a, q.tenant);
      span(q.from, q.to, "to");
      const zones = await repo.listZones(db, a.site.code);
      const picked = q.zone ? zones.filter((z) => z.code === q.zone) : zones;
      if (q.zone && !picked.length)
        throw new AppError("warehouse.zone_not_found", `No zone ${q.zone} at ${a.site.code}`);
      const rows = await repo.listBookings(db, {
        zoneIds: picked.map((z) => z.id),
        tenant,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.status ? { status: q.status } : {}),
      });
      const tenantNames = await names(rows.map((r) => r.tenantOrganisationId));
      const byId = new Map(zones.map((z) => [z.id, z]));
      return rows.map((b) => bookingView(b, byId.get(b.zoneId), tenantNames));
    },

    /**
     * Books space in a zone: refused when, on any day of the range, the confirmed bookings with this
     * one would exceed the zone's mass or pallet places. The zone row is locked while checking, so two
     * bookings cannot both take the last space.
     */
    async createBooking(principal: Principal, code: string, input: BookingInput) {
      const a = await accessTo(principal, code);
      const actor = principal.type === "user" ? principal.userId : "system";
      let tenant: string;
      if (a.role === "tenant") {
        tenant = tenantScope(a, input.tenant) as string;
      } else {
        if (!input.tenant) {
          throw invalid(
            "body/tenant",
            "the operator books for a named tenant",
            "operator memesan untuk penyewa tertentu",
          );
        }
        tenant = input.tenant;
        await requireTenantAt(a, tenant);
      }
      if (input.toDate < input.fromDate) {
        throw invalid("body/toDate", "must not be before fromDate", "tidak boleh sebelum fromDate");
      }
      if (input.fromDate < today()) {
        throw invalid(
          "body/fromDate",
          "is in the past; book from today on",
          "sudah lewat; pesan mulai hari ini",
        );
      }
      if (spanDays(input) > MAX_SPAN_DAYS) {
        throw invalid("body/toDate", "a booking spans at most 366 days", "pemesanan paling lama 366 hari");
      }
      const zone = await zoneOf(a, input.zone);
      const row = await db.transaction(async (tx) => {
        const locked = await repo.lockZone(tx, zone.id);
        if (!locked)
          throw new AppError("warehouse.zone_not_found", `No zone ${input.zone} at ${a.site.code}`);
        const existing = await repo.confirmedBookings(tx, zone.id, input);
        const check = checkBooking(locked, existing, input);
        if (!check.ok) {
          throw new AppError(
            "warehouse.capacity_exceeded",
            `${input.kg} kg and ${input.pallets} pallet(s) do not fit in ${zone.code} on ${rangeText(check.days)}: ` +
              `${check.freeKg} kg and ${check.freePallets} pallet place(s) are free there`,
            {
              days: check.days.map((d) => ({ from: d.fromDate, to: d.toDate })),
              freeKg: check.freeKg,
              freePallets: check.freePallets,
            },
          );
        }
        return repo.insertBooking(tx, {
          id: newId("bkg"),
          zoneId: zone.id,
          tenantOrganisationId: tenant,
          fromDate: input.fromDate,
          toDate: input.toDate,
          kg: input.kg,
          pallets: input.pallets,
          status: "confirmed",
          note: input.note ?? null,
          createdBy: actor,
          createdAt: clock.now(),
        });
      });
      return bookingView(row, zone, await names([tenant]));
    },

    async cancelBooking(principal: Principal, code: string, id: string) {
      const a = await accessTo(principal, code);
      const booking = await repo.findBooking(db, id);
      const zones = await repo.listZones(db, a.site.code);
      const zone = zones.find((z) => z.id === booking?.zoneId);
      const visible =
        booking && zone && (a.role !== "tenant" || booking.tenantOrganisationId === a.organisationId);
      if (!visible) throw new AppError("warehouse.booking_not_found", `No booking ${id} at ${a.site.code}`);
      const cancelled = await repo.cancelBooking(db, id);
      if (!cancelled) throw new AppError("warehouse.booking_cancelled", `Booking ${id} is cancelled already`);
      return bookingView(cancelled, zone, await names([cancelled.tenantOrganisationId]));
    },

    // Stock

    async stock(principal: Principal, code: string, q: StockQuery) {
      const a = await accessTo(principal, code);
      const tenant = tenantScope(a, q.tenant);
      const rows = await repo.stock(db, {
        siteCode: a.site.code,
        tenant,
        location: q.location,
        epc: q.epc,
        commodity: q.commodity,
        state: q.state,
      });
      const items = await balanceViews(rows);
      const byCommodity = new Map<
        string,
        { code: string | null; name: string; grams: number; heldGrams: number }
      >();
      for (const i of items) {
        const key = i.commodity?.code ?? "";
        const entry = byCommodity.get(key) ?? {
          code: i.commodity?.code ?? null,
          name: i.commodity?.name ?? "",
          grams: 0,
          heldGrams: 0,
        };
        entry.grams += i.grams;
        if (i.state === "held") entry.heldGrams += i.grams;
        byCommodity.set(key, entry);
      }
      return {
        items,
        totals: {
          grams: items.reduce((s, i) => s + i.grams, 0),
          byCommodity: [...byCommodity.values()].map((c) => ({
            ...c,
            kg: c.grams / 1000,
            heldKg: c.heldGrams / 1000,
          })),
        },
      };
    },

    async movements(
      principal: Principal,
      code: string,
      q: StockQuery & {
        kind?: StockMovementRow["kind"] | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      const a = await accessTo(principal, code);
      const tenant = tenantScope(a, q.tenant);
      const rows = await repo.listMovements(
        db,
        {
          siteCode: a.site.code,
          tenant,
          epc: q.epc,
          commodity: q.commodity,
          location: q.location,
          kind: q.kind,
        },
        { limit: q.limit, before: q.cursor },
      );
      const page = rows.slice(0, q.limit);
      const tenantNames = await names(page.map((m) => m.tenantOrganisationId));
      return {
        items: page.map((m) => movementView(m, tenantNames)),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /**
     * A stock card (kartu stok) of one lot or one commodity: opening balance at `from`, every movement
     * to `to` (both WIB days, inclusive), running balance. A tenant sees its own card only; another's
     * lot is "not found".
     */
    async stockCard(principal: Principal, code: string, q: CardQuery) {
      return (await buildCard(principal, code, q)).view;
    },

    /** The same card as CSV (see domain/stock-card.ts), headers in the reader's language. */
    async stockCardCsv(principal: Principal, code: string, q: CardQuery, lang: Lang) {
      const { view, card, openedAt } = await buildCard(principal, code, q);
      const subject = (view.lot ?? view.commodity?.code ?? "stok").replace(/[^A-Za-z0-9._-]/g, "_");
      return { csv: stockCardCsv(card, lang, openedAt), filename: `kartu-stok-${view.site}-${subject}.csv` };
    },

    /** Lines to pick `kg` of a commodity from, FEFO; held stock, the dock and staging are never offered. */
    async pickSuggestions(
      principal: Principal,
      code: string,
      q: { commodity: string; kg: number; tenant?: string | undefined },
    ) {
      const a = await accessTo(principal, code);
      const tenant = tenantScope(a, q.tenant);
      if (!tenant) {
        throw invalid(
          "query/tenant",
          "name the tenant whose stock is picked",
          "sebutkan penyewa pemilik stok yang diambil",
        );
      }
      await requireTenantAt(a, tenant);
      const rows = (
        await repo.stock(db, { siteCode: a.site.code, tenant, commodity: q.commodity, state: "available" })
      ).filter((r) => r.location !== DOCK && r.location !== STAGING);
      const grams = Math.round(q.kg * 1000);
      const { lines, shortGrams } = suggestPicks(rows, grams);
      const views = await balanceViews(lines);
      return {
        commodity: q.commodity,
        requestedKg: q.kg,
        lines: views.map((v, i) => ({
          ...v,
          zone: v.location,
          takeKg: (lines[i] as { takeGrams: number }).takeGrams / 1000,
        })),
        shortKg: shortGrams / 1000,
      };
    },

    /** Stock expiring within N days (or expired) and stock that has not moved for N days. */
    async alerts(
      principal: Principal,
      code: string,
      q: { expiringWithinDays: number; slowAfterDays: number; tenant?: string | undefined },
    ) {
      const a = await accessTo(principal, code);
      const tenant = tenantScope(a, q.tenant);
      const now = clock.now();
      const day = today();
      const filter = { siteCode: a.site.code, tenant };
      const [expiring, slow] = await Promise.all([
        repo.expiring(db, filter, addDays(day, q.expiringWithinDays)),
        repo.slow(db, filter, new Date(now.getTime() - q.slowAfterDays * 86_400_000)),
      ]);
      const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
      return {
        today: day,
        expiringWithinDays: q.expiringWithinDays,
        slowAfterDays: q.slowAfterDays,
        expiring: (await balanceViews(expiring)).map((v) => ({
          ...v,
          daysLeft: Math.round((dayMs(v.expiryDate as string) - dayMs(day)) / 86_400_000),
        })),
        slow: (await balanceViews(slow)).map((v) => ({
          ...v,
          idleDays: Math.floor((now.getTime() - Date.parse(v.lastMovedAt)) / 86_400_000),
        })),
      };
    },

    /** For the demo seed and tests: the site as the warehouse sees it. */
    warehouseSite,
    /** Available stock of a commodity at sites, per site and tenant, FEFO lots (supply figures; no scoping). */
    availableHoldings: (q: { siteCodes: string[]; commodityCode: string }) => availableHoldings(db, q),
  };
}

export type WarehouseService = ReturnType<typeof createWarehouseService>;
