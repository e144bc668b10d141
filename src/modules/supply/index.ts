export { DEFAULT_SUPPLY_PLANS, loadSupplyDefaults } from "./supply.defaults";
export { seedSupplyDemo } from "./supply.demo";
export { supplyRoutes } from "./supply.routes";
export {
  createSupplyService,
  type Holding,
  type HoldingLot,
  type InboundShipment,
  type OutlookWeek,
  type StockReportView,
  type SupplyPlanView,
  type SupplyPosition,
  type SupplyService,
} from "./supply.service";
