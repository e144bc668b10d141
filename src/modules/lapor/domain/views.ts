/** The shapes the Lapor API answers with (see docs/lapor.md); other modules consume them via index.ts. */
import type { AgencyLevel, CategoryAttribute, Privacy, ReportState, StageHours } from "./types";
import type { Action } from "./workflow";

export interface Bilingual {
  id: string;
  en: string;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  regionCode: string;
  parentId: string | null;
}

export interface Category {
  code: string;
  group: string;
  name: Bilingual;
  description: Bilingual;
  keywords: string[];
  agency: { code: string; name: string };
  stageHours: StageHours;
  attributes: CategoryAttribute[];
  photoRequired: boolean;
  duplicateRadiusM: number;
  duplicateWindowHours: number;
  active: boolean;
}

export interface Photo {
  id: string;
  kind: "before" | "after";
  url: string;
  width: number | null;
  height: number | null;
}

export type ActorRole = "reporter" | "agency" | "admin" | "system" | "follower";

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  fromState: ReportState | null;
  toState: ReportState | null;
  actor: { role: ActorRole; name: string | null; agency: { code: string; name: string } | null };
  note: string | null;
  onTime: boolean | null;
  photos: Photo[];
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

export type ReportLite = PublicReport & { privacy: Privacy; following: boolean; mine: boolean };
export type InboxItem = PublicReport & {
  privacy: Privacy;
  reporter: { name: string } | null;
  assignee: { id: string; name: string } | null;
};

export interface LeagueRow {
  agency: { code: string; name: string; level: AgencyLevel };
  handled: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  open: number;
  overdueOpen: number;
  averageRating: number | null;
}
