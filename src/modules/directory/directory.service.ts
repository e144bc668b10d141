import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { AppError, bilingual } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import "./directory.errors";
import { type Bilingual, serviceEntries, serviceGroups } from "./directory.tables";
import { score } from "./domain/search";
import { type ServiceKind, urlProblem } from "./domain/validation";

export interface DirectoryDeps {
  db: Database;
  clock: Clock;
}

export interface ServiceGroupView {
  code: string;
  name: Bilingual;
  icon: string;
  sort: number;
}

export interface ServiceView {
  slug: string;
  groupCode: string;
  kind: ServiceKind;
  name: Bilingual;
  description: Bilingual;
  url: string;
  agency: string;
  openingHours: Bilingual;
  requirements: Bilingual[];
  keywords: string[];
  regencyCodes: string[];
  sort: number;
  active: boolean;
  updatedAt: string;
}

export interface ServiceInput {
  slug: string;
  groupCode: string;
  kind: ServiceKind;
  name: Bilingual;
  description: Bilingual;
  url: string;
  agency: string;
  openingHours: Bilingual;
  requirements: Bilingual[];
  keywords: string[];
  regencyCodes: string[];
  sort: number;
  active: boolean;
}

type Row = typeof serviceEntries.$inferSelect;
type GroupRow = typeof serviceGroups.$inferSelect;

function groupView(g: GroupRow): ServiceGroupView {
  return { code: g.code, name: { id: g.nameId, en: g.nameEn }, icon: g.icon, sort: g.sort };
}

