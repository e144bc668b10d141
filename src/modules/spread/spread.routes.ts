import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SpreadService } from "./spread.service";

export const spreadRoutes: FastifyPluginAsyncZod<{ spread: SpreadService }> = async (_app, { spread }) => {
  void spread;
};
