export { pricesRoutes } from "./prices.routes";
export { createPricesService, type PricesService } from "./prices.service";
