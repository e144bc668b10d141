import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import { MAX_UPLOAD_BYTES } from "../media";
import type { NewsService } from "./news.service";

const tags = ["news"];
// Authors: members of a dinas organisation, and admins (always included).
const authors = access.personas("dinas");
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

const Kind = z.enum(["news", "announcement"]);
const Status = z.enum(["draft", "published", "archived"]);
const RegencyCode = z
  .string()
  .regex(
    /^18\.\d{2}$/,
    bilingual("a Lampung regency code such as 18.71", "kode kabupaten/kota Lampung, misalnya 18.71"),
  );

const Summary = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: Kind,
    title: z.string(),
    summary: z.string(),
    image: z
      .object({
        mediaId: z.string(),
        url: z.string(),
        alt: z.string(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
      })
      .nullable(),
    regencyCodes: z.array(z.string()).meta({ description: "Empty: the whole province" }),
    organisation: z.object({ id: z.string(), name: z.string() }),
    status: Status,
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "NewsSummary" });

const Article = Summary.extend({
  body: z
    .string()
    .meta({ description: 'Plain text: blank-line paragraphs, "## " headings, "- " list items' }),
}).meta({ id: "NewsArticle" });

const Fields = {
  title: z.string().trim().min(5).max(200),
  summary: z.string().trim().min(10).max(500),
  kind: Kind,
  body: z.string().trim().min(1).max(20_000),
  imageMediaId: z.string().min(1).max(100).nullable(),
  imageAlt: z.string().trim().min(1).max(300).nullable(),
  regencyCodes: z.array(RegencyCode).max(15),
};

const CreateBody = z.object({
  ...Fields,
  kind: Fields.kind.default("news"),
  imageMediaId: Fields.imageMediaId.default(null),
  imageAlt: Fields.imageAlt.default(null),
  regencyCodes: Fields.regencyCodes.default([]),
  organisationId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "Admins only: the publishing organisation, when they act for none" }),
});
const UpdateBody = z.object(Fields).partial();
const IdParams = z.object({ id: z.string().min(1).max(100) });

export const newsRoutes: FastifyPluginAsyncZod<{ news: NewsService }> = async (app, { news }) => {
  app.addContentTypeParser(
    IMAGE_TYPES,
    { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.get(
    "/api/v1/news",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Published news and announcements, newest first",
        description:
          "With `regency`, the province-wide articles and those targeted at that regency; without, all of them.",
        querystring: z.object({
          regency: RegencyCode.optional(),
          kind: Kind.optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(Summary), total: z.number().int() }), ...problems() },
      },
    },
    async (req) =>
      news.list({
        ...(req.query.regency ? { regency: req.query.regency } : {}),
        ...(req.query.kind ? { kind: req.query.kind } : {}),
        limit: req.query.limit,
        offset: req.query.offset,
      }),
  );

  app.get(
    "/api/v1/news/mine",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "The articles of my organisation, every status (admins: all)",
        response: { 200: z.object({ items: z.array(Article) }), ...problems() },
      },
    },
    async (req) => ({ items: await news.mine(req.principal) }),
  );

  app.get(
    "/api/v1/news/:slug",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "One published article; its authors see drafts with ?preview=true",
        params: z.object({ slug: z.string().min(1).max(120) }),
        querystring: z.object({ preview: z.enum(["true", "false"]).optional() }),
        response: { 200: Article, ...problems(404) },
      },
    },
    async (req) => news.get(req.principal, req.params.slug, req.query.preview === "true"),
  );

  app.post(
    "/api/v1/news",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Write an article (a draft) for my organisation",
        body: CreateBody,
        response: { 201: Article, ...problems() },
      },
    },
    async (req, reply) => reply.status(201).send(await news.create(req.principal, req.body)),
  );

  app.put(
    "/api/v1/news/:id",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Change an article of my organisation",
        params: IdParams,
        body: UpdateBody,
        response: { 200: Article, ...problems(404, 409) },
      },
    },
    async (req) => news.update(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/news/:id/publish",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Publish a draft",
        params: IdParams,
        response: { 200: Article, ...problems(404, 409) },
      },
    },
    async (req) => news.setStatus(req.principal, req.params.id, "published"),
  );

  app.post(
    "/api/v1/news/:id/unpublish",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Take a published article back to draft",
        params: IdParams,
        response: { 200: Article, ...problems(404, 409) },
      },
    },
    async (req) => news.setStatus(req.principal, req.params.id, "draft"),
  );

  app.delete(
    "/api/v1/news/:id",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Archive an article: it is no longer shown",
        params: IdParams,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (req, reply) => {
      await news.setStatus(req.principal, req.params.id, "archived");
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/news/images",
    {
      config: { access: authors },
      schema: {
        tags,
        summary: "Upload an article image (raw JPEG, PNG or WebP body, ≤ 5 MB); metadata is stripped",
        description: "Attach the returned id as `imageMediaId` with an `imageAlt`.",
        response: {
          201: z.object({
            id: z.string(),
            contentType: z.string(),
            size: z.number().int(),
            width: z.number().int(),
            height: z.number().int(),
            url: z.string(),
          }),
          ...problems(413, 415),
        },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const declared = req.headers["content-type"]?.split(";")[0]?.trim();
      return reply.status(201).send(await news.uploadImage(req.principal, body, declared));
    },
  );

  app.get(
    "/api/v1/news/images/:mediaId",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "An article image: public once the article is published, before that for its authors",
        params: z.object({ mediaId: z.string().min(1).max(100) }),
        response: { 200: z.any().meta({ description: "The image bytes" }), ...problems(404) },
      },
    },
    async (req, reply) => {
      const { file, public: isPublic } = await news.image(req.principal, req.params.mediaId);
      return reply
        .header("content-type", file.contentType)
        .header("cache-control", isPublic ? "public, max-age=86400" : "private, max-age=86400")
        .header("x-content-type-options", "nosniff")
        .send(file.bytes);
    },
  );
};
