import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access, PERSONAS, requireUser, USER_PERSONAS } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { IdParam, problems } from "../../http/schemas";
import { EmailSchema, PasswordSchema, PhoneSchema } from "./domain/contact";
import { profileRoutes } from "./identity.profile.routes";
import type { ProfileService } from "./identity.profile.service";
import type { IdentityService } from "./identity.service";
import { MEMBERSHIP_ROLES, ORGANISATION_KINDS } from "./identity.tables";

export const SESSION_COOKIE = "lumbung_session";

const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);

const SessionViewSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    isAdmin: z.boolean(),
  }),
  persona: z.enum(PERSONAS),
  organisation: z.object({ id: z.string(), name: z.string(), kind: OrganisationKindSchema }).nullable(),
  role: z.enum(MEMBERSHIP_ROLES).nullable(),
  memberships: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      kind: OrganisationKindSchema,
      role: z.enum(MEMBERSHIP_ROLES),
    }),
  ),
});

const LoginResponse = SessionViewSchema.extend({
  token: z.string().meta({ description: "Bearer token for API clients; the web app uses the cookie" }),
  expiresAt: z.iso.datetime(),
});

const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganisationKindSchema,
  regionCode: z.string().nullable(),
  gs1CompanyPrefix: z.string().nullable().meta({
    description:
      "GS1 company prefix licensed to the organisation; null: keys come from Lumbung's platform prefix",
  }),
  createdAt: z.iso.datetime(),
});

const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES),
});

const orgMembers = access.personas(...USER_PERSONAS.filter((p) => p !== "warga" && p !== "admin"));

export interface IdentityRouteOptions {
  /** With the citizen profile (see index.ts), whose routes (/api/v1/me…) are registered here too. */
  identity: IdentityService & { profile: ProfileService };
  loginRateLimit: number;
  publicWriteRateLimit: number;
  secureCookies: boolean;
}

