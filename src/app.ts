import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config";
import type { DatabaseHandle } from "./db/client";
import { type RouteAccessEntry, registerAccessControl } from "./http/access";
import { AppError } from "./http/errors";
import { registerOpenApi } from "./http/openapi";
import { registerProblemHandlers, sendProblem } from "./http/problem";
import { deferredChildLogger } from "./http/request-logger";
import { helmetHeaders } from "./http/security-headers";
import { registerWeb } from "./http/web";
import { type Clock, systemClock } from "./lib/clock";
import { newId } from "./lib/ids";
import { auditRoutes, auditWrites, createAuditService } from "./modules/audit";
import { coldchainRoutes, createColdchainService } from "./modules/coldchain";
import { createDirectoryService, directoryRoutes } from "./modules/directory";
import { createEpcisService, epcisRoutes, glnKeyOf } from "./modules/epcis";
import { healthRoutes, type Readiness } from "./modules/health";
import { createIdentityService, identityAuthenticator, identityRoutes } from "./modules/identity";
import { createInterventionsService, interventionsRoutes } from "./modules/interventions";
import { createLaporService, laporRoutes } from "./modules/lapor";
import { createLotsService, lotsRoutes } from "./modules/lots";
import { createMarketplaceService, marketplaceRoutes } from "./modules/marketplace";
import { createMediaService, mediaRoutes } from "./modules/media";
import { createNewsService, newsRoutes } from "./modules/news";
import { createNotificationsService, notificationsRoutes } from "./modules/notifications";
import { createOpen311Service, open311Routes } from "./modules/open311";
import { createPartnerService, partnerRoutes } from "./modules/partner";
import { createPaymentsService, paymentsRoutes } from "./modules/payments";
import { createPricesService, pricesRoutes } from "./modules/prices";
import { createProcessingService, processingRoutes } from "./modules/processing";
import { createProcurementService, procurementRoutes } from "./modules/procurement";
import { createReferenceService, referenceRoutes } from "./modules/reference";
import { createShipmentsService, shipmentsRoutes } from "./modules/shipments";
import { createSpreadService, spreadRoutes } from "./modules/spread";
import { createStabilityService, stabilityRoutes } from "./modules/stability";
import { createSupplyService, supplyRoutes } from "./modules/supply";
import { createTraceService, traceRoutes } from "./modules/trace";
import { createWarehouseService, warehouseRoutes } from "./modules/warehouse";
import { VERSION } from "./version";

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Starts not ready when the caller will migrate after listening (see main.ts). */
  readiness?: Readiness;
  /** A pino logger to use instead of one built from config (tests capture logs with it). */
  logger?: FastifyBaseLogger;
}

// Personal data never reaches the logs (UU 27/2022): credentials, contacts, NIK.
export const LOG_REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.email",
  "*.phone",
  "*.nik",
  "*.token",
  "*.client_secret",
];

declare module "fastify" {
  interface FastifyInstance {
    routeAccess: RouteAccessEntry[];
    services: ReturnType<typeof createServices>;
  }
}

