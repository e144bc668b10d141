/** The public answers the home reads: the price board (shared with /harga) and Lapor's reports. */
import { request } from "../../lib/api.ts";
import type { Board } from "../prices-board/model.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export type ReportState =
  | "menunggu"
  | "koordinasi"
  | "disposisi"
  | "proses"
  | "menunggu_validasi"
  | "selesai"
  | "ditolak"
  | "dibuka_kembali";

/** The part of Lapor's PublicReport the home shows. */
export interface HomeReport {
  id: string;
  number: string;
  category: { code: string; name: Bilingual };
  description: string;
  address: string | null;
  state: ReportState;
  agency: { code: string; name: string };
  createdAt: string;
  overdue: boolean;
  followerCount: number;
}

export const CLOSED_STATES: readonly ReportState[] = ["selesai", "ditolak"];

/** The same key as the /harga page's board without a date, so one fetch serves both. */
export const BOARD_KEY = ["price-board", null] as const;

export const homeApi = {
  board: () => request<Board>("GET", "/api/v1/public/prices/board"),
  openReports: (limit: number) =>
    request<{ items: HomeReport[]; total: number }>(
      "GET",
      `/api/v1/lapor/public/reports?status=open&limit=${limit}`,
    ),
  myReports: () => request<{ items: HomeReport[] }>("GET", "/api/v1/lapor/my/reports"),
};
