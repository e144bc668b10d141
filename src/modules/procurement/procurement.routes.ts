import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { IdParam, problems } from "../../http/schemas";
import type { ProcurementService } from "./procurement.service";
import { FARM_PAYMENT_METHODS, OFFER_STATUSES, ORDER_STATUSES } from "./procurement.tables";

const tags = ["procurement"];
const everyone = access.personas("bumd", "koperasi", "farmer", "dinas");
const traders = access.personas("bumd", "koperasi", "farmer");
const buyers = access.personas("bumd");
const koperasi = access.personas("koperasi");

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual("a date as YYYY-MM-DD", "tanggal dalam format YYYY-MM-DD"));
const Kg = z.number().positive().max(100_000_000);
const Rupiah = z.number().int().min(1).max(100_000_000);
const Text = (max: number) => z.string().trim().min(1).max(max);
const Code = z.string().min(1).max(100);

const Named = z.object({ id: z.string(), name: z.string() });
const Commodity = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const Offer = z
  .object({
    id: z.string(),
    organisation: Named,
    commodity: Commodity,
    grade: z.string(),
    quantityKg: z.number(),
    remainingKg: z.number(),
    pricePerKg: z.number().int(),
    availableFrom: z.string(),
    availableUntil: z.string(),
    pickup: z.object({
      siteCode: z.string().nullable(),
      siteName: z.string().nullable(),
      regencyCode: z.string().nullable(),
      regencyName: z.string().nullable(),
      address: z.string().nullable(),
    }),
    lots: z.array(
      z.object({
        lgtin: z.string(),
        id: z.string().nullable(),
        lotCode: z.string().nullable(),
        kg: z.number().nullable(),
        harvestDate: z.string().nullable(),
      }),
    ),
    notes: z.string().nullable(),
    status: z.enum(OFFER_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: "ProcurementOffer" });

const PriceRule = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("fixed"), pricePerKg: Rupiah }),
    z.object({
      kind: z.literal("reference"),
      reference: z.enum(["HPP", "HET", "HAP"]),
      commodityCode: Code.optional(),
      marginPercent: z.number().min(-50).max(100).optional(),
      marginPerKg: z.number().int().min(-100_000).max(100_000).optional(),
    }),
    z.object({
      kind: z.literal("indexed"),
      level: z.enum(["producer", "wholesale", "retail"]),
      province: z
        .string()
        .regex(
          /^(31|18)$/,
          bilingual("31 (DKI Jakarta) or 18 (Lampung)", "31 (DKI Jakarta) atau 18 (Lampung)"),
        ),
      commodityCode: Code.optional(),
      percent: z.number().min(1).max(200).optional(),
      offsetPerKg: z.number().int().min(-100_000).max(100_000).optional(),
      floorPerKg: Rupiah.nullable().optional(),
      capPerKg: Rupiah.nullable().optional(),
    }),
  ])
  .meta({
    id: "ProcurementPriceRule",
    description:
      "fixed; reference = HPP/HET/HAP in force on the day (zone I) plus a margin; indexed = median of the province's markets at a level (a week's latest prices) × percent + offset, within floor and cap",
  });

const Quality = z.object({
  text: z.string().trim().max(2000),
  limits: z
    .array(
      z.object({
        parameter: Text(60),
        max: z.number().nullable().optional(),
        min: z.number().nullable().optional(),
        unit: Text(20),
      }),
    )
    .max(20),
});

const Contract = z
  .object({
    id: z.string(),
    number: z.string(),
    buyer: Named,
    supplier: Named,
    commodity: Commodity,
    grade: z.string(),
    period: z.enum(["week", "month"]),
    volumeKgPerPeriod: z.number(),
    priceRule: PriceRule,
    priceToday: z.object({ pricePerKg: z.number().int(), basis: z.string() }).nullable(),
    startDate: z.string(),
    endDate: z.string(),
    deliverySite: z.object({ code: z.string(), name: z.string() }),
    quality: Quality,
    status: z.enum(["proposed", "active", "ended", "cancelled"]),
    statusReason: z.string().nullable(),
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    schedule: z
      .array(
        z.object({
          index: z.number().int(),
          start: z.string(),
          end: z.string(),
          due: z.string(),
          committedKg: z.number(),
          deliveredKg: z.number(),
          onTimeKg: z.number(),
          state: z.enum(["upcoming", "open", "met", "short"]),
        }),
      )
      .nullable(),
    orders: z
      .array(z.object({ id: z.string(), number: z.string(), status: z.string(), deliverBy: z.string() }))
      .optional(),
  })
  .meta({ id: "ProcurementContract" });