function createServices(deps: { config: Config; database: DatabaseHandle; clock: Clock }) {
  const { db } = deps.database;
  const reference = createReferenceService({ db, clock: deps.clock });
  const epcis = createEpcisService({ db, clock: deps.clock, limits: deps.config.epcis });
  const identity = createIdentityService({
    db,
    clock: deps.clock,
    secret: deps.config.secret,
    issuer: deps.config.publicUrl,
    sessionTtlHours: deps.config.sessionTtlHours,
    regionExists: (code) => reference.regionExists(code),
    platformPrefix: deps.config.gs1.platformPrefix,
  });
  // Lots build on the EPCIS, reference and identity services.
  const lots = createLotsService({
    db,
    clock: deps.clock,
    epcis,
    reference,
    identity,
    platformPrefix: deps.config.gs1.platformPrefix,
    resolver: deps.config.publicUrl,
  });
  // An organisation takes part in an event when the event names it (its PGLN or farm SGLN as source
  // or destination) or one of the sites it operates (any dock or zone of the site's SGLN).
  epcis.setParticipantResolver(async (tx, ids) => {
    const owners = new Map<string, string[]>();
    const add = (id: string, org: string | null) => {
      if (!org) return;
      const list = owners.get(id) ?? [];
      if (!list.includes(org)) list.push(org);
      owners.set(id, list);
    };
    for (const row of await lots.ownersOfLocations(tx, ids)) add(row.uri, row.organisationId);
    const idsByKey = new Map<string, string[]>();
    for (const id of ids) {
      const key = id.startsWith("urn:epc:id:sgln:") ? glnKeyOf(id) : null;
      if (key) idsByKey.set(key, [...(idsByKey.get(key) ?? []), id]);
    }
    for (const site of await reference.sitesByGlnKeys([...idsByKey.keys()], tx)) {
      const key = site.sgln ? glnKeyOf(site.sgln) : null;
      for (const id of (key && idsByKey.get(key)) || []) add(id, site.operatorOrganisationId);
    }
    return owners;
  });
  const coldchain = createColdchainService({
    db,
    clock: deps.clock,
    lots,
    epcis,
    // Readings for "a shipment's containers": what its lines carry, when the caller may see the shipment.
    shipmentContainers: (principal, id) =>
      shipments.get(principal, id).then(
        (s) => s.lines.map((l) => l.epc),
        (err: unknown) => {
          if (err instanceof AppError && err.status === 404) return null;
          throw err;
        },
      ),
  });
  const corridor = { db, clock: deps.clock, epcis, lots, reference, identity };
  const shipments = createShipmentsService({ ...corridor, coldchain, resolver: deps.config.publicUrl });
  const warehouse = createWarehouseService(corridor);
  const processing = createProcessingService(corridor);
  // Projections run in the capturing transaction, in this order.
  for (const p of [coldchain.projector, shipments.projector, warehouse.projector, processing.projector]) {
    epcis.addProjector(p);
  }
  const prices = createPricesService({ db, clock: deps.clock, reference });
  const notifications = createNotificationsService({ db, clock: deps.clock, identity });
  const stability = createStabilityService({ db, clock: deps.clock, reference, prices, notifications });
  // Alerts follow the prices: every series a write touched is re-evaluated once the write commits.
  prices.onSeriesChanged(async (keys) => {
    for (const key of keys) await stability.recomputeSeries(key);
    // Then the actions those alerts call for, once per commodity and province.
    const groups = new Map<string, { commodityCode: string; regionCode: string }>();
    for (const k of keys) {
      const province = k.regionCode.slice(0, 2);
      groups.set(`${k.commodityCode}|${province}`, { commodityCode: k.commodityCode, regionCode: province });
    }
    await interventions.refresh({ within: [...groups.values()] });
  });
  const supply = createSupplyService({ ...corridor, warehouse, shipments });
  const spread = createSpreadService({ db, clock: deps.clock, reference, prices });
  const interventions = createInterventionsService({
    db,
    clock: deps.clock,
    reference,
    identity,
    prices,
    stability,
    supply,
    shipments,
    // Ro-ro or ferry freight per kg as the Dinas configured it in the corridor spread.
    freightRpPerKg: async (route) =>
      (await spread.listFreight()).find((r) => r.route === route)?.rpPerKg ?? null,
  });
  // The citizen app (issue 5).
  const media = createMediaService({ db, clock: deps.clock });
  const directory = createDirectoryService({ db, clock: deps.clock });
  const news = createNewsService({ db, clock: deps.clock, media, identity, reference });
  const lapor = createLaporService({ db, clock: deps.clock, media, notifications, identity, reference });
  const open311 = createOpen311Service({ db, clock: deps.clock, lapor });
  const trace = createTraceService({
    db,
    organisationNames: (ids) => identity.organisationNames(ids),
    region: (code) => reference.getRegion(code).catch(() => null),
    commodity: (code) => reference.getCommodity(code).catch(() => null),
    sites: (glnKeys) => reference.sitesByGlnKeys(glnKeys),
    locationOwners: (uris) => lots.ownersOfLocations(db, uris),
    commoditiesOf: (epcs) => lots.commoditiesOf(db, epcs),
    excursions: (epcs) => coldchain.excursionsFor(epcs),
  });
  // Trade (issue 6): payments, the UMKM marketplace, the partner (JAKI) API, BUMD procurement.
  const payments = createPaymentsService({
    db,
    clock: deps.clock,
    secret: deps.config.secret,
    publicUrl: deps.config.publicUrl,
  });
  const marketplace = createMarketplaceService({
    db,
    clock: deps.clock,
    media,
    identity,
    reference,
    lots,
    shipments,
    notifications,
    payments,
    publicUrl: deps.config.publicUrl,
    paymentTimeoutMinutes: deps.config.market.paymentTimeoutMinutes,
  });
  const partner = createPartnerService({
    db,
    clock: deps.clock,
    secret: deps.config.secret,
    publicUrl: deps.config.publicUrl,
    identity,
    marketplace,
    trace,
  });
  const procurement = createProcurementService({
    db,
    clock: deps.clock,
    identity,
    reference,
    lots,
    shipments,
    payments,
    notifications,
    prices,
  });
  // The public trace's farmer's share: farm-gate and BUMD prices from procurement, Jakarta retail from prices.
  trace.usePriceSource({
    lotPrices: (lgtins) => procurement.lotPrices(lgtins),
    retailPrice: (code) => procurement.retailPriceJakarta(code),
  });
  return {
    identity,
    media,
    notifications,
    directory,
    news,
    lapor,
    open311,
    audit: createAuditService({ db, clock: deps.clock }),
    reference,
    epcis,
    lots,
    coldchain,
    shipments,
    warehouse,
    processing,
    prices,
    stability,
    supply,
    spread,
    interventions,
    trace,
    payments,
    marketplace,
    partner,
    procurement,
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const readiness: Readiness = deps.readiness ?? { ready: true, phase: "ready" };

  const logging: FastifyServerOptions = deps.logger
    ? { loggerInstance: deps.logger }
    : { logger: { level: config.logLevel, redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" } } };
  const app = Fastify({
    ...logging,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: "x-request-id",
    genReqId: () => newId("req"),
    childLoggerFactory: deferredChildLogger,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  const services = createServices({ config, database, clock });
  app.decorate("services", services);

  // Security headers (helmet's, computed once), the request id, and 503 while starting. A callback hook,
  // not an async one: it runs on every request, and a promise per request is measurable.
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(securityHeaders);
    reply.header("x-request-id", req.id);
    if (!readiness.ready && !req.url.startsWith("/health")) {
      // Answering from a hook: the reply is sent and `done` is not called.
      sendProblem(
        req,
        reply,
        new AppError("service.starting", `Lumbung is ${readiness.phase}; try again shortly`, {
          headers: { "retry-after": "2" },
        }),
      );
      return;
    }
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError("request.rate_limited", `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`, {
        headers: { "retry-after": String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });

  app.decorate("routeAccess", registerAccessControl(app, identityAuthenticator(services.identity)));
  auditWrites(app, services.audit);
  await registerOpenApi(app, VERSION);

  await app.register(healthRoutes, { dbKind: database.kind, version: VERSION, demo: config.demo, readiness });
  await app.register(identityRoutes, {
    identity: services.identity,
    loginRateLimit: config.loginRateLimit,
    publicWriteRateLimit: config.publicWriteRateLimit,
    secureCookies: config.publicUrl.startsWith("https://"),
  });
  await app.register(referenceRoutes, { reference: services.reference });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(epcisRoutes, { prefix: "/epcis", epcis: services.epcis, clock });
  await app.register(traceRoutes, { trace: services.trace });
  await app.register(lotsRoutes, { lots: services.lots });
  await app.register(shipmentsRoutes, { shipments: services.shipments });
  await app.register(warehouseRoutes, { warehouse: services.warehouse });
  await app.register(processingRoutes, { processing: services.processing });
  await app.register(coldchainRoutes, { coldchain: services.coldchain });
  await app.register(pricesRoutes, { prices: services.prices });
  await app.register(stabilityRoutes, { stability: services.stability });
  await app.register(supplyRoutes, { supply: services.supply });
  await app.register(spreadRoutes, { spread: services.spread });
  await app.register(interventionsRoutes, { interventions: services.interventions });
  await app.register(mediaRoutes, { media: services.media });
  await app.register(notificationsRoutes, { notifications: services.notifications });
  await app.register(directoryRoutes, { directory: services.directory });
  await app.register(newsRoutes, { news: services.news });
  await app.register(laporRoutes, { lapor: services.lapor });
  await app.register(open311Routes, { open311: services.open311 });
  await app.register(paymentsRoutes, { payments: services.payments });
  await app.register(marketplaceRoutes, { marketplace: services.marketplace });
  await app.register(partnerRoutes, { partner: services.partner });
  await app.register(procurementRoutes, { procurement: services.procurement });
  await registerWeb(app, config.webDistDir);

  return app;
}
