import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { ReferenceService } from "../reference";

export interface PricesDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
}

// SKELETON: to be built (issue 4). The factory signature is fixed: app.ts wires it.
export function createPricesService(deps: PricesDeps) {
  void deps;
  return {};
}

export type PricesService = ReturnType<typeof createPricesService>;
