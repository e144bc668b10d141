export { notificationsRoutes } from "./notifications.routes";
export { createNotificationsService, type NotificationsService } from "./notifications.service";
