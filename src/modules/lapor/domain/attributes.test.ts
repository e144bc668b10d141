import { describe, expect, it } from "vitest";
import { checkAttributes } from "./attributes";
import type { CategoryAttribute } from "./types";

const d = (
  a: Partial<CategoryAttribute> & Pick<CategoryAttribute, "code" | "datatype">,
): CategoryAttribute => ({
  required: false,
  description: { id: a.code, en: a.code },
  order: 1,
  ...a,
});
const size = d({
  code: "ukuran",
  datatype: "singlevaluelist",
  values: [
    { key: "kecil", name: { id: "Kecil", en: "Small" } },
    { key: "besar", name: { id: "Besar", en: "Large" } },
  ],
});

describe("lapor attributes (Open311)", () => {
  it("accepts known answers and normalises them", () => {
    const defs = [size, d({ code: "harga", datatype: "number" }), d({ code: "catatan", datatype: "text" })];
    expect(checkAttributes(defs, { ukuran: "besar", harga: "15000", catatan: "  dekat pasar " })).toEqual({
      ok: true,
      value: { ukuran: "besar", harga: 15000, catatan: "dekat pasar" },
    });
    expect(checkAttributes(defs, {})).toEqual({ ok: true, value: {} });
  });

  it("refuses unknown codes, missing required answers and values outside the list", () => {
    expect(checkAttributes([size], { warna: "merah" })).toMatchObject({ ok: false, code: "warna" });
    expect(checkAttributes([{ ...size, required: true }], {})).toMatchObject({ ok: false, code: "ukuran" });
    expect(checkAttributes([size], { ukuran: "raksasa" })).toMatchObject({ ok: false, code: "ukuran" });
    expect(checkAttributes([d({ code: "n", datatype: "number" })], { n: "abc" })).toMatchObject({
      ok: false,
    });
    expect(checkAttributes([d({ code: "n", datatype: "number" })], { n: " " })).toMatchObject({ ok: false });
    expect(checkAttributes([d({ code: "t", datatype: "datetime" })], { t: "kemarin" })).toMatchObject({
      ok: false,
    });
    expect(checkAttributes([d({ code: "s", datatype: "string" })], { s: { a: 1 } })).toMatchObject({
      ok: false,
    });
  });

  it("multivaluelist takes one or many keys", () => {
    const multi = { ...size, datatype: "multivaluelist" as const };
    expect(checkAttributes([multi], { ukuran: "kecil" })).toEqual({ ok: true, value: { ukuran: ["kecil"] } });
    expect(checkAttributes([multi], { ukuran: ["kecil", "besar", "kecil"] })).toEqual({
      ok: true,
      value: { ukuran: ["kecil", "besar"] },
    });
    expect(checkAttributes([multi], { ukuran: ["kecil", "x"] })).toMatchObject({ ok: false });
  });
});
