import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { InterventionsService } from "./interventions.service";

export const interventionsRoutes: FastifyPluginAsyncZod<{ interventions: InterventionsService }> = async (
  _app,
  { interventions },
) => {
  void interventions;
};