const Order = z
  .object({
    id: z.string(),
    number: z.string(),
    buyer: Named,
    supplier: Named,
    offerId: z.string().nullable(),
    contractId: z.string().nullable(),
    orderDate: z.string(),
    deliverySite: z.object({ code: z.string(), name: z.string() }),
    deliverBy: z.string(),
    status: z.enum(ORDER_STATUSES),
    declineReason: z.string().nullable(),
    notes: z.string().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        commodity: Commodity,
        grade: z.string(),
        quantityKg: z.number(),
        pricePerKg: z.number().int(),
        priceBasis: z.string(),
        amount: z.number().int(),
        acceptedKg: z.number().nullable(),
        dispatchedKg: z.number(),
        toDispatchKg: z.number(),
        deliveredKg: z.number(),
        rejectedKg: z.number(),
      }),
    ),
    total: z.number().int(),
    shipments: z.array(z.object({ id: z.string(), number: z.string(), received: z.boolean() })),
    dispatches: z.array(
      z.object({
        shipmentNumber: z.string(),
        orderLineNo: z.number().int(),
        lot: z.string(),
        kg: z.number(),
        acceptedKg: z.number().nullable(),
        rejectedKg: z.number().nullable(),
        receivedAt: z.string().nullable(),
      }),
    ),
    invoice: z
      .object({
        id: z.string(),
        number: z.string(),
        status: z.enum(["issued", "paid"]),
        amount: z.number().int(),
      })
      .nullable(),
    createdAt: z.string(),
    respondedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    can: z.object({
      respond: z.boolean(),
      cancel: z.boolean(),
      dispatch: z.boolean(),
      invoice: z.boolean(),
      pay: z.boolean(),
    }),
  })
  .meta({ id: "ProcurementOrder" });

const Invoice = z
  .object({
    id: z.string(),
    number: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    supplier: Named,
    buyer: Named,
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        description: z.string(),
        commodityCode: z.string(),
        grade: z.string(),
        grams: z.number().int(),
        kg: z.number(),
        pricePerKg: z.number().int(),
        amount: z.number().int(),
        lots: z.array(z.string()),
      }),
    ),
    amount: z.number().int(),
    vatNote: z.string(),
    issuedAt: z.string(),
    dueDate: z.string(),
    status: z.enum(["issued", "paid"]),
    paidAt: z.string().nullable(),
    paidOn: z.string().nullable(),
    paymentReference: z.string().nullable(),
  })
  .meta({ id: "ProcurementInvoice" });

