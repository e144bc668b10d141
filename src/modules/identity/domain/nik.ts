/**
 * The NIK (Nomor Induk Kependudukan, Permendagri 72/2019 on KTP-el): 16 digits.
 *   1–6   the Kemendagri code of the kecamatan where it was issued: province (2) + regency (2) + district (2)
 *   7–12  date of birth DDMMYY; women add 40 to the day (a woman born on the 5th has 45)
 *   13–16 a serial number, never 0000
 * Pure rules; whether the kecamatan exists is checked against the reference regions by the caller.
 */

export type NikProblem =
  | "format" // not 16 digits
  | "region" // digits 1–6 do not name a kecamatan Lumbung knows
  | "birth_date" // digits 7–12 are not a calendar date
  | "future" // the birth date is after today
  | "serial"; // digits 13–16 are 0000

export interface ParsedNik {
  nik: string;
  provinceCode: string; // "18"
  regencyCode: string; // "18.71"
  districtCode: string; // "18.71.01"
  birthDate: string; // YYYY-MM-DD
  sex: "female" | "male";
  serial: string;
}

export const NIK_MESSAGES: Record<NikProblem, { en: string; id: string }> = {
  format: { en: "a NIK is 16 digits", id: "NIK terdiri dari 16 angka" },
  region: {
    en: "digits 1–6 must be the code of a real kecamatan (province, regency, district)",
    id: "angka 1–6 harus kode kecamatan yang ada (provinsi, kabupaten/kota, kecamatan)",
  },
  birth_date: {
    en: "digits 7–12 must be a date of birth DDMMYY (women add 40 to the day)",
    id: "angka 7–12 harus tanggal lahir DDMMYY (perempuan: tanggal ditambah 40)",
  },
  future: { en: "the date of birth in the NIK is in the future", id: "tanggal lahir pada NIK belum terjadi" },
  serial: { en: "digits 13–16 cannot be 0000", id: "angka 13–16 tidak boleh 0000" },
};

/** Spaces and dots people type between groups are dropped. */
export function cleanNik(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks everything but the region's existence. Two-digit years: 20YY when that is not after this
 * year, else 19YY; a date still after `today` (YYYY-MM-DD) is refused.
 */
export function parseNik(
  input: string,
  today: string,
): { ok: true; value: ParsedNik } | { ok: false; problem: NikProblem } {
  const nik = cleanNik(input);
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: "format" };
  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  if (province === "00" || regency === "00" || district === "00") return { ok: false, problem: "region" };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? "female" : "male";
  if (day > 40) day -= 40;
  const thisYear = Number(today.slice(0, 4));
  const year = 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
  if (!isCalendarDate(year, month, day)) return { ok: false, problem: "birth_date" };
  const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (birthDate > today) return { ok: false, problem: "future" };
  const serial = nik.slice(12);
  if (serial === "0000") return { ok: false, problem: "serial" };
  return {
    ok: true,
    value: {
      nik,
      provinceCode: province,
      regencyCode: `${province}.${regency}`,
      districtCode: `${province}.${regency}.${district}`,
      birthDate,
      sex,
      serial,
    },
  };
}

/**
 * Whether digits 1–6 name a real kecamatan, given what the reference regions hold. Lumbung loads
 * kecamatan for Lampung (18) and DKI Jakarta (31) only: there the district must exist. Elsewhere
 * only provinces are loaded, so a known province is accepted (the regency and district digits are
 * then only checked to be non-zero).
 */
export function nikRegionKnown(known: {
  province: boolean;
  regency: boolean;
  district: boolean;
  provinceHasDistricts: boolean;
}): boolean {
  if (!known.province) return false;
  if (known.provinceHasDistricts) return known.regency && known.district;
  return true;
}

/** 1871010101900001 → 1871**********01: the first 4 and the last 2 digits. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}${"*".repeat(nik.length - 6)}${nik.slice(-2)}`;
}
