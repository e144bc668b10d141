import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { jwtVerify, SignJWT } from "jose";
import type { Database } from "../../db/client";
import { type Persona, type Principal, USER_PERSONAS } from "../../http/access";
import { AppError } from "../../http/errors";
import { createBatcher } from "../../lib/batcher";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { looksLikeEmail, normaliseEmail, normalisePhone } from "./domain/contact";
import { createPartnerAccounts } from "./identity.partner-accounts";
import "./identity.errors";
import { identityRepository as repo } from "./identity.repository";
import type { MembershipRole, OrganisationKind } from "./identity.tables";

export interface IdentityDeps {
  db: Database;
  clock: Clock;
  secret: string;
  issuer: string;
  sessionTtlHours: number;
  /** Kemendagri code check, provided by the reference module. */
  regionExists: (code: string) => Promise<boolean>;
  /** Lumbung's own GS1 company prefix: an organisation's prefix may not overlap it. */
  platformPrefix: string;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

export interface SessionView {
  user: { id: string; name: string; email: string | null; phone: string | null; isAdmin: boolean };
  persona: Persona;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  role: MembershipRole | null;
  memberships: { organisationId: string; name: string; kind: OrganisationKind; role: MembershipRole }[];
}

export const PARTNER_TOKEN_TTL_SECONDS = 3600;
const PARTNER_AUDIENCE = "lumbung-partner-api";

export function personaFor(isAdmin: boolean, organisationKind: string | null): Persona {
  if (isAdmin) return "admin";
  if (!organisationKind) return "warga";
  if (organisationKind === "partner_platform") return "partner";
  return (USER_PERSONAS as readonly string[]).includes(organisationKind)
    ? (organisationKind as Persona)
    : "warga";
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hashPassword(password: string): Promise<string> {
  return hash(password); // @node-rs/argon2 defaults to argon2id, OWASP parameters
}

// Verifying against a real hash when the account does not exist keeps response times alike,
// so the login endpoint does not reveal which emails are registered.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

export function createIdentityService(deps: IdentityDeps) {
  const { db, clock } = deps;
  const key = new TextEncoder().encode(deps.secret);
  // Every signed-in request looks its session up; requests arriving together share one query.
  const findSession = createBatcher(
    async (tokenHashes: string[]) => {
      const rows = await repo.findLiveSessions(db, tokenHashes, clock.now());
      return tokenHashes.map((h) => rows.find((r) => r.tokenHash === h));
    },
    { max: 500 },
  );

  async function view(userId: string, activeOrganisationId: string | null): Promise<SessionView> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw new AppError("auth.unauthenticated");
    const ms = await repo.membershipsOf(db, userId);
    const active = ms.find((m) => m.organisationId === activeOrganisationId) ?? null;
    return {
      user: { id: user.id, name: user.name, email: user.email, phone: user.phone, isAdmin: user.isAdmin },
      persona: personaFor(user.isAdmin, active?.kind ?? null),
      organisation: active ? { id: active.organisationId, name: active.name, kind: active.kind } : null,
      role: active?.role ?? null,
      memberships: ms.map((m) => ({
        organisationId: m.organisationId,
        name: m.name,
        kind: m.kind,
        role: m.role,
      })),
    };
  }

  async function startSession(userId: string, meta: RequestMeta) {
    const ms = await repo.membershipsOf(db, userId);
    const token = `lbs_${randomBytes(32).toString("base64url")}`;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
    const organisationId = ms[0]?.organisationId ?? null;
    await repo.insertSession(db, {
      id: newId("ses"),
      tokenHash: hashToken(token),
      userId,
      organisationId,
      createdAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
    });
    return { token, expiresAt, ...(await view(userId, organisationId)) };
  }

  return {
    ...createPartnerAccounts({ db, clock, startSession }),

    async register(
      input: { name: string; email?: string; phone?: string; password: string },
      meta: RequestMeta,
    ) {
      const email = input.email ? normaliseEmail(input.email) : null;
      const phone = input.phone ? normalisePhone(input.phone) : null;
      if (
        (email && (await repo.findUserByEmail(db, email))) ||
        (phone && (await repo.findUserByPhone(db, phone)))
      ) {
        throw new AppError(
          "identity.already_registered",
          "An account with that email or phone already exists",
        );
      }
      const inserted = await repo.insertUser(db, {
        id: newId("usr"),
        name: input.name.trim(),
        email,
        phone,
        passwordHash: await hashPassword(input.password),
        createdAt: clock.now(),
      });
      // A concurrent registration with the same contact lost the unique-index race.
      if (!inserted) throw new AppError("identity.already_registered");
      return startSession(inserted.id, meta);
    },

    async login(input: { identifier: string; password: string }, meta: RequestMeta) {
      const id = input.identifier.trim();
      const phone = looksLikeEmail(id) ? null : normalisePhone(id);
      const user = looksLikeEmail(id)
        ? await repo.findUserByEmail(db, normaliseEmail(id))
        : phone
          ? await repo.findUserByPhone(db, phone)
          : undefined;
      const ok = await verify(user?.passwordHash ?? (await decoy()), input.password);
      if (!user || !ok || user.disabledAt) {
        throw new AppError("auth.invalid_credentials", "The email/phone or password is wrong");
      }
      return startSession(user.id, meta);
    },

    async logout(sessionId: string) {
      await repo.deleteSession(db, sessionId);
    },

    /** A member of several organisations chooses which one the session acts for. */
    async switchOrganisation(principal: Extract<Principal, { type: "user" }>, organisationId: string) {
      const ms = await repo.membershipsOf(db, principal.userId);
      if (!ms.some((m) => m.organisationId === organisationId)) {
        throw new AppError("identity.organisation_not_found", `You are not a member of ${organisationId}`);
      }
      await repo.setSessionOrganisation(db, principal.sessionId, organisationId);
      return view(principal.userId, organisationId);
    },

    me(principal: Extract<Principal, { type: "user" }>) {
      return view(principal.userId, principal.organisationId);
    },

    /** Resolves a session token (cookie or bearer) or a partner JWT to a principal. */
    async authenticate(token: string | undefined): Promise<Principal> {
      if (!token) return { type: "anonymous" };
      if (token.startsWith("lbs_")) {
        const row = await findSession(hashToken(token));
        if (!row || row.disabledAt) return { type: "anonymous" };
        return {
          type: "user",
          userId: row.userId,
          name: row.name,
          isAdmin: row.isAdmin,
          persona: personaFor(row.isAdmin, row.organisationKind),
          sessionId: row.sessionId,
          organisationId: row.organisationId,
          organisationKind: row.organisationKind,
          membershipRole: row.membershipRole,
        };
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: deps.issuer,
          audience: PARTNER_AUDIENCE,
          currentDate: clock.now(),
        });
        const client = await repo.findClient(db, String(payload.sub));
        if (!client || client.revokedAt) return { type: "anonymous" };
        return {
          type: "client",
          clientId: client.clientId,
          organisationId: client.organisationId,
          scopes: String(payload.scope ?? "")
            .split(" ")
            .filter(Boolean),
          persona: "partner",
        };
      } catch {
        return { type: "anonymous" };
      }
    },

