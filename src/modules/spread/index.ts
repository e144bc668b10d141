export { spreadRoutes } from "./spread.routes";
export { createSpreadService, type SpreadService } from "./spread.service";
