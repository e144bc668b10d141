import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  type MembershipRole,
  memberships,
  type OrganisationKind,
  oauthClients,
  organisations,
  sessions,
  users,
} from "./identity.tables";

export type UserRow = typeof users.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

export const identityRepository = {
  async findUserByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
    return row;
  },
  async findUserByPhone(db: DbOrTx, phone: string) {
    const [row] = await db.select().from(users).where(eq(users.phone, phone)).limit(1);
    return row;
  },
  async findUserById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  },
  /** Display names of several users in one query (unknown ids are absent). */
  async userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
    const [inserted] = await db.insert(users).values(row).onConflictDoNothing().returning();
    return inserted;
  },
  async membershipsOf(db: DbOrTx, userId: string) {
    return db
      .select({
        organisationId: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt), asc(organisations.name));
  },
  async insertMembership(db: DbOrTx, userId: string, organisationId: string, role: MembershipRole) {
    const [row] = await db
      .insert(memberships)
      .values({ userId, organisationId, role })
      .onConflictDoNothing()
      .returning();
    return row;
  },
  async insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async setSessionOrganisation(db: DbOrTx, sessionId: string, organisationId: string) {
    await db.update(sessions).set({ organisationId }).where(eq(sessions.id, sessionId));
  },
  async deleteSession(db: DbOrTx, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  /** The session with its user and active organisation, in one round trip. */
  async findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
    const [row] = await identityRepository.findLiveSessions(db, [tokenHash], now);
    return row;
  },
  /** Several sessions by their token hashes at once (requests arriving together). */
  async findLiveSessions(db: DbOrTx, tokenHashes: readonly string[], now: Date) {
    return db
      .select({
        tokenHash: sessions.tokenHash,
        sessionId: sessions.id,
        userId: users.id,
        name: users.name,
        isAdmin: users.isAdmin,
        disabledAt: users.disabledAt,
        organisationId: organisations.id,
        organisationKind: organisations.kind,
        membershipRole: memberships.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(organisations, eq(organisations.id, sessions.organisationId))
      .leftJoin(
        memberships,
        and(eq(memberships.userId, sessions.userId), eq(memberships.organisationId, sessions.organisationId)),
      )
      .where(and(inArray(sessions.tokenHash, [...new Set(tokenHashes)]), gt(sessions.expiresAt, now)));
  },
  async findClient(db: DbOrTx, clientId: string) {
    const [row] = await db.select().from(oauthClients).where(eq(oauthClients.clientId, clientId)).limit(1);
    return row;
  },
  async upsertClient(db: DbOrTx, row: typeof oauthClients.$inferInsert) {
    await db
      .insert(oauthClients)
      .values(row)
      .onConflictDoUpdate({
        target: oauthClients.clientId,
        set: { secretHash: row.secretHash, scopes: row.scopes, name: row.name },
      });
  },
  async listOrganisations(db: DbOrTx, filter: { ids?: string[]; kind?: OrganisationKind }) {
    const conditions = [];
    if (filter.ids) conditions.push(inArray(organisations.id, filter.ids.length ? filter.ids : ["∅"]));
    if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
    return db
      .select()
      .from(organisations)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(organisations.name));
  },
  async setCompanyPrefix(db: DbOrTx, id: string, prefix: string | null) {
    const [row] = await db
      .update(organisations)
      .set({ gs1CompanyPrefix: prefix })
      .where(eq(organisations.id, id))
      .returning();
    return row;
  },

  async findOrganisation(db: DbOrTx, id: string) {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
    return row;
  },
  async findOrganisationByName(db: DbOrTx, name: string) {
    const [row] = await db
      .select()
      .from(organisations)
      .where(sql`lower(${organisations.name}) = lower(${name})`)
      .limit(1);
    return row;
  },
  async insertOrganisation(db: DbOrTx, row: typeof organisations.$inferInsert) {
    const [inserted] = await db.insert(organisations).values(row).onConflictDoNothing().returning();
    return inserted;
  },
  async membersOf(db: DbOrTx, organisationId: string) {
    return db
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, organisationId))
      .orderBy(asc(users.name));
  },
};
