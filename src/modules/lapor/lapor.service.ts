import { randomBytes } from "node:crypto";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { bulkInsert } from "../../db/bulk-insert";
import type { Database, DbOrTx } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, errorSpec } from "../../http/errors";
import { createBatcher } from "../../lib/batcher";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { type IdentityService, identityRepository } from "../identity";
import type { ReferenceService } from "../reference";
import { chainOf, disposeTargets, subtreeOf } from "./domain/agencies";
import { checkAttributes } from "./domain/attributes";
import {
  confirmDue,
  escalate,
  isOverdue,
  shouldAutoClose,
  stageDue,
  onTime as stageOnTime,
} from "./domain/deadlines";
import { boxAround, duplicateCandidates, inIndonesia, nearestRegency } from "./domain/geo";
import {
  AGENCY_STAGES,
  type CategoryAttribute,
  type Privacy,
  REPORT_STATES,
  type ReportState,
  type StageHours,
} from "./domain/types";
import type {
  ActorRole,
  Agency,
  Category,
  HistoryEntry,
  InboxItem,
  LeagueRow,
  Photo,
  PublicReport,
  Report,
  ReportLite,
} from "./domain/views";
import {
  type Action,
  allowedActions,
  checkAction,
  type Role,
  RULES,
  TERMINAL_STATES,
} from "./domain/workflow";
import "./lapor.errors";
import {
  laporAgencies,
  laporCategories,
  laporCounters,
  laporFollowers,
  laporReportEvents,
  laporReportPhotos,
  laporReports,
} from "./lapor.tables";

/** What Lapor needs of the media module (the shared contract). */
export interface LaporMedia {
  store(input: {
    ownerUserId: string | null;
    purpose: "report_photo" | "news_image";
    data: Buffer;
    declaredType?: string;
  }): Promise<{ id: string; contentType: string; size: number; width: number; height: number }>;
  get(id: string): Promise<{
    id: string;
    contentType: string;
    bytes: Buffer;
    size: number;
    width: number;
    height: number;
    purpose: string;
    ownerUserId: string | null;
    createdAt: Date;
  } | null>;
}

type AgencyNoticeKind = "new" | "escalated" | "reopened" | "disposed" | "replied";

export interface LaporNotificationItem {
  recipientUserId: string;
  kind: string;
  title: { id: string; en: string };
  body: { id: string; en: string };
  payload: Record<string, unknown>;
}

/** What Lapor needs of the notifications module (the shared contract). */
export interface LaporNotifications {
  enqueue(db: DbOrTx, items: LaporNotificationItem[]): Promise<number>;
}

export interface LaporDeps {
  db: Database;
  clock: Clock;
  media: LaporMedia;
  notifications: LaporNotifications;
  identity: IdentityService;
  reference: ReferenceService;
}

type ReportRow = typeof laporReports.$inferSelect;
type AgencyRow = typeof laporAgencies.$inferSelect;
type CategoryRow = typeof laporCategories.$inferSelect;
type EventRow = typeof laporReportEvents.$inferSelect;

/** Who is asking, resolved once per call. */
interface Caller {
  userId: string;
  name: string;
  isAdmin: boolean;
  /** Lapor agencies the user is staff of (through organisation membership), the active organisation's first. */
  agencyIds: string[];
}

export interface FileInput {
  reporterUserId: string | null;
  source: "app" | "open311";
  contact?: Record<string, string> | undefined;
  clientRequestId?: string | undefined;
  categoryCode: string;
  description: string;
  latitude: number;
  longitude: number;
  address?: string | undefined;
  regencyCode?: string | undefined;
  districtCode?: string | undefined;
  villageCode?: string | undefined;
  privacy: Privacy;
  attributes?: Record<string, unknown> | undefined;
  photoIds?: string[] | undefined;
}

export interface ActionInput {
  action: Action;
  note?: string | undefined;
  photoIds?: string[] | undefined;
  targetAgencyCode?: string | undefined;
  assigneeUserId?: string | undefined;
  rating?: number | undefined;
  comment?: string | undefined;
}

export interface PublicFilter {
  ids?: string[] | undefined;
  categoryCodes?: string[] | undefined;
  states?: ReportState[] | undefined;
  regencyCode?: string | undefined;
  status?: "open" | "closed" | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset?: number | undefined;
}

