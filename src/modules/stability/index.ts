export { stabilityRoutes } from "./stability.routes";
export { createStabilityService, type StabilityService } from "./stability.service";
