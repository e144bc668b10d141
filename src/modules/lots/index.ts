export * as gs1 from "./domain/gs1";
export {
  EPCIS_CONTEXT,
  gramsToKilograms,
  LUMBUNG_EPCIS_NAMESPACE,
  toGrams,
  wibTimestamp,
} from "./domain/harvest-lot";
export { lotsRoutes } from "./lots.routes";
export { assignSiteGlns, createLotsService, type LotsService, type LotView } from "./lots.service";
