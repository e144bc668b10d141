export { ceilingFor, type ReferencePriceRow } from "./domain/reference";
export { levelRank, type StabilityLevel } from "./domain/types";
export { stabilityRoutes } from "./stability.routes";
export { createStabilityService, type StabilityService } from "./stability.service";
