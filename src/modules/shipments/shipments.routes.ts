import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { IdParam, problems } from "../../http/schemas";
import { reportCsv } from "./shipments.reports";
import {
  Containers,
  CreateShipmentBody,
  DelayReport,
  HoldBody,
  HubEntry,
  HubParams,
  HubQueue,
  HubShipmentParams,
  HubStats,
  InspectBody,
  LegParams,
  ListQuery,
  PackBody,
  Packed,
  Parties,
  PeriodQuery,
  Plan,
  PlanQuery,
  ReceiveBody,
  ReleaseBody,
  ReportQuery,
  ScanBody,
  ScanResult,
  ShipmentDetail,
  ShipmentPage,
  ShrinkageReport,
} from "./shipments.schemas";
import type { ShipmentsService } from "./shipments.service";

// Those who move corridor food record shipments; what each may do to one is checked in the service
// (shipper dispatches, receiver receives, carriers and site operators record legs).
const handlers = access.foodHandlers();
// The dinas oversees: it reads (its own shipments, none; the reports, all).
const overseers = access.foodOverseers();
const hubOperators = access.personas("hub_operator");

const Binary = z.any().meta({ type: "string", format: "binary" });
/** A report: JSON, or one CSV table with `?format=csv`. */
const report = (schema: z.ZodType) => ({
  description: "The report (JSON), or with ?format=csv one CSV table whose first column names the group",
  content: { "application/json": { schema }, "text/csv": { schema: z.string() } },
});

