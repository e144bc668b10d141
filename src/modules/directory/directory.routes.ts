import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { DirectoryService } from "./directory.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const directoryRoutes: FastifyPluginAsyncZod<{ directory: DirectoryService }> = async () => {};