export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteOptions> = async (app, opts) => {
  const { identity } = opts;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers["user-agent"] });
  const setSessionCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: opts.secureCookies,
      expires: expiresAt,
    });
  const loginView = (s: Awaited<ReturnType<IdentityService["login"]>>) => ({
    ...s,
    expiresAt: s.expiresAt.toISOString(),
  });

  app.post(
    "/api/v1/auth/register",
    {
      config: {
        access: access.public,
        rateLimit: { max: opts.publicWriteRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "Register a citizen account (email or +62 phone)",
        body: z
          .object({
            name: z.string().trim().min(2).max(120),
            email: EmailSchema.optional(),
            phone: PhoneSchema.optional(),
            password: PasswordSchema,
          })
          .refine((b) => b.email || b.phone, {
            message: bilingual("give an email or a phone number", "isi email atau nomor HP"),
            path: ["email"],
          }),
        response: { 201: LoginResponse, ...problems(409, 429) },
      },
    },
    async (req, reply) => {
      const session = await identity.register(req.body, meta(req));
      req.principal = await identity.authenticate(session.token); // the audit record names the new user
      setSessionCookie(reply, session.token, session.expiresAt);
      return reply.status(201).send(loginView(session));
    },
  );

  app.post(
    "/api/v1/auth/login",
    {
      config: { access: access.public, rateLimit: { max: opts.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email or phone and password",
        description: "Returns a bearer token and sets an httpOnly SameSite session cookie.",
        body: z.object({
          identifier: z.string().trim().min(3).max(200).meta({ description: "Email or +62 phone number" }),
          password: z.string().min(1).max(200),
        }),
        response: { 200: LoginResponse, ...problems(429) },
      },
    },
    async (req, reply) => {
      const session = await identity.login(req.body, meta(req));
      req.principal = await identity.authenticate(session.token); // the audit record names who signed in
      setSessionCookie(reply, session.token, session.expiresAt);
      return loginView(session);
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["auth"],
        summary: "End the current session",
        response: { 204: z.null(), ...problems() },
      },
    },
    async (req, reply) => {
      await identity.logout(requireUser(req).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["auth"],
        summary: "Who is signed in",
        response: { 200: SessionViewSchema, ...problems() },
      },
    },
    async (req) => identity.me(requireUser(req)),
  );

  app.put(
    "/api/v1/auth/session/organisation",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["auth"],
        summary: "Act for another of my organisations in this session",
        body: z.object({ organisationId: z.string().min(1).max(100) }),
        response: { 200: SessionViewSchema, ...problems(404) },
      },
    },
    async (req) => identity.switchOrganisation(requireUser(req), req.body.organisationId),
  );

  app.post(
    "/oauth/token",
    {
      config: { access: access.public, rateLimit: { max: opts.loginRateLimit * 6, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "OAuth 2.0 token endpoint (client credentials grant) for partner platforms",
        description:
          "RFC 6749 §4.4. Client authentication by HTTP Basic or client_id/client_secret in the form body. " +
          "Errors carry the RFC 6749 `error` member as well as the problem fields.",
        body: z.object({
          grant_type: z.string(),
          client_id: z.string().optional(),
          client_secret: z.string().optional(),
          scope: z.string().optional(),
        }),
        response: {
          200: z.object({
            access_token: z.string(),
            token_type: z.literal("Bearer"),
            expires_in: z.number().int(),
            scope: z.string(),
          }),
          ...problems(429),
        },
      },
    },
    async (req, reply) => {
      if (req.body.grant_type !== "client_credentials") {
        throw new AppError("auth.unsupported_grant_type", "Only grant_type=client_credentials is supported", {
          error: "unsupported_grant_type",
        });
      }
      let { client_id: clientId, client_secret: clientSecret } = req.body;
      const basic = req.headers.authorization?.match(/^Basic\s+(.+)$/i)?.[1];
      if (basic) {
        const decoded = Buffer.from(basic, "base64").toString("utf8");
        const sep = decoded.indexOf(":");
        if (sep > 0) {
          clientId = decodeURIComponent(decoded.slice(0, sep));
          clientSecret = decodeURIComponent(decoded.slice(sep + 1));
        }
      }
      if (!clientId || !clientSecret) {
        throw new AppError("auth.invalid_client", "Send client_id and client_secret (Basic or form)", {
          error: "invalid_client",
          headers: { "www-authenticate": 'Basic realm="lumbung"' },
        });
      }
      reply.header("cache-control", "no-store");
      return identity.clientCredentials(clientId, clientSecret, req.body.scope);
    },
  );

  app.get(
    "/api/v1/organisations",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["organisations"],
        summary: "Organisations the caller belongs to (all of them for admins)",
        querystring: z.object({ kind: OrganisationKindSchema.optional() }),
        response: { 200: z.object({ items: z.array(OrganisationSchema) }), ...problems() },
      },
    },
    async (req) => {
      const rows = await identity.listOrganisations(req.principal, req.query);
      return { items: rows.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })) };
    },
  );

  app.post(
    "/api/v1/organisations",
    {
      config: { access: access.admin },
      schema: {
        tags: ["organisations"],
        summary: "Create an organisation",
        body: z.object({
          name: z.string().trim().min(2).max(200),
          kind: OrganisationKindSchema,
          regionCode: z
            .string()
            .regex(
              /^\d{2}(\.\d{2})?$/,
              bilingual(
                "a Kemendagri province or regency code, e.g. 18 or 18.71",
                "kode provinsi atau kabupaten/kota Kemendagri, misalnya 18 atau 18.71",
              ),
            )
            .nullable()
            .optional(),
        }),
        response: { 201: OrganisationSchema, ...problems(409) },
      },
    },
    async (req, reply) => {
      const org = await identity.createOrganisation(req.body);
      return reply.status(201).send({ ...org, createdAt: org.createdAt.toISOString() });
    },
  );

  app.get(
    "/api/v1/organisations/:id",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["organisations"],
        summary: "One organisation with its members (members and admins only)",
        params: IdParam,
        response: { 200: OrganisationSchema.extend({ members: z.array(MemberSchema) }), ...problems(404) },
      },
    },
    async (req) => {
      const org = await identity.getOrganisation(req.principal, req.params.id);
      return { ...org, createdAt: org.createdAt.toISOString() };
    },
  );

  app.put(
    "/api/v1/organisations/:id/gs1-company-prefix",
    {
      config: { access: access.admin },
      schema: {
        tags: ["organisations"],
        summary: "Record the GS1 company prefix licensed to an organisation, or clear it with null",
        params: IdParam,
        body: z.object({
          gs1CompanyPrefix: z
            .string()
            .regex(
              /^\d{6,12}$/,
              bilingual(
                "a GS1 company prefix is 6 to 12 digits",
                "prefiks perusahaan GS1 terdiri dari 6 sampai 12 angka",
              ),
            )
            .nullable(),
        }),
        response: { 200: OrganisationSchema, ...problems(404, 409) },
      },
    },
    async (req) => {
      const org = await identity.setCompanyPrefix(req.params.id, req.body.gs1CompanyPrefix);
      return { ...org, createdAt: org.createdAt.toISOString() };
    },
  );

  app.post(
    "/api/v1/organisations/:id/members",
    {
      config: { access: orgMembers },
      schema: {
        tags: ["organisations"],
        summary: "Add a member (organisation admins); creates the account when the email is new",
        params: IdParam,
        body: z.object({
          email: EmailSchema,
          name: z.string().trim().min(2).max(120),
          password: PasswordSchema.optional(),
          role: z.enum(MEMBERSHIP_ROLES).default("member"),
        }),
        response: { 201: MemberSchema, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await identity.addMember(req.principal, req.params.id, req.body)),
  );

  app.get(
    "/partner/v1/me",
    {
      config: { access: access.partner() },
      schema: {
        tags: ["partner"],
        summary: "The partner client behind the bearer token",
        security: [{ oauth2: [] }],
        response: {
          200: z.object({ clientId: z.string(), organisationId: z.string(), scopes: z.array(z.string()) }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.type !== "client") throw new AppError("auth.forbidden");
      return { clientId: p.clientId, organisationId: p.organisationId, scopes: p.scopes };
    },
  );

  await app.register(profileRoutes, {
    profile: identity.profile,
    sessionCookie: SESSION_COOKIE,
    passwordRateLimit: opts.loginRateLimit,
  });
};
