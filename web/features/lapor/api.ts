/**
 * The Lapor HTTP API as the citizen app uses it (src/modules/lapor, contract in docs/lapor.md).
 * Everything goes through lib/api.ts `request()`, with the session cookie.
 */
import { request } from "../../lib/api.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export const STATES = [
  "menunggu",
  "koordinasi",
  "disposisi",
  "proses",
  "menunggu_validasi",
  "selesai",
  "ditolak",
  "dibuka_kembali",
] as const;
export type ReportState = (typeof STATES)[number];

/** States in which an agency has a clock running. */
export const AGENCY_STAGES: readonly ReportState[] = [
  "menunggu",
  "koordinasi",
  "disposisi",
  "proses",
  "dibuka_kembali",
];

export type Privacy = "public" | "private" | "anonymous";
export type Action =
  | "accept"
  | "dispose"
  | "start"
  | "resolve"
  | "reject"
  | "confirm"
  | "reopen"
  | "reply"
  | "assign"
  | "rate";

export interface CategoryAttribute {
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  description: Bilingual;
  order: number;
  values?: { key: string; name: Bilingual }[];
}

export interface Category {
  code: string;
  group: string;
  name: Bilingual;
  description: Bilingual;
  agency: { code: string; name: string };
  stageHours: Record<string, number>;
  attributes: CategoryAttribute[];
  photoRequired: boolean;
  duplicateRadiusM: number;
  duplicateWindowHours: number;
}

export interface Photo {
  id: string;
  kind: "before" | "after";
  url: string;
  width: number;
  height: number;
}

export interface PublicReport {
  id: string;
  number: string;
  category: { code: string; name: Bilingual };
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  regencyCode: string | null;
  districtCode: string | null;
  villageCode: string | null;
  state: ReportState;
  agency: { code: string; name: string };
  createdAt: string;
  updatedAt: string;
  stageStartedAt: string;
  stageDueAt: string | null;
  overdue: boolean;
  wasOverdue: boolean;
  escalationLevel: number;
  followerCount: number;
  photos: Photo[];
  resolvedAt: string | null;
  closedAt: string | null;
  rating: number | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  fromState: ReportState | null;
  toState: ReportState | null;
  actor: {
    role: "reporter" | "agency" | "admin" | "system" | "follower";
    name: string | null;
    agency: { code: string; name: string } | null;
  };
  note: string | null;
  onTime: boolean | null;
  photos: Photo[];
}

export interface Report extends PublicReport {
  privacy: Privacy;
  reporter: { name: string } | null;
  attributes: Record<string, unknown>;
  confirmDueAt: string | null;
  assignee: { id: string; name: string } | null;
  mergedIntoId: string | null;
  ratingComment: string | null;
  following: boolean;
  mine: boolean;
  history: HistoryEntry[];
  allowedActions: Action[];
}

export type PublicReportDetail = PublicReport & { history: HistoryEntry[] };

export type MyReport = PublicReport & { privacy: Privacy; following: boolean; mine: boolean };

export interface LeagueRow {
  agency: { code: string; name: string; level: string };
  handled: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  open: number;
  overdueOpen: number;
  averageRating: number | null;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface NewReportBody {
  clientRequestId: string;
  categoryCode: string;
  description: string;
  latitude: number;
  longitude: number;
  address?: string;
  regencyCode?: string;
  districtCode?: string;
  villageCode?: string;
  privacy: Privacy;
  attributes?: Record<string, unknown>;
  photoIds?: string[];
}

export interface ActionBody {
  action: Action;
  note?: string;
  photoIds?: string[];
  rating?: number;
  comment?: string;
}

const BASE = "/api/v1/lapor";

function qs(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const laporApi = {
  categories: () => request<{ items: Category[] }>("GET", `${BASE}/categories`),
  publicReports: (filters: { category?: string; status?: string; regency?: string; limit?: number }) =>
    request<{ items: PublicReport[]; total: number }>("GET", `${BASE}/public/reports${qs(filters)}`),
  publicReport: (id: string) =>
    request<PublicReportDetail>("GET", `${BASE}/public/reports/${encodeURIComponent(id)}`),
  league: (days = 90) =>
    request<{ items: LeagueRow[]; from: string; to: string }>("GET", `${BASE}/public/league?days=${days}`),
  locate: (lat: number, lng: number) =>
    request<{ regency: { code: string; name: string } | null; approximate: boolean; distanceKm: number }>(
      "GET",
      `${BASE}/locate${qs({ lat, lng })}`,
    ),
  nearby: (category: string, lat: number, lng: number) =>
    request<{ items: (PublicReport & { distanceM: number })[] }>(
      "GET",
      `${BASE}/nearby${qs({ category, lat, lng })}`,
    ),
  report: (id: string) => request<Report>("GET", `${BASE}/reports/${encodeURIComponent(id)}`),
  myReports: () => request<{ items: MyReport[] }>("GET", `${BASE}/my/reports`),
  join: (id: string) =>
    request<{ followerCount: number; following: boolean }>(
      "POST",
      `${BASE}/reports/${encodeURIComponent(id)}/join`,
    ),
  act: (id: string, body: ActionBody) =>
    request<Report>("POST", `${BASE}/reports/${encodeURIComponent(id)}/actions`, body),
  uploadPhoto: (blob: Blob) =>
    request<{ id: string; width: number; height: number; size: number; contentType: string }>(
      "POST",
      `${BASE}/photos`,
      blob,
    ),
  create: (body: NewReportBody) => request<Report>("POST", `${BASE}/reports`, body),
  regions: (parent: string) => request<{ items: Region[] }>("GET", `/api/v1/regions${qs({ parent })}`),
};
