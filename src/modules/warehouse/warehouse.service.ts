import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { EpcisService, Projector } from "../epcis";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";

export interface WarehouseDeps {
  db: Database;
  clock: Clock;
  epcis: EpcisService;
  lots: LotsService;
  reference: ReferenceService;
  identity: IdentityService;
}

// SKELETON: to be built (issue 3). The factory signature is fixed: app.ts wires it.
export function createWarehouseService(deps: WarehouseDeps) {
  void deps;
  const projector: Projector = { name: "warehouse", project: async () => {} };
  return { projector };
}

export type WarehouseService = ReturnType<typeof createWarehouseService>;
