export { referenceRoutes } from "./reference.routes";
export {
  createReferenceService,
  loadReferenceData,
  pricesInForce,
  type ReferenceService,
} from "./reference.service";
export { COMMODITIES, REFERENCE_PRICES, SITES } from "./reference.data";
