import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { NewsService } from "./news.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const newsRoutes: FastifyPluginAsyncZod<{ news: NewsService }> = async () => {};
