import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { LaporService } from "./lapor.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const laporRoutes: FastifyPluginAsyncZod<{ lapor: LaporService }> = async () => {};
