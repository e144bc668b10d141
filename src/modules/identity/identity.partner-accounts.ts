import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { oauthClients, organisations, partnerAccounts, users } from "./identity.tables";

export interface PartnerAccountLink {
  userId: string;
  clientId: string;
  externalUserId: string;
}

// A concurrent first visit of the same partner user won the unique index; its account is the one to use.
class LostRace extends Error {}

/**
 * Citizen accounts of partner platforms' users (JAKI's embedded storefront). They are made on the first
 * embed visit with an unusable password and no email or phone on `users`, so the only way in is a fresh
 * embed token the partner signs for them.
 */
export function createPartnerAccounts<Session>(deps: {
  db: Database;
  clock: Clock;
  startSession: (userId: string, meta: { ip: string; userAgent: string | undefined }) => Promise<Session>;
}) {
  const { db, clock } = deps;

  async function find(tx: DbOrTx, clientId: string, externalUserId: string) {
    const [row] = await tx
      .select()
      .from(partnerAccounts)
      .where(and(eq(partnerAccounts.clientId, clientId), eq(partnerAccounts.externalUserId, externalUserId)))
      .limit(1);
    return row;
  }

  return {
    /**
     * The Lumbung account of a partner's user, created on first use. The partner's name for them is kept
     * current on later visits (it is what sellers see on the order).
     */
    async ensurePartnerAccount(input: {
      clientId: string;
      externalUserId: string;
      name: string;
      phone?: string | null;
    }): Promise<PartnerAccountLink & { created: boolean }> {
      const now = clock.now();
      const existing = await find(db, input.clientId, input.externalUserId);
      if (existing) {
        await db.transaction(async (tx) => {
          await tx.update(users).set({ name: input.name.trim() }).where(eq(users.id, existing.userId));
          await tx
            .update(partnerAccounts)
            .set({ lastSeenAt: now, ...(input.phone ? { phone: input.phone } : {}) })
            .where(eq(partnerAccounts.id, existing.id));
        });
        return { ...link(existing), created: false };
      }
      const unusable = await hash(randomBytes(32).toString("base64url"));
      try {
        const userId = newId("usr");
        await db.transaction(async (tx) => {
          await tx.insert(users).values({
            id: userId,
            name: input.name.trim(),
            email: null,
            phone: null,
            passwordHash: unusable,
            createdAt: now,
          });
          const inserted = await tx
            .insert(partnerAccounts)
            .values({
              id: newId("pac"),
              clientId: input.clientId,
              externalUserId: input.externalUserId,
              userId,
              phone: input.phone ?? null,
              createdAt: now,
              lastSeenAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: partnerAccounts.id });
          if (!inserted.length) throw new LostRace();
        });
        return { userId, clientId: input.clientId, externalUserId: input.externalUserId, created: true };
      } catch (err) {
        if (!(err instanceof LostRace)) throw err;
        const winner = await find(db, input.clientId, input.externalUserId);
        if (!winner) throw err;
        return { ...link(winner), created: false };
      }
    },

    /** Starts a web session for a partner account (after its embed token was checked by the caller). */
    async startPartnerAccountSession(userId: string, meta: { ip: string; userAgent: string | undefined }) {
      const [row] = await db
        .select({ id: partnerAccounts.id, disabledAt: users.disabledAt })
        .from(partnerAccounts)
        .innerJoin(users, eq(users.id, partnerAccounts.userId))
        .where(eq(partnerAccounts.userId, userId))
        .limit(1);
      if (!row || row.disabledAt) throw new AppError("auth.unauthenticated", "Not a partner account");
      return deps.startSession(userId, meta);
    },

    /** Which partner's users these are (accounts not linked to a partner are absent). Usable inside a transaction. */
    async partnerAccountsOf(
      userIds: readonly string[],
      tx: DbOrTx = db,
    ): Promise<Map<string, PartnerAccountLink>> {
      if (!userIds.length) return new Map();
      const rows = await tx
        .select()
        .from(partnerAccounts)
        .where(inArray(partnerAccounts.userId, [...new Set(userIds)]));
      return new Map(rows.map((r) => [r.userId, link(r)]));
    },

    /** The account behind a partner's user id, if they have ever opened the embed. */
    async findPartnerAccount(clientId: string, externalUserId: string, tx: DbOrTx = db) {
      const row = await find(tx, clientId, externalUserId);
      return row ? link(row) : null;
    },

    /** Partner platforms' OAuth clients (for the admin console); secrets never leave the module. */
    async listPartnerClients() {
      return db
        .select({
          clientId: oauthClients.clientId,
          name: oauthClients.name,
          organisationId: oauthClients.organisationId,
          organisationName: organisations.name,
          scopes: oauthClients.scopes,
          createdAt: oauthClients.createdAt,
          revokedAt: oauthClients.revokedAt,
        })
        .from(oauthClients)
        .innerJoin(organisations, eq(organisations.id, oauthClients.organisationId))
        .orderBy(asc(oauthClients.clientId));
    },
  };
}

function link(row: typeof partnerAccounts.$inferSelect): PartnerAccountLink {
  return { userId: row.userId, clientId: row.clientId, externalUserId: row.externalUserId };
}

/**
 * The link to a partner's user (and the phone the partner sent) is the person's data too: it is in their
 * data download, and it goes when they delete their account.
 */
export function partnerAccountsDataSource(db: Database) {
  return {
    name: "partnerAccounts",
    async export(userId: string) {
      const rows = await db.select().from(partnerAccounts).where(eq(partnerAccounts.userId, userId));
      return rows.map((r) => ({
        partnerClientId: r.clientId,
        externalUserId: r.externalUserId,
        phone: r.phone,
        linkedAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
      }));
    },
    async erase(userId: string, tx: DbOrTx) {
      await tx.delete(partnerAccounts).where(eq(partnerAccounts.userId, userId));
    },
  };
}
