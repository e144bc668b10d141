import { describe, expect, it } from "vitest";
import { maskNik, nikRegionKnown, parseNik } from "./nik";

const TODAY = "2026-11-30";

describe("NIK rules", () => {
  it("reads a man's NIK: kecamatan, birth date, serial", () => {
    const r = parseNik("1871011705900001", TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        nik: "1871011705900001",
        provinceCode: "18",
        regencyCode: "18.71",
        districtCode: "18.71.01",
        birthDate: "1990-05-17",
        sex: "male",
        serial: "0001",
      },
    });
  });

  it("reads a woman's NIK: 40 added to the day", () => {
    const r = parseNik("3174055708010023", TODAY);
    expect(r.ok && r.value.sex).toBe("female");
    expect(r.ok && r.value.birthDate).toBe("2001-08-17");
    // Day 71 is the 31st for a woman, but 31 February is no date.
    expect(parseNik("3174057102010023", TODAY)).toEqual({ ok: false, problem: "birth_date" });
    expect(parseNik("3174057101010023", TODAY).ok).toBe(true);
  });

  it("accepts spaces and dots people type, and refuses what is not 16 digits", () => {
    expect(parseNik("1871 0117 0590 0001", TODAY).ok).toBe(true);
    expect(parseNik("187101170590001", TODAY)).toEqual({ ok: false, problem: "format" });
    expect(parseNik("18710117059000012", TODAY)).toEqual({ ok: false, problem: "format" });
    expect(parseNik("18710117059000a1", TODAY)).toEqual({ ok: false, problem: "format" });
  });

  it("refuses impossible dates: day 0, 32–40, over 71, month 13, 29 Feb of a common year", () => {
    for (const ddmmyy of ["000190", "320190", "400190", "720190", "011390", "290299", "310490"]) {
      expect(parseNik(`187101${ddmmyy}0001`, TODAY), ddmmyy).toEqual({ ok: false, problem: "birth_date" });
    }
    expect(parseNik("1871012902000001", TODAY).ok).toBe(true); // 2000 was a leap year
  });

  it("reads two-digit years as the latest century not after this year, and refuses a future date", () => {
    const r = parseNik("1871010101260001", TODAY);
    expect(r.ok && r.value.birthDate).toBe("2026-01-01");
    expect(parseNik("1871010112260001", TODAY)).toEqual({ ok: false, problem: "future" });
    const old = parseNik("1871010101300001", TODAY);
    expect(old.ok && old.value.birthDate).toBe("1930-01-01");
  });

  it("refuses serial 0000 and zero region parts", () => {
    expect(parseNik("1871011705900000", TODAY)).toEqual({ ok: false, problem: "serial" });
    expect(parseNik("1800011705900001", TODAY)).toEqual({ ok: false, problem: "region" });
    expect(parseNik("1871001705900001", TODAY)).toEqual({ ok: false, problem: "region" });
  });

  it("requires a loaded kecamatan where kecamatan are loaded, a known province elsewhere", () => {
    expect(
      nikRegionKnown({ province: true, regency: true, district: true, provinceHasDistricts: true }),
    ).toBe(true);
    expect(
      nikRegionKnown({ province: true, regency: true, district: false, provinceHasDistricts: true }),
    ).toBe(false);
    expect(
      nikRegionKnown({ province: true, regency: false, district: false, provinceHasDistricts: false }),
    ).toBe(true);
    expect(
      nikRegionKnown({
        province: false,
        regency: false,
        district: false,
        provinceHasDistricts: false,
      }),
    ).toBe(false);
  });

  it("masks all but the first 4 and last 2 digits", () => {
    expect(maskNik("1871011705900001")).toBe("1871**********01");
  });
});
