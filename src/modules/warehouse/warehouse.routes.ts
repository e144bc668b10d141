import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { WarehouseService } from "./warehouse.service";

// SKELETON: to be built (issue 3).
export const warehouseRoutes: FastifyPluginAsyncZod<{ warehouse: WarehouseService }> = async () => {};
