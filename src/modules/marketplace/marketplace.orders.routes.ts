import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { MarketplaceService } from "./marketplace.service";

export const ordersRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async () => {};
