import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SupplyService } from "./supply.service";

export const supplyRoutes: FastifyPluginAsyncZod<{ supply: SupplyService }> = async (_app, { supply }) => {
  void supply;
};
