import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { NotificationsService } from "./notifications.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const notificationsRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationsService;
}> = async () => {};
