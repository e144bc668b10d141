import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { MarketplaceService } from "./marketplace.service";

export const catalogRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async () => {};
