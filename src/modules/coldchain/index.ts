export { coldchainRoutes } from "./coldchain.routes";
export { type ColdchainService, createColdchainService } from "./coldchain.service";
