import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { ENTRIES, GROUPS } from "./directory.data";
import { serviceEntries, serviceGroups } from "./directory.tables";

/**
 * Loads the Lampung catalogue at every start. Groups are upserted by code (they have no editor);
 * entries are inserted only when their slug is missing, so an administrator's edits (or deactivation)
 * survive restarts.
 */
export async function loadDirectoryDefaults(db: Database, now: Date = new Date()): Promise<void> {
  await db
    .insert(serviceGroups)
    .values(
      GROUPS.map((g) => ({ code: g.code, nameId: g.name.id, nameEn: g.name.en, icon: g.icon, sort: g.sort })),
    )
    .onConflictDoUpdate({
      target: serviceGroups.code,
      set: {
        nameId: sql`excluded.name_id`,
        nameEn: sql`excluded.name_en`,
        icon: sql`excluded.icon`,
        sort: sql`excluded.sort`,
      },
    });
  await db
    .insert(serviceEntries)
    .values(
      ENTRIES.map((e) => ({
        id: newId("svc"),
        slug: e.slug,
        groupCode: e.groupCode,
        kind: e.kind,
        nameId: e.name.id,
        nameEn: e.name.en,
        descriptionId: e.description.id,
        descriptionEn: e.description.en,
        url: e.url,
        agency: e.agency,
        openingHours: e.openingHours,
        requirements: e.requirements,
        keywords: e.keywords,
        regencyCodes: e.regencyCodes,
        sort: e.sort,
        active: true,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: serviceEntries.slug });
}
