import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";

export interface StabilityDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  prices: PricesService;
}

// SKELETON: to be built (issue 4). The factory signature is fixed: app.ts wires it.
export function createStabilityService(deps: StabilityDeps) {
  void deps;
  return {};
}

export type StabilityService = ReturnType<typeof createStabilityService>;
