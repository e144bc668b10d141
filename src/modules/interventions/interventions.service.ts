import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import type { StabilityService } from "../stability";
import type { SupplyService } from "../supply";

export interface InterventionsDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  identity: IdentityService;
  prices: PricesService;
  stability: StabilityService;
  supply: SupplyService;
  shipments: ShipmentsService;
}

export function createInterventionsService(deps: InterventionsDeps) {
  void deps;
  return {};
}

export type InterventionsService = ReturnType<typeof createInterventionsService>;
