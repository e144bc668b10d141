export { procurementRoutes } from "./procurement.routes";
export { createProcurementService, type ProcurementService } from "./procurement.service";
