import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { preferredLanguage } from "../../http/problem";
import { problems } from "../../http/schemas";
import { AGENCY_LEVELS, PRIVACY, REPORT_STATES } from "./domain/types";
import { ACTIONS } from "./domain/workflow";
import type { LaporService } from "./lapor.service";

const tags = ["lapor"];
const staff = access.personas("dinas");

const Bilingual = z.object({ id: z.string(), en: z.string() });
const State = z.enum(REPORT_STATES);
const Level = z.enum(AGENCY_LEVELS);
const AgencyRef = z.object({ code: z.string(), name: z.string() });
const Agency = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: Level,
    regionCode: z.string(),
    parentId: z.string().nullable(),
  })
  .meta({ id: "LaporAgency" });

const StageHours = z.object({
  menunggu: z
    .number()
    .positive()
    .max(24 * 365),
  koordinasi: z
    .number()
    .positive()
    .max(24 * 365),
  disposisi: z
    .number()
    .positive()
    .max(24 * 365),
  proses: z
    .number()
    .positive()
    .max(24 * 365),
  dibuka_kembali: z
    .number()
    .positive()
    .max(24 * 365),
});

const Attribute = z.object({
  code: z.string().min(1).max(60),
  datatype: z.enum(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
  required: z.boolean(),
  description: Bilingual,
  order: z.number().int(),
  values: z.array(z.object({ key: z.string().min(1).max(60), name: Bilingual })).optional(),
});

const Category = z
  .object({
    code: z.string(),
    group: z.string(),
    name: Bilingual,
    description: Bilingual,
    keywords: z.array(z.string()),
    agency: AgencyRef,
    stageHours: StageHours,
    attributes: z.array(Attribute),
    photoRequired: z.boolean(),
    duplicateRadiusM: z.number().int(),
    duplicateWindowHours: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: "LaporCategory" });

const Photo = z.object({
  id: z.string(),
  kind: z.enum(["before", "after"]),
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

const HistoryEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    fromState: State.nullable(),
    toState: State.nullable(),
    actor: z.object({
      role: z.enum(["reporter", "agency", "admin", "system", "follower"]),
      name: z.string().nullable(),
      agency: AgencyRef.nullable(),
    }),
    note: z.string().nullable(),
    onTime: z.boolean().nullable(),
    photos: z.array(Photo),
  })
  .meta({ id: "LaporHistoryEntry" });

const publicFields = {
  id: z.string(),
  number: z.string(),
  category: z.object({ code: z.string(), name: Bilingual }),
  description: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  address: z.string().nullable(),
  regencyCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  state: State,
  agency: AgencyRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  stageStartedAt: z.string(),
  stageDueAt: z.string().nullable(),
  overdue: z.boolean(),
  wasOverdue: z.boolean(),
  escalationLevel: z.number().int(),
  followerCount: z.number().int(),
  photos: z.array(Photo),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
};
const PublicReport = z.object(publicFields).meta({ id: "LaporPublicReport" });
const PublicReportWithHistory = z
  .object({ ...publicFields, history: z.array(HistoryEntry) })
  .meta({ id: "LaporPublicReportDetail" });
const Person = z.object({ name: z.string() });
const Assignee = z.object({ id: z.string(), name: z.string() });
const Report = z
  .object({
    ...publicFields,
    privacy: z.enum(PRIVACY),
    reporter: Person.nullable(),
    attributes: z.record(z.string(), z.unknown()),
    confirmDueAt: z.string().nullable(),
    assignee: Assignee.nullable(),
    mergedIntoId: z.string().nullable(),
    ratingComment: z.string().nullable(),
    following: z.boolean(),
    mine: z.boolean(),
    history: z.array(HistoryEntry),
    allowedActions: z.array(z.enum(ACTIONS)),
  })
  .meta({ id: "LaporReport" });
const ReportLite = z
  .object({ ...publicFields, privacy: z.enum(PRIVACY), following: z.boolean(), mine: z.boolean() })
  .meta({ id: "LaporReportLite" });
const InboxItem = z
  .object({
    ...publicFields,
    privacy: z.enum(PRIVACY),
    reporter: Person.nullable(),
    assignee: Assignee.nullable(),
  })
  .meta({ id: "LaporInboxItem" });

const ReportId = z.object({ id: z.string().min(1).max(100) });
const csv = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const Latitude = z.coerce.number().min(-90).max(90);
const Longitude = z.coerce.number().min(-180).max(180);

const FileBody = z.object({
  clientRequestId: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .meta({ description: "The phone's id for this report; sending it again never files twice" }),
  categoryCode: z.string().min(1).max(60),
  description: z
    .string()
    .trim()
    .min(
      10,
      bilingual("Describe the problem in at least 10 characters", "Jelaskan masalah minimal 10 karakter"),
    )
    .max(2000),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().trim().max(500).optional(),
  regencyCode: z.string().max(20).optional(),
  districtCode: z.string().max(20).optional(),
  villageCode: z.string().max(20).optional(),
  privacy: z.enum(PRIVACY),
  attributes: z.record(z.string(), z.unknown()).optional(),
  photoIds: z
    .array(z.string().min(1).max(100))
    .max(3, bilingual("At most 3 photos", "Paling banyak 3 foto"))
    .optional(),
});

const ActionBody = z.object({
  action: z.enum(ACTIONS),
  note: z.string().trim().max(2000).optional(),
  photoIds: z.array(z.string().min(1).max(100)).max(3).optional(),
  targetAgencyCode: z.string().max(100).optional(),
  assigneeUserId: z.string().max(100).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(1000).optional(),
});

const CategoryBody = z.object({
  group: z.string().trim().min(1).max(100),
  name: z.object({ id: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  description: z.object({ id: z.string().trim().max(2000), en: z.string().trim().max(2000) }),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  agencyCode: z.string().min(1).max(100),
  stageHours: StageHours,
  attributes: z.array(Attribute).max(30).optional(),
  photoRequired: z.boolean().optional(),
  duplicateRadiusM: z.number().int().min(0).max(10_000),
  duplicateWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 365),
  active: z.boolean().optional(),
  sort: z.number().int().optional(),
});

const Days = (d: number) => z.object({ days: z.coerce.number().int().min(1).max(3650).default(d) });

const PhotoUpload = z.object({
  id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
  contentType: z.string(),
});

export const laporRoutes: FastifyPluginAsyncZod<{ lapor: LaporService }> = async (app, { lapor }) => {
  app.addContentTypeParser(
    ["image/jpeg", "image/png", "image/webp"],
    { parseAs: "buffer", bodyLimit: 5 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  // ------------------------------------------------------------ public

  app.get(
    "/api/v1/lapor/categories",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Report categories (Open311 services) with their agency, deadlines and questions",
        response: { 200: z.object({ items: z.array(Category) }), ...problems() },
      },
    },
    async () => ({ items: await lapor.categories() }),
  );

  app.get(
    "/api/v1/lapor/agencies",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Agencies that answer reports, with their parent (escalation goes up)",
        response: { 200: z.object({ items: z.array(Agency) }), ...problems() },
      },
    },
    async () => ({ items: await lapor.agencies() }),
  );

  app.get(
    "/api/v1/lapor/locate",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Nearest Lampung regency seat to a point (approximate; null outside Lampung)",
        querystring: z.object({ lat: Latitude, lng: Longitude }),
        response: {
          200: z.object({
            regency: z.object({ code: z.string(), name: z.string() }).nullable(),
            approximate: z.literal(true),
            distanceKm: z.number(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.locate(req.query.lat, req.query.lng),
  );

  app.get(
    "/api/v1/lapor/public/reports",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Public reports (privacy public, not merged), newest first; never who filed them",
        querystring: z.object({
          category: csv.optional().meta({ description: "One category code, or several separated by commas" }),
          state: State.optional(),
          regency: z.string().max(20).optional(),
          status: z.enum(["open", "closed"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(PublicReport), total: z.number().int() }), ...problems() },
      },
    },
    async (req) =>
      lapor.publicFeed({
        categoryCodes: req.query.category,
        states: req.query.state ? [req.query.state] : undefined,
        regencyCode: req.query.regency,
        status: req.query.status,
        limit: req.query.limit,
        offset: req.query.offset,
      }),
  );

  app.get(
    "/api/v1/lapor/public/reports/:id",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "A public report with its public history",
        params: ReportId,
        response: { 200: PublicReportWithHistory, ...problems(404) },
      },
    },
    async (req) => lapor.publicReport(req.params.id),
  );

  app.get(
    "/api/v1/lapor/public/league",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Agencies' league table: stages finished on time vs late, open and overdue reports, rating",
        querystring: Days(90),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                agency: z.object({ code: z.string(), name: z.string(), level: Level }),
                handled: z.number().int(),
                onTime: z.number().int(),
                late: z.number().int(),
                onTimeRate: z.number().nullable(),
                open: z.number().int(),
                overdueOpen: z.number().int(),
                averageRating: z.number().nullable(),
              }),
            ),
            from: z.string(),
            to: z.string(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.league(req.query.days),
  );

  // ------------------------------------------------------------ photos

  app.post(
    "/api/v1/lapor/photos",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Upload a report photo (raw JPEG, PNG or WebP body; metadata stripped)",
        response: { 201: PhotoUpload, ...problems(413, 415) },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError(
          "request.unsupported_media_type",
          "Send the image as image/jpeg, image/png or image/webp",
        );
      }
      reply.status(201);
      return lapor.uploadPhoto(req.principal, body, req.headers["content-type"]);
    },
  );

  app.get(
    "/api/v1/lapor/photos/:mediaId",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "A report photo, if you may see its report",
        params: z.object({ mediaId: z.string().min(1).max(100) }),
        response: { 200: z.any(), ...problems(404) },
      },
    },
    async (req, reply) => {
      const p = await lapor.photo(req.principal, req.params.mediaId);
      reply
        .header("content-type", p.contentType)
        .header("cache-control", `${p.public ? "public" : "private"}, max-age=86400`)
        .header("x-content-type-options", "nosniff");
      return reply.send(p.bytes);
    },
  );

  // ------------------------------------------------------------ citizens

  app.get(
    "/api/v1/lapor/nearby",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Open reports of a category near a point (possible duplicates), nearest first",
        querystring: z.object({ category: z.string().min(1).max(60), lat: Latitude, lng: Longitude }),
        response: {
          200: z.object({ items: z.array(z.object({ ...publicFields, distanceM: z.number().int() })) }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.nearby(req.query),
  );

  app.post(
    "/api/v1/lapor/reports",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          "File a report (idempotent per clientRequestId: the same id answers 200 with the same report)",
        body: FileBody,
        response: { 200: Report, 201: Report, ...problems(404, 422) },
      },
    },
    async (req, reply) => {
      if (req.principal.type !== "user") throw new Error("unreachable: signedIn");
      const { report, created } = await lapor.file(
        { ...req.body, reporterUserId: req.principal.userId, source: "app" },
        req.principal,
      );
      reply.status(created ? 201 : 200);
      return report;
    },
  );

  app.get(
    "/api/v1/lapor/reports/:id",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "A report with its history and the actions you may take",
        params: ReportId,
        response: { 200: Report, ...problems(404) },
      },
    },
    async (req) => lapor.get(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/lapor/reports/:id/join",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Say "me too": follow a report (idempotent)',
        params: ReportId,
        response: {
          200: z.object({ followerCount: z.number().int(), following: z.literal(true) }),
          ...problems(404, 409),
        },
      },
    },
    async (req) => lapor.join(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/lapor/reports/:id/actions",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          "Act on a report: accept, dispose, start, resolve, reject (agency); confirm, reopen, rate (reporter); reply, assign",
        params: ReportId,
        body: ActionBody,
        response: { 200: Report, ...problems(404, 409, 422) },
      },
    },
    async (req) => lapor.act(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/lapor/reports/:id/merge",
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "Merge a duplicate into another open report (its reporter and followers follow the target)",
        params: ReportId,
        body: z.object({ intoId: z.string().min(1).max(100), note: z.string().trim().max(2000).optional() }),
        response: { 200: Report, ...problems(404, 409) },
      },
    },
    async (req) => lapor.merge(req.principal, req.params.id, req.body),
  );

  app.get(
    "/api/v1/lapor/my/reports",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Reports I filed or follow, most recently changed first",
        response: { 200: z.object({ items: z.array(ReportLite) }), ...problems() },
      },
    },
    async (req) => lapor.myReports(req.principal),
  );

  // ------------------------------------------------------------ agencies

  app.get(
    "/api/v1/lapor/inbox",
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "Reports of my agency and its sub-agencies: open first, nearest deadline first",
        querystring: z.object({
          state: State.optional(),
          overdue: z
            .enum(["true", "false"])
            .optional()
            .transform((v) => v === "true"),
          category: z.string().max(60).optional(),
          q: z.string().trim().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({ items: z.array(InboxItem), total: z.number().int(), agency: Agency.nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.inbox(req.principal, req.query),
  );

  app.post(
    "/api/v1/lapor/inbox/bulk",
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "One action on many reports; each answers on its own",
        body: z.object({
          ids: z.array(z.string().min(1).max(100)).min(1).max(100),
          action: z.enum(["accept", "start", "reject", "assign", "reply"]),
          note: z.string().trim().max(2000).optional(),
          assigneeUserId: z.string().max(100).optional(),
        }),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                id: z.string(),
                ok: z.boolean(),
                error: z.object({ code: z.string(), title: z.string() }).optional(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.bulk(req.principal, req.body, preferredLanguage(req)),
  );

  app.get(
    "/api/v1/lapor/agency",
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "My agency, its sub-agencies, where it can dispose to, and its staff",
        response: {
          200: z.object({
            agency: Agency.nullable(),
            children: z.array(Agency),
            disposeTargets: z.array(Agency).optional(),
            staff: z.array(z.object({ id: z.string(), name: z.string() })),
          }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.agencyOverview(req.principal),
  );

  app.get(
    "/api/v1/lapor/stats",
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "My agency's figures: by state, open, overdue, on-time rate, resolution time, rating",
        querystring: Days(30),
        response: {
          200: z.object({
            byState: z.record(State, z.number().int()),
            open: z.number().int(),
            overdueOpen: z.number().int(),
            onTimeRate: z.number().nullable(),
            medianResolutionHours: z.number().nullable(),
            averageRating: z.number().nullable(),
            byCategory: z.array(
              z.object({
                code: z.string(),
                name: Bilingual,
                open: z.number().int(),
                total: z.number().int(),
              }),
            ),
            from: z.string(),
            to: z.string(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => lapor.stats(req.principal, req.query.days),
  );

  // ------------------------------------------------------------ admin

  app.post(
    "/api/v1/lapor/sweep",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Escalate overdue reports and close unconfirmed resolved ones now (also runs on a timer)",
        response: {
          200: z.object({ escalated: z.number().int(), autoClosed: z.number().int() }),
          ...problems(),
        },
      },
    },
    async () => lapor.sweep(),
  );

  app.post(
    "/api/v1/lapor/categories",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Add a report category (admin)",
        body: CategoryBody.extend({
          code: z
            .string()
            .regex(
              /^[a-z0-9][a-z0-9-]{1,59}$/,
              bilingual("lower-case letters, digits and -", "huruf kecil, angka dan -"),
            ),
        }),
        response: { 201: Category, ...problems(409) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return lapor.createCategory(req.body);
    },
  );

  app.put(
    "/api/v1/lapor/categories/:code",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Change a report category (admin)",
        params: z.object({ code: z.string().min(1).max(60) }),
        body: CategoryBody,
        response: { 200: Category, ...problems(404) },
      },
    },
    async (req) => lapor.updateCategory({ ...req.body, code: req.params.code }),
  );
};
