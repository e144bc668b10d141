import { describe, expect, it } from "vitest";
import {
  correctedTsQuery,
  foldText,
  fuzzyTokens,
  paging,
  prefixTsQuery,
  queryTokens,
  vocabularyOf,
} from "./search";

describe("catalogue query normalisation", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldText("  Kópi  ROBUSTA! Éksklusif ")).toBe("kopi robusta eksklusif");
    expect(queryTokens("kopi & | ! :* ( kopi")).toEqual(["kopi"]);
    expect(queryTokens("")).toEqual([]);
    expect(queryTokens("a b c d e f g h i j")).toHaveLength(8);
  });

  it("builds a tsquery whose last word is a prefix", () => {
    expect(prefixTsQuery(["kopi", "rob"])).toBe("kopi & rob:*");
    expect(prefixTsQuery([])).toBeNull();
  });

  it("adds corrections as alternatives, only of words worth correcting", () => {
    expect(fuzzyTokens(["di", "kopi", "robsta"])).toEqual(["kopi", "robsta"]);
    const q = correctedTsQuery(["kopi", "robsta"], new Map([["robsta", ["robusta", "rosta"]]]));
    expect(q).toBe("kopi & (robsta:* | robusta | rosta)");
    expect(vocabularyOf("Keripik Pisang & Cokelat di Lampung")).toEqual([
      "keripik",
      "pisang",
      "cokelat",
      "lampung",
    ]);
  });

  it("clamps paging", () => {
    expect(paging(1000, -5)).toEqual({ limit: 60, offset: 0 });
    expect(paging(undefined, undefined)).toEqual({ limit: 20, offset: 0 });
  });
});
