import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { LaporService } from "../lapor";

// Skeleton (issue 5): the helper building this module replaces it.
export interface Open311Deps {
  db: Database;
  clock: Clock;
  lapor: LaporService;
}

export function createOpen311Service(deps: Open311Deps) {
  return { deps };
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
