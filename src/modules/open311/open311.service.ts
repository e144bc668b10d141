import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { LaporService } from "../lapor";
import {
  bilingualText,
  type Lang,
  type LaporCategoryLike,
  type LaporPublicReportLike,
  Open311Failure,
  parseCreateRequest,
  type RequestsQuery,
  requestsFilter,
  serviceNotice,
  toOpen311Request,
  toOpen311Service,
  toServiceDefinition,
  typedAttributes,
} from "./domain/georeport";
import { generateApiKey, hashApiKey } from "./domain/keys";
import { DEMO_OPEN311_KEY } from "./open311.defaults";
import { Open311Errors } from "./open311.errors";
import { type ApiKeyRow, open311Repository as repo } from "./open311.repository";

export interface Open311Deps {
  db: Database;
  clock: Clock;
  lapor: LaporService;
}

/** When the GeoReport binding last changed in a way a client could notice (discovery's changeset). */
export const CHANGESET = "2026-11-30T00:00:00Z";
export const SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

/** Where a request came from: its language and the origin for absolute URLs. */
export interface CallContext {
  lang: Lang;
  origin: string;
}

function keyView(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function createOpen311Service(deps: Open311Deps) {
  const { db, clock, lapor } = deps;

  async function categories(): Promise<LaporCategoryLike[]> {
    return (await lapor.categories()) as LaporCategoryLike[];
  }

  async function category(code: string): Promise<LaporCategoryLike> {
    const found = (await categories()).find((c) => c.code === code);
    if (!found)
      throw new Open311Failure(404, [
        { id: `service_code "${code}" tidak dikenal`, en: `unknown service_code "${code}"` },
      ]);
    return found;
  }

  async function verifyKey(raw: string | null): Promise<ApiKeyRow> {
    const row = raw && raw.length <= 200 ? await repo.keyByHash(db, hashApiKey(raw)) : null;
    if (!raw) throw new Open311Failure(403, [{ id: "api_key wajib diisi", en: "api_key is required" }]);
    if (!row || row.revokedAt)
      throw new Open311Failure(403, [
        { id: "api_key tidak dikenal atau sudah dicabut", en: "invalid or revoked api_key" },
      ]);
    return row;
  }

  return {
    // --- API keys (admin) ---------------------------------------------------------------------------
    keys: {
      /** Returns the key itself once; only its SHA-256 is kept. */
      async create(input: { name: string; createdByUserId: string | null }) {
        const key = generateApiKey();
        const row = await repo.insertKey(db, {
          id: newId("o3k"),
          keyHash: hashApiKey(key),
          name: input.name.trim(),
          createdByUserId: input.createdByUserId,
          createdAt: clock.now(),
          revokedAt: null,
        });
        if (!row) throw new Error("open311 key collision");
        return { ...keyView(row), key };
      },
      async list() {
        return (await repo.listKeys(db)).map(keyView);
      },
      async revoke(id: string) {
        const row = await repo.revokeKey(db, id, clock.now());
        if (!row) throw new AppError(Open311Errors["open311.key_not_found"], `No Open311 key ${id}`);
        return keyView(row);
      },
    },

    // --- GeoReport v2 ---------------------------------------------------------------------------------
    async discovery(ctx: CallContext) {
      // Demo mode publishes demo-open311-key: such an endpoint is a test endpoint, not production.
      const demo = await repo.keyByHash(db, hashApiKey(DEMO_OPEN311_KEY));
      const type: "production" | "test" = demo && !demo.revokedAt ? "test" : "production";
      return {
        changeset: CHANGESET,
        contact: bilingualText({
          id: "Lumbung — Pemerintah Provinsi Lampung. Laporan warga (Lapor) lewat Open311 GeoReport v2.",
          en: "Lumbung — Lampung Provincial Government. Citizen reports (Lapor) over Open311 GeoReport v2.",
        }),
        key_service: bilingualText({
          id: "Minta api_key ke admin Lumbung (POST /api/v1/open311/keys); mode demo: demo-open311-key",
          en: "Ask a Lumbung admin for an api_key (POST /api/v1/open311/keys); demo mode: demo-open311-key",
        }),
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${ctx.origin}/open311/v2`,
            changeset: CHANGESET,
            type,
            formats: ["application/json"],
          },
        ],
      };
    },

    async services(ctx: CallContext) {
      return (await categories()).map((c) => toOpen311Service(c, ctx.lang));
    },

    async serviceDefinition(code: string, ctx: CallContext) {
      return toServiceDefinition(await category(code), ctx.lang);
    },

    async requests(query: RequestsQuery, ctx: CallContext) {
      const filter = requestsFilter(query, clock.now());
      const [page, cats] = await Promise.all([lapor.publicReports(filter), categories()]);
      const byCode = new Map(cats.map((c) => [c.code, c]));
      return (page.items as LaporPublicReportLike[]).map((r) =>
        toOpen311Request(r, { ...ctx, category: byCode.get(r.category.code) }),
      );
    },

    async request(id: string, ctx: CallContext) {
      const report = id.length <= 100 ? await publicReportOrNull(id) : null;
      if (!report)
        throw new Open311Failure(404, [
          { id: `laporan ${id} tidak ditemukan`, en: `service request ${id} not found` },
        ]);
      const cat = (await categories()).find((c) => c.code === report.category.code);
      return [toOpen311Request(report, { ...ctx, category: cat })];
    },

    async token(token: string) {
      const found = token.length <= 200 ? await lapor.byToken(token) : null;
      // Only a public report is told about; a private one answers as an unknown token.
      const report = found ? await publicReportOrNull(found.id) : null;
      if (!found || !report)
        throw new Open311Failure(404, [{ id: "token tidak ditemukan", en: "token not found" }]);
      return [{ service_request_id: found.id, token }];
    },

    async create(body: Record<string, unknown>, query: Record<string, unknown>) {
      const input = parseCreateRequest(body, query);
      const key = await verifyKey(input.apiKey);
      const cat = await category(input.serviceCode);
      const attributes = typedAttributes(input.rawAttributes, cat.attributes);
      const filed = await lapor.file({
        reporterUserId: null,
        source: "open311",
        ...(Object.keys(input.contact).length ? { contact: input.contact } : {}),
        categoryCode: cat.code,
        description: input.description,
        latitude: input.latitude,
        longitude: input.longitude,
        ...(input.address ? { address: input.address } : {}),
        privacy: "public",
        attributes,
      });
      let notice = serviceNotice(cat);
      if (input.mediaUrlIgnored)
        notice += ` ${bilingualText({ id: "media_url diabaikan: foto hanya lewat aplikasi Lumbung", en: "media_url ignored: photos only through the Lumbung app" })}`;
      return [
        {
          service_request_id: filed.report.id,
          token: filed.token,
          service_notice: notice,
          account_id: input.contact.account_id ?? key.id,
        },
      ];
    },
  };

  async function publicReportOrNull(id: string): Promise<LaporPublicReportLike | null> {
    try {
      return ((await lapor.publicReport(id)) as LaporPublicReportLike | null) ?? null;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    }
  }
}

export type Open311Service = ReturnType<typeof createOpen311Service>;
