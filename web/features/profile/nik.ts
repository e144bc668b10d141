/**
 * The NIK rules the server applies (src/modules/identity/domain/nik.ts), repeated here for live
 * messages while typing. The server stays the judge: it also checks the kecamatan exists.
 */
export type NikProblem = "format" | "region" | "birth_date" | "future" | "serial";

export function cleanNik(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * null when the NIK passes what can be checked here. `regencies`: the regency codes (18.71) of the
 * provinces whose regencies are known; `provinces`: all province codes; empty sets skip that check.
 */
export function nikProblem(
  input: string,
  today: string,
  known: { provinces: ReadonlySet<string>; regencies: ReadonlySet<string> } = {
    provinces: new Set(),
    regencies: new Set(),
  },
): NikProblem | null {
  const nik = cleanNik(input);
  if (!/^\d{16}$/.test(nik)) return "format";
  const province = nik.slice(0, 2);
  const regency = `${province}.${nik.slice(2, 4)}`;
  if (province === "00" || nik.slice(2, 4) === "00" || nik.slice(4, 6) === "00") return "region";
  if (known.provinces.size > 0 && !known.provinces.has(province)) return "region";
  const provinceHasRegencies = [...known.regencies].some((r) => r.startsWith(`${province}.`));
  if (provinceHasRegencies && !known.regencies.has(regency)) return "region";
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (day > 40) day -= 40;
  const thisYear = Number(today.slice(0, 4));
  const year = 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
  if (!isCalendarDate(year, month, day)) return "birth_date";
  const birth = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (birth > today) return "future";
  if (nik.slice(12) === "0000") return "serial";
  return null;
}
