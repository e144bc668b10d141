import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import type { DirectoryService } from "./directory.service";
import { SLUG_PATTERN } from "./domain/validation";

const tags = ["directory"];

const Bilingual = z.object({ id: z.string(), en: z.string() });
const BilingualInput = (max: number) =>
  z.object({ id: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const Slug = z
  .string()
  .min(2)
  .max(80)
  .regex(
    SLUG_PATTERN,
    bilingual("lowercase letters, digits and single hyphens", "huruf kecil, angka, dan tanda hubung tunggal"),
  );
const RegencyCode = z
  .string()
  .regex(
    /^18\.\d{2}$/,
    bilingual("a Lampung regency code such as 18.71", "kode kabupaten/kota Lampung, misalnya 18.71"),
  );

const Group = z
  .object({ code: z.string(), name: Bilingual, icon: z.string(), sort: z.number().int() })
  .meta({ id: "ServiceGroup" });

const Service = z
  .object({
    slug: z.string(),
    groupCode: z.string(),
    kind: z.enum(["internal", "external"]),
    name: Bilingual,
    description: Bilingual,
    url: z.string().meta({ description: "internal: a path in the web app; external: an https URL" }),
    agency: z.string(),
    openingHours: Bilingual,
    requirements: z.array(Bilingual),
    keywords: z.array(z.string()),
    regencyCodes: z.array(z.string()).meta({ description: "Empty: the whole province" }),
    sort: z.number().int(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "ServiceEntry" });

const Fields = {
  groupCode: z.string().min(1).max(40),
  kind: z.enum(["internal", "external"]),
  name: BilingualInput(200),
  description: BilingualInput(2000),
  url: z.string().trim().min(1).max(500),
  agency: z.string().trim().min(1).max(200),
  openingHours: BilingualInput(200),
  requirements: z.array(BilingualInput(300)).max(20),
  keywords: z.array(z.string().trim().min(1).max(60)).max(40),
  regencyCodes: z.array(RegencyCode).max(15),
  sort: z.number().int().min(0).max(100_000),
  active: z.boolean(),
};

const CreateBody = z.object({
  slug: Slug,
  ...Fields,
  requirements: Fields.requirements.default([]),
  keywords: Fields.keywords.default([]),
  regencyCodes: Fields.regencyCodes.default([]),
  sort: Fields.sort.default(0),
  active: Fields.active.default(true),
});
const UpdateBody = z.object(Fields).partial();
const SlugParams = z.object({ slug: z.string().min(1).max(80) });

export const directoryRoutes: FastifyPluginAsyncZod<{ directory: DirectoryService }> = async (
  app,
  { directory },
) => {
  app.get(
    "/api/v1/services/groups",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Groups of the services registry, in display order",
        response: { 200: z.object({ items: z.array(Group) }), ...problems() },
      },
    },
    async () => ({ items: await directory.listGroups() }),
  );

  app.get(
    "/api/v1/services",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Search the services registry; results grouped by group",
        description:
          "Case and accent insensitive; every word of `q` must match a word of the name, keywords, description " +
          "or agency (prefixes count; words of five letters or more tolerate one typo). `regency` keeps the " +
          "province-wide services and those of that regency. `all=true` (admins) includes inactive entries.",
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          group: z.string().max(40).optional(),
          regency: z.string().max(20).optional(),
          all: z.enum(["true", "false"]).optional(),
        }),
        response: {
          200: z.object({
            sections: z.array(z.object({ group: Group, items: z.array(Service) })),
            total: z.number().int(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const includeInactive = req.query.all === "true";
      if (includeInactive && !(req.principal.type === "user" && req.principal.isAdmin)) {
        throw new AppError("directory.admin_only");
      }
      return directory.search({
        ...(req.query.q ? { q: req.query.q } : {}),
        ...(req.query.group ? { group: req.query.group } : {}),
        ...(req.query.regency ? { regency: req.query.regency } : {}),
        includeInactive,
      });
    },
  );

  app.get(
    "/api/v1/services/:slug",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "One service of the registry (inactive ones only for admins)",
        params: SlugParams,
        response: { 200: Service, ...problems(404) },
      },
    },
    async (req) =>
      directory.get(req.params.slug, {
        includeInactive: req.principal.type === "user" && req.principal.isAdmin,
      }),
  );

  app.post(
    "/api/v1/services",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Add a service to the registry (admin)",
        description: 'External services need an https URL; internal ones a path starting with "/".',
        body: CreateBody,
        response: { 201: Service, ...problems(409) },
      },
    },
    async (req, reply) => reply.status(201).send(await directory.create(req.body)),
  );

  app.put(
    "/api/v1/services/:slug",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Change a service of the registry (admin); `active: true` reactivates it",
        params: SlugParams,
        body: UpdateBody,
        response: { 200: Service, ...problems(404) },
      },
    },
    async (req) => directory.update(req.params.slug, req.body),
  );

  app.delete(
    "/api/v1/services/:slug",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Deactivate a service (admin): it stays in the registry but is no longer listed",
        params: SlugParams,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (req, reply) => {
      await directory.deactivate(req.params.slug);
      return reply.status(204).send(null);
    },
  );
};
