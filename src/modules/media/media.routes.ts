import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { MediaService } from "./media.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const mediaRoutes: FastifyPluginAsyncZod<{ media: MediaService }> = async () => {};
