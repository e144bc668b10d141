export * as gs1 from "./domain/gs1";
export { LUMBUNG_EPCIS_NAMESPACE } from "./domain/harvest-lot";
export { lotsRoutes } from "./lots.routes";
export { assignSiteGlns, createLotsService, type LotsService, type LotView } from "./lots.service";
