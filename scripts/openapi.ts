// Writes openapi.json from the route schemas, or with --check fails when the committed file drifts.
import { readFileSync, writeFileSync } from "node:fs";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";

export const OPENAPI_FILE = new URL("../openapi.json", import.meta.url);

export function serialiseOpenApi(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const database = await openDatabase({ kind: "pglite" });
const app = await buildApp({
  config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST_DIR: "/nonexistent" }),
  database,
});
await app.ready();
const generated = serialiseOpenApi(app.swagger());
await app.close();
await database.close();

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(OPENAPI_FILE, "utf8");
  } catch {
    // missing counts as drift
  }
  if (committed !== generated) {
    console.error("openapi.json is out of date: run `npm run openapi` and commit the result.");
    process.exit(1);
  }
  console.log("openapi.json is up to date");
} else {
  writeFileSync(OPENAPI_FILE, generated);
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
