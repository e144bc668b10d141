/**
 * Imports a price CSV (Lumbung's format or Panel Harga's long format) into the database the
 * configuration names (DATABASE_URL, else the PGlite data directory). Usage:
 *
 *   npm run prices:import -- <file.csv> [--skip-invalid]
 *
 * Prints the counts (inserted, unchanged, updated, held, skipped) and every row it could not read or
 * map, with its line. Exit code 0 when stored, 65 (EX_DATAERR) when the file was refused, 64 on misuse.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { databaseTarget, prepareDatabase } from "../db/prepare";
import { AppError } from "../http/errors";
import { systemClock } from "../lib/clock";
import { createPricesService, loadMarkets } from "../modules/prices";
import { createReferenceService } from "../modules/reference";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "skip-invalid": { type: "boolean", default: false } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error("usage: prices-import <file.csv> [--skip-invalid]");
  process.exit(64);
}

function progressBar(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(
    `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows`,
  );
  if (done >= total) process.stderr.write("\n");
}

const config = loadConfig(process.env);
const handle = await openDatabase(databaseTarget(config));
try {
  await prepareDatabase(handle, { demo: false });
  await loadMarkets(handle.db);
  const reference = createReferenceService({ db: handle.db, clock: systemClock });
  const prices = createPricesService({ db: handle.db, clock: systemClock, reference });
  const text = readFileSync(file, "utf8");
  if (process.stderr.isTTY) process.stderr.write(`reading ${file}…\n`);
  const started = performance.now();
  const result = await prices.importCsv({ type: "anonymous" }, text, {
    skipInvalid: values["skip-invalid"] === true,
    source: `cli:${file.split("/").pop()}`,
    onProgress: progressBar,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${result.format}: ${result.rows} rows — inserted ${result.inserted}, unchanged ${result.unchanged}, ` +
      `updated ${result.updated}, held ${result.held}, skipped ${result.skipped}, no price ${result.noPrice} ` +
      `(${seconds.toFixed(1)} s)`,
  );
  for (const r of result.skippedRows) console.log(`  skipped line ${r.line} (${r.column}): ${r.reason}`);
} catch (err) {
  if (err instanceof AppError && err.code === "prices.invalid_rows") {
    console.error(`refused, nothing stored: ${err.message}`);
    for (const r of (err.extra.rows as { line: number; column: string; reason: string }[]) ?? []) {
      console.error(`  line ${r.line} (${r.column}): ${r.reason}`);
    }
    process.exitCode = 65;
  } else throw err;
} finally {
  await handle.close();
}
