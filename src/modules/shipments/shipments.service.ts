import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { ColdchainService } from "../coldchain";
import type { EpcisService, Projector } from "../epcis";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";

export interface ShipmentsDeps {
  db: Database;
  clock: Clock;
  epcis: EpcisService;
  lots: LotsService;
  reference: ReferenceService;
  identity: IdentityService;
  coldchain: ColdchainService;
  resolver: string;
}

// SKELETON: to be built (issue 3). The factory signature is fixed: app.ts wires it.
export function createShipmentsService(deps: ShipmentsDeps) {
  void deps;
  const projector: Projector = { name: "shipments", project: async () => {} };
  return { projector };
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
