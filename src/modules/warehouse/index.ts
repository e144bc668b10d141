export { DEMO_WAREHOUSES, seedWarehouseDemo } from "./warehouse.demo";
export { warehouseRoutes } from "./warehouse.routes";
export { createWarehouseService, type WarehouseService } from "./warehouse.service";
