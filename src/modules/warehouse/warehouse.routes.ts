import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { preferredLanguage } from "../../http/problem";
import { Pagination, problems } from "../../http/schemas";
import { ZONE_CODE } from "./domain/locations";
import { gramsOf } from "./domain/quantity";
import type { WarehouseService } from "./warehouse.service";
import { MOVEMENT_KINDS, STOCK_STATES, ZONE_KINDS } from "./warehouse.tables";

// Anyone who handles corridor food may be a warehouse's operator or tenant; the service answers 404
// for a site the caller has no part in and 403 for operator-only actions.
const handlers = access.foodHandlers();
const tags = ["warehouse"];

const SiteParams = z.object({
  site: z.string().min(1).max(64).meta({ description: "Site code, e.g. gudang-bersama-jakarta" }),
});
const ZoneParams = SiteParams.extend({ zone: z.string().min(1).max(20) });
const TenantParams = SiteParams.extend({ organisationId: z.string().min(1).max(100) });
const BookingParams = SiteParams.extend({ id: z.string().min(1).max(100) });

const Lgtin = z
  .string()
  .trim()
  .max(200)
  .refine(
    (v) =>
      /^urn:epc:class:lgtin:(\d{6,12})\.(\d{1,7})\.\S{1,60}$/.exec(v)?.slice(1, 3).join("").length === 13,
    {
      message: bilingual(
        "must be a lot as an LGTIN EPC URI, urn:epc:class:lgtin:<company prefix>.<item reference>.<lot> (prefix and item reference 13 digits together)",
        "harus lot dalam bentuk URI EPC LGTIN, urn:epc:class:lgtin:<prefiks perusahaan>.<referensi item>.<lot> (prefiks dan referensi item bersama 13 digit)",
      ),
    },
  )
  .meta({ description: "The lot: urn:epc:class:lgtin:…" });

const gramPrecise = (kg: number) => gramsOf(kg, "KGM").ok;
const Kg = z
  .number()
  .positive()
  .max(100_000_000)
  .refine(gramPrecise, {
    message: bilingual("at most 3 decimals (whole grams)", "paling banyak 3 desimal (gram utuh)"),
  })
  .meta({ description: "Kilograms, up to 3 decimals" });
const SignedKg = z
  .number()
  .min(-100_000_000)
  .max(100_000_000)
  .refine((v) => v !== 0, { message: bilingual("must not be zero", "tidak boleh nol") })
  .refine((v) => gramPrecise(Math.abs(v)), {
    message: bilingual("at most 3 decimals (whole grams)", "paling banyak 3 desimal (gram utuh)"),
  })
  .meta({ description: "Signed kilograms: positive adds, negative removes" });
const Reason = z.string().trim().min(1).max(200);
const OrgId = z.string().trim().min(1).max(100);
const Place = z.string().trim().min(1).max(20).meta({ description: "dock, staging or a zone code" });
const ZoneCode = z
  .string()
  .trim()
  .regex(
    ZONE_CODE,
    bilingual(
      "lower-case letters, digits and inner hyphens, 1–20 characters (e.g. kering-a)",
      "huruf kecil, angka dan tanda hubung di tengah, 1–20 karakter (misalnya kering-a)",
    ),
  );
const Day = z.iso.date();

const Party = z.object({ id: z.string(), name: z.string() });

const SiteSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    address: z.string(),
    regionCode: z.string(),
    sgln: z.string().meta({ description: "The site's SGLN (extension 0)" }),
    dock: z.string().meta({ description: "SGLN of the receiving dock (extension dock)" }),
    staging: z.string().meta({ description: "SGLN of outbound staging (extension staging)" }),
    operator: Party.nullable(),
    role: z.enum(["admin", "operator", "tenant"]).meta({ description: "How the caller stands at this site" }),
  })
  .meta({ id: "WarehouseSite" });

const ZoneSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ZONE_KINDS),
    capacityKg: z.number().int(),
    palletPlaces: z.number().int(),
    sgln: z.string(),
    today: z.object({
      date: z.string(),
      bookedKg: z.number(),
      bookedPallets: z.number(),
      freeKg: z.number(),
      freePallets: z.number(),
      stockKg: z.number().nullable().meta({ description: "All tenants' stock in the zone (staff only)" }),
    }),
  })
  .meta({ id: "WarehouseZone" });

