import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { Projector } from "../epcis";
import type { LotsService } from "../lots";

export interface ColdchainDeps {
  db: Database;
  clock: Clock;
  lots: LotsService;
}

// SKELETON: to be built (issue 3). The factory signature is fixed: app.ts wires it.
export function createColdchainService(deps: ColdchainDeps) {
  void deps;
  const projector: Projector = { name: "coldchain", project: async () => {} };
  return { projector };
}

export type ColdchainService = ReturnType<typeof createColdchainService>;
