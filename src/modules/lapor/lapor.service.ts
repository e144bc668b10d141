import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { MediaService } from "../media";
import type { NotificationsService } from "../notifications";
import type { ReferenceService } from "../reference";

// Skeleton (issue 5): the helper building this module replaces it.
export interface LaporDeps {
  db: Database;
  clock: Clock;
  media: MediaService;
  notifications: NotificationsService;
  identity: IdentityService;
  reference: ReferenceService;
}

export function createLaporService(deps: LaporDeps) {
  return { deps };
}

export type LaporService = ReturnType<typeof createLaporService>;