const FarmPayment = z
  .object({
    id: z.string(),
    koperasi: Named,
    lot: z.object({
      id: z.string(),
      lgtin: z.string(),
      lotCode: z.string().nullable(),
      harvestDate: z.string().nullable(),
      tracePath: z.string().nullable(),
    }),
    commodity: Commodity,
    farmerName: z.string(),
    farmerPhone: z.string().nullable(),
    farmerOrganisation: Named.nullable(),
    kg: z.number(),
    pricePerKg: z.number().int(),
    amount: z.number().int(),
    paidOn: z.string(),
    method: z.enum(FARM_PAYMENT_METHODS),
    reference: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ProcurementFarmPayment" });

const Figures = z.object({
  orders: z.number().int(),
  openOrders: z.number().int(),
  orderedKg: z.number(),
  acceptedKg: z.number(),
  dispatchedKg: z.number(),
  deliveredKg: z.number(),
  rejectedKg: z.number(),
  averagePricePaid: z.number().int().nullable(),
  onTimeRate: z
    .number()
    .nullable()
    .meta({ description: "Percent of delivered orders received by their deliver-by date" }),
  invoicedAmount: z.number().int(),
  paidAmount: z.number().int(),
  outstandingAmount: z.number().int(),
});
const IndexValue = z.object({ price: z.number().int(), date: z.string(), markets: z.number().int() });

const Dashboard = z
  .object({
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    buyer: z
      .object({
        totals: Figures,
        bySupplier: z.array(
          Figures.extend({
            supplier: Named,
            activeContracts: z.number().int(),
            committedKg: z.number(),
          }),
        ),
        byCommodity: z.array(
          z.object({
            commodity: Commodity,
            deliveredKg: z.number(),
            averagePricePaid: z.number().int().nullable(),
            reference: z.object({ kind: z.string(), pricePerKg: z.number().int() }).nullable(),
            jakartaWholesale: IndexValue.nullable(),
          }),
        ),
      })
      .nullable(),
    supplier: z
      .object({
        totals: Figures,
        offers: z.object({ open: z.number().int(), openKg: z.number(), total: z.number().int() }),
        ordersByStatus: z.record(z.string(), z.number().int()),
        activeContracts: z.number().int(),
        proposedContracts: z.number().int(),
        farmPayments: z.object({ count: z.number().int(), kg: z.number(), amount: z.number().int() }),
      })
      .nullable(),
  })
  .meta({ id: "ProcurementDashboard" });

const OfferBody = z.object({
  commodityCode: Code,
  grade: Text(60),
  quantityKg: Kg,
  pricePerKg: Rupiah,
  availableFrom: Day,
  availableUntil: Day,
  pickupSiteCode: Code.optional(),
  pickupRegencyCode: z.string().max(10).optional(),
  pickupAddress: z.string().trim().max(300).optional(),
  lots: z
    .array(Code)
    .max(50)
    .optional()
    .meta({ description: "The organisation's declared harvest lots behind the offer (lot ids or LGTINs)" }),
  notes: z.string().trim().max(1000).optional(),
});

const ContractBody = z.object({
  supplierOrganisationId: Code,
  commodityCode: Code,
  grade: Text(60),
  period: z.enum(["week", "month"]),
  volumeKgPerPeriod: Kg,
  priceRule: PriceRule,
  startDate: Day,
  endDate: Day,
  deliverySiteCode: Code,
  quality: Quality.default({ text: "", limits: [] }),
});

const OrderBody = z.object({
  offerId: Code.optional(),
  contractId: Code.optional(),
  supplierOrganisationId: Code.optional(),
  deliverySiteCode: Code.optional().meta({ description: "Defaults to the contract's" }),
  deliverBy: Day,
  lines: z
    .array(
      z.object({
        commodityCode: Code.optional(),
        grade: z.string().trim().max(60).optional(),
        quantityKg: Kg,
        pricePerKg: Rupiah.optional().meta({
          description: "Open orders only; offers and contracts set the price",
        }),
      }),
    )
    .min(1)
    .max(20),
  notes: z.string().trim().max(1000).optional(),
});

const RespondBody = z.object({
  decision: z.enum(["accept", "partial", "decline"]),
  lines: z
    .array(z.object({ lineNo: z.number().int().min(1), acceptedKg: z.number().min(0).max(100_000_000) }))
    .max(20)
    .optional(),
  reason: z.string().trim().max(500).optional(),
});

const DispatchBody = z.object({
  route: z.enum(["roro", "ferry", "direct"]),
  plannedDeparture: z.iso.datetime({ offset: true }),
  originSiteCode: Code.optional(),
  legs: z
    .array(
      z.object({
        seq: z.number().int().min(1).max(10),
        carrierOrganisationId: Code.optional(),
        carrierName: z.string().trim().max(120).optional(),
        vehicle: z.string().trim().max(40).optional(),
      }),
    )
    .max(10)
    .optional(),
  lines: z
    .array(
      z.object({
        lineNo: z.number().int().min(1),
        lots: z
          .array(z.object({ lot: Code.meta({ description: "Lot id or LGTIN" }), kg: Kg }))
          .min(1)
          .max(20),
      }),
    )
    .min(1)
    .max(20),
  dispatchNow: z.boolean().default(true).meta({ description: "Dispatch the shipment at once (default)" }),
});

const FarmPaymentBody = z.object({
  lot: Code.meta({ description: "A harvest lot of the koperasi: id or LGTIN" }),
  farmerName: Text(120),
  farmerPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,20}$/, bilingual("a phone number", "nomor telepon"))
    .optional(),
  farmerOrganisationId: Code.optional(),
  kg: Kg,
  pricePerKg: Rupiah,
  paidOn: Day,
  method: z.enum(FARM_PAYMENT_METHODS),
  reference: z.string().trim().max(120).optional(),
});

