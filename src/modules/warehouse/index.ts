export { warehouseRoutes } from "./warehouse.routes";
export { createWarehouseService, type WarehouseService } from "./warehouse.service";
