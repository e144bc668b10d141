import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { MediaService } from "../media";

// Skeleton (issue 5): the helper building this module replaces it.
export interface NewsDeps {
  db: Database;
  clock: Clock;
  media: MediaService;
  identity: IdentityService;
}

export function createNewsService(deps: NewsDeps) {
  return { deps };
}

export type NewsService = ReturnType<typeof createNewsService>;
