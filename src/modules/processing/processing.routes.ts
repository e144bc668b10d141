import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ProcessingService } from "./processing.service";

// SKELETON: to be built (issue 3).
export const processingRoutes: FastifyPluginAsyncZod<{ processing: ProcessingService }> = async () => {};