export const shipmentsRoutes: FastifyPluginAsyncZod<{ shipments: ShipmentsService }> = async (
  app,
  { shipments },
) => {
  // Shipments ------------------------------------------------------------------------------------

  app.get(
    "/api/v1/shipments/parties",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Organisations a shipment can be addressed to, and carriers that can take a leg",
        response: { 200: Parties, ...problems() },
      },
    },
    async () => shipments.parties(),
  );

  app.get(
    "/api/v1/shipments/plan",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "The legs and planned times a route would take, before a shipment is created",
        querystring: PlanQuery,
        response: { 200: Plan, ...problems() },
      },
    },
    async (req) => shipments.plan(req.principal, req.query),
  );

  app.post(
    "/api/v1/shipments",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Create a shipment (despatch advice) from your organisation: lines, planned legs, SJ number",
        description:
          "Lines are lots (`{ epc: LGTIN, kg }`) or packed containers (`{ sscc }`, mass from its packing). Legs are " +
          "planned from the route: roro = truck → Pelabuhan Panjang, ro-ro (07:00/15:00/23:00 WIB, 9 h) → Tanjung Priok, " +
          "truck → destination; ferry = truck → Bakauheni, ferry (≈ 2 h) → Merak, truck → destination; direct = one truck. " +
          "Nothing is captured until dispatch.",
        body: CreateShipmentBody,
        response: { 201: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req, reply) => {
      const created = await shipments.create(req.principal, req.body);
      reply.header("location", `/api/v1/shipments/${created.id}`);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/v1/shipments",
    {
      config: { access: overseers },
      schema: {
        tags: ["shipments"],
        summary: "Shipments you ship, receive, carry or whose hub you run (admins: all), newest first",
        querystring: ListQuery,
        response: { 200: ShipmentPage, ...problems() },
      },
    },
    async (req) => shipments.list(req.principal, req.query),
  );

  app.get(
    "/api/v1/shipments/reports/shrinkage",
    {
      config: { access: overseers },
      schema: {
        tags: ["shipments"],
        summary:
          "Shrinkage: shipped against accepted kg, and losses found at inspections, per route, leg mode and carrier",
        description:
          "Over shipments delivered in the period that you take part in (admins and the dinas: all).",
        querystring: ReportQuery,
        response: {
          200: report(ShrinkageReport),
          ...problems(),
        },
      },
    },
    async (req, reply) => {
      const figures = await shipments.shrinkageReport(req.principal, req.query);
      if (req.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="susut-pengiriman.csv"')
          .send(reportCsv(figures));
      }
      return figures;
    },
  );

  app.get(
    "/api/v1/shipments/reports/delays",
    {
      config: { access: overseers },
      schema: {
        tags: ["shipments"],
        summary: "Delays: planned against actual arrival per leg mode and carrier (mean, p90, on-time share)",
        querystring: ReportQuery,
        response: {
          200: report(DelayReport),
          ...problems(),
        },
      },
    },
    async (req, reply) => {
      const figures = await shipments.delayReport(req.principal, req.query);
      if (req.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="keterlambatan-pengiriman.csv"')
          .send(reportCsv(figures));
      }
      return figures;
    },
  );

  app.get(
    "/api/v1/shipments/:id",
    {
      config: { access: overseers },
      schema: {
        tags: ["shipments"],
        summary:
          "One shipment: lines, legs (planned, actual, ETA), timeline, hub visits, excursions, proof of delivery",
        params: IdParam,
        response: { 200: ShipmentDetail, ...problems(404) },
      },
    },
    async (req) => shipments.get(req.principal, req.params.id),
  );

  app.get(
    "/api/v1/shipments/:id/surat-jalan.pdf",
    {
      config: { access: overseers },
      schema: {
        tags: ["shipments"],
        summary:
          "The surat jalan (A4 PDF, Bahasa Indonesia) with QR codes of the shipment and of each lot or SSCC",
        params: IdParam,
        response: {
          200: { description: "A4 PDF", content: { "application/pdf": { schema: Binary } } },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const { number, pdf } = await shipments.suratJalan(req.principal, req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="surat-jalan-${number}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/v1/shipments/:id/dispatch",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Dispatch (shipper): the shipping event (po + desadv) and the first leg's departure",
        description:
          "From a shared warehouse, the warehouse's stock ledger takes the goods out and refuses (409) stock that is not there.",
        params: IdParam,
        response: { 200: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req) => shipments.dispatch(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/shipments/:id/cancel",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Cancel a planned shipment (shipper); nothing had been captured",
        params: IdParam,
        response: { 200: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req) => shipments.cancel(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/shipments/:id/legs/:seq/depart",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary:
          "A leg leaves (its carrier, the operator of the site it leaves, or the shipper for its own truck)",
        params: LegParams,
        response: { 200: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req) => shipments.departLeg(req.principal, req.params.id, req.params.seq),
  );

  app.post(
    "/api/v1/shipments/:id/legs/:seq/arrive",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary:
          "A leg arrives (its carrier, the operator of the site it reaches, or the shipper for its own truck)",
        params: LegParams,
        response: { 200: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req) => shipments.arriveLeg(req.principal, req.params.id, req.params.seq),
  );

  app.post(
    "/api/v1/shipments/:id/receive",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary:
          "Proof of delivery (receiver): accepted and rejected kg per line; custody passes to the receiver",
        description:
          "accepted + rejected must equal shipped on every line; a rejection needs a reason. Photo and signature are " +
          "JPEG/PNG data URLs of at most 300 kB. Receiving twice is refused (409).",
        params: IdParam,
        body: ReceiveBody,
        response: { 200: ShipmentDetail, ...problems(404, 409) },
      },
    },
    async (req) => shipments.receive(req.principal, req.params.id, req.body),
  );

  // Packing --------------------------------------------------------------------------------------

  app.post(
    "/api/v1/packing",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Pack lots into a new sack or pallet: a new SSCC and its packing AggregationEvent",
        body: PackBody,
        response: { 201: Packed, ...problems(409) },
      },
    },
    async (req, reply) => reply.status(201).send(await shipments.pack(req.principal, req.body)),
  );

  app.get(
    "/api/v1/packing",
    {
      config: { access: handlers },
      schema: {
        tags: ["shipments"],
        summary: "Sacks and pallets your organisation packed that still hold goods, newest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: Containers, ...problems(409) },
      },
    },
    async (req) => shipments.containers(req.principal, req.query.limit),
  );

  // Hub console ----------------------------------------------------------------------------------

  app.get(
    "/api/v1/hubs/:siteCode/queue",
    {
      config: { access: hubOperators },
      schema: {
        tags: ["hubs"],
        summary:
          "Expected inbound (with ETA) and on site by state (arrived, inspected, held, staged), with dwell so far",
        params: HubParams,
        response: { 200: HubQueue, ...problems(404) },
      },
    },
    async (req) => shipments.hubQueue(req.principal, req.params.siteCode),
  );

  app.post(
    "/api/v1/hubs/:siteCode/scan",
    {
      config: { access: hubOperators },
      schema: {
        tags: ["hubs"],
        summary: "Scan at the gate: records the arrival of the shipment that carries the code",
        params: HubParams,
        body: ScanBody,
        response: { 200: ScanResult, ...problems(404, 409) },
      },
    },
    async (req) => shipments.hubScan(req.principal, req.params.siteCode, req.body.code),
  );

  const hubRoute = (path: string, summary: string) => ({
    url: `/api/v1/hubs/:siteCode/shipments/:id/${path}`,
    config: { access: hubOperators },
    summary,
  });
  const hubSchema = (summary: string) => ({
    tags: ["hubs"],
    summary,
    params: HubShipmentParams,
    response: { 200: HubEntry, ...problems(404, 409) },
  });

  {
    const r = hubRoute(
      "inspect",
      "Inspect: conformant, non_conformant or damaged, with the mass found per line (a shortfall is a loss)",
    );
    app.post(
      r.url,
      { config: r.config, schema: { ...hubSchema(r.summary), body: InspectBody } },
      async (req) => shipments.hubInspect(req.principal, req.params.siteCode, req.params.id, req.body),
    );
  }
  {
    const r = hubRoute("hold", "Hold (sellable_not_accessible) with a reason; a held shipment cannot leave");
    app.post(r.url, { config: r.config, schema: { ...hubSchema(r.summary), body: HoldBody } }, async (req) =>
      shipments.hubHold(req.principal, req.params.siteCode, req.params.id, req.body.reason),
    );
  }
  {
    const r = hubRoute("release", "Release a hold (sellable_accessible), with an optional note");
    app.post(
      r.url,
      { config: r.config, schema: { ...hubSchema(r.summary), body: ReleaseBody.nullish() } },
      async (req) =>
        shipments.hubRelease(req.principal, req.params.siteCode, req.params.id, req.body?.reason),
    );
  }
  {
    const r = hubRoute(
      "cross-dock",
      "Cross-dock: stage at the outbound dock for the next leg (staging_outbound)",
    );
    app.post(r.url, { config: r.config, schema: hubSchema(r.summary) }, async (req) =>
      shipments.hubCrossDock(req.principal, req.params.siteCode, req.params.id),
    );
  }
  {
    const r = hubRoute(
      "dispatch",
      "Send on the next leg (departing; at Panjang, onto the ro-ro); refused while held",
    );
    app.post(r.url, { config: r.config, schema: hubSchema(r.summary) }, async (req) =>
      shipments.hubDispatch(req.principal, req.params.siteCode, req.params.id),
    );
  }

  app.get(
    "/api/v1/hubs/:siteCode/stats",
    {
      config: { access: hubOperators },
      schema: {
        tags: ["hubs"],
        summary: "Throughput, dwell (mean, p50, p90) and holds over a period (default: the last 30 days)",
        params: HubParams,
        querystring: PeriodQuery,
        response: { 200: HubStats, ...problems(404) },
      },
    },
    async (req) => shipments.hubStats(req.principal, req.params.siteCode, req.query),
  );
};
