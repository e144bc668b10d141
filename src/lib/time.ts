export const JAKARTA_TZ = "Asia/Jakarta";

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: JAKARTA_TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in WIB (UTC+7), as YYYY-MM-DD: what "today" means to a Lampung market. */
export function jakartaDate(at: Date): string {
  return dateFormat.format(at);
}
