export { loadFreightDefaults } from "./spread.repository";
export { spreadRoutes } from "./spread.routes";
export { createSpreadService, type SpreadService } from "./spread.service";
