export { hetZoneOf, provinceOf } from "./domain/zones";
export { COMMODITIES, REFERENCE_PRICES, SITES } from "./reference.data";
export { referenceRoutes } from "./reference.routes";
export {
  createReferenceService,
  loadReferenceData,
  pricesInForce,
  type ReferenceService,
} from "./reference.service";