    /** OAuth 2.0 client credentials grant (RFC 6749 §4.4). */
    async clientCredentials(clientId: string, clientSecret: string, requestedScope: string | undefined) {
      const client = await repo.findClient(db, clientId);
      const given = Buffer.from(hashToken(clientSecret));
      const ok = client && !client.revokedAt && timingSafeEqual(given, Buffer.from(client.secretHash));
      if (!client || !ok) {
        throw new AppError("auth.invalid_client", "Unknown client or wrong secret", {
          error: "invalid_client",
        });
      }
      const requested = requestedScope ? requestedScope.split(" ").filter(Boolean) : client.scopes;
      const refused = requested.filter((s) => !client.scopes.includes(s));
      if (refused.length) {
        throw new AppError("auth.invalid_scope", `Not allowed for this client: ${refused.join(" ")}`, {
          error: "invalid_scope",
        });
      }
      const now = Math.floor(clock.now().getTime() / 1000);
      const scope = requested.join(" ");
      const accessToken = await new SignJWT({ scope, org: client.organisationId })
        .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
        .setSubject(client.clientId)
        .setIssuer(deps.issuer)
        .setAudience(PARTNER_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + PARTNER_TOKEN_TTL_SECONDS)
        .setJti(newId("tok"))
        .sign(key);
      return {
        access_token: accessToken,
        token_type: "Bearer" as const,
        expires_in: PARTNER_TOKEN_TTL_SECONDS,
        scope,
      };
    },

    /** Organisation names are public business facts (a trace page names the koperasi); nothing else is. */
    async organisationNames(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await repo.listOrganisations(db, { ids });
      return new Map(rows.map((o) => [o.id, o.name]));
    },

