import { type Config, DEFAULT_GS1_PREFIX } from "../config";
import { systemClock } from "../lib/clock";
import { loadColdchainDefaults } from "../modules/coldchain";
import { loadDirectoryDefaults } from "../modules/directory";
import { loadLaporDefaults } from "../modules/lapor";
import { assignSiteGlns } from "../modules/lots";
import { seedOpen311DemoKey } from "../modules/open311";
import { loadMarkets } from "../modules/prices";
import { loadProcessingDefaults } from "../modules/processing";
import { createReferenceService, loadReferenceData } from "../modules/reference";
import { loadFreightDefaults } from "../modules/spread";
import { loadSupplyDefaults } from "../modules/supply";
import { seedDemo } from "../seed/demo";
import type { DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

export type PreparePhase = "migrating" | "seeding";

/** Brings a database to the current schema with reference data, and demo data when asked. */
export async function prepareDatabase(
  handle: DatabaseHandle,
  opts: { demo: boolean; gs1Prefix?: string; onPhase?: (phase: PreparePhase) => void },
): Promise<void> {
  opts.onPhase?.("migrating");
  await migrateDatabase(handle);
  opts.onPhase?.("seeding");
  await loadReferenceData(handle.db);
  await loadMarkets(handle.db);
  await loadFreightDefaults(handle.db);
  await loadProcessingDefaults(handle.db);
  await loadColdchainDefaults(handle.db);
  await loadSupplyDefaults(handle.db);
  await loadDirectoryDefaults(handle.db);
  await loadLaporDefaults(handle.db);
  const reference = createReferenceService({ db: handle.db, clock: systemClock });
  await assignSiteGlns(handle.db, reference, opts.gs1Prefix ?? DEFAULT_GS1_PREFIX);
  if (opts.demo) {
    await seedDemo(handle.db, reference);
    await seedOpen311DemoKey(handle.db);
  }
  // PGlite runs no autovacuum: without statistics its planner misjudges the genealogy joins.
  if (handle.kind === "pglite") await handle.exec("analyze");
}

export function databaseTarget(config: Pick<Config, "databaseUrl" | "dataDir">) {
  return config.databaseUrl
    ? ({ kind: "postgres", url: config.databaseUrl } as const)
    : ({ kind: "pglite", dataDir: config.dataDir } as const);
}
