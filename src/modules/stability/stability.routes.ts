import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { StabilityService } from "./stability.service";

// SKELETON: to be built (issue 4).
export const stabilityRoutes: FastifyPluginAsyncZod<{ stability: StabilityService }> = async () => {};