    async listOrganisations(principal: Principal, filter: { kind?: OrganisationKind }) {
      if (principal.type === "user" && principal.isAdmin) return repo.listOrganisations(db, filter);
      const ids =
        principal.type === "user"
          ? (await repo.membershipsOf(db, principal.userId)).map((m) => m.organisationId)
          : principal.type === "client"
            ? [principal.organisationId]
            : [];
      return repo.listOrganisations(db, { ...filter, ids });
    },

    /** Another organisation's record is "not found", never "forbidden": its existence is not ours to reveal. */
    async getOrganisation(principal: Principal, id: string) {
      const org = await repo.findOrganisation(db, id);
      const visible =
        org &&
        ((principal.type === "user" &&
          (principal.isAdmin ||
            (await repo.membershipsOf(db, principal.userId)).some((m) => m.organisationId === id))) ||
          (principal.type === "client" && principal.organisationId === id));
      if (!visible) throw new AppError("identity.organisation_not_found", `No organisation ${id}`);
      return { ...org, members: await repo.membersOf(db, id) };
    },

    /**
     * Records the GS1 company prefix GS1 Indonesia licensed to an organisation (admins), or clears it
     * (null: numbers come from the platform prefix again). Keys already issued keep the prefix they were
     * issued under; only new GTINs, GLNs and SSCCs use the new one.
     */
    async setCompanyPrefix(id: string, prefix: string | null) {
      if (prefix !== null) {
        const platform = deps.platformPrefix;
        if (prefix === platform || prefix.startsWith(platform) || platform.startsWith(prefix)) {
          throw new AppError(
            "identity.prefix_overlaps_platform",
            `${prefix} overlaps Lumbung's platform prefix ${platform}; GS1 never licenses a prefix that begins another`,
          );
        }
      }
      const row = await repo.setCompanyPrefix(db, id, prefix);
      if (!row) throw new AppError("identity.organisation_not_found", `No organisation ${id}`);
      return row;
    },

    async createOrganisation(input: { name: string; kind: OrganisationKind; regionCode?: string | null }) {
      if (input.regionCode && !(await deps.regionExists(input.regionCode))) {
        throw new AppError("request.validation", `Unknown region code ${input.regionCode}`, {
          errors: [
            {
              field: "body/regionCode",
              message: "is not a Kemendagri region code Lumbung knows",
              messageId: "bukan kode wilayah Kemendagri yang dikenal Lumbung",
            },
          ],
        });
      }
      if (await repo.findOrganisationByName(db, input.name)) {
        throw new AppError("identity.organisation_exists", `"${input.name}" exists already`);
      }
      const row = await repo.insertOrganisation(db, {
        id: newId("org"),
        name: input.name.trim(),
        kind: input.kind,
        regionCode: input.regionCode ?? null,
        createdAt: clock.now(),
      });
      if (!row) throw new AppError("identity.organisation_exists");
      return row;
    },

    /** Adds a person to an organisation, creating their account when the email is new. */
    async addMember(
      principal: Principal,
      organisationId: string,
      input: { email: string; name: string; password?: string; role: MembershipRole },
    ) {
      const org = await this.getOrganisation(principal, organisationId);
      const isOrgAdmin =
        principal.type === "user" &&
        (principal.isAdmin ||
          org.members.some((m) => m.userId === principal.userId && m.role === "org_admin"));
      if (!isOrgAdmin) throw new AppError("auth.forbidden", "Only the organisation's admins may add members");
      const email = normaliseEmail(input.email);
      let user = await repo.findUserByEmail(db, email);
      if (!user) {
        if (!input.password) {
          throw new AppError("request.validation", "A new account needs a password", {
            errors: [
              {
                field: "body/password",
                message: "required when the email has no account yet",
                messageId: "wajib diisi bila email belum punya akun",
              },
            ],
          });
        }
        user = await repo.insertUser(db, {
          id: newId("usr"),
          name: input.name.trim(),
          email,
          passwordHash: await hashPassword(input.password),
          createdAt: clock.now(),
        });
        if (!user) throw new AppError("identity.already_registered");
      }
      const added = await repo.insertMembership(db, user.id, organisationId, input.role);
      if (!added) throw new AppError("identity.already_member", `${email} is already a member`);
      return { userId: user.id, name: user.name, email: user.email, role: input.role };
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
