export { supplyRoutes } from "./supply.routes";
export {
  createSupplyService,
  type Holding,
  type HoldingLot,
  type InboundShipment,
  type OutlookWeek,
  type SupplyPosition,
  type SupplyService,
} from "./supply.service";
