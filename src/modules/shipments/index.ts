export { shipmentsRoutes } from "./shipments.routes";
export { createShipmentsService, type ShipmentsService } from "./shipments.service";