export const procurementRoutes: FastifyPluginAsyncZod<{ procurement: ProcurementService }> = async (
  app,
  { procurement },
) => {
  app.get(
    "/api/v1/procurement/dashboard",
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "Commitments, deliveries and prices: by supplier for a BUMD, offers to payments for a supplier",
        response: { 200: Dashboard, ...problems() },
      },
    },
    async (req) => procurement.dashboard(req.principal),
  );

  app.get(
    "/api/v1/procurement/parties",
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Suppliers, BUMD buyers, farmer organisations and delivery sites",
        response: {
          200: z.object({
            suppliers: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                regionCode: z.string().nullable(),
              }),
            ),
            buyers: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                regionCode: z.string().nullable(),
              }),
            ),
            farmers: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                regionCode: z.string().nullable(),
              }),
            ),
            deliverySites: z.array(
              z.object({ code: z.string(), name: z.string(), kind: z.string(), regionCode: z.string() }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (req) => procurement.parties(req.principal),
  );

  // ------------------------------------------------------------------ offers
  app.get(
    "/api/v1/procurement/offers",
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Open supply offers; with mine=true, my organisation's in every status",
        querystring: z.object({
          mine: z.enum(["true", "false"]).optional(),
          status: z.enum(OFFER_STATUSES).optional(),
          commodity: Code.optional(),
        }),
        response: { 200: z.object({ items: z.array(Offer) }), ...problems() },
      },
    },
    async (req) =>
      procurement.listOffers(req.principal, {
        mine: req.query.mine === "true",
        ...(req.query.status ? { status: req.query.status } : {}),
        ...(req.query.commodity ? { commodity: req.query.commodity } : {}),
      }),
  );

  app.post(
    "/api/v1/procurement/offers",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "Offer supply (koperasi, gapoktan, farmers, Lampung BUMDs)",
        body: OfferBody,
        response: { 201: Offer, ...problems() },
      },
    },
    async (req, reply) => reply.status(201).send(await procurement.createOffer(req.principal, req.body)),
  );

  app.get(
    "/api/v1/procurement/offers/:id",
    {
      config: { access: everyone },
      schema: { tags, summary: "One offer", params: IdParam, response: { 200: Offer, ...problems(404) } },
    },
    async (req) => procurement.getOffer(req.principal, req.params.id),
  );

  for (const [action, status] of [
    ["withdraw", "withdrawn"],
    ["close", "closed"],
  ] as const) {
    app.post(
      `/api/v1/procurement/offers/:id/${action}`,
      {
        config: { access: traders },
        schema: {
          tags,
          summary:
            action === "withdraw" ? "Withdraw my open offer" : "Close my open offer (sold out elsewhere)",
          params: IdParam,
          response: { 200: Offer, ...problems(404, 409) },
        },
      },
      async (req) => procurement.setOfferStatus(req.principal, req.params.id, status),
    );
  }

  // ------------------------------------------------------------------ contracts
  app.get(
    "/api/v1/procurement/contracts",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "My organisation's contracts",
        response: { 200: z.object({ items: z.array(Contract) }), ...problems() },
      },
    },
    async (req) => procurement.listContracts(req.principal),
  );

  app.post(
    "/api/v1/procurement/contracts",
    {
      config: { access: buyers },
      schema: {
        tags,
        summary: "Propose a supply contract to a supplier (BUMD)",
        body: ContractBody,
        response: { 201: Contract, ...problems() },
      },
    },
    async (req, reply) => reply.status(201).send(await procurement.createContract(req.principal, req.body)),
  );

  app.get(
    "/api/v1/procurement/contracts/:id",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "A contract with its delivery schedule and progress per period",
        params: IdParam,
        response: { 200: Contract, ...problems(404) },
      },
    },
    async (req) => procurement.getContract(req.principal, req.params.id),
  );

  app.get(
    "/api/v1/procurement/contracts/:id/price",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "The price the contract's rule gives on a day",
        params: IdParam,
        querystring: z.object({ date: Day }),
        response: {
          200: z.object({ date: z.string(), pricePerKg: z.number().int(), basis: z.string() }),
          ...problems(404, 409),
        },
      },
    },
    async (req) => procurement.contractPriceOn(req.principal, req.params.id, req.query.date),
  );

  for (const action of ["accept", "cancel", "end"] as const) {
    app.post(
      `/api/v1/procurement/contracts/:id/${action}`,
      {
        config: { access: traders },
        schema: {
          tags,
          summary: {
            accept: "The supplier accepts a proposed contract (it becomes active)",
            cancel: "Either party withdraws a proposed contract",
            end: "The buyer ends an active contract",
          }[action],
          params: IdParam,
          body: z.object({ reason: z.string().trim().max(500).optional() }).nullish(),
          response: { 200: Contract, ...problems(404, 409) },
        },
      },
      async (req) => procurement.contractAction(req.principal, req.params.id, action, req.body?.reason),
    );
  }

  // ------------------------------------------------------------------ purchase orders
  app.get(
    "/api/v1/procurement/orders",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "Purchase orders my organisation placed (buyer) or received (supplier)",
        querystring: z.object({
          role: z.enum(["buyer", "supplier"]).optional(),
          status: z.enum(ORDER_STATUSES).optional(),
        }),
        response: { 200: z.object({ items: z.array(Order) }), ...problems() },
      },
    },
    async (req) =>
      procurement.listOrders(req.principal, {
        ...(req.query.role ? { role: req.query.role } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
      }),
  );

  app.post(
    "/api/v1/procurement/orders",
    {
      config: { access: buyers },
      schema: {
        tags,
        summary: "Place a purchase order against an offer, a contract, or open (BUMD)",
        body: OrderBody,
        response: { 201: Order, ...problems(404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await procurement.createOrder(req.principal, req.body)),
  );

  app.get(
    "/api/v1/procurement/orders/:id",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "One purchase order (id or number)",
        params: IdParam,
        response: { 200: Order, ...problems(404) },
      },
    },
    async (req) => procurement.getOrder(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/procurement/orders/:id/respond",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "The supplier accepts, partly accepts (per line) or declines (with a reason)",
        params: IdParam,
        body: RespondBody,
        response: { 200: Order, ...problems(404, 409) },
      },
    },
    async (req) => procurement.respond(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/procurement/orders/:id/cancel",
    {
      config: { access: buyers },
      schema: {
        tags,
        summary: "The buyer cancels an order not yet answered",
        params: IdParam,
        response: { 200: Order, ...problems(404, 409) },
      },
    },
    async (req) => procurement.cancelOrder(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/procurement/orders/:id/dispatch",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "The supplier ships accepted quantities from its lots as a corridor shipment",
        params: IdParam,
        body: DispatchBody,
        response: {
          201: z.object({ order: Order, shipment: z.object({ id: z.string(), number: z.string() }) }),
          ...problems(404, 409),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await procurement.dispatch(req.principal, req.params.id, req.body)),
  );

  app.post(
    "/api/v1/procurement/orders/:id/invoice",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "The supplier invoices what was accepted at delivery",
        params: IdParam,
        body: z.object({ dueDays: z.number().int().min(0).max(180).optional() }).nullish(),
        response: { 201: Invoice, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await procurement.issueInvoice(req.principal, req.params.id, req.body ?? {})),
  );

  // ------------------------------------------------------------------ invoices
  app.get(
    "/api/v1/procurement/invoices",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "Invoices my organisation issued or received",
        response: { 200: z.object({ items: z.array(Invoice) }), ...problems() },
      },
    },
    async (req) => procurement.listInvoices(req.principal),
  );

  app.get(
    "/api/v1/procurement/invoices/:id",
    {
      config: { access: traders },
      schema: {
        tags,
        summary: "One invoice (id or number)",
        params: IdParam,
        response: { 200: Invoice, ...problems(404) },
      },
    },
    async (req) => procurement.getInvoice(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/procurement/invoices/:id/pay",
    {
      config: { access: buyers },
      schema: {
        tags,
        summary: "The BUMD records its bank transfer; the invoice is paid",
        params: IdParam,
        body: z.object({
          reference: Text(120).meta({ description: "Bank transfer reference" }),
          paidOn: Day.optional(),
        }),
        response: { 200: Invoice, ...problems(404, 409) },
      },
    },
    async (req) => procurement.recordPayment(req.principal, req.params.id, req.body),
  );

  // ------------------------------------------------------------------ farm-gate payments
  app.get(
    "/api/v1/procurement/farm-payments",
    {
      config: { access: koperasi },
      schema: {
        tags,
        summary: "What my koperasi paid farmers",
        response: { 200: z.object({ items: z.array(FarmPayment) }), ...problems() },
      },
    },
    async (req) => procurement.listFarmPayments(req.principal),
  );

  app.post(
    "/api/v1/procurement/farm-payments",
    {
      config: { access: koperasi },
      schema: {
        tags,
        summary: "Record a payment to a farmer for (part of) one of my lots",
        body: FarmPaymentBody,
        response: { 201: FarmPayment, ...problems() },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await procurement.recordFarmPayment(req.principal, req.body)),
  );

  app.get(
    "/api/v1/procurement/farm-payments/mine",
    {
      config: { access: access.personas("farmer") },
      schema: {
        tags,
        summary: "What I (my farmer organisation) was paid, when, for which lot",
        response: {
          200: z.object({
            items: z.array(FarmPayment),
            totals: z.object({ kg: z.number(), amount: z.number().int() }),
          }),
          ...problems(),
        },
      },
    },
    async (req) => procurement.myFarmPayments(req.principal),
  );
};