const TenantSchema = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    since: z.string(),
  })
  .meta({ id: "WarehouseTenant" });

const BookingSchema = z
  .object({
    id: z.string(),
    zone: z.object({ code: z.string(), name: z.string() }),
    tenant: Party,
    fromDate: z.string(),
    toDate: z.string(),
    kg: z.number().int(),
    pallets: z.number().int(),
    status: z.enum(["confirmed", "cancelled"]),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CapacityBooking" });

const BalanceSchema = z
  .object({
    id: z.string(),
    tenant: Party,
    location: z.string(),
    epc: z.string(),
    lot: z.string(),
    commodity: z.object({ code: z.string(), name: z.string() }).nullable(),
    state: z.enum(STOCK_STATES),
    grams: z.number().int(),
    kg: z.number(),
    expiryDate: z.string().nullable(),
    firstReceivedAt: z.string(),
    lastMovedAt: z.string(),
  })
  .meta({ id: "StockBalance" });

const MovementSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    tenant: Party,
    kind: z.enum(MOVEMENT_KINDS),
    location: z.string(),
    epc: z.string(),
    lot: z.string(),
    commodityCode: z.string().nullable(),
    state: z.enum(STOCK_STATES),
    deltaGrams: z.number().int(),
    balanceAfterGrams: z
      .number()
      .int()
      .meta({ description: "Balance of this lot, place and state after the movement" }),
    reason: z.string().nullable(),
    eventId: z.string().meta({ description: "eventID of the EPCIS event that caused it" }),
  })
  .meta({ id: "StockMovement" });

const OperationResult = z
  .object({ eventIds: z.array(z.string()), movements: z.array(MovementSchema) })
  .meta({ id: "WarehouseOperationResult" });

const CardSchema = z
  .object({
    site: z.string(),
    tenant: Party.nullable(),
    epc: z.string().nullable(),
    lot: z.string().nullable(),
    commodity: z.object({ code: z.string(), name: z.string() }).nullable(),
    location: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    openingGrams: z.number().int(),
    closingGrams: z.number().int(),
    rows: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(MOVEMENT_KINDS),
        epc: z.string(),
        lot: z.string(),
        location: z.string(),
        state: z.enum(STOCK_STATES),
        reason: z.string().nullable(),
        inGrams: z.number().int(),
        outGrams: z.number().int(),
        balanceGrams: z.number().int(),
        eventId: z.string(),
      }),
    ),
  })
  .meta({ id: "StockCard" });

const StockFilters = z.object({
  tenant: OrgId.optional().meta({
    description: "Staff: one tenant's stock; tenants always see only their own",
  }),
  location: Place.optional(),
  epc: Lgtin.optional(),
  commodity: z.string().max(64).optional(),
  state: z.enum(STOCK_STATES).optional(),
});

