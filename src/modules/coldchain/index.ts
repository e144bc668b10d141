export { loadColdchainDefaults } from "./coldchain.repository";
export { coldchainRoutes } from "./coldchain.routes";
export { type ColdchainService, createColdchainService, type ShipmentContainers } from "./coldchain.service";
