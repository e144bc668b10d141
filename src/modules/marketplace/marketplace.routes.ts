import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogRoutes } from "./marketplace.catalog.routes";
import { ordersRoutes } from "./marketplace.orders.routes";
import type { MarketplaceService } from "./marketplace.service";

export const marketplaceRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async (
  app,
  opts,
) => {
  await app.register(catalogRoutes, opts);
  await app.register(ordersRoutes, opts);
};
