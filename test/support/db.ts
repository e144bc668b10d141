import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client";

/** A fresh, migrated and seeded database for one test file, on PGlite or on PostgreSQL. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    return openDatabase({ kind: "pglite", loadDataDir: new Blob([readFileSync(template.file)]) });
  }
  // Named after the vitest main process (the template's owner) so its teardown finds leftovers.
  const name = `lumbung_t_${template.template.split("_")[2]}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
        break;
      } catch (err) {
        // Two files cloning the same template at the same instant: wait and retry.
        if (attempt > 20 || !String(err).includes("being accessed by other users")) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: template.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
