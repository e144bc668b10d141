import { type Lang, LOCALES } from "./i18n.ts";

export const TIME_ZONE = "Asia/Jakarta";

const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  maximumFractionDigits: 0,
});

/** Integer rupiah as "Rp 13.500" (always the Indonesian format, as on price boards). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

function dateTimeFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: TIME_ZONE,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(lang, format);
  }
  return format;
}

function dateFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: TIME_ZONE,
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    dateFormats.set(lang, format);
  }
  return format;
}

/** An instant shown in Jakarta time with the "WIB" suffix, e.g. "30 Nov 2025, 14.05 WIB". */
export function formatDateTimeWIB(value: string | number | Date, lang: Lang): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${dateTimeFormat(lang).format(date)} WIB`;
}

/**
 * A calendar date ("YYYY-MM-DD", a day in Jakarta) shown in words, e.g. "22 Agustus 2025".
 * The day is anchored at 00:00 WIB so it never slips to the previous day.
 */
export function formatDateWIB(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(lang).format(date);
}

/** The hour of the day (0–23) in Jakarta, for greetings. */
export function hourInJakarta(now: Date = new Date()): number {
  const hour = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    hourCycle: "h23",
  }).format(now);
  return Number.parseInt(hour, 10);
}

export function formatCoordinate(value: number): string {
  return value.toFixed(4);
}