export const warehouseRoutes: FastifyPluginAsyncZod<{ warehouse: WarehouseService }> = async (
  app,
  { warehouse },
) => {
  app.get(
    "/api/v1/warehouse/sites",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Shared warehouses the caller operates or rents space in (admins: all)",
        response: { 200: z.object({ items: z.array(SiteSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await warehouse.listSites(req.principal) }),
  );

  app.get(
    "/api/v1/warehouse/sites/:site",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "A warehouse: its places, zones (capacity, today's bookings) and tenants",
        params: SiteParams,
        response: {
          200: SiteSchema.extend({ zones: z.array(ZoneSchema), tenants: z.array(TenantSchema) }),
          ...problems(404),
        },
      },
    },
    async (req) => warehouse.getSite(req.principal, req.params.site),
  );

  // Zones

  app.get(
    "/api/v1/warehouse/sites/:site/zones",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Zones of a warehouse with capacity and today's utilisation",
        params: SiteParams,
        response: { 200: z.object({ items: z.array(ZoneSchema) }), ...problems(404) },
      },
    },
    async (req) => ({ items: await warehouse.listZones(req.principal, req.params.site) }),
  );

  const ZoneBody = z.object({
    code: ZoneCode.meta({ description: "Becomes the SGLN extension: urn:epc:id:sgln:<site>.<code>" }),
    name: z.string().trim().min(1).max(80),
    kind: z.enum(ZONE_KINDS),
    capacityKg: z.number().int().positive().max(1_000_000_000).meta({ description: "Capacity in kilograms" }),
    palletPlaces: z.number().int().min(0).max(1_000_000),
  });

  app.post(
    "/api/v1/warehouse/sites/:site/zones",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Define a zone (operator, admin)",
        params: SiteParams,
        body: ZoneBody,
        response: { 201: ZoneSchema, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.createZone(req.principal, req.params.site, req.body)),
  );

  app.patch(
    "/api/v1/warehouse/sites/:site/zones/:zone",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Change a zone's name, kind or capacity (operator, admin); never below confirmed bookings",
        params: ZoneParams,
        body: ZoneBody.omit({ code: true })
          .partial()
          .refine((b) => Object.keys(b).length > 0, {
            message: bilingual(
              "name at least one field to change",
              "sebutkan setidaknya satu isian yang diubah",
            ),
          }),
        response: { 200: ZoneSchema, ...problems(404, 409) },
      },
    },
    async (req) => warehouse.updateZone(req.principal, req.params.site, req.params.zone, req.body),
  );

  app.get(
    "/api/v1/warehouse/sites/:site/zones/:zone/utilisation",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Bookings per day against the zone's capacity, and (staff) stock at each day's end",
        params: ZoneParams,
        querystring: z.object({
          from: Day.optional().meta({ description: "First day (default today, WIB)" }),
          to: Day.optional().meta({ description: "Last day (default from + 29 days)" }),
        }),
        response: {
          200: z.object({
            zone: z.object({
              code: z.string(),
              name: z.string(),
              capacityKg: z.number(),
              palletPlaces: z.number(),
            }),
            days: z.array(
              z.object({
                date: z.string(),
                bookedKg: z.number(),
                bookedPallets: z.number(),
                freeKg: z.number(),
                freePallets: z.number(),
                bookedPercent: z.number(),
                stockKg: z.number().nullable(),
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    async (req) =>
      warehouse.zoneUtilisation(req.principal, req.params.site, req.params.zone, {
        ...(req.query.from ? { from: req.query.from } : {}),
        ...(req.query.to ? { to: req.query.to } : {}),
      }),
  );

  // Tenants

  app.get(
    "/api/v1/warehouse/sites/:site/tenants",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Tenants of a warehouse (a tenant sees itself)",
        params: SiteParams,
        response: { 200: z.object({ items: z.array(TenantSchema) }), ...problems(404) },
      },
    },
    async (req) => ({ items: await warehouse.listTenants(req.principal, req.params.site) }),
  );

  app.get(
    "/api/v1/warehouse/sites/:site/tenant-candidates",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Organisations the operator may register as tenants (operator, admin)",
        params: SiteParams,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }),
          ...problems(404),
        },
      },
    },
    async (req) => ({ items: await warehouse.tenantCandidates(req.principal, req.params.site) }),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/tenants",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Register an organisation as a tenant (operator, admin); issues its party GLN",
        params: SiteParams,
        body: z.object({ organisationId: OrgId, since: Day.optional() }),
        response: { 201: TenantSchema, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.registerTenant(req.principal, req.params.site, req.body)),
  );

  app.delete(
    "/api/v1/warehouse/sites/:site/tenants/:organisationId",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "End a tenancy (operator, admin); refused while the tenant has stock or bookings",
        params: TenantParams,
        response: { 204: z.null().meta({ description: "Removed" }), ...problems(404, 409) },
      },
    },
    async (req, reply) => {
      await warehouse.removeTenant(req.principal, req.params.site, req.params.organisationId);
      return reply.status(204).send(null);
    },
  );

  // Bookings

  app.get(
    "/api/v1/warehouse/sites/:site/bookings",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Capacity bookings (a tenant sees its own)",
        params: SiteParams,
        querystring: z.object({
          zone: z.string().max(20).optional(),
          tenant: OrgId.optional(),
          from: Day.optional().meta({ description: "Bookings that end on or after this day" }),
          to: Day.optional().meta({ description: "Bookings that start on or before this day" }),
          status: z.enum(["confirmed", "cancelled"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(BookingSchema) }), ...problems(404) },
      },
    },
    async (req) => ({ items: await warehouse.listBookings(req.principal, req.params.site, req.query) }),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/bookings",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Book zone capacity for a range of days (tenant for itself, operator for a tenant)",
        description:
          "Refused with 409 warehouse.capacity_exceeded, naming the days and the free capacity, when on any " +
          "day of the range the confirmed bookings with this one would exceed the zone's kg or pallet places.",
        params: SiteParams,
        body: z.object({
          zone: z.string().trim().min(1).max(20),
          tenant: OrgId.optional().meta({
            description: "The tenant (operator bookings); tenants book for themselves",
          }),
          fromDate: Day,
          toDate: Day,
          kg: z.number().int().positive().max(1_000_000_000),
          pallets: z.number().int().min(0).max(1_000_000),
          note: z.string().trim().max(200).optional(),
        }),
        response: { 201: BookingSchema, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.createBooking(req.principal, req.params.site, req.body)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/bookings/:id/cancel",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Cancel a booking (its tenant, the operator, an admin)",
        params: BookingParams,
        response: { 200: BookingSchema, ...problems(404, 409) },
      },
    },
    async (req) => warehouse.cancelBooking(req.principal, req.params.site, req.params.id),
  );

  // Stock

  app.get(
    "/api/v1/warehouse/sites/:site/stock",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Stock on hand per tenant, place, lot and state, with totals per commodity",
        params: SiteParams,
        querystring: StockFilters,
        response: {
          200: z.object({
            items: z.array(BalanceSchema),
            totals: z.object({
              grams: z.number(),
              byCommodity: z.array(
                z.object({
                  code: z.string().nullable(),
                  name: z.string(),
                  grams: z.number(),
                  heldGrams: z.number(),
                  kg: z.number(),
                  heldKg: z.number(),
                }),
              ),
            }),
          }),
          ...problems(404),
        },
      },
    },
    async (req) => warehouse.stock(req.principal, req.params.site, req.query),
  );

  app.get(
    "/api/v1/warehouse/sites/:site/movements",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "The stock ledger, newest first; every row names the event that caused it",
        params: SiteParams,
        querystring: StockFilters.omit({ state: true })
          .extend(Pagination.shape)
          .extend({
            kind: z.enum(MOVEMENT_KINDS).optional(),
          }),
        response: {
          200: z.object({ items: z.array(MovementSchema), nextCursor: z.string().nullable() }),
          ...problems(404),
        },
      },
    },
    async (req) => warehouse.movements(req.principal, req.params.site, req.query),
  );

  app.get(
    "/api/v1/warehouse/sites/:site/stock-card",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Stock card (kartu stok) of a lot or a commodity; CSV with ?format=csv or Accept: text/csv",
        description:
          "Opening balance at `from`, every movement to `to` (WIB days, inclusive) with in, out and running " +
          "balance, and the event id. CSV is UTF-8 without BOM, CRLF, kilograms with a dot; the header row " +
          "is in Bahasa Indonesia unless Accept-Language starts with en.",
        params: SiteParams,
        querystring: z.object({
          epc: Lgtin.optional(),
          commodity: z.string().max(64).optional(),
          tenant: OrgId.optional(),
          location: Place.optional(),
          from: Day.optional(),
          to: Day.optional(),
          format: z.enum(["json", "csv"]).optional(),
          lang: z
            .enum(["id", "en"])
            .optional()
            .meta({ description: "CSV header language; default from Accept-Language (Bahasa Indonesia)" }),
        }),
        response: {
          200: {
            description: "The stock card",
            content: {
              "application/json": { schema: CardSchema },
              "text/csv": { schema: z.string().meta({ description: "The card as CSV" }) },
            },
          },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const { format, lang, ...q } = req.query;
      const csv =
        format === "csv" || (format === undefined && /\btext\/csv\b/i.test(req.headers.accept ?? ""));
      if (!csv) return warehouse.stockCard(req.principal, req.params.site, q);
      const out = await warehouse.stockCardCsv(
        req.principal,
        req.params.site,
        q,
        lang ?? preferredLanguage(req),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${out.filename}"`)
        .send(out.csv);
    },
  );

  app.get(
    "/api/v1/warehouse/sites/:site/pick-suggestions",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary:
          "FEFO pick lines for kg of a commodity: earliest expiry first, then oldest receipt; never held stock",
        params: SiteParams,
        querystring: z.object({
          commodity: z.string().trim().min(1).max(64),
          kg: z.coerce.number().positive().max(100_000_000),
          tenant: OrgId.optional().meta({
            description: "Staff name the tenant; a tenant gets its own stock",
          }),
        }),
        response: {
          200: z.object({
            commodity: z.string(),
            requestedKg: z.number(),
            lines: z.array(BalanceSchema.extend({ zone: z.string(), takeKg: z.number() })),
            shortKg: z.number().meta({ description: "What the available stock cannot cover" }),
          }),
          ...problems(404),
        },
      },
    },
    async (req) => warehouse.pickSuggestions(req.principal, req.params.site, req.query),
  );

  app.get(
    "/api/v1/warehouse/sites/:site/alerts",
    {
      config: { access: handlers },
      schema: {
        tags,
        summary: "Stock expiring within N days (or expired) and stock that has not moved for N days",
        params: SiteParams,
        querystring: z.object({
          expiringWithinDays: z.coerce.number().int().min(0).max(3650).default(14),
          slowAfterDays: z.coerce.number().int().min(1).max(3650).default(60),
          tenant: OrgId.optional(),
        }),
        response: {
          200: z.object({
            today: z.string(),
            expiringWithinDays: z.number(),
            slowAfterDays: z.number(),
            expiring: z.array(BalanceSchema.extend({ daysLeft: z.number() })),
            slow: z.array(BalanceSchema.extend({ idleDays: z.number() })),
          }),
          ...problems(404),
        },
      },
    },
    async (req) => warehouse.alerts(req.principal, req.params.site, req.query),
  );

  // Operations: each captures EPCIS event(s); the ledger follows from them in the same transaction.

  const operation = {
    tags,
    params: SiteParams,
    response: { 201: OperationResult, ...problems(404, 409) },
  };

  app.post(
    "/api/v1/warehouse/sites/:site/put-away",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Put away (operator): dock or staging → zone; captures a storing event",
        body: z.object({
          tenant: OrgId,
          epc: Lgtin,
          kg: Kg,
          zone: z.string().trim().min(1).max(20),
          from: z.enum(["dock", "staging"]).optional().meta({ description: "Default dock" }),
          expiryDate: Day.optional().meta({ description: "Sets the lot's expiry for FEFO (lb:expiryDate)" }),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.putAway(req.principal, req.params.site, req.body)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/move",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Move between zones (operator); captures a storing event from the old zone",
        body: z.object({
          tenant: OrgId,
          epc: Lgtin,
          kg: Kg,
          fromZone: z.string().trim().min(1).max(20),
          toZone: z.string().trim().min(1).max(20),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.move(req.principal, req.params.site, req.body)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/pick",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Pick (operator): zone → staging, one picking event per line",
        body: z.object({
          tenant: OrgId,
          lines: z
            .array(z.object({ epc: Lgtin, zone: z.string().trim().min(1).max(20), kg: Kg }))
            .min(1)
            .max(50),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.pick(req.principal, req.params.site, req.body)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/count",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Cycle count (operator): the ledger books the difference as a count movement",
        body: z.object({
          tenant: OrgId,
          epc: Lgtin,
          location: Place,
          countedKg: z
            .number()
            .min(0)
            .max(100_000_000)
            .refine(gramPrecise, {
              message: bilingual("at most 3 decimals (whole grams)", "paling banyak 3 desimal (gram utuh)"),
            }),
          reason: Reason.optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.count(req.principal, req.params.site, req.body)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/adjust",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary:
          "Adjust stock with a reason (operator): a cycle_counting event with lb:reason and lb:adjustmentKg",
        body: z.object({ tenant: OrgId, epc: Lgtin, location: Place, kg: SignedKg, reason: Reason }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.adjust(req.principal, req.params.site, req.body)),
  );

  const HoldBody = z.object({
    tenant: OrgId.optional().meta({ description: "Staff name the tenant; a tenant holds its own stock" }),
    epc: Lgtin,
    location: Place.optional().meta({ description: "Where; without it, wherever the lot lies in the site" }),
    kg: Kg.optional().meta({ description: "How much; without it, all of it" }),
  });

  app.post(
    "/api/v1/warehouse/sites/:site/hold",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Hold stock (operator, or the tenant for its own): holding, sellable_not_accessible",
        body: HoldBody.extend({ reason: Reason }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.setHold(req.principal, req.params.site, req.body, true)),
  );

  app.post(
    "/api/v1/warehouse/sites/:site/release",
    {
      config: { access: handlers },
      schema: {
        ...operation,
        summary: "Release held stock (operator, or the tenant for its own): holding, sellable_accessible",
        body: HoldBody.extend({ reason: Reason.optional() }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await warehouse.setHold(req.principal, req.params.site, req.body, false)),
  );
};
