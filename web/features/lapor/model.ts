/** Pure rules of the citizen Lapor pages: retries, the deadline clock, photo checks, the map's projection. */
import { BOUNDS, project, VIEW } from "../trace/geo.ts";
import type { ReportState } from "./api.ts";

/** Network errors (0), rate limits and server errors are worth retrying; other 4xx are about the report. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** 5 s, 10 s, 20 s … at most 5 minutes between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export type PhotoProblem = "type" | "size" | "count" | null;

export function photoProblem(file: { type: string; size: number }, already: number): PhotoProblem {
  if (already >= MAX_PHOTOS) return "count";
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size > MAX_PHOTO_BYTES) return "size";
  return null;
}

export type ClockTone = "ok" | "soon" | "late" | "none";

export interface Clock {
  tone: ClockTone;
  /** Whole hours left (≥ 0) or late (> 0); minutes when under an hour. */
  amount: number;
  unit: "minutes" | "hours" | "days";
  late: boolean;
}

/** The stage deadline as "5 hours left" / "2 hours late"; null when no clock runs. */
export function clockOf(dueAt: string | null, now: number): Clock | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const diff = due - now;
  const late = diff < 0;
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const hours = Math.floor(minutes / 60);
  const amount = hours >= 48 ? Math.floor(hours / 24) : hours >= 1 ? hours : minutes;
  const unit = hours >= 48 ? "days" : hours >= 1 ? "hours" : "minutes";
  const tone: ClockTone = late ? "late" : diff < 6 * 3600_000 ? "soon" : "ok";
  return { tone, amount, unit, late };
}

export function isOpen(state: ReportState): boolean {
  return state !== "selesai" && state !== "ditolak";
}

/** Lampung's window onto the trace map's coastlines and projection (web/features/trace/geo.ts). */
export const LAMPUNG = { west: 103.55, east: 106.1, north: -3.7, south: -6.05 } as const;
const SCALE = VIEW.width / (BOUNDS.east - BOUNDS.west);

export function toMap(longitude: number, latitude: number): { x: number; y: number } {
  return project(longitude, latitude);
}

export function fromMap(x: number, y: number): { longitude: number; latitude: number } {
  return { longitude: round5(BOUNDS.west + x / SCALE), latitude: round5(BOUNDS.north - y / SCALE) };
}

export function mapBox(): { x: number; y: number; width: number; height: number } {
  const nw = project(LAMPUNG.west, LAMPUNG.north);
  const se = project(LAMPUNG.east, LAMPUNG.south);
  return { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
}

export function inLampung(longitude: number, latitude: number): boolean {
  return (
    longitude >= LAMPUNG.west &&
    longitude <= LAMPUNG.east &&
    latitude <= LAMPUNG.north &&
    latitude >= LAMPUNG.south
  );
}

/** The server's box for Indonesia (src/modules/lapor/domain/geo.ts): a report outside it is refused. */
export function inIndonesia(longitude: number, latitude: number): boolean {
  return latitude >= -11.2 && latitude <= 6.2 && longitude >= 94.7 && longitude <= 141.2;
}

export function round5(n: number): number {
  return Math.round(n * 100_000) / 100_000;
}

/** Regency seats of Lampung (Kemendagri code, seat, coordinates), as in src/modules/trace/domain/places.ts. */
export const SEATS: readonly { code: string; seat: string; latitude: number; longitude: number }[] = [
  { code: "18.01", seat: "Kalianda", latitude: -5.73, longitude: 105.59 },
  { code: "18.02", seat: "Gunung Sugih", latitude: -4.97, longitude: 105.27 },
  { code: "18.03", seat: "Kotabumi", latitude: -4.83, longitude: 104.88 },
  { code: "18.04", seat: "Liwa", latitude: -5.03, longitude: 104.07 },
  { code: "18.05", seat: "Menggala", latitude: -4.47, longitude: 105.24 },
  { code: "18.06", seat: "Kota Agung", latitude: -5.5, longitude: 104.62 },
  { code: "18.07", seat: "Sukadana", latitude: -5.07, longitude: 105.55 },
  { code: "18.08", seat: "Blambangan Umpu", latitude: -4.43, longitude: 104.55 },
  { code: "18.09", seat: "Gedong Tataan", latitude: -5.38, longitude: 105.07 },
  { code: "18.10", seat: "Pringsewu", latitude: -5.36, longitude: 104.97 },
  { code: "18.11", seat: "Mesuji", latitude: -4.04, longitude: 105.43 },
  { code: "18.12", seat: "Panaragan", latitude: -4.52, longitude: 105.08 },
  { code: "18.13", seat: "Krui", latitude: -5.19, longitude: 103.93 },
  { code: "18.71", seat: "Bandar Lampung", latitude: -5.43, longitude: 105.26 },
  { code: "18.72", seat: "Metro", latitude: -5.11, longitude: 105.31 },
];

/** Where the pin starts: the centre of Bandar Lampung. */
export const DEFAULT_PIN = { latitude: -5.42917, longitude: 105.26111 } as const;

/** The pin moves this far per arrow key (about 1.1 km); with Shift ten times as far. */
export const PIN_STEP = 0.01;
