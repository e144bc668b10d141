export { loadLaporDefaults } from "./lapor.defaults";
export { laporRoutes } from "./lapor.routes";
export { createLaporService, type LaporService } from "./lapor.service";
