import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client";

type PostgresTemplate = Extract<ReturnType<typeof inject<"dbTemplate">>, { kind: "postgres" }>;

/**
 * A PostgreSQL copy of the migrated, seeded template, named after the vitest main process (the
 * template's owner) so its teardown finds leftovers. Returns its URL and how to drop it.
 */
export async function clonePostgresTemplate(
  template: PostgresTemplate,
  label = randomBytes(5).toString("hex"),
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lumbung_t_${template.template.split("_")[2]}_${label}`;
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
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: template.url });
      await cleanup.connect();
      try {
        // The pool's clients are told to end but may not have gone yet; FORCE would kill them
        // mid-goodbye and their "terminating connection" error would surface in the test run.
        for (let attempt = 0; ; attempt++) {
          try {
            await cleanup.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 40 ? " WITH (FORCE)" : ""}`);
            break;
          } catch (err) {
            if (attempt >= 40 || !String(err).includes("being accessed by other users")) throw err;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** A fresh, migrated and seeded database for one test file, on PGlite or on PostgreSQL. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    return openDatabase({ kind: "pglite", loadDataDir: new Blob([readFileSync(template.file)]) });
  }
  const clone = await clonePostgresTemplate(template);
  const handle = await openDatabase({ kind: "postgres", url: clone.url, poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await clone.drop();
    },
  };
}
