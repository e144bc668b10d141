import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";

// Skeleton (issue 5): the helper building this module replaces it.
export interface NotificationsDeps {
  db: Database;
  clock: Clock;
}

export function createNotificationsService(deps: NotificationsDeps) {
  return { deps };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
