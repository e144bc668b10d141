import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access, requireUser } from "../../http/access";
import { bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import { PhoneSchema } from "./domain/contact";
import { CONSENT_PURPOSES, type ProfileService } from "./identity.profile.service";

const tags = ["profile"];

const ConsentSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  version: z.string(),
  granted: z.boolean(),
  at: z.string(),
});

const ProfileSchema = z
  .object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    nik: z.string().nullable().meta({
      description: "Masked (first 4 and last 2 digits); the full NIK is only in GET /api/v1/me/data",
    }),
    regencyCode: z.string().nullable().meta({ description: "Home regency (Kemendagri code, e.g. 18.71)" }),
    consentVersion: z.string().meta({ description: "The version of the consent texts now in force" }),
    consents: z.array(ConsentSchema).meta({ description: "The latest decision per purpose" }),
  })
  .meta({ id: "Profile" });

export interface ProfileRouteOptions {
  profile: ProfileService;
  /** Cleared when the account is deleted. */
  sessionCookie: string;
  /** Password attempts per minute on account deletion (the login limit). */
  passwordRateLimit: number;
}

export const profileRoutes: FastifyPluginAsyncZod<ProfileRouteOptions> = async (
  app,
  { profile, sessionCookie, passwordRateLimit },
) => {
  app.get(
    "/api/v1/me/profile",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "My profile, with the NIK masked",
        response: { 200: ProfileSchema, ...problems() },
      },
    },
    async (req) => profile.get(requireUser(req).userId),
  );

  app.put(
    "/api/v1/me/profile",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Change my name, phone, home regency or NIK (null removes the NIK)",
        description:
          "Setting a NIK needs a current granted `nik_processing` consent (POST /api/v1/me/consents). The NIK is " +
          "checked (16 digits; a real kecamatan; a birth date DDMMYY, women +40; serial not 0000), stored encrypted " +
          "and answered masked. 409 profile.nik_taken when another account has it.",
        body: z.object({
          name: z.string().trim().min(2).max(120).optional(),
          phone: PhoneSchema.nullable().optional(),
          regencyCode: z.string().trim().max(20).nullable().optional(),
          nik: z
            .string()
            .trim()
            .max(40, bilingual("a NIK is 16 digits", "NIK terdiri dari 16 angka"))
            .nullable()
            .optional(),
        }),
        response: { 200: ProfileSchema, ...problems(409) },
      },
    },
    async (req) => profile.update(requireUser(req).userId, req.body),
  );

  app.post(
    "/api/v1/me/consents",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          "Give or withdraw consent for a purpose (UU 27/2022); withdrawing nik_processing erases my NIK",
        body: z.object({
          purpose: z.enum(CONSENT_PURPOSES),
          granted: z.boolean(),
          version: z.string().trim().min(1).max(40),
        }),
        response: { 200: ProfileSchema, ...problems() },
      },
    },
    async (req) => profile.setConsent(requireUser(req).userId, req.body),
  );

  app.get(
    "/api/v1/me/data",
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: "Download everything Lumbung holds about me (JSON attachment, NIK in clear)",
        response: {
          200: z
            .object({
              format: z.string(),
              exportedAt: z.string(),
              account: z.record(z.string(), z.unknown()),
              profile: z.record(z.string(), z.unknown()).nullable(),
              consents: z.array(z.record(z.string(), z.unknown())),
              memberships: z.array(z.record(z.string(), z.unknown())),
              sessions: z.array(z.record(z.string(), z.unknown())),
              sources: z
                .record(z.string(), z.unknown())
                .meta({ description: "Each module's share (notifications, lapor, …)" }),
            })
            .meta({ id: "PersonalData" }),
          ...problems(),
        },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const data = await profile.exportData(user.userId, user.sessionId);
      reply
        .header(
          "content-disposition",
          `attachment; filename="lumbung-data-saya-${data.exportedAt.slice(0, 10)}.json"`,
        )
        .header("cache-control", "no-store");
      return data;
    },
  );

  app.delete(
    "/api/v1/me",
    {
      config: { access: access.signedIn, rateLimit: { max: passwordRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Delete my account (password and the word HAPUS required)",
        description:
          "Erases what every module holds about me, my sessions, notifications, profile, consents and memberships, " +
          "and anonymises the account (it can no longer sign in). Audit log entries stay. Organisations remain.",
        body: z.object({
          password: z.string().min(1).max(200),
          confirm: z.literal("HAPUS", {
            error: bilingual('type "HAPUS" to confirm', 'ketik "HAPUS" untuk mengonfirmasi'),
          }),
        }),
        response: { 204: z.null(), ...problems(409) },
      },
    },
    async (req, reply) => {
      await profile.deleteAccount(requireUser(req).userId, req.body);
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );
};
