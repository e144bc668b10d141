/** The Lapor API as the agency console uses it (the shared contract of issue 5), on lib/api.ts's request. */
import { queryString, request } from "../../lib/api.ts";
import type { Bilingual, Category, Privacy, PublicReport, Report, ReportState } from "../lapor/api.ts";

// The report, history, photo and category shapes are the citizen app's (one contract, one definition).
export type {
  Bilingual,
  Category,
  CategoryAttribute,
  HistoryEntry,
  Photo,
  Privacy,
  PublicReport,
  Report,
  ReportState,
} from "../lapor/api.ts";
export { AGENCY_STAGES, STATES as REPORT_STATES } from "../lapor/api.ts";

export const ACTIONS = [
  "accept",
  "dispose",
  "start",
  "resolve",
  "reject",
  "confirm",
  "reopen",
  "reply",
  "assign",
  "rate",
] as const;
export type Action = (typeof ACTIONS)[number];

/** The actions an agency takes from the console (confirm, reopen and rate are the reporter's). */
export const AGENCY_ACTIONS = ["accept", "dispose", "start", "resolve", "reject", "reply", "assign"] as const;
export type AgencyAction = (typeof AGENCY_ACTIONS)[number];

export const BULK_ACTIONS = ["accept", "start", "reply", "assign", "reject"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export type AgencyLevel = "kelurahan" | "kecamatan" | "kabupaten" | "provinsi";

export interface Agency {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  regionCode: string | null;
  parentId: string | null;
}

export interface InboxItem extends PublicReport {
  privacy: Privacy;
  reporter: { name: string } | null;
  assignee: { id: string; name: string } | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  agency: Agency | null;
}

export interface InboxFilters {
  state?: string;
  overdue?: boolean;
  category?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { code: string; title: string };
}

export interface AgencyInfo {
  agency: Agency | null;
  children: Agency[];
  /** Where a report can be disposed to (children, or more); falls back to `children`. */
  disposeTargets?: Agency[];
  staff: { id: string; name: string }[];
}

export interface Stats {
  byState: Partial<Record<ReportState, number>>;
  open: number;
  overdueOpen: number;
  onTimeRate: number | null;
  medianResolutionHours: number | null;
  averageRating: number | null;
  byCategory: { code: string; name: Bilingual | string; open: number; total: number }[];
  from: string;
  to: string;
}

export interface ActionBody {
  action: Action;
  note?: string;
  photoIds?: string[];
  targetAgencyCode?: string;
  assigneeUserId?: string;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export const laporConsoleApi = {
  agency: () => request<AgencyInfo>("GET", "/api/v1/lapor/agency"),
  categories: () => request<{ items: Category[] }>("GET", "/api/v1/lapor/categories"),
  inbox: (f: InboxFilters) =>
    request<InboxPage>(
      "GET",
      `/api/v1/lapor/inbox${queryString({
        state: f.state,
        overdue: f.overdue ? "true" : undefined,
        category: f.category,
        q: f.q,
        limit: f.limit,
        offset: f.offset,
      })}`,
    ),
  bulk: (body: { ids: string[]; action: BulkAction; note?: string; assigneeUserId?: string }) =>
    request<{ results: BulkResult[] }>("POST", "/api/v1/lapor/inbox/bulk", body),
  report: (id: string) => request<Report>("GET", `/api/v1/lapor/reports/${encodeURIComponent(id)}`),
  act: (id: string, body: ActionBody) =>
    request<Report>("POST", `/api/v1/lapor/reports/${encodeURIComponent(id)}/actions`, body),
  merge: (id: string, body: { intoId: string; note?: string }) =>
    request<Report>("POST", `/api/v1/lapor/reports/${encodeURIComponent(id)}/merge`, body),
  /** A photo goes as the file itself (a Blob labelled with its own type). */
  uploadPhoto: (file: Blob) =>
    request<{ id: string; width: number; height: number; size: number; contentType: string }>(
      "POST",
      "/api/v1/lapor/photos",
      file,
    ),
  stats: (days: number) => request<Stats>("GET", `/api/v1/lapor/stats${queryString({ days })}`),
  region: (code: string) => request<Region>("GET", `/api/v1/regions/${encodeURIComponent(code)}`),
};
