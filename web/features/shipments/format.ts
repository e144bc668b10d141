import { type Lang, LOCALES } from "../../lib/i18n.ts";

const kgFormats = new Map<Lang, Intl.NumberFormat>();

/** "1.250,5 kg" in Bahasa Indonesia, "1,250.5 kg" in English. */
export function formatKg(kg: number, lang: Lang): string {
  let format = kgFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 });
    kgFormats.set(lang, format);
  }
  return `${format.format(kg)} kg`;
}

export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
}

/** Minutes as hours and minutes: "6 j 10 m" / "6 h 10 min". */
export function formatMinutes(minutes: number | null, lang: Lang): string {
  if (minutes === null) return "—";
  const rounded = Math.round(minutes);
  const sign = rounded < 0 ? "−" : "";
  const abs = Math.abs(rounded);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const [hu, mu] = lang === "en" ? ["h", "min"] : ["j", "m"];
  if (h === 0) return `${sign}${m} ${mu}`;
  return m === 0 ? `${sign}${h} ${hu}` : `${sign}${h} ${hu} ${m} ${mu}`;
}

/** A `datetime-local` value read as Jakarta time, as an RFC 3339 instant with +07:00. */
export function wibInputToIso(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+07:00`;
}

/** Now (or an instant) as a `datetime-local` value in Jakarta time. */
export function isoToWibInput(at: Date = new Date()): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** A `date` value (a day in Jakarta) as the instant it starts. */
export function wibDayStart(day: string): string {
  return `${day}T00:00:00+07:00`;
}

/** Badge colour of a shipment status. */
export function statusTone(status: string): string {
  switch (status) {
    case "delivered":
      return "badge-success";
    case "held":
    case "rejected":
      return "badge-danger";
    case "partially_delivered":
    case "cancelled":
      return "badge-warning";
    case "at_hub":
    case "arrived":
      return "badge-hub";
    default:
      return "badge-soon";
  }
}

/** Reads a chosen file as a data: URL (photos and signatures go to the API that way). */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The API refuses photos and signatures above this; checked before sending. */
export const MAX_IMAGE_BYTES = 300_000;
