import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ProcurementService } from "./procurement.service";

export const procurementRoutes: FastifyPluginAsyncZod<{ procurement: ProcurementService }> = async () => {};
