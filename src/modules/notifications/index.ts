export { EXTERNAL_CHANNELS, type ExternalChannel } from "./domain/address";
export {
  inAppAdapter,
  type NotificationAdapter,
  simulatedEmailAdapter,
  simulatedSmsAdapter,
  simulatedWhatsappAdapter,
} from "./notifications.adapters";
export { notificationsRoutes } from "./notifications.routes";
export {
  createNotificationsService,
  type DispatchResult,
  type NotificationItem,
  type NotificationsService,
  startNotificationDispatcher,
} from "./notifications.service";
