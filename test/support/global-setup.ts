import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, pgliteOf } from "../../src/db/client";
import { prepareDatabase } from "../../src/db/prepare";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; url: string; template: string };
  }
}

/**
 * Migrates and seeds one template database per run; every test file then gets its own copy
 * (PGlite: loadDataDir from a dump, ≈0.7 s instead of ≈4 s; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `lumbung_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const handle = await openDatabase({ kind: "postgres", url: templateUrl.toString(), poolSize: 2 });
    await prepareDatabase(handle, { demo: true });
    await handle.close();
    project.provide("dbTemplate", { kind: "postgres", url, template });
    return async () => {
      // Drop the per-file copies left by crashed workers, then the template.
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`lumbung_t_${process.pid}_%`, template],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ kind: "pglite" });
  await prepareDatabase(handle, { demo: true });
  const dump = await pgliteOf(handle)?.dumpDataDir("gzip");
  if (!dump) throw new Error("PGlite dump failed");
  const file = path.join(tmpdir(), `lumbung-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("dbTemplate", { kind: "pglite", file });
}
