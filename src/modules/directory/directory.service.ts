import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";

// Skeleton (issue 5): the helper building this module replaces it.
export interface DirectoryDeps {
  db: Database;
  clock: Clock;
}

export function createDirectoryService(deps: DirectoryDeps) {
  return { deps };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
