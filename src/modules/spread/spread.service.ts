import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";

export interface SpreadDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  prices: PricesService;
}

export function createSpreadService(deps: SpreadDeps) {
  void deps;
  return {};
}

export type SpreadService = ReturnType<typeof createSpreadService>;
