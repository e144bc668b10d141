export { MARKETS } from "./domain/markets";
export { pricesRoutes } from "./prices.routes";
export {
  type Board,
  type BoardEntry,
  createPricesService,
  loadMarkets,
  type PricesService,
  type SeriesKey,
  type SeriesQuery,
} from "./prices.service";
export { PRICE_LEVELS, type PriceLevel } from "./prices.tables";
