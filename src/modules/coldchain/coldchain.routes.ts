import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ColdchainService } from "./coldchain.service";

// SKELETON: to be built (issue 3).
export const coldchainRoutes: FastifyPluginAsyncZod<{ coldchain: ColdchainService }> = async () => {};
