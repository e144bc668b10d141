import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ShipmentsService } from "./shipments.service";

// SKELETON: to be built (issue 3).
export const shipmentsRoutes: FastifyPluginAsyncZod<{ shipments: ShipmentsService }> = async () => {};