function view(r: Row): ServiceView {
  return {
    slug: r.slug,
    groupCode: r.groupCode,
    kind: r.kind,
    name: { id: r.nameId, en: r.nameEn },
    description: { id: r.descriptionId, en: r.descriptionEn },
    url: r.url,
    agency: r.agency,
    openingHours: r.openingHours,
    requirements: r.requirements,
    keywords: r.keywords,
    regencyCodes: r.regencyCodes,
    sort: r.sort,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function checkUrl(kind: ServiceKind, url: string): void {
  const problem = urlProblem(kind, url);
  if (problem) {
    throw new AppError("directory.invalid_url", problem.en, {
      errors: [{ field: "url", message: bilingual(problem.en, problem.id), messageId: problem.id }],
    });
  }
}

export function createDirectoryService(deps: DirectoryDeps) {
  const { db, clock } = deps;

  async function groups(): Promise<GroupRow[]> {
    return db.select().from(serviceGroups).orderBy(asc(serviceGroups.sort), asc(serviceGroups.code));
  }

  async function requireGroup(code: string): Promise<void> {
    const [g] = await db.select().from(serviceGroups).where(eq(serviceGroups.code, code)).limit(1);
    if (!g) {
      throw new AppError("directory.unknown_group", `No service group ${code}`, {
        errors: [
          {
            field: "groupCode",
            message: `Unknown group ${code}`,
            messageId: `Kelompok ${code} tidak dikenal`,
          },
        ],
      });
    }
  }

  async function rowBySlug(slug: string): Promise<Row> {
    const [row] = await db.select().from(serviceEntries).where(eq(serviceEntries.slug, slug)).limit(1);
    if (!row) throw new AppError("directory.not_found", `No service ${slug}`);
    return row;
  }

  return {
    async listGroups(): Promise<ServiceGroupView[]> {
      return (await groups()).map(groupView);
    },

    /**
     * Active entries (all of them with `includeInactive`, for the admin console) matching the query,
     * grouped by group in the groups' order; within a group by relevance, then the entry's order.
     * The catalogue is a few dozen rows: it is scored in memory, which gives accent-insensitive
     * word-prefix matching with typo tolerance that SQL ILIKE alone cannot.
     */
    async search(q: { q?: string; group?: string; regency?: string; includeInactive?: boolean }) {
      const [allGroups, rows] = await Promise.all([
        groups(),
        db.select().from(serviceEntries).orderBy(asc(serviceEntries.sort), asc(serviceEntries.slug)),
      ]);
      const query = q.q?.trim() ?? "";
      const scored = rows
        .filter((r) => q.includeInactive || r.active)
        .filter((r) => !q.group || r.groupCode === q.group)
        .filter(
          (r) =>
            !q.regency ||
            r.regencyCodes.length === 0 ||
            r.regencyCodes.some((c) => c === q.regency || q.regency?.startsWith(`${c}.`)),
        )
        .map((r) => ({
          row: r,
          score: score(query, {
            primary: [r.nameId, r.nameEn, ...r.keywords],
            secondary: [r.descriptionId, r.descriptionEn, r.agency, r.slug],
          }),
        }))
        .filter((s) => s.score > 0);
      const sections = allGroups
        .map((g) => ({
          group: groupView(g),
          items: scored
            .filter((s) => s.row.groupCode === g.code)
            .sort((a, b) => b.score - a.score || a.row.sort - b.row.sort)
            .map((s) => view(s.row)),
        }))
        .filter((s) => s.items.length > 0);
      return { sections, total: scored.length };
    },

    async get(slug: string, opts: { includeInactive?: boolean } = {}): Promise<ServiceView> {
      const row = await rowBySlug(slug);
      if (!row.active && !opts.includeInactive)
        throw new AppError("directory.not_found", `No service ${slug}`);
      return view(row);
    },

    async create(input: ServiceInput): Promise<ServiceView> {
      checkUrl(input.kind, input.url);
      await requireGroup(input.groupCode);
      const [row] = await db
        .insert(serviceEntries)
        .values({
          id: newId("svc"),
          slug: input.slug,
          groupCode: input.groupCode,
          kind: input.kind,
          nameId: input.name.id,
          nameEn: input.name.en,
          descriptionId: input.description.id,
          descriptionEn: input.description.en,
          url: input.url,
          agency: input.agency,
          openingHours: input.openingHours,
          requirements: input.requirements,
          keywords: input.keywords,
          regencyCodes: input.regencyCodes,
          sort: input.sort,
          active: input.active,
          updatedAt: clock.now(),
        })
        .onConflictDoNothing({ target: serviceEntries.slug })
        .returning();
      if (!row) throw new AppError("directory.slug_taken", `A service ${input.slug} exists already`);
      return view(row);
    },

    async update(slug: string, patch: Partial<Omit<ServiceInput, "slug">>): Promise<ServiceView> {
      const current = await rowBySlug(slug);
      const kind = patch.kind ?? current.kind;
      const url = patch.url ?? current.url;
      checkUrl(kind, url);
      if (patch.groupCode) await requireGroup(patch.groupCode);
      const [row] = await db
        .update(serviceEntries)
        .set({
          ...(patch.groupCode !== undefined ? { groupCode: patch.groupCode } : {}),
          kind,
          url,
          ...(patch.name ? { nameId: patch.name.id, nameEn: patch.name.en } : {}),
          ...(patch.description
            ? { descriptionId: patch.description.id, descriptionEn: patch.description.en }
            : {}),
          ...(patch.agency !== undefined ? { agency: patch.agency } : {}),
          ...(patch.openingHours ? { openingHours: patch.openingHours } : {}),
          ...(patch.requirements ? { requirements: patch.requirements } : {}),
          ...(patch.keywords ? { keywords: patch.keywords } : {}),
          ...(patch.regencyCodes ? { regencyCodes: patch.regencyCodes } : {}),
          ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updatedAt: clock.now(),
        })
        .where(eq(serviceEntries.id, current.id))
        .returning();
      if (!row) throw new AppError("directory.not_found", `No service ${slug}`);
      return view(row);
    },

    /** Soft delete: the entry stays (an admin may activate it again) but is no longer listed. */
    async deactivate(slug: string): Promise<void> {
      const current = await rowBySlug(slug);
      await db
        .update(serviceEntries)
        .set({ active: false, updatedAt: clock.now() })
        .where(eq(serviceEntries.id, current.id));
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
