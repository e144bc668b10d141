import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { MediaService } from "./media.service";

/**
 * No routes of its own: whether a file may be seen depends on what it is attached to (a private report, a
 * draft article), so the module that attached it serves it. Kept so the app registers every module alike.
 */
export const mediaRoutes: FastifyPluginAsyncZod<{ media: MediaService }> = async () => {};
