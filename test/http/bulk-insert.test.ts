import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert } from "../../src/db/bulk-insert";
import type { DatabaseHandle } from "../../src/db/client";
import { auditLog } from "../../src/modules/audit/audit.tables";
import { serviceEntries } from "../../src/modules/directory/directory.tables";
import { createTestDatabase } from "../support/db";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("bulkInsert", () => {
  it("stores exactly what Drizzle's own insert stores: text, numbers, timestamps, JSON, nulls", async () => {
    const at = new Date("2026-11-30T10:11:12.345Z");
    const base = {
      at,
      actorType: "user" as const,
      actorLabel: "Nur Aini",
      action: "POST /x",
      method: "POST",
    };
    const rows = [
      {
        ...base,
        id: "aud_bulk_1",
        actorId: "usr_1",
        status: 201,
        details: { params: { id: "a" }, n: [1, 2] },
      },
      { ...base, id: "aud_bulk_2", actorId: null, status: 400, path: "/api/v1/x?y=1", details: undefined },
      {
        ...base,
        id: "aud_bulk_3",
        actorId: "usr_3",
        status: 200,
        ip: "127.0.0.1",
        details: { quote: 'a "b" \\ c' },
      },
    ];
    await bulkInsert(database.db, auditLog, rows);
    await database.db.insert(auditLog).values(rows.map((r) => ({ ...r, id: r.id.replace("bulk", "orm") })));

    const read = async (prefix: string) =>
      (
        await database.db
          .select()
          .from(auditLog)
          .where(
            inArray(
              auditLog.id,
              [1, 2, 3].map((i) => `aud_${prefix}_${i}`),
            ),
          )
      )
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(({ id: _id, ...rest }) => rest);
    const bulk = await read("bulk");
    expect(bulk).toEqual(await read("orm"));
    expect(bulk[0]?.at).toEqual(at);
    expect(bulk[0]?.details).toEqual({ params: { id: "a" }, n: [1, 2] });
    expect(bulk[1]?.details).toBeNull();
    expect(bulk[2]?.details).toEqual({ quote: 'a "b" \\ c' });
  });

  it("writes text arrays and skips conflicting rows when asked", async () => {
    const row = {
      id: "svc_bulk_1",
      slug: "bulk-insert-check",
      groupCode: "pengaduan",
      kind: "internal" as const,
      nameId: "Uji",
      nameEn: "Check",
      descriptionId: "d",
      descriptionEn: "d",
      url: "/lapor",
      agency: "Lumbung",
      openingHours: { id: "24 jam", en: "24 hours" },
      requirements: [{ id: "KTP", en: "ID card" }],
      keywords: ["satu", "dua, tiga", 'kutip "x"'],
      regencyCodes: [],
      updatedAt: new Date("2026-11-30T00:00:00Z"),
    };
    await bulkInsert(database.db, serviceEntries, [row]);
    await bulkInsert(database.db, serviceEntries, [row], { onConflictDoNothing: true });
    const [stored] = await database.db.select().from(serviceEntries).where(eq(serviceEntries.id, row.id));
    expect(stored).toMatchObject({
      keywords: ["satu", "dua, tiga", 'kutip "x"'],
      regencyCodes: [],
      openingHours: { id: "24 jam", en: "24 hours" },
      requirements: [{ id: "KTP", en: "ID card" }],
      sort: 0,
      active: true,
    });
  });
});