export interface CategoryInput {
  code: string;
  group: string;
  name: { id: string; en: string };
  description: { id: string; en: string };
  keywords?: string[] | undefined;
  agencyCode: string;
  stageHours: StageHours;
  attributes?: CategoryAttribute[] | undefined;
  photoRequired?: boolean | undefined;
  duplicateRadiusM: number;
  duplicateWindowHours: number;
  active?: boolean | undefined;
  sort?: number | undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_PHOTOS = 3;
const CLOSED: ReportState[] = [...TERMINAL_STATES];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const photoUrl = (mediaId: string) => `/api/v1/lapor/photos/${mediaId}`;

const PHOTO_ACTIONS: readonly Action[] = ["resolve", "reopen", "reply"];

function jakartaYear(d: Date): number {
  return Number(jakartaDate(d).slice(0, 4));
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** How stale this process's copy of the agencies and categories may get. */
const MASTER_DATA_TTL_MS = 30_000;

export function createLaporService(deps: LaporDeps) {
  const { db, clock, media, notifications, reference } = deps;

  // ---------------------------------------------------------------- master data

  async function loadAgencies(tx: DbOrTx = db) {
    const rows = await tx.select().from(laporAgencies).orderBy(asc(laporAgencies.name));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function loadCategories(tx: DbOrTx = db) {
    const rows = await tx
      .select()
      .from(laporCategories)
      .orderBy(asc(laporCategories.sort), asc(laporCategories.code));
    return new Map(rows.map((r) => [r.code, r]));
  }

  async function loadContext(tx: DbOrTx) {
    const [agencies, categories] = await Promise.all([loadAgencies(tx), loadCategories(tx)]);
    return { agencies, categories };
  }
  type Ctx = Awaited<ReturnType<typeof loadContext>>;

  // Agencies and categories change a few times a year but every request reads them: outside transactions
  // they come from a copy at most MASTER_DATA_TTL_MS old (another API process's edit shows within that),
  // and this process's own edits replace the copy at once. Transactions always read the tables.
  let masterData: { loadedAt: number; ctx: Promise<Ctx> } | null = null;
  function context(tx: DbOrTx = db): Promise<Ctx> {
    if (tx !== db) return loadContext(tx);
    const now = Date.now();
    if (!masterData || now - masterData.loadedAt > MASTER_DATA_TTL_MS) {
      const loading = loadContext(db);
      masterData = { loadedAt: now, ctx: loading };
      loading.catch(() => {
        if (masterData?.ctx === loading) masterData = null;
      });
    }
    return masterData.ctx;
  }
  function forgetMasterData() {
    masterData = null;
  }

  const agencyView = (a: AgencyRow): Agency => ({
    id: a.id,
    code: a.code,
    name: a.name,
    level: a.level,
    regionCode: a.regionCode,
    parentId: a.parentId,
  });

  function categoryView(c: CategoryRow, agencies: Map<string, AgencyRow>): Category {
    const a = agencies.get(c.agencyId);
    return {
      code: c.code,
      group: c.group,
      name: { id: c.nameId, en: c.nameEn },
      description: { id: c.descriptionId, en: c.descriptionEn },
      keywords: c.keywords,
      agency: { code: a?.code ?? "", name: a?.name ?? "" },
      stageHours: c.stageHours,
      attributes: c.attributes,
      photoRequired: c.photoRequired,
      duplicateRadiusM: c.duplicateRadiusM,
      duplicateWindowHours: c.duplicateWindowHours,
      active: c.active,
    };
  }

  // ---------------------------------------------------------------- callers and people

  async function callerOf(principal: Principal, tx: DbOrTx = db): Promise<Caller | null> {
    if (principal.type !== "user") return null;
    // A session's principal without an organisation belongs to none (sessions take the first membership).
    if (principal.organisationId === null) {
      return { userId: principal.userId, name: principal.name, isAdmin: principal.isAdmin, agencyIds: [] };
    }
    return callerFor(principal, tx);
  }

  async function callerFor(
    who: { userId: string; name: string; isAdmin: boolean; organisationId: string | null },
    tx: DbOrTx = db,
  ): Promise<Caller> {
    const memberships = await identityRepository.membershipsOf(tx, who.userId);
    const orgIds = memberships.map((m) => m.organisationId);
    const agencies = orgIds.length
      ? await tx
          .select({ id: laporAgencies.id, organisationId: laporAgencies.organisationId })
          .from(laporAgencies)
          .where(inArray(laporAgencies.organisationId, orgIds))
      : [];
    agencies.sort(
      (a, b) =>
        Number(b.organisationId === who.organisationId) - Number(a.organisationId === who.organisationId),
    );
    return { userId: who.userId, name: who.name, isAdmin: who.isAdmin, agencyIds: agencies.map((a) => a.id) };
  }

  function userNames(ids: (string | null)[], tx: DbOrTx = db): Promise<Map<string, string>> {
    return identityRepository.userNames(tx, [...new Set(ids.filter((x): x is string => Boolean(x)))]);
  }

  async function staffOf(agencyId: string, agencies: Map<string, AgencyRow>, tx: DbOrTx = db) {
    const a = agencies.get(agencyId);
    if (!a) return [];
    return identityRepository.membersOf(tx, a.organisationId);
  }

  function contactName(contact: Record<string, string> | null): string | null {
    if (!contact) return null;
    const name = [contact.first_name ?? contact.firstName, contact.last_name ?? contact.lastName]
      .filter(Boolean)
      .join(" ")
      .trim();
    return name || contact.name || null;
  }

  // ---------------------------------------------------------------- roles

  /** The caller's agency acting on a report: one in its responsibility chain (the closest), or null. */
  function actingAgency(caller: Caller | null, report: ReportRow, agencies: Map<string, AgencyRow>) {
    if (!caller) return null;
    const chain = chainOf(agencies, report.agencyId);
    for (const id of chain) if (caller.agencyIds.includes(id)) return id;
    return null;
  }

  async function isFollower(reportId: string, userId: string, tx: DbOrTx = db) {
    const [row] = await tx
      .select({ userId: laporFollowers.userId })
      .from(laporFollowers)
      .where(and(eq(laporFollowers.reportId, reportId), eq(laporFollowers.userId, userId)))
      .limit(1);
    return Boolean(row);
  }

  /** Agencies that have had the report at some point (they keep sight of it after disposing). */
  async function involvedAgencies(reportId: string, tx: DbOrTx = db) {
    const rows = await tx
      .select({ agencyId: laporReportEvents.agencyId, data: laporReportEvents.data })
      .from(laporReportEvents)
      .where(eq(laporReportEvents.reportId, reportId));
    const out = new Set<string>();
    for (const r of rows) {
      if (r.agencyId) out.add(r.agencyId);
      const from = r.data.fromAgencyId;
      if (typeof from === "string") out.add(from);
    }
    return out;
  }

  async function rolesOf(
    caller: Caller | null,
    report: ReportRow,
    agencies: Map<string, AgencyRow>,
    tx: DbOrTx = db,
  ) {
    const roles: Role[] = [];
    if (!caller) return roles;
    if (report.reporterUserId === caller.userId) roles.push("reporter");
    if (caller.isAdmin || actingAgency(caller, report, agencies)) roles.push("agency");
    // A reporter never follows their own report (join refuses it): no need to ask.
    if (report.reporterUserId !== caller.userId && (await isFollower(report.id, caller.userId, tx))) {
      roles.push("follower");
    }
    return roles;
  }

  async function canView(
    caller: Caller | null,
    report: ReportRow,
    roles: Role[],
    agencies: Map<string, AgencyRow>,
    tx: DbOrTx = db,
  ) {
    if (report.privacy === "public") return true;
    if (!caller) return false;
    if (roles.length) return true;
    if (!caller.agencyIds.length) return false;
    const involved = await involvedAgencies(report.id, tx);
    for (const id of involved) {
      for (const up of chainOf(agencies, id)) if (caller.agencyIds.includes(up)) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- views

  async function photosOf(reportIds: string[], tx: DbOrTx = db) {
    const byReport = new Map<string, (Photo & { eventId: string | null })[]>();
    if (!reportIds.length) return byReport;
    const rows = await tx
      .select()
      .from(laporReportPhotos)
      .where(inArray(laporReportPhotos.reportId, reportIds))
      .orderBy(asc(laporReportPhotos.sort));
    const eventIds = [...new Set(rows.map((r) => r.eventId).filter((x): x is string => Boolean(x)))];
    const dims = new Map<string, { width: number; height: number }>();
    if (eventIds.length) {
      const events = await tx
        .select({ data: laporReportEvents.data })
        .from(laporReportEvents)
        .where(inArray(laporReportEvents.id, eventIds));
      for (const e of events) {
        const photos = e.data.photos;
        if (Array.isArray(photos)) {
          for (const p of photos as { mediaId: string; width: number; height: number }[])
            dims.set(p.mediaId, p);
        }
      }
    }
    for (const r of rows) {
      const d = dims.get(r.mediaId);
      const list = byReport.get(r.reportId) ?? [];
      list.push({
        id: r.mediaId,
        kind: r.kind,
        url: photoUrl(r.mediaId),
        width: d?.width ?? null,
        height: d?.height ?? null,
        eventId: r.eventId,
      });
      byReport.set(r.reportId, list);
    }
    return byReport;
  }

  const stripEvent = ({ eventId: _e, ...p }: Photo & { eventId: string | null }): Photo => p;

  function publicView(
    r: ReportRow,
    ctx: Ctx,
    photos: (Photo & { eventId: string | null })[],
    now: Date,
  ): PublicReport {
    const c = ctx.categories.get(r.categoryCode);
    const a = ctx.agencies.get(r.agencyId);
    return {
      id: r.id,
      number: r.number,
      category: {
        code: r.categoryCode,
        name: { id: c?.nameId ?? r.categoryCode, en: c?.nameEn ?? r.categoryCode },
      },
      description: r.description,
      latitude: r.latitude,
      longitude: r.longitude,
      address: r.address,
      regencyCode: r.regencyCode,
      districtCode: r.districtCode,
      villageCode: r.villageCode,
      state: r.state,
      agency: { code: a?.code ?? "", name: a?.name ?? "" },
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      stageStartedAt: r.stageStartedAt.toISOString(),
      stageDueAt: iso(r.stageDueAt),
      overdue: isOverdue(r, now),
      wasOverdue: r.overdueAt !== null,
      escalationLevel: r.escalationLevel,
      followerCount: r.followerCount,
      photos: photos.map(stripEvent),
      resolvedAt: iso(r.resolvedAt),
      closedAt: iso(r.closedAt),
      rating: r.rating,
    };
  }

  async function publicViews(rows: ReportRow[], ctx?: Ctx, tx: DbOrTx = db): Promise<PublicReport[]> {
    const c = ctx ?? (await context(tx));
    const photos = await photosOf(
      rows.map((r) => r.id),
      tx,
    );
    const now = clock.now();
    return rows.map((r) => publicView(r, c, photos.get(r.id) ?? [], now));
  }

  /** Whether the caller sees who filed: the reporter always; agency staff unless anonymous. */
  function reporterVisible(r: ReportRow, roles: Role[]) {
    if (roles.includes("reporter")) return true;
    return roles.includes("agency") && r.privacy !== "anonymous";
  }

  function eventsOf(reportId: string, tx: DbOrTx = db) {
    return tx
      .select()
      .from(laporReportEvents)
      .where(eq(laporReportEvents.reportId, reportId))
      .orderBy(asc(laporReportEvents.at), asc(laporReportEvents.id));
  }

  async function history(
    r: ReportRow,
    ctx: Ctx,
    photos: (Photo & { eventId: string | null })[],
    opts: { publicSafe: boolean; showReporter: boolean },
    tx: DbOrTx = db,
  ): Promise<HistoryEntry[]> {
    const events = await eventsOf(r.id, tx);
    const names = await userNames(
      events.map((e) => e.actorUserId),
      tx,
    );
    return historyEntries(events, names, ctx, photos, opts);
  }

  function historyEntries(
    events: EventRow[],
    names: Map<string, string>,
    ctx: Ctx,
    photos: (Photo & { eventId: string | null })[],
    opts: { publicSafe: boolean; showReporter: boolean },
  ): HistoryEntry[] {
    return events.map((e): HistoryEntry => {
      const agency = e.agencyId ? ctx.agencies.get(e.agencyId) : undefined;
      const role = e.actorRole as ActorRole;
      let name: string | null = e.actorUserId ? (names.get(e.actorUserId) ?? null) : null;
      if (opts.publicSafe || role === "follower" || (role === "reporter" && !opts.showReporter)) name = null;
      return {
        id: e.id,
        at: e.at.toISOString(),
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        actor: { role, name, agency: agency ? { code: agency.code, name: agency.name } : null },
        note: opts.publicSafe && e.data.private === true ? null : e.note,
        onTime: e.onTime,
        photos: photos.filter((p) => p.eventId === e.id).map(stripEvent),
      };
    });
  }

  async function fullView(
    r: ReportRow,
    caller: Caller | null,
    tx: DbOrTx = db,
    ctxIn?: Ctx,
  ): Promise<Report> {
    const ctx = ctxIn ?? (await context(tx));
    const roles = await rolesOf(caller, r, ctx.agencies, tx);
    const photos = (await photosOf([r.id], tx)).get(r.id) ?? [];
    const events = await eventsOf(r.id, tx);
    // Everyone named on the page in one query: reporter, assignee and the history's actors.
    const names = await userNames(
      [r.reporterUserId, r.assigneeUserId, ...events.map((e) => e.actorUserId)],
      tx,
    );
    return assembleView(r, ctx, roles, photos, events, names);
  }

  /** The full view from its parts, however they were obtained (read back, or just written). */
  function assembleView(
    r: ReportRow,
    ctx: Ctx,
    roles: Role[],
    photos: (Photo & { eventId: string | null })[],
    events: EventRow[],
    names: Map<string, string>,
  ): Report {
    const showReporter = reporterVisible(r, roles);
    let reporter: { name: string } | null = null;
    if (showReporter) {
      const name = r.reporterUserId ? names.get(r.reporterUserId) : contactName(r.contact);
      reporter = name ? { name } : null;
    }
    const assigneeName = r.assigneeUserId ? names.get(r.assigneeUserId) : null;
    const now = clock.now();
    return {
      ...publicView(r, ctx, photos, now),
      privacy: r.privacy,
      reporter,
      attributes: r.attributes,
      confirmDueAt: iso(r.confirmDueAt),
      assignee: r.assigneeUserId && assigneeName ? { id: r.assigneeUserId, name: assigneeName } : null,
      mergedIntoId: r.mergedIntoId,
      ratingComment: r.ratingComment,
      following: roles.includes("follower"),
      mine: roles.includes("reporter"),
      // Someone with no part in the report (a public one) gets the public history: no names.
      history: historyEntries(events, names, ctx, photos, { publicSafe: roles.length === 0, showReporter }),
      allowedActions: allowedActions({
        state: r.state,
        roles,
        merged: r.mergedIntoId !== null,
        rated: r.rating !== null,
        reopenOpen: r.confirmDueAt !== null && r.confirmDueAt.getTime() >= now.getTime(),
        canDispose: disposeTargets(ctx.agencies, r.agencyId).length > 0,
      }),
    };
  }

  async function findReport(id: string, tx: DbOrTx = db, lock = false) {
    const q = tx.select().from(laporReports).where(eq(laporReports.id, id)).limit(1);
    const [row] = lock ? await q.for("update") : await q;
    return row;
  }

  // ---------------------------------------------------------------- notifications

  function reporterAudience(r: ReportRow, followerIds: string[], exceptUserId: string | null) {
    return [...new Set([r.reporterUserId, ...followerIds])].filter(
      (u): u is string => Boolean(u) && u !== exceptUserId,
    );
  }

  async function followersOf(reportId: string, tx: DbOrTx) {
    const rows = await tx
      .select({ userId: laporFollowers.userId })
      .from(laporFollowers)
      .where(eq(laporFollowers.reportId, reportId));
    return rows.map((f) => f.userId);
  }

  const STATE_NAMES: Record<ReportState, { id: string; en: string }> = {
    menunggu: { id: "Menunggu", en: "Waiting" },
    koordinasi: { id: "Koordinasi", en: "Coordinating" },
    disposisi: { id: "Disposisi", en: "Disposed" },
    proses: { id: "Dalam proses", en: "In progress" },
    menunggu_validasi: { id: "Menunggu konfirmasi Anda", en: "Waiting for your confirmation" },
    selesai: { id: "Selesai", en: "Done" },
    ditolak: { id: "Ditolak", en: "Rejected" },
    dibuka_kembali: { id: "Dibuka kembali", en: "Reopened" },
  };

  async function notifyStateChange(tx: DbOrTx, r: ReportRow, to: ReportState, exceptUserId: string | null) {
    const recipients = reporterAudience(r, await followersOf(r.id, tx), exceptUserId);
    if (!recipients.length) return;
    const s = STATE_NAMES[to];
    await notifications.enqueue(
      tx,
      recipients.map((recipientUserId) => ({
        recipientUserId,
        kind: "lapor.state_changed",
        title: { id: `Laporan ${r.number}: ${s.id}`, en: `Report ${r.number}: ${s.en}` },
        body: {
          id: `Status laporan Anda kini "${s.id}".`,
          en: `Your report's status is now "${s.en}".`,
        },
        payload: { link: `/lapor/${r.id}`, reportId: r.id, state: to },
      })),
    );
  }

  async function notifyAgency(
    tx: DbOrTx,
    r: ReportRow,
    agencyId: string,
    agencies: Map<string, AgencyRow>,
    kind: AgencyNoticeKind,
    exceptUserId: string | null,
  ) {
    await notifications.enqueue(tx, await agencyNotices(tx, r, agencyId, agencies, kind, exceptUserId));
  }

  /** What the agency's staff are told about a report (all but `exceptUserId`, who did it). */
  async function agencyNotices(
    tx: DbOrTx,
    r: ReportRow,
    agencyId: string,
    agencies: Map<string, AgencyRow>,
    kind: AgencyNoticeKind,
    exceptUserId: string | null,
  ): Promise<LaporNotificationItem[]> {
    return noticeItems(await staffOf(agencyId, agencies, tx), r, kind, exceptUserId);
  }

  function noticeItems(
    members: { userId: string }[],
    r: ReportRow,
    kind: AgencyNoticeKind,
    exceptUserId: string | null,
  ): LaporNotificationItem[] {
    const staff = members.filter((m) => m.userId !== exceptUserId);
    if (!staff.length) return [];
    const text = {
      new: { id: "Laporan baru", en: "New report" },
      escalated: { id: "Laporan dieskalasi (lewat tenggat)", en: "Report escalated (past its deadline)" },
      reopened: { id: "Laporan dibuka kembali oleh pelapor", en: "Report reopened by the reporter" },
      disposed: { id: "Laporan didisposisikan ke instansi Anda", en: "Report disposed to your agency" },
      replied: { id: "Pelapor membalas", en: "The reporter replied" },
    }[kind];
    return staff.map((m) => ({
      recipientUserId: m.userId,
      kind: `lapor.${kind}`,
      title: { id: `${text.id}: ${r.number}`, en: `${text.en}: ${r.number}` },
      body: { id: r.description.slice(0, 140), en: r.description.slice(0, 140) },
      payload: { link: `/konsol/lapor/${r.id}`, reportId: r.id, state: r.state },
    }));
  }

  // ---------------------------------------------------------------- photos

  type PhotoCheck = { mediaId: string; width: number; height: number };

  /**
   * Photos must be report photos uploaded by `ownerUserId`. Call outside a transaction (the media module
   * reads with its own connection); `ensureUnattached` then checks, inside it, that none is in use.
   */
  async function checkPhotos(ids: string[] | undefined, ownerUserId: string | null) {
    const list = [...new Set(ids ?? [])];
    if (list.length > MAX_PHOTOS) throw new AppError("lapor.too_many_photos", `At most ${MAX_PHOTOS} photos`);
    const out: PhotoCheck[] = [];
    for (const id of list) {
      const m = await media.get(id);
      if (m?.purpose !== "report_photo" || !ownerUserId || m.ownerUserId !== ownerUserId) {
        throw new AppError("lapor.invalid_photo", `Photo ${id} is not one of your uploaded report photos`);
      }
      out.push({ mediaId: id, width: m.width, height: m.height });
    }
    await ensureUnattached(db, out);
    return out;
  }

  async function ensureUnattached(tx: DbOrTx, photos: PhotoCheck[]) {
    if (!photos.length) return;
    const [attached] = await tx
      .select({ mediaId: laporReportPhotos.mediaId })
      .from(laporReportPhotos)
      .where(
        inArray(
          laporReportPhotos.mediaId,
          photos.map((p) => p.mediaId),
        ),
      )
      .limit(1);
    if (attached)
      throw new AppError("lapor.invalid_photo", `Photo ${attached.mediaId} already belongs to a report`);
  }

  async function attachPhotos(
    tx: DbOrTx,
    reportId: string,
    eventId: string,
    kind: "before" | "after",
    photos: PhotoCheck[],
  ) {
    if (!photos.length) return;
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(laporReportPhotos)
      .where(eq(laporReportPhotos.reportId, reportId));
    await tx
      .insert(laporReportPhotos)
      .values(photos.map((p, i) => ({ reportId, mediaId: p.mediaId, kind, eventId, sort: n + i })));
  }

  // ---------------------------------------------------------------- filing

  /**
   * The village must lie in the district and the district in the regency; a lower level given alone fills
   * in the ones above it.
   */
  async function validateRegions(input: FileInput) {
    const codes: Record<"village" | "district" | "regency", string | undefined> = {
      village: input.villageCode,
      district: input.districtCode,
      regency: input.regencyCode,
    };
    const chain = [
      ["village", "district"],
      ["district", "regency"],
      ["regency", null],
    ] as const;
    for (const [level, parent] of chain) {
      const code = codes[level];
      if (!code) continue;
      const region = await reference.getRegion(code).catch(() => {
        throw new AppError("lapor.invalid_region", `Unknown region ${code}`);
      });
      if (region.level !== level) throw new AppError("lapor.invalid_region", `${code} is not a ${level}`);
      if (!parent) continue;
      const given = codes[parent];
      if (given && region.parentCode !== given) {
        const label = `${level[0]?.toUpperCase()}${level.slice(1)}`;
        throw new AppError("lapor.invalid_region", `${label} ${code} is not in ${parent} ${given}`);
      }
      codes[parent] = region.parentCode ?? undefined;
    }
    return {
      regencyCode: codes.regency ?? null,
      districtCode: codes.district ?? null,
      villageCode: codes.village ?? null,
    };
  }

  function validateAttributes(defs: CategoryAttribute[], given: Record<string, unknown> = {}) {
    const checked = checkAttributes(defs, given);
    if (!checked.ok) {
      throw new AppError("lapor.invalid_attributes", checked.message, {
        errors: [{ field: `body/attributes/${checked.code}`, message: checked.message }],
      });
    }
    return checked.value;
  }

  // Is this (reporter, clientRequestId) on file already? Asked by every filing, so the questions of
  // filings arriving together share one query.
  const findFiled = createBatcher(
    async (keys: { reporterUserId: string; clientRequestId: string }[]) => {
      const rows = await db
        .select()
        .from(laporReports)
        .where(
          or(
            ...keys.map((k) =>
              and(
                eq(laporReports.reporterUserId, k.reporterUserId),
                eq(laporReports.clientRequestId, k.clientRequestId),
              ),
            ),
          ),
        );
      return keys.map((k) =>
        rows.find((r) => r.reporterUserId === k.reporterUserId && r.clientRequestId === k.clientRequestId),
      );
    },
    { max: 500 },
  );

  async function existingByClientRequest(reporterUserId: string | null, clientRequestId: string | undefined) {
    if (!reporterUserId || !clientRequestId) return undefined;
    return findFiled({ reporterUserId, clientRequestId });
  }

  /** The report as its reporter sees it (for Open311 requests without an account: as nobody in particular). */
  async function viewForReporter(row: ReportRow, principal?: Principal): Promise<Report> {
    if (principal?.type === "user" && principal.userId === row.reporterUserId) {
      return fullView(row, await callerOf(principal));
    }
    const user = row.reporterUserId
      ? await identityRepository.findUserById(db, row.reporterUserId)
      : undefined;
    const caller = user
      ? await callerFor({ userId: user.id, name: user.name, isAdmin: user.isAdmin, organisationId: null })
      : null;
    return fullView(row, caller);
  }

  /** `principal`: the signed-in reporter, when filing through the app (saves looking them up again). */
  /** Everything a filing is checked for before it is written. */
  async function validateFiling(input: FileInput, ctx: Ctx): Promise<Omit<Filing, "now">> {
    const category = ctx.categories.get(input.categoryCode);
    if (!category?.active) {
      throw new AppError("lapor.unknown_category", `Unknown category ${input.categoryCode}`);
    }
    if (!inIndonesia(input)) {
      throw new AppError("lapor.invalid_location", "The coordinates are outside Indonesia", {
        errors: [{ field: "body/latitude", message: "outside Indonesia" }],
      });
    }
    const regions = await validateRegions(input);
    const attributes = validateAttributes(category.attributes, input.attributes);
    const photos = await checkPhotos(input.photoIds, input.reporterUserId);
    if (category.photoRequired && input.source === "app" && !photos.length) {
      throw new AppError("lapor.photo_required", `A photo is required for ${category.nameEn.toLowerCase()}`);
    }
    return { input, category, agencies: ctx.agencies, regions, attributes, photos };
  }

  async function file(
    input: FileInput,
    principal?: Principal,
  ): Promise<{ report: Report; created: boolean; token: string }> {
    const earlier = await existingByClientRequest(input.reporterUserId, input.clientRequestId);
    if (earlier) {
      return { report: await viewForReporter(earlier, principal), created: false, token: earlier.token };
    }

    const ctx = await context();
    let written: Written;
    try {
      written = await writeFiling({ ...(await validateFiling(input, ctx)), now: clock.now() });
    } catch (err) {
      // A repeat that raced its original (a phone retrying before the first answer came back) can fail
      // a check the original already changed, e.g. "this photo belongs to a report" — its own report.
      // The same clientRequestId means the same report: answer with it rather than the error.
      const filed =
        err instanceof AppError
          ? await existingByClientRequest(input.reporterUserId, input.clientRequestId)
          : undefined;
      if (!filed) throw err;
      return { report: await viewForReporter(filed, principal), created: false, token: filed.token };
    }
    if (!written) {
      // The same (reporter, clientRequestId) was written by a request running alongside this one.
      const again = await existingByClientRequest(input.reporterUserId, input.clientRequestId);
      if (!again)
        throw new Error(`filing ${input.clientRequestId} was skipped as a duplicate but is not on file`);
      return { report: await viewForReporter(again, principal), created: false, token: again.token };
    }
    const caller = principal ? await callerOf(principal) : null;
    if (caller && caller.userId === written.row.reporterUserId) {
      // Just written: the view is assembled from what was stored, not read back. Nobody follows it yet.
      const roles: Role[] = ["reporter"];
      if (caller.isAdmin || actingAgency(caller, written.row, ctx.agencies)) roles.push("agency");
      const report = assembleView(
        written.row,
        ctx,
        roles,
        written.photos,
        [written.event],
        new Map([[caller.userId, caller.name]]),
      );
      return { report, created: written.created, token: written.token };
    }
    return {
      report: await viewForReporter(written.row, principal),
      created: written.created,
      token: written.token,
    };
  }

  // ---------------------------------------------------------------- writing filings in batches

  interface Filing {
    input: FileInput;
    category: CategoryRow;
    agencies: Map<string, AgencyRow>;
    regions: { regencyCode: string | null; districtCode: string | null; villageCode: string | null };
    attributes: Record<string, unknown>;
    photos: PhotoCheck[];
    now: Date;
  }
  /** The stored report, or null when the same clientRequestId was already on file. */
  type Written = {
    row: ReportRow;
    token: string;
    event: EventRow;
    photos: (Photo & { eventId: string | null })[];
    /** false: this filing repeated another in the same batch (a phone retrying), which was stored. */
    created: boolean;
  } | null;
  // Filings that arrive together (a crowd reporting the same flood, phones syncing when the network comes
  // back) are written together: one counter update, one transaction with multi-row inserts and one
  // notification insert for up to 250 reports, instead of ten statements each (lib/batcher.ts).
  const writeFiling = createBatcher(writeFilings, { max: 250 });

  async function writeFilings(batch: Filing[]): Promise<Written[]> {
    // Ticket numbers from the year's counter, in a statement of their own: inside the transaction the
    // counter row would stay locked until commit and every filing would queue behind it. Like a sequence,
    // a write that then fails leaves a gap; numbers stay unique and increasing.
    const numbers = new Map<Filing, string>();
    const byYear = new Map<number, Filing[]>();
    for (const f of batch) {
      const year = jakartaYear(f.now);
      byYear.set(year, [...(byYear.get(year) ?? []), f]);
    }
    for (const [year, filings] of byYear) {
      const [counter] = await db
        .insert(laporCounters)
        .values({ year, value: filings.length })
        .onConflictDoUpdate({
          target: laporCounters.year,
          set: { value: sql`${laporCounters.value} + ${filings.length}` },
        })
        .returning({ value: laporCounters.value });
      const first = (counter?.value ?? filings.length) - filings.length + 1;
      filings.forEach((f, i) => {
        numbers.set(f, `LPR-${year}-${String(first + i).padStart(6, "0")}`);
      });
    }
    const planned = batch.map((f) => ({
      f,
      id: newId("lpr", f.now.getTime()),
      eventId: newId("lpe", f.now.getTime()),
      token: randomBytes(12).toString("base64url"),
      number: numbers.get(f) as string,
    }));

    return db.transaction(async (tx) => {
      await ensureUnattached(
        tx,
        batch.flatMap((f) => f.photos),
      );
      const inserted = await tx
        .insert(laporReports)
        .values(
          planned.map(({ f, id, token, number }) => ({
            id,
            number,
            token,
            categoryCode: f.category.code,
            description: f.input.description,
            latitude: f.input.latitude,
            longitude: f.input.longitude,
            address: f.input.address ?? null,
            ...f.regions,
            privacy: f.input.privacy,
            reporterUserId: f.input.reporterUserId,
            contact: f.input.contact ?? null,
            attributes: f.attributes,
            state: "menunggu" as const,
            agencyId: f.category.agencyId,
            escalationLevel: 0,
            stageStartedAt: f.now,
            stageDueAt: stageDue("menunggu", f.now, f.category.stageHours),
            source: f.input.source,
            clientRequestId: f.input.clientRequestId ?? null,
            createdAt: f.now,
            updatedAt: f.now,
          })),
        )
        // A clientRequestId already on file (or twice in this batch) is skipped, not an error.
        .onConflictDoNothing()
        .returning();
      const rows = new Map(inserted.map((r) => [r.id, r]));
      const stored = planned.filter((p) => rows.has(p.id));
      const photoIds = stored.flatMap(({ f }) => f.photos.map((p) => p.mediaId));
      if (new Set(photoIds).size !== photoIds.length) {
        // One photo in two new reports: written one by one, the second finds it attached and is refused.
        throw new AppError("lapor.invalid_photo", "A photo can belong to one report only");
      }
      const events = new Map<string, EventRow>(
        stored.map(({ f, id, eventId }) => [
          id,
          {
            id: eventId,
            reportId: id,
            at: f.now,
            action: "file",
            fromState: null,
            toState: "menunggu" as const,
            actorUserId: f.input.reporterUserId,
            actorRole: f.input.reporterUserId ? ("reporter" as const) : ("system" as const),
            agencyId: f.category.agencyId,
            note: null,
            onTime: null,
            data: { source: f.input.source, photos: f.photos },
          },
        ]),
      );
      await bulkInsert(tx, laporReportEvents, [...events.values()]);
      const photoRows = stored.flatMap(({ f, id, eventId }) =>
        f.photos.map((p, i) => ({
          reportId: id,
          mediaId: p.mediaId,
          kind: "before" as const,
          eventId,
          sort: i,
        })),
      );
      if (photoRows.length) await tx.insert(laporReportPhotos).values(photoRows);

      // Staff of each agency once per batch; one insert for every notice.
      const staff = new Map<string, Awaited<ReturnType<typeof staffOf>>>();
      const notices: LaporNotificationItem[] = [];
      for (const { f, id, number } of stored) {
        const row = rows.get(id) as ReportRow;
        const agencyId = f.category.agencyId;
        if (!staff.has(agencyId)) staff.set(agencyId, await staffOf(agencyId, f.agencies, tx));
        notices.push(...noticeItems(staff.get(agencyId) ?? [], row, "new", f.input.reporterUserId));
        if (f.input.reporterUserId) {
          const agencyName = f.agencies.get(agencyId)?.name;
          notices.push({
            recipientUserId: f.input.reporterUserId,
            kind: "lapor.filed",
            title: { id: `Laporan ${number} diterima`, en: `Report ${number} received` },
            body: {
              id: `Laporan Anda diteruskan ke ${agencyName ?? "instansi"}.`,
              en: `Your report was sent to ${agencyName ?? "the agency"}.`,
            },
            payload: { link: `/lapor/${id}`, reportId: id, state: "menunggu" },
          });
        }
      }
      await notifications.enqueue(tx, notices);
      const written = new Map<string, NonNullable<Written>>();
      const key = (f: Filing) => `${f.input.reporterUserId}\u0000${f.input.clientRequestId}`;
      for (const { f, id, token, eventId } of stored) {
        const row = rows.get(id) as ReportRow;
        const event = events.get(id) as EventRow;
        const photos = f.photos.map((p) => ({
          id: p.mediaId,
          kind: "before" as const,
          url: photoUrl(p.mediaId),
          width: p.width,
          height: p.height,
          eventId,
        }));
        written.set(id, { row, token, event, photos, created: true });
        if (f.input.reporterUserId && f.input.clientRequestId)
          written.set(key(f), { row, token, event, photos, created: false });
      }
      // A repeat of a filing stored in this very batch gets that report; a repeat of an older one, null.
      return planned.map(({ f, id }) => written.get(id) ?? written.get(key(f)) ?? null);
    });
  }

  // ---------------------------------------------------------------- actions

  function failFor(
    error: "forbidden" | "invalid_transition" | "note_required",
    action: string,
    state: string,
  ) {
    if (error === "forbidden") return new AppError("lapor.forbidden", `You may not ${action} this report`);
    if (error === "note_required")
      return new AppError("lapor.note_required", `A note is required to ${action}`);
    return new AppError("lapor.invalid_transition", `Cannot ${action} a report in state ${state}`);
  }

  async function act(principal: Principal, reportId: string, input: ActionInput): Promise<Report> {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const now = clock.now();
    // Photos go with resolve (after), reopen (before: it is still broken) and replies; checked before the
    // transaction because the media module reads with its own connection.
    const actionPhotos = PHOTO_ACTIONS.includes(input.action)
      ? await checkPhotos(input.photoIds, caller.userId)
      : [];
    await db.transaction(async (tx) => {
      const ctx = await context(tx);
      const r = await findReport(reportId, tx, true);
      if (!r) throw new AppError("lapor.not_found");
      const roles = await rolesOf(caller, r, ctx.agencies, tx);
      if (!(await canView(caller, r, roles, ctx.agencies, tx))) throw new AppError("lapor.not_found");
      if (r.mergedIntoId)
        throw new AppError("lapor.invalid_transition", "The report was merged into another");
      const check = checkAction(r.state, input.action, roles, { note: input.note });
      if (!check.ok) throw failFor(check.error, input.action, r.state);
      const category = ctx.categories.get(r.categoryCode);
      if (!category) throw new AppError("lapor.unknown_category");

      // Who acts: the reporter for reporter actions, otherwise the agency (or the admin acting as agency).
      const asReporter = RULES[input.action].roles.includes("reporter") && roles.includes("reporter");
      const agencyActs = !asReporter;
      const staffAgency = agencyActs ? actingAgency(caller, r, ctx.agencies) : null;
      const actorRole: ActorRole = asReporter ? "reporter" : staffAgency ? "agency" : "admin";
      const eventAgencyId = agencyActs ? (staffAgency ?? r.agencyId) : null;

      const patch: Partial<typeof laporReports.$inferInsert> = { updatedAt: now };
      const data: Record<string, unknown> = {};
      let to: ReportState | null = check.to;
      let photos: PhotoCheck[] = [];
      let notifyAgencyKind: { agencyId: string; kind: "reopened" | "disposed" | "replied" } | null =
        input.action === "reply" && asReporter ? { agencyId: r.agencyId, kind: "replied" } : null;

      switch (input.action) {
        case "dispose": {
          const target = [...ctx.agencies.values()].find((a) => a.code === input.targetAgencyCode);
          if (!target || !disposeTargets(ctx.agencies, r.agencyId).includes(target.id)) {
            throw new AppError(
              "lapor.invalid_target_agency",
              input.targetAgencyCode
                ? `Cannot dispose to ${input.targetAgencyCode}`
                : "targetAgencyCode is required to dispose",
            );
          }
          patch.agencyId = target.id;
          patch.assigneeUserId = null;
          data.targetAgencyId = target.id;
          notifyAgencyKind = { agencyId: target.id, kind: "disposed" };
          break;
        }
        case "resolve": {
          photos = actionPhotos;
          if (!photos.length)
            throw new AppError("lapor.photo_required", "Resolving needs at least one after photo");
          patch.resolvedAt = now;
          patch.confirmDueAt = confirmDue(now);
          break;
        }
        case "reopen": {
          if (!r.confirmDueAt || r.confirmDueAt.getTime() < now.getTime()) {
            throw new AppError("lapor.reopen_window_closed");
          }
          patch.confirmDueAt = null;
          patch.resolvedAt = null;
          notifyAgencyKind = { agencyId: r.agencyId, kind: "reopened" };
          break;
        }
        case "confirm": {
          patch.confirmDueAt = null;
          patch.closedAt = now;
          break;
        }
        case "reject": {
          patch.closedAt = now;
          break;
        }
        case "assign": {
          const target = input.assigneeUserId;
          const staff = await staffOf(r.agencyId, ctx.agencies, tx);
          if (!target || !staff.some((m) => m.userId === target)) {
            throw new AppError("lapor.invalid_assignee");
          }
          patch.assigneeUserId = target;
          data.assigneeUserId = target;
          break;
        }
        case "rate": {
          if (r.rating !== null) throw new AppError("lapor.already_rated");
          if (input.rating === undefined) throw new AppError("lapor.rating_required");
          patch.rating = input.rating;
          patch.ratingComment = input.comment?.trim() || null;
          data.rating = input.rating;
          break;
        }
        default:
          break;
      }

      let onTime: boolean | null = null;
      if (to && to !== r.state) {
        onTime = stageOnTime(r, now);
        patch.state = to;
        patch.stageStartedAt = now;
        patch.stageDueAt = stageDue(to, now, category.stageHours);
      } else {
        to = null;
      }
      const eventId = newId("lpe", now.getTime());
      if (input.action !== "resolve") photos = actionPhotos;
      await ensureUnattached(tx, photos);
      if (photos.length) data.photos = photos;
      await tx.insert(laporReportEvents).values({
        id: eventId,
        reportId: r.id,
        at: now,
        action: input.action,
        fromState: to ? r.state : null,
        toState: to,
        actorUserId: caller.userId,
        actorRole,
        agencyId: eventAgencyId,
        note: input.note?.trim() || (input.action === "rate" ? (input.comment?.trim() ?? null) : null),
        onTime,
        data,
      });
      await attachPhotos(tx, r.id, eventId, asReporter ? "before" : "after", photos);
      const [updated] = await tx.update(laporReports).set(patch).where(eq(laporReports.id, r.id)).returning();
      if (!updated) throw new AppError("lapor.not_found");
      if (to) await notifyStateChange(tx, updated, to, caller.userId);
      else if (input.action === "reply" && actorRole !== "reporter") {
        const recipients = reporterAudience(updated, await followersOf(r.id, tx), caller.userId);
        if (recipients.length) {
          await notifications.enqueue(
            tx,
            recipients.map((recipientUserId) => ({
              recipientUserId,
              kind: "lapor.reply",
              title: { id: `Balasan untuk laporan ${r.number}`, en: `Reply on report ${r.number}` },
              body: { id: (input.note ?? "").slice(0, 140), en: (input.note ?? "").slice(0, 140) },
              payload: { link: `/lapor/${r.id}`, reportId: r.id },
            })),
          );
        }
      }
      if (notifyAgencyKind) {
        await notifyAgency(
          tx,
          updated,
          notifyAgencyKind.agencyId,
          ctx.agencies,
          notifyAgencyKind.kind,
          caller.userId,
        );
      }
    });
    const row = await findReport(reportId);
    if (!row) throw new AppError("lapor.not_found");
    return fullView(row, caller);
  }

  // ---------------------------------------------------------------- merge and follow

  async function merge(
    principal: Principal,
    id: string,
    input: { intoId: string; note?: string | undefined },
  ) {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const now = clock.now();
    await db.transaction(async (tx) => {
      const ctx = await context(tx);
      const source = await findReport(id, tx, true);
      const target = await findReport(input.intoId, tx, true);
      if (!source) throw new AppError("lapor.not_found");
      const sourceRoles = await rolesOf(caller, source, ctx.agencies, tx);
      if (!(await canView(caller, source, sourceRoles, ctx.agencies, tx)))
        throw new AppError("lapor.not_found");
      if (!sourceRoles.includes("agency"))
        throw new AppError("lapor.forbidden", "Only the agency may merge reports");
      if (!target) throw new AppError("lapor.not_found", `No report ${input.intoId}`);
      const targetRoles = await rolesOf(caller, target, ctx.agencies, tx);
      if (!targetRoles.includes("agency")) {
        throw new AppError("lapor.forbidden", "You are not staff of the target report's agency");
      }
      if (
        source.id === target.id ||
        source.mergedIntoId ||
        target.mergedIntoId ||
        CLOSED.includes(source.state) ||
        CLOSED.includes(target.state)
      ) {
        throw new AppError("lapor.invalid_merge", "Only two different open reports can be merged");
      }
      const staffAgency = actingAgency(caller, source, ctx.agencies);
      const sourceFollowers = await followersOf(source.id, tx);
      const newFollowers = [...new Set([source.reporterUserId, ...sourceFollowers])].filter(
        (u): u is string => Boolean(u) && u !== target.reporterUserId,
      );
      if (newFollowers.length) {
        await tx
          .insert(laporFollowers)
          .values(newFollowers.map((userId) => ({ reportId: target.id, userId, joinedAt: now })))
          .onConflictDoNothing();
      }
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(laporFollowers)
        .where(eq(laporFollowers.reportId, target.id));
      await tx
        .update(laporReports)
        .set({ followerCount: n, updatedAt: now })
        .where(eq(laporReports.id, target.id));
      const [updatedSource] = await tx
        .update(laporReports)
        .set({
          state: "selesai",
          mergedIntoId: target.id,
          closedAt: now,
          stageStartedAt: now,
          stageDueAt: null,
          confirmDueAt: null,
          updatedAt: now,
        })
        .where(eq(laporReports.id, source.id))
        .returning();
      const note = input.note?.trim() || null;
      await tx.insert(laporReportEvents).values([
        {
          id: newId("lpe", now.getTime()),
          reportId: source.id,
          at: now,
          action: "merge",
          fromState: source.state,
          toState: "selesai",
          actorUserId: caller.userId,
          actorRole: staffAgency ? "agency" : "admin",
          agencyId: staffAgency ?? source.agencyId,
          note,
          onTime: null,
          data: { intoId: target.id, intoNumber: target.number },
        },
        {
          id: newId("lpe", now.getTime()),
          reportId: target.id,
          at: now,
          action: "merge_in",
          fromState: null,
          toState: null,
          actorUserId: caller.userId,
          actorRole: staffAgency ? "agency" : "admin",
          agencyId: staffAgency ?? target.agencyId,
          note,
          onTime: null,
          data: { fromId: source.id, fromNumber: source.number },
        },
      ]);
      if (updatedSource) {
        const recipients = reporterAudience(updatedSource, sourceFollowers, caller.userId);
        if (recipients.length) {
          await notifications.enqueue(
            tx,
            recipients.map((recipientUserId) => ({
              recipientUserId,
              kind: "lapor.merged",
              title: {
                id: `Laporan ${source.number} digabung ke ${target.number}`,
                en: `Report ${source.number} merged into ${target.number}`,
              },
              body: {
                id: "Laporan yang sama sudah ditangani; Anda kini mengikuti laporan itu.",
                en: "The same problem is already being handled; you now follow that report.",
              },
              payload: { link: `/lapor/${target.id}`, reportId: target.id, fromId: source.id },
            })),
          );
        }
      }
    });
    const row = await findReport(input.intoId);
    if (!row) throw new AppError("lapor.not_found");
    return fullView(row, caller);
  }

  async function join(principal: Principal, id: string) {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const now = clock.now();
    return db.transaction(async (tx) => {
      const ctx = await context(tx);
      const r = await findReport(id, tx, true);
      if (!r) throw new AppError("lapor.not_found");
      const roles = await rolesOf(caller, r, ctx.agencies, tx);
      if (!(await canView(caller, r, roles, ctx.agencies, tx))) throw new AppError("lapor.not_found");
      if (roles.includes("reporter")) throw new AppError("lapor.own_report");
      if (r.mergedIntoId)
        throw new AppError("lapor.invalid_transition", "The report was merged into another");
      const [inserted] = await tx
        .insert(laporFollowers)
        .values({ reportId: r.id, userId: caller.userId, joinedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!inserted) return { followerCount: r.followerCount, following: true as const };
      const [u] = await tx
        .update(laporReports)
        .set({ followerCount: sql`${laporReports.followerCount} + 1`, updatedAt: now })
        .where(eq(laporReports.id, r.id))
        .returning({ followerCount: laporReports.followerCount });
      await tx.insert(laporReportEvents).values({
        id: newId("lpe", now.getTime()),
        reportId: r.id,
        at: now,
        action: "join",
        fromState: null,
        toState: null,
        actorUserId: caller.userId,
        actorRole: "follower",
        agencyId: null,
        note: null,
        onTime: null,
        data: {},
      });
      return { followerCount: u?.followerCount ?? r.followerCount + 1, following: true as const };
    });
  }

  // ---------------------------------------------------------------- reads

  async function get(principal: Principal, id: string): Promise<Report> {
    const caller = await callerOf(principal);
    const ctx = await context();
    const r = await findReport(id);
    if (!r) throw new AppError("lapor.not_found");
    const roles = await rolesOf(caller, r, ctx.agencies);
    if (!(await canView(caller, r, roles, ctx.agencies))) throw new AppError("lapor.not_found");
    return fullView(r, caller, db, ctx);
  }

  function publicConditions(f: Omit<PublicFilter, "limit" | "offset">): SQL[] {
    const c: SQL[] = [eq(laporReports.privacy, "public"), isNull(laporReports.mergedIntoId)];
    if (f.ids) c.push(inArray(laporReports.id, f.ids.length ? f.ids : ["∅"]));
    if (f.categoryCodes?.length) c.push(inArray(laporReports.categoryCode, f.categoryCodes));
    if (f.states?.length) c.push(inArray(laporReports.state, f.states));
    if (f.regencyCode) c.push(eq(laporReports.regencyCode, f.regencyCode));
    if (f.status === "open") c.push(notInArray(laporReports.state, CLOSED));
    if (f.status === "closed") c.push(inArray(laporReports.state, CLOSED));
    if (f.from) c.push(gte(laporReports.createdAt, f.from));
    if (f.to) c.push(lte(laporReports.createdAt, f.to));
    return c;
  }

  async function publicList(f: PublicFilter) {
    const where = and(...publicConditions(f));
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(laporReports)
        .where(where)
        .orderBy(desc(laporReports.createdAt), desc(laporReports.id))
        .limit(f.limit)
        .offset(f.offset ?? 0),
      db.select({ n: count() }).from(laporReports).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async function publicReports(f: PublicFilter) {
    const ctx = await context();
    const { rows, total } = await publicList(f);
    const photos = await photosOf(rows.map((r) => r.id));
    const now = clock.now();
    const items = [];
    for (const r of rows) {
      const p = photos.get(r.id) ?? [];
      items.push({
        ...publicView(r, ctx, p, now),
        history: await history(r, ctx, p, { publicSafe: true, showReporter: false }),
      });
    }
    return { items, total };
  }

  async function publicReport(id: string) {
    const r = await findReport(id);
    if (r?.privacy !== "public") throw new AppError("lapor.not_found");
    const ctx = await context();
    const p = (await photosOf([r.id])).get(r.id) ?? [];
    return {
      ...publicView(r, ctx, p, clock.now()),
      history: await history(r, ctx, p, { publicSafe: true, showReporter: false }),
    };
  }

  async function myReports(principal: Principal): Promise<{ items: ReportLite[] }> {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const followed = await db
      .select({ reportId: laporFollowers.reportId })
      .from(laporFollowers)
      .where(eq(laporFollowers.userId, caller.userId));
    const followedIds = followed.map((f) => f.reportId);
    const rows = await db
      .select()
      .from(laporReports)
      .where(
        or(
          eq(laporReports.reporterUserId, caller.userId),
          followedIds.length ? inArray(laporReports.id, followedIds) : undefined,
        ),
      )
      .orderBy(desc(laporReports.updatedAt))
      .limit(500);
    const views = await publicViews(rows);
    return {
      items: rows.map((r, i) => ({
        ...(views[i] as PublicReport),
        privacy: r.privacy,
        following: followedIds.includes(r.id),
        mine: r.reporterUserId === caller.userId,
      })),
    };
  }

  /** The agency a staff member works for (the active organisation's first), or null (admins without one). */
  async function myAgency(caller: Caller, agencies: Map<string, AgencyRow>) {
    const id = caller.agencyIds[0];
    return id ? (agencies.get(id) ?? null) : null;
  }

  async function scopeOf(principal: Principal) {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const agencies = await loadAgencies();
    const agency = await myAgency(caller, agencies);
    // Staff see their agency's subtree; admins without an agency see all; a dinas that is not a Lapor
    // agency sees nothing (an empty inbox, not an error).
    const ids = agency ? subtreeOf(agencies, agency.id) : caller.isAdmin ? null : ["∅"];
    return { caller, agency, agencies, agencyIds: ids };
  }

  async function inbox(
    principal: Principal,
    q: {
      state?: ReportState | undefined;
      overdue?: boolean | undefined;
      category?: string | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    },
  ): Promise<{ items: InboxItem[]; total: number; agency: Agency | null }> {
    const scope = await scopeOf(principal);
    const now = clock.now();
    const c: SQL[] = [];
    if (scope.agencyIds) c.push(inArray(laporReports.agencyId, scope.agencyIds));
    if (q.state) c.push(eq(laporReports.state, q.state));
    if (q.category) c.push(eq(laporReports.categoryCode, q.category));
    if (q.overdue) {
      c.push(inArray(laporReports.state, [...AGENCY_STAGES]), lt(laporReports.stageDueAt, now));
    }
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const cond = or(
        sql`${laporReports.description} ilike ${like}`,
        sql`${laporReports.number} ilike ${like}`,
        sql`coalesce(${laporReports.address}, '') ilike ${like}`,
      );
      if (cond) c.push(cond);
    }
    const where = c.length ? and(...c) : undefined;
    const closedFirst = sql`case when ${laporReports.state} in ('selesai','ditolak') then 1 else 0 end`;
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(laporReports)
        .where(where)
        .orderBy(
          asc(closedFirst),
          sql`${laporReports.stageDueAt} asc nulls last`,
          desc(laporReports.createdAt),
        )
        .limit(q.limit)
        .offset(q.offset),
      db.select({ n: count() }).from(laporReports).where(where),
    ]);
    const ctx = { agencies: scope.agencies, categories: await loadCategories() };
    const views = await publicViews(rows, ctx);
    const names = await userNames(
      rows.flatMap((r) => [r.privacy === "anonymous" ? null : r.reporterUserId, r.assigneeUserId]),
    );
    return {
      items: rows.map((r, i) => {
        const reporterName =
          r.privacy === "anonymous"
            ? null
            : r.reporterUserId
              ? (names.get(r.reporterUserId) ?? null)
              : contactName(r.contact);
        const assigneeName = r.assigneeUserId ? names.get(r.assigneeUserId) : undefined;
        return {
          ...(views[i] as PublicReport),
          privacy: r.privacy,
          reporter: reporterName ? { name: reporterName } : null,
          assignee: r.assigneeUserId && assigneeName ? { id: r.assigneeUserId, name: assigneeName } : null,
        };
      }),
      total: total?.n ?? 0,
      agency: scope.agency ? agencyView(scope.agency) : null,
    };
  }

  async function bulk(
    principal: Principal,
    input: {
      ids: string[];
      action: "accept" | "start" | "reject" | "assign" | "reply";
      note?: string | undefined;
      assigneeUserId?: string | undefined;
    },
    lang: "id" | "en" = "id",
  ) {
    const results: { id: string; ok: boolean; error?: { code: string; title: string } }[] = [];
    for (const id of [...new Set(input.ids)]) {
      try {
        await act(principal, id, {
          action: input.action,
          note: input.note,
          assigneeUserId: input.assigneeUserId,
        });
        results.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const spec = errorSpec(err.code);
        results.push({
          id,
          ok: false,
          error: { code: err.code, title: spec ? spec.title[lang] : err.message },
        });
      }
    }
    return { results };
  }

  async function agencyOverview(principal: Principal) {
    const caller = await callerOf(principal);
    if (!caller) throw new AppError("auth.unauthenticated");
    const agencies = await loadAgencies();
    const agency = await myAgency(caller, agencies);
    if (!agency) return { agency: null, children: [], staff: [] };
    const children = [...agencies.values()].filter((a) => a.parentId === agency.id).map(agencyView);
    const staff = (await staffOf(agency.id, agencies)).map((m) => ({ id: m.userId, name: m.name }));
    return {
      agency: agencyView(agency),
      children,
      staff,
      disposeTargets: disposeTargets(agencies, agency.id).map((id) =>
        agencyView(agencies.get(id) as AgencyRow),
      ),
    };
  }

  async function stats(principal: Principal, days: number) {
    const scope = await scopeOf(principal);
    const now = clock.now();
    const from = new Date(now.getTime() - days * DAY);
    const inScope = scope.agencyIds ? inArray(laporReports.agencyId, scope.agencyIds) : undefined;
    const rows = await db
      .select({
        id: laporReports.id,
        state: laporReports.state,
        categoryCode: laporReports.categoryCode,
        stageDueAt: laporReports.stageDueAt,
        createdAt: laporReports.createdAt,
        resolvedAt: laporReports.resolvedAt,
        closedAt: laporReports.closedAt,
        rating: laporReports.rating,
        mergedIntoId: laporReports.mergedIntoId,
      })
      .from(laporReports)
      .where(inScope);
    const byState = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>;
    let open = 0;
    let overdueOpen = 0;
    const resolutionHours: number[] = [];
    const ratings: number[] = [];
    const byCat = new Map<string, { open: number; total: number }>();
    for (const r of rows) {
      byState[r.state] += 1;
      const isOpen = !CLOSED.includes(r.state);
      if (isOpen) open += 1;
      if (isOverdue(r, now)) overdueOpen += 1;
      if (r.resolvedAt && r.resolvedAt >= from && !r.mergedIntoId) {
        resolutionHours.push((r.resolvedAt.getTime() - r.createdAt.getTime()) / HOUR);
      }
      if (r.rating !== null && r.closedAt && r.closedAt >= from) ratings.push(r.rating);
      if (r.createdAt >= from || isOpen) {
        const c = byCat.get(r.categoryCode) ?? { open: 0, total: 0 };
        if (r.createdAt >= from) c.total += 1;
        if (isOpen) c.open += 1;
        byCat.set(r.categoryCode, c);
      }
    }
    const events = await db
      .select({
        onTime: laporReportEvents.onTime,
        agencyId: laporReportEvents.agencyId,
        action: laporReportEvents.action,
        data: laporReportEvents.data,
      })
      .from(laporReportEvents)
      .where(
        and(
          gte(laporReportEvents.at, from),
          lte(laporReportEvents.at, now),
          isNotNull(laporReportEvents.onTime),
        ),
      );
    let onTime = 0;
    let handled = 0;
    for (const e of events) {
      const agencyId = e.action === "escalate" ? (e.data.fromAgencyId as string | undefined) : e.agencyId;
      if (scope.agencyIds && (!agencyId || !scope.agencyIds.includes(agencyId))) continue;
      handled += 1;
      if (e.onTime) onTime += 1;
    }
    const categories = await loadCategories();
    return {
      byState,
      open,
      overdueOpen,
      onTimeRate: handled ? Math.round((onTime / handled) * 1000) / 1000 : null,
      medianResolutionHours: (() => {
        const m = median(resolutionHours);
        return m === null ? null : round1(m);
      })(),
      averageRating: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
        : null,
      byCategory: [...byCat.entries()].map(([code, v]) => {
        const c = categories.get(code);
        return { code, name: { id: c?.nameId ?? code, en: c?.nameEn ?? code }, open: v.open, total: v.total };
      }),
      from: from.toISOString(),
      to: now.toISOString(),
    };
  }

  /**
   * The agencies' league table: transitions out of agency stages in the window, grouped by the agency that
   * made them, on time or late; an escalation counts as late for the agency it was taken from.
   */
  async function league(days: number): Promise<{ items: LeagueRow[]; from: string; to: string }> {
    const now = clock.now();
    const from = new Date(now.getTime() - days * DAY);
    const agencies = await loadAgencies();
    const events = await db
      .select({
        onTime: laporReportEvents.onTime,
        agencyId: laporReportEvents.agencyId,
        action: laporReportEvents.action,
        data: laporReportEvents.data,
      })
      .from(laporReportEvents)
      .where(
        and(
          gte(laporReportEvents.at, from),
          lte(laporReportEvents.at, now),
          isNotNull(laporReportEvents.onTime),
        ),
      );
    const rows = new Map<string, LeagueRow & { ratings: number[] }>();
    const row = (id: string) => {
      let r = rows.get(id);
      if (!r) {
        const a = agencies.get(id);
        if (!a) return null;
        r = {
          agency: { code: a.code, name: a.name, level: a.level },
          handled: 0,
          onTime: 0,
          late: 0,
          onTimeRate: null,
          open: 0,
          overdueOpen: 0,
          averageRating: null,
          ratings: [],
        };
        rows.set(id, r);
      }
      return r;
    };
    for (const a of agencies.keys()) row(a);
    for (const e of events) {
      const id = e.action === "escalate" ? (e.data.fromAgencyId as string | undefined) : e.agencyId;
      const r = id ? row(id) : null;
      if (!r) continue;
      r.handled += 1;
      if (e.onTime) r.onTime += 1;
      else r.late += 1;
    }
    const current = await db
      .select({
        agencyId: laporReports.agencyId,
        state: laporReports.state,
        stageDueAt: laporReports.stageDueAt,
        rating: laporReports.rating,
        closedAt: laporReports.closedAt,
      })
      .from(laporReports)
      .where(
        or(
          notInArray(laporReports.state, CLOSED),
          and(isNotNull(laporReports.rating), gte(laporReports.closedAt, from)),
        ),
      );
    for (const c of current) {
      const r = row(c.agencyId);
      if (!r) continue;
      if (!CLOSED.includes(c.state)) r.open += 1;
      if (isOverdue(c, now)) r.overdueOpen += 1;
      if (c.rating !== null && c.closedAt && c.closedAt >= from) r.ratings.push(c.rating);
    }
    const items = [...rows.values()].map(({ ratings, ...r }) => ({
      ...r,
      onTimeRate: r.handled ? Math.round((r.onTime / r.handled) * 1000) / 1000 : null,
      averageRating: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
        : null,
    }));
    items.sort(
      (a, b) =>
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        b.handled - a.handled ||
        a.agency.name.localeCompare(b.agency.name),
    );
    return { items, from: from.toISOString(), to: now.toISOString() };
  }

  async function nearby(q: { category: string; lat: number; lng: number }) {
    const categories = await loadCategories();
    const category = categories.get(q.category);
    if (!category) throw new AppError("lapor.unknown_category", `Unknown category ${q.category}`);
    const now = clock.now();
    const box = boxAround({ latitude: q.lat, longitude: q.lng }, category.duplicateRadiusM);
    const rows = await db
      .select()
      .from(laporReports)
      .where(
        and(
          eq(laporReports.categoryCode, category.code),
          // Only public reports: a private or anonymous one is nobody else's to see.
          eq(laporReports.privacy, "public"),
          notInArray(laporReports.state, CLOSED),
          isNull(laporReports.mergedIntoId),
          gte(laporReports.createdAt, new Date(now.getTime() - category.duplicateWindowHours * HOUR)),
          gte(laporReports.latitude, box.minLat),
          lte(laporReports.latitude, box.maxLat),
          gte(laporReports.longitude, box.minLng),
          lte(laporReports.longitude, box.maxLng),
        ),
      )
      .limit(200);
    const found = duplicateCandidates(
      { latitude: q.lat, longitude: q.lng, categoryCode: category.code },
      rows,
      { radiusM: category.duplicateRadiusM, windowHours: category.duplicateWindowHours },
      now,
    );
    const views = await publicViews(found);
    return { items: found.map((f, i) => ({ ...(views[i] as PublicReport), distanceM: f.distanceM })) };
  }

  // ---------------------------------------------------------------- photos over HTTP

  async function uploadPhoto(principal: Principal, data: Buffer, contentType: string | undefined) {
    if (principal.type !== "user") throw new AppError("auth.unauthenticated");
    const stored = await media.store({
      ownerUserId: principal.userId,
      purpose: "report_photo",
      data,
      ...(contentType ? { declaredType: contentType } : {}),
    });
    return {
      id: stored.id,
      width: stored.width,
      height: stored.height,
      size: stored.size,
      contentType: stored.contentType,
    };
  }

  /** The photo's bytes when the caller may see it: its report's viewers, or the uploader before it is attached. */
  async function photo(principal: Principal, mediaId: string) {
    const m = await media.get(mediaId);
    if (m?.purpose !== "report_photo") throw new AppError("lapor.photo_not_found");
    const [link] = await db
      .select({ reportId: laporReportPhotos.reportId })
      .from(laporReportPhotos)
      .where(eq(laporReportPhotos.mediaId, mediaId))
      .limit(1);
    const caller = await callerOf(principal);
    if (!link) {
      if (caller && m.ownerUserId === caller.userId) return { ...m, public: false };
      throw new AppError("lapor.photo_not_found");
    }
    const r = await findReport(link.reportId);
    if (!r) throw new AppError("lapor.photo_not_found");
    if (r.privacy === "public") return { ...m, public: true };
    const agencies = await loadAgencies();
    const roles = await rolesOf(caller, r, agencies);
    if (!(await canView(caller, r, roles, agencies))) throw new AppError("lapor.photo_not_found");
    return { ...m, public: false };
  }

  // ---------------------------------------------------------------- sweep

  async function sweep(at?: Date): Promise<{ escalated: number; autoClosed: number }> {
    const now = at ?? clock.now();
    let escalated = 0;
    let autoClosed = 0;
    const due = await db
      .select({ id: laporReports.id })
      .from(laporReports)
      .where(and(inArray(laporReports.state, [...AGENCY_STAGES]), lt(laporReports.stageDueAt, now)))
      .orderBy(asc(laporReports.stageDueAt))
      .limit(1000);
    for (const { id } of due) {
      const done = await db.transaction(async (tx) => {
        const r = await findReport(id, tx, true);
        if (!r) return false;
        const ctx = await context(tx);
        const category = ctx.categories.get(r.categoryCode);
        if (!category) return false;
        const e = escalate(r, (aid) => ctx.agencies.get(aid)?.parentId ?? null, category.stageHours, now);
        if (!e) return false;
        const [updated] = await tx
          .update(laporReports)
          .set({
            agencyId: e.agencyId,
            escalationLevel: e.escalationLevel,
            stageStartedAt: e.stageStartedAt,
            stageDueAt: e.stageDueAt,
            overdueAt: e.overdueAt,
            assigneeUserId: e.agencyId === r.agencyId ? r.assigneeUserId : null,
            updatedAt: now,
          })
          .where(eq(laporReports.id, r.id))
          .returning();
        await tx.insert(laporReportEvents).values({
          id: newId("lpe", now.getTime()),
          reportId: r.id,
          at: now,
          action: "escalate",
          fromState: null,
          toState: null,
          actorUserId: null,
          actorRole: "system",
          agencyId: e.agencyId,
          note: null,
          onTime: false,
          data: {
            fromAgencyId: e.fromAgencyId,
            level: e.escalationLevel,
            stage: r.state,
            dueAt: iso(r.stageDueAt),
          },
        });
        if (updated) await notifyAgency(tx, updated, e.agencyId, ctx.agencies, "escalated", null);
        return true;
      });
      if (done) escalated += 1;
    }
    const closing = await db
      .select({ id: laporReports.id })
      .from(laporReports)
      .where(and(eq(laporReports.state, "menunggu_validasi"), lte(laporReports.confirmDueAt, now)))
      .limit(1000);
    for (const { id } of closing) {
      const done = await db.transaction(async (tx) => {
        const r = await findReport(id, tx, true);
        if (!r || !shouldAutoClose(r, now)) return false;
        const [updated] = await tx
          .update(laporReports)
          .set({
            state: "selesai",
            closedAt: now,
            confirmDueAt: null,
            stageStartedAt: now,
            stageDueAt: null,
            updatedAt: now,
          })
          .where(eq(laporReports.id, r.id))
          .returning();
        await tx.insert(laporReportEvents).values({
          id: newId("lpe", now.getTime()),
          reportId: r.id,
          at: now,
          action: "auto_close",
          fromState: "menunggu_validasi",
          toState: "selesai",
          actorUserId: null,
          actorRole: "system",
          agencyId: null,
          note: null,
          onTime: null,
          data: { confirmDueAt: iso(r.confirmDueAt) },
        });
        if (updated) await notifyStateChange(tx, updated, "selesai", null);
        return true;
      });
      if (done) autoClosed += 1;
    }
    return { escalated, autoClosed };
  }

  // ---------------------------------------------------------------- master data writes

  async function saveCategory(input: CategoryInput, mode: "create" | "update") {
    const agencies = await loadAgencies();
    const agency = [...agencies.values()].find((a) => a.code === input.agencyCode);
    if (!agency) throw new AppError("lapor.unknown_agency", `Unknown agency ${input.agencyCode}`);
    const now = clock.now();
    const values = {
      group: input.group,
      nameId: input.name.id,
      nameEn: input.name.en,
      descriptionId: input.description.id,
      descriptionEn: input.description.en,
      keywords: input.keywords ?? [],
      agencyId: agency.id,
      stageHours: input.stageHours,
      attributes: input.attributes ?? [],
      photoRequired: input.photoRequired ?? false,
      duplicateRadiusM: input.duplicateRadiusM,
      duplicateWindowHours: input.duplicateWindowHours,
      active: input.active ?? true,
      sort: input.sort ?? 100,
      updatedAt: now,
    };
    if (mode === "create") {
      const [row] = await db
        .insert(laporCategories)
        .values({ code: input.code, ...values })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError("lapor.category_exists", `Category ${input.code} exists`);
      forgetMasterData();
      return categoryView(row, agencies);
    }
    const [row] = await db
      .update(laporCategories)
      .set(values)
      .where(eq(laporCategories.code, input.code))
      .returning();
    if (!row) throw new AppError("lapor.category_not_found", `No category ${input.code}`);
    forgetMasterData();
    return categoryView(row, agencies);
  }

  // ---------------------------------------------------------------- personal data (UU 27/2022)

  async function exportFor(userId: string) {
    const caller: Caller = { userId, name: "", isAdmin: false, agencyIds: [] };
    const own = await db
      .select()
      .from(laporReports)
      .where(eq(laporReports.reporterUserId, userId))
      .orderBy(asc(laporReports.createdAt));
    const ctx = await context();
    const reports = [];
    for (const r of own) {
      reports.push({
        ...(await fullView(r, caller, db, ctx)),
        contact: r.contact,
        source: r.source,
        clientRequestId: r.clientRequestId,
      });
    }
    const follows = await db
      .select({
        reportId: laporFollowers.reportId,
        joinedAt: laporFollowers.joinedAt,
        number: laporReports.number,
      })
      .from(laporFollowers)
      .innerJoin(laporReports, eq(laporReports.id, laporFollowers.reportId))
      .where(eq(laporFollowers.userId, userId));
    return {
      reports,
      follows: follows.map((f) => ({
        reportId: f.reportId,
        number: f.number,
        joinedAt: f.joinedAt.toISOString(),
      })),
    };
  }

  /** Forgets the person in their reports (kept, anonymous) and drops their follows; in `tx` when given. */
  async function eraseReporter(userId: string, outer?: DbOrTx) {
    const run = <T>(fn: (tx: DbOrTx) => Promise<T>) => (outer ? fn(outer) : db.transaction(fn));
    return run(async (tx) => {
      const detached = await tx
        .update(laporReports)
        .set({ reporterUserId: null, contact: null })
        .where(eq(laporReports.reporterUserId, userId))
        .returning({ id: laporReports.id });
      await tx
        .update(laporReportEvents)
        .set({ actorUserId: null })
        .where(
          and(
            eq(laporReportEvents.actorUserId, userId),
            inArray(laporReportEvents.actorRole, ["reporter", "follower"]),
          ),
        );
      const follows = await tx
        .delete(laporFollowers)
        .where(eq(laporFollowers.userId, userId))
        .returning({ reportId: laporFollowers.reportId });
      for (const f of follows) {
        await tx
          .update(laporReports)
          .set({ followerCount: sql`greatest(${laporReports.followerCount} - 1, 0)` })
          .where(eq(laporReports.id, f.reportId));
      }
      return { reports: detached.length, follows: follows.length };
    });
  }

  deps.identity.registerPersonalDataSource({
    name: "lapor",
    export: (userId) => exportFor(userId),
    erase: (userId, tx) => eraseReporter(userId, tx),
  });

  return {
    async categories(opts: { includeInactive?: boolean } = {}): Promise<Category[]> {
      const { agencies, categories } = await context();
      return [...categories.values()]
        .filter((c) => opts.includeInactive || c.active)
        .map((c) => categoryView(c, agencies));
    },
    async agencies(): Promise<Agency[]> {
      return [...(await loadAgencies()).values()].map(agencyView);
    },
    locate(lat: number, lng: number) {
      return { ...nearestRegency({ latitude: lat, longitude: lng }), approximate: true as const };
    },
    file,
    act,
    merge,
    join,
    get,
    publicReports,
    publicReport,
    async publicFeed(f: PublicFilter) {
      const { rows, total } = await publicList(f);
      return { items: await publicViews(rows), total };
    },
    async byToken(token: string): Promise<{ id: string } | null> {
      const [row] = await db
        .select({ id: laporReports.id })
        .from(laporReports)
        .where(eq(laporReports.token, token))
        .limit(1);
      return row ?? null;
    },
    myReports,
    inbox,
    bulk,
    agencyOverview,
    stats,
    league,
    nearby,
    uploadPhoto,
    photo,
    sweep,
    createCategory: (input: CategoryInput) => saveCategory(input, "create"),
    updateCategory: (input: CategoryInput) => saveCategory(input, "update"),
    exportFor,
    eraseReporter,
  };
}

export type LaporService = ReturnType<typeof createLaporService>;
