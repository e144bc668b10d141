import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { AppError, bilingual } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { maskNik, NIK_MESSAGES, nikRegionKnown, parseNik } from "./domain/nik";
import { createNikCipher } from "./identity.profile.crypto";
import "./identity.profile.errors";
import { consents, memberships, organisations, sessions, userProfiles, users } from "./identity.tables";

export const CONSENT_PURPOSES = [
  "nik_processing",
  "notifications_sms",
  "notifications_whatsapp",
  "notifications_email",
  "public_reports",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The version of the consent texts shown in the app; a consent to an older text no longer counts for the NIK. */
export const CONSENT_VERSION = "2026-11";

/**
 * Another module's share of a person's data: what it holds (for the download) and how it forgets
 * them (for account deletion, inside the deletion's transaction when it uses `tx`).
 */
export interface PersonalDataSource {
  name: string;
  export(userId: string): Promise<unknown>;
  erase(userId: string, tx: DbOrTx): Promise<unknown>;
}

export interface ProfileDeps {
  db: Database;
  clock: Clock;
  /** LUMBUNG_SECRET: the NIK keys are derived from it. */
  secret: string;
  regionExists: (code: string) => Promise<boolean>;
}

export const DELETED_NAME = "Pengguna terhapus";

function nikError(problem: keyof typeof NIK_MESSAGES) {
  const m = NIK_MESSAGES[problem];
  return new AppError("profile.invalid_nik", m.en, {
    errors: [{ field: "body/nik", message: bilingual(m.en, m.id), messageId: m.id }],
    problem,
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export function createProfileService(deps: ProfileDeps) {
  const { db, clock } = deps;
  const cipher = createNikCipher(deps.secret);
  const sources = new Map<string, PersonalDataSource>();

  async function latestConsents(tx: DbOrTx, userId: string) {
    const rows = await tx
      .select()
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(desc(consents.at), desc(consents.id));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!latest.has(r.purpose)) latest.set(r.purpose, r);
    return latest;
  }

  async function profileRow(tx: DbOrTx, userId: string) {
    const [row] = await tx.select().from(userProfiles).where(eq(userProfiles.userId, userId));
    return row;
  }

  async function upsertProfile(tx: DbOrTx, userId: string, set: Partial<typeof userProfiles.$inferInsert>) {
    const now = clock.now();
    await tx
      .insert(userProfiles)
      .values({ userId, updatedAt: now, ...set })
      .onConflictDoUpdate({ target: userProfiles.userId, set: { ...set, updatedAt: now } });
  }

  async function eraseNik(tx: DbOrTx, userId: string) {
    await tx
      .update(userProfiles)
      .set({ nikCiphertext: null, nikHash: null, nikMasked: null, updatedAt: clock.now() })
      .where(eq(userProfiles.userId, userId));
  }

  /** Checks the NIK's rules and its kecamatan against the Kemendagri regions Lumbung holds. */
  async function validNik(input: string) {
    const parsed = parseNik(input, jakartaDate(clock.now()));
    if (!parsed.ok) throw nikError(parsed.problem);
    const v = parsed.value;
    const [province, regency, district, probe01, probe71] = await Promise.all([
      deps.regionExists(v.provinceCode),
      deps.regionExists(v.regencyCode),
      deps.regionExists(v.districtCode),
      deps.regionExists(`${v.provinceCode}.01`),
      deps.regionExists(`${v.provinceCode}.71`),
    ]);
    // Regencies and kecamatan are loaded together (Lampung and DKI Jakarta): a province with any
    // regency loaded has its kecamatan loaded too.
    const known = { province, regency, district, provinceHasDistricts: probe01 || probe71 };
    if (!nikRegionKnown(known)) throw nikError("region");
    return v.nik;
  }

  async function view(userId: string) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt) throw new AppError("auth.unauthenticated");
    const profile = await profileRow(db, userId);
    const latest = await latestConsents(db, userId);
    return {
      name: user.name,
      email: user.email,
      phone: user.phone,
      nik: profile?.nikMasked ?? null,
      regencyCode: profile?.regencyCode ?? null,
      consentVersion: CONSENT_VERSION,
      consents: CONSENT_PURPOSES.flatMap((purpose) => {
        const c = latest.get(purpose);
        return c ? [{ purpose, version: c.version, granted: c.granted, at: c.at.toISOString() }] : [];
      }),
    };
  }

  /**
   * Deletes the account (UU 27/2022 art. 8, 16): every registered module forgets the person first,
   * then sessions, profile, consents and memberships go, and the users row stays only as an
   * anonymous, disabled husk so the audit log's references still resolve. One transaction. For a caller
   * that has established the person's wish: the owner with their password (`deleteAccount`), or a partner
   * platform erasing the account of one of its users, who has no password here.
   */
  async function eraseAccount(userId: string) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt) throw new AppError("auth.unauthenticated");
    if (user.isAdmin) throw new AppError("profile.admin_cannot_delete");
    const unusable = await hash(randomBytes(32).toString("base64url"));
    await db.transaction(async (tx) => {
      for (const source of sources.values()) await source.erase(userId, tx);
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await tx.delete(userProfiles).where(eq(userProfiles.userId, userId));
      await tx.delete(consents).where(eq(consents.userId, userId));
      await tx.delete(memberships).where(eq(memberships.userId, userId));
      await tx
        .update(users)
        .set({
          name: DELETED_NAME,
          email: null,
          phone: null,
          passwordHash: unusable,
          disabledAt: clock.now(),
        })
        .where(eq(users.id, userId));
    });
  }

  return {
    /** Adds (or replaces, by name) a module's share of personal data for downloads and deletion. */
    registerPersonalDataSource(source: PersonalDataSource) {
      sources.set(source.name, source);
    },

    get: view,

    async update(
      userId: string,
      input: { name?: string; phone?: string | null; regencyCode?: string | null; nik?: string | null },
    ) {
      let nik: string | null | undefined = input.nik;
      if (typeof nik === "string") nik = await validNik(nik);
      if (input.regencyCode) {
        const ok = /^\d{2}\.\d{2}$/.test(input.regencyCode) && (await deps.regionExists(input.regencyCode));
        if (!ok) {
          throw new AppError("request.validation", `Unknown regency ${input.regencyCode}`, {
            errors: [
              {
                field: "body/regencyCode",
                message: bilingual(
                  "is not a Kemendagri regency code Lumbung knows",
                  "bukan kode kabupaten/kota Kemendagri yang dikenal Lumbung",
                ),
                messageId: "bukan kode kabupaten/kota Kemendagri yang dikenal Lumbung",
              },
            ],
          });
        }
      }
      try {
        await db.transaction(async (tx) => {
          const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
          if (!user) throw new AppError("auth.unauthenticated");
          const set: Partial<typeof users.$inferInsert> = {};
          if (input.name !== undefined) set.name = input.name;
          if (input.phone !== undefined) {
            if (input.phone === null && !user.email) throw new AppError("profile.contact_required");
            if (input.phone) {
              const [other] = await tx
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.phone, input.phone), ne(users.id, userId)));
              if (other) throw new AppError("profile.phone_taken");
            }
            set.phone = input.phone;
          }
          if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, userId));
          if (input.regencyCode !== undefined)
            await upsertProfile(tx, userId, { regencyCode: input.regencyCode });
          if (nik === null) await eraseNik(tx, userId);
          if (typeof nik === "string") {
            const consent = (await latestConsents(tx, userId)).get("nik_processing");
            if (!consent?.granted || consent.version !== CONSENT_VERSION) {
              throw new AppError(
                "profile.consent_required",
                "Give consent to NIK processing (purpose nik_processing, current version) first",
                { errors: [{ field: "body/nik", message: "consent nik_processing required" }] },
              );
            }
            const nikHash = cipher.hash(nik);
            const [holder] = await tx
              .select({ userId: userProfiles.userId })
              .from(userProfiles)
              .where(and(eq(userProfiles.nikHash, nikHash), ne(userProfiles.userId, userId)));
            if (holder) throw new AppError("profile.nik_taken");
            await upsertProfile(tx, userId, {
              nikCiphertext: cipher.encrypt(nik),
              nikHash,
              nikMasked: maskNik(nik),
            });
          }
        });
      } catch (err) {
        // Two accounts saving the same NIK or phone at once: the unique index decides.
        if (isUniqueViolation(err)) {
          throw new AppError(typeof nik === "string" ? "profile.nik_taken" : "profile.phone_taken");
        }
        throw err;
      }
      return view(userId);
    },

    /** Records consent given or withdrawn; withdrawing NIK processing erases the stored NIK. */
    async setConsent(userId: string, input: { purpose: ConsentPurpose; granted: boolean; version: string }) {
      await db.transaction(async (tx) => {
        await tx.insert(consents).values({
          id: newId("cns"),
          userId,
          purpose: input.purpose,
          version: input.version,
          granted: input.granted,
          at: clock.now(),
        });
        if (input.purpose === "nik_processing" && !input.granted) await eraseNik(tx, userId);
      });
      return view(userId);
    },

    /** Everything Lumbung holds about the person, the NIK in clear: their copy (UU 27/2022 art. 7, 13). */
    async exportData(userId: string, currentSessionId: string | null) {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw new AppError("auth.unauthenticated");
      const profile = await profileRow(db, userId);
      const history = await db
        .select()
        .from(consents)
        .where(eq(consents.userId, userId))
        .orderBy(asc(consents.at), asc(consents.id));
      const ms = await db
        .select({
          organisationId: organisations.id,
          name: organisations.name,
          kind: organisations.kind,
          role: memberships.role,
          since: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.userId, userId));
      const ss = await db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt));
      const fromSources: Record<string, unknown> = {};
      for (const [name, source] of sources) fromSources[name] = await source.export(userId);
      return {
        format: "lumbung-personal-data/1",
        exportedAt: clock.now().toISOString(),
        account: {
          id: user.id,
          name: user.name,
          email: user.email,
          phone: user.phone,
          isAdmin: user.isAdmin,
          createdAt: user.createdAt.toISOString(),
        },
        profile: profile
          ? {
              nik: profile.nikCiphertext ? cipher.decrypt(profile.nikCiphertext) : null,
              regencyCode: profile.regencyCode,
              updatedAt: profile.updatedAt.toISOString(),
            }
          : null,
        consents: history.map((c) => ({
          purpose: c.purpose,
          version: c.version,
          granted: c.granted,
          at: c.at.toISOString(),
        })),
        memberships: ms.map((m) => ({ ...m, since: m.since.toISOString() })),
        // Tokens are never stored (only their SHA-256), so none can be given.
        sessions: ss.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
          current: s.id === currentSessionId,
        })),
        sources: fromSources,
      };
    },

    /** The owner deletes their account, confirming with their password. */
    async deleteAccount(userId: string, input: { password: string }) {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user || user.disabledAt) throw new AppError("auth.unauthenticated");
      if (!(await verify(user.passwordHash, input.password))) throw new AppError("profile.wrong_password");
      await eraseAccount(userId);
    },

    eraseAccount,
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
