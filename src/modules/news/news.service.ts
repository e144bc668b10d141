import { and, arrayContains, desc, eq, like, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { IdentityService } from "../identity";
import type { MediaService } from "../media";
import type { ReferenceService } from "../reference";
import { slugify, uniqueSlug } from "./domain/slug";
import "./news.errors";
import { newsArticles } from "./news.tables";

export interface NewsDeps {
  db: Database;
  clock: Clock;
  media: MediaService;
  identity: IdentityService;
  /** Kemendagri regions: an article may target Lampung's regencies and cities. */
  reference: Pick<ReferenceService, "listRegions">;
}

export type NewsKind = "news" | "announcement";
export type NewsStatus = "draft" | "published" | "archived";

export interface NewsInput {
  title: string;
  summary: string;
  kind: NewsKind;
  body: string;
  imageMediaId: string | null;
  imageAlt: string | null;
  regencyCodes: string[];
  /** Admins without an organisation of their own name the publishing one. */
  organisationId?: string | undefined;
}

export interface NewsView {
  id: string;
  slug: string;
  kind: NewsKind;
  title: string;
  summary: string;
  body: string;
  image: { mediaId: string; url: string; alt: string; width: number | null; height: number | null } | null;
  regencyCodes: string[];
  organisation: { id: string; name: string };
  status: NewsStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = typeof newsArticles.$inferSelect;
type User = Extract<Principal, { type: "user" }>;

/** An author: an administrator, or a member of a dinas acting for it. */
interface Author {
  user: User;
  admin: boolean;
  organisationId: string | null;
}

function authorOf(principal: Principal): Author {
  if (principal.type !== "user") throw new AppError("news.not_an_author");
  if (principal.isAdmin) return { user: principal, admin: true, organisationId: principal.organisationId };
  if (principal.organisationKind !== "dinas" || !principal.organisationId)
    throw new AppError("news.not_an_author");
  return { user: principal, admin: false, organisationId: principal.organisationId };
}

function mayEdit(author: Author, row: Row): boolean {
  return author.admin || row.organisationId === author.organisationId;
}

function refuseUnknownRegencies(unknown: string[]): void {
  if (unknown.length) {
    throw new AppError("news.unknown_regency", `Not Lampung regencies: ${unknown.join(", ")}`, {
      errors: [
        {
          field: "regencyCodes",
          message: `Unknown: ${unknown.join(", ")}`,
          messageId: `Tidak dikenal: ${unknown.join(", ")}`,
        },
      ],
    });
  }
}

function altRequired(): AppError {
  return new AppError("news.image_alt_required", "imageAlt is required when an image is attached", {
    errors: [
      {
        field: "imageAlt",
        message: "Describe the image for screen readers",
        messageId: "Jelaskan isi gambar untuk pembaca layar",
      },
    ],
  });
}

export function createNewsService(deps: NewsDeps) {
  const { db, clock, media, identity, reference } = deps;

  async function checkRegencies(codes: string[]): Promise<void> {
    if (!codes.length) return;
    const lampung = new Set(
      (await reference.listRegions({ level: "regency", parent: "18" })).map((r) => r.code),
    );
    refuseUnknownRegencies(codes.filter((c) => !lampung.has(c)));
  }

  async function views(rows: Row[]): Promise<NewsView[]> {
    const names = await identity.organisationNames([...new Set(rows.map((r) => r.organisationId))]);
    const imageIds = rows.map((r) => r.imageMediaId).filter((x): x is string => Boolean(x));
    const images = new Map((imageIds.length ? await media.describe(imageIds) : []).map((m) => [m.id, m]));
    return rows.map((r) => {
      const image = r.imageMediaId ? images.get(r.imageMediaId) : undefined;
      return {
        id: r.id,
        slug: r.slug,
        kind: r.kind,
        title: r.title,
        summary: r.summary,
        body: r.body,
        image: r.imageMediaId
          ? {
              mediaId: r.imageMediaId,
              url: `/api/v1/news/images/${r.imageMediaId}`,
              alt: r.imageAlt ?? "",
              width: image?.width ?? null,
              height: image?.height ?? null,
            }
          : null,
        regencyCodes: r.regencyCodes,
        organisation: { id: r.organisationId, name: names.get(r.organisationId) ?? "" },
        status: r.status,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  async function view(row: Row): Promise<NewsView> {
    const [v] = await views([row]);
    if (!v) throw new AppError("news.not_found");
    return v;
  }

  async function freeSlug(title: string, exceptId?: string): Promise<string> {
    const base = slugify(title);
    const rows = await db
      .select({ id: newsArticles.id, slug: newsArticles.slug })
      .from(newsArticles)
      .where(or(eq(newsArticles.slug, base), like(newsArticles.slug, `${base}-%`)));
    // "mine" and "images" are paths of their own under /api/v1/news.
    const taken = new Set(["mine", "images", ...rows.filter((r) => r.id !== exceptId).map((r) => r.slug)]);
    return uniqueSlug(base, taken);
  }

  /** The article, when the author may edit it; another organisation's article does not exist for them. */
  async function editable(author: Author, id: string): Promise<Row> {
    const [row] = await db.select().from(newsArticles).where(eq(newsArticles.id, id)).limit(1);
    if (!row || !mayEdit(author, row)) throw new AppError("news.not_found", `No article ${id}`);
    return row;
  }

  /** An image may be attached when its uploader is the author, or it is already this article's. */
  async function checkImage(author: Author, mediaId: string, current: Row | null): Promise<void> {
    if (current?.imageMediaId === mediaId) return;
    const [file] = await media.describe([mediaId]);
    if (file?.purpose !== "news_image" || file.ownerUserId !== author.user.userId) {
      throw new AppError("news.invalid_image", `Image ${mediaId} was not uploaded by you for news`, {
        errors: [
          {
            field: "imageMediaId",
            message: "Upload the image first with POST /api/v1/news/images",
            messageId: "Unggah gambar dahulu lewat POST /api/v1/news/images",
          },
        ],
      });
    }
  }

  async function withSlugRetry<T>(fn: () => Promise<T>): Promise<T> {
    // Two authors saving the same title at once: the unique index refuses one; it picks the next slug.
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const code = (error as { code?: string; cause?: { code?: string } }).cause?.code;
        if (attempt < 3 && (code === "23505" || (error as { code?: string }).code === "23505")) continue;
        throw error;
      }
    }
  }

  return {
    async uploadImage(principal: Principal, data: Buffer, declaredType: string | undefined) {
      const author = authorOf(principal);
      const stored = await media.store({
        ownerUserId: author.user.userId,
        purpose: "news_image",
        data,
        ...(declaredType ? { declaredType } : {}),
      });
      return { ...stored, url: `/api/v1/news/images/${stored.id}` };
    },

    /**
     * An article's image: public once the article is published; before, only for its authors
     * (their organisation, admins) and the uploader.
     */
    async image(principal: Principal, mediaId: string) {
      const file = await media.get(mediaId);
      if (file?.purpose !== "news_image") throw new AppError("news.image_not_found");
      const rows = await db.select().from(newsArticles).where(eq(newsArticles.imageMediaId, mediaId));
      if (rows.some((r) => r.status === "published")) return { file, public: true };
      const user = principal.type === "user" ? principal : null;
      const allowed =
        user &&
        (user.isAdmin ||
          file.ownerUserId === user.userId ||
          rows.some((r) => user.organisationKind === "dinas" && r.organisationId === user.organisationId));
      if (!allowed) throw new AppError("news.image_not_found");
      return { file, public: false };
    },

    async create(principal: Principal, input: NewsInput): Promise<NewsView> {
      const author = authorOf(principal);
      let organisationId = author.organisationId;
      if (author.admin && input.organisationId) {
        const names = await identity.organisationNames([input.organisationId]);
        if (!names.has(input.organisationId)) throw new AppError("news.organisation_required");
        organisationId = input.organisationId;
      }
      if (!organisationId) throw new AppError("news.organisation_required");
      await checkRegencies(input.regencyCodes);
      if (input.imageMediaId) {
        if (!input.imageAlt) throw altRequired();
        await checkImage(author, input.imageMediaId, null);
      }
      const now = clock.now();
      const orgId = organisationId;
      const row = await withSlugRetry(async () => {
        const [inserted] = await db
          .insert(newsArticles)
          .values({
            id: newId("nws"),
            slug: await freeSlug(input.title),
            organisationId: orgId,
            authorUserId: author.user.userId,
            kind: input.kind,
            title: input.title,
            summary: input.summary,
            body: input.body,
            imageMediaId: input.imageMediaId,
            imageAlt: input.imageMediaId ? input.imageAlt : null,
            regencyCodes: [...new Set(input.regencyCodes)].sort(),
            status: "draft",
            publishedAt: null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return inserted;
      });
      if (!row) throw new AppError("news.not_found");
      return view(row);
    },

    async update(principal: Principal, id: string, patch: Partial<NewsInput>): Promise<NewsView> {
      const author = authorOf(principal);
      const current = await editable(author, id);
      if (current.status === "archived") throw new AppError("news.invalid_state", "The article is archived");
      if (patch.regencyCodes) await checkRegencies(patch.regencyCodes);
      const imageMediaId = patch.imageMediaId !== undefined ? patch.imageMediaId : current.imageMediaId;
      const imageAlt = patch.imageAlt !== undefined ? patch.imageAlt : current.imageAlt;
      if (imageMediaId) {
        if (!imageAlt) throw altRequired();
        await checkImage(author, imageMediaId, current);
      }
      // The address follows the title until the article is first published; then it stays.
      const retitle = patch.title !== undefined && patch.title !== current.title && !current.publishedAt;
      const row = await withSlugRetry(async () => {
        const [updated] = await db
          .update(newsArticles)
          .set({
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(retitle && patch.title ? { slug: await freeSlug(patch.title, current.id) } : {}),
            ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
            ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
            ...(patch.body !== undefined ? { body: patch.body } : {}),
            ...(patch.regencyCodes ? { regencyCodes: [...new Set(patch.regencyCodes)].sort() } : {}),
            imageMediaId,
            imageAlt: imageMediaId ? imageAlt : null,
            updatedAt: clock.now(),
          })
          .where(eq(newsArticles.id, current.id))
          .returning();
        return updated;
      });
      if (!row) throw new AppError("news.not_found");
      return view(row);
    },

    async setStatus(principal: Principal, id: string, to: NewsStatus): Promise<NewsView> {
      const author = authorOf(principal);
      const current = await editable(author, id);
      const allowed: Record<NewsStatus, NewsStatus[]> = {
        published: ["draft"],
        draft: ["published"],
        archived: ["draft", "published"],
      };
      if (current.status === to) return view(current);
      if (!allowed[to].includes(current.status)) {
        throw new AppError("news.invalid_state", `Cannot go from ${current.status} to ${to}`);
      }
      const now = clock.now();
      const [row] = await db
        .update(newsArticles)
        .set({
          status: to,
          ...(to === "published" && !current.publishedAt ? { publishedAt: now } : {}),
          updatedAt: now,
        })
        .where(eq(newsArticles.id, current.id))
        .returning();
      if (!row) throw new AppError("news.not_found");
      return view(row);
    },

    /** Published articles, newest first; a regency sees the province-wide ones and its own. */
    async list(q: { regency?: string; kind?: NewsKind; limit: number; offset: number }) {
      const conditions = [eq(newsArticles.status, "published")];
      if (q.kind) conditions.push(eq(newsArticles.kind, q.kind));
      if (q.regency) {
        const regencyMatch = or(
          sql`cardinality(${newsArticles.regencyCodes}) = 0`,
          arrayContains(newsArticles.regencyCodes, [q.regency]),
        );
        if (regencyMatch) conditions.push(regencyMatch);
      }
      const where = and(...conditions);
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(newsArticles)
          .where(where)
          .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: sql<number>`count(*)::int` }).from(newsArticles).where(where),
      ]);
      const items = (await views(rows)).map(({ body: _body, ...rest }) => rest);
      return { items, total: count?.n ?? 0 };
    },

    /** A published article; with `preview`, its authors also see it as a draft (or archived). */
    async get(principal: Principal, slug: string, preview: boolean): Promise<NewsView> {
      const [row] = await db.select().from(newsArticles).where(eq(newsArticles.slug, slug)).limit(1);
      if (!row) throw new AppError("news.not_found", `No article ${slug}`);
      if (row.status === "published") return view(row);
      if (preview && principal.type === "user") {
        try {
          if (mayEdit(authorOf(principal), row)) return view(row);
        } catch {
          // Not an author: the draft does not exist for them.
        }
      }
      throw new AppError("news.not_found", `No article ${slug}`);
    },

    /** The author's organisation's articles (an admin: all), most recently changed first. */
    async mine(principal: Principal): Promise<NewsView[]> {
      const author = authorOf(principal);
      const rows = await db
        .select()
        .from(newsArticles)
        .where(author.admin ? undefined : eq(newsArticles.organisationId, author.organisationId ?? ""))
        .orderBy(desc(newsArticles.updatedAt))
        .limit(500);
      return views(rows);
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
