import { asc, inArray } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { Projector } from "../epcis";
import type { LotsService } from "../lots";
import { type ExcursionRow, excursions } from "./coldchain.tables";

export interface ColdchainDeps {
  db: Database;
  clock: Clock;
  lots: LotsService;
}

export function createColdchainService(deps: ColdchainDeps) {
  const { db } = deps;
  // The projection that records excursions is built in this module's service (issue 3, cold chain).
  const projector: Projector = { name: "coldchain", project: async () => {} };
  return {
    projector,

    /** Excursions recorded against any of these identifiers (lots, containers), oldest first. */
    async excursionsFor(epcs: string[], tx: DbOrTx = db): Promise<ExcursionRow[]> {
      if (!epcs.length) return [];
      return tx.select().from(excursions).where(inArray(excursions.epc, epcs)).orderBy(asc(excursions.at));
    },
  };
}

export type ColdchainService = ReturnType<typeof createColdchainService>;
