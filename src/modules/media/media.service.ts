import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";

// Skeleton (issue 5): the helper building this module replaces it.
export interface MediaDeps {
  db: Database;
  clock: Clock;
}

export function createMediaService(deps: MediaDeps) {
  return { deps };
}

export type MediaService = ReturnType<typeof createMediaService>;
