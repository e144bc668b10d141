import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PricesService } from "./prices.service";

// SKELETON: to be built (issue 4).
export const pricesRoutes: FastifyPluginAsyncZod<{ prices: PricesService }> = async () => {};
