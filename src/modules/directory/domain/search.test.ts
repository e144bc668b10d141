import { describe, expect, it } from "vitest";
import { editDistance, normalise, score, wordScore } from "./search";
import { urlProblem } from "./validation";

describe("directory search", () => {
  it("normalises case, accents and punctuation", () => {
    expect(normalise("  Pélayanan e-KTP!  ")).toBe("pelayanan e ktp");
  });

  it("measures edit distance with an early stop", () => {
    expect(editDistance("samsat", "samsat")).toBe(0);
    expect(editDistance("samsta", "samsat")).toBe(2);
    expect(editDistance("kesehtan", "kesehatan")).toBe(1);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("scores exact, prefix and one-typo words", () => {
    expect(wordScore("ktp", "ktp")).toBe(3);
    expect(wordScore("kesehat", "kesehatan")).toBe(2);
    expect(wordScore("kesehtan", "kesehatan")).toBe(1);
    expect(wordScore("bpj", "samsat")).toBe(0);
    // Short words are never fuzzy: "kk" must not match "ktp".
    expect(wordScore("kp", "kk")).toBe(0);
  });

  it("requires every query word and weighs names double", () => {
    const doc = { primary: ["E-Samsat Lampung"], secondary: ["Pajak kendaraan bermotor", "Bapenda"] };
    expect(score("", doc)).toBe(1);
    expect(score("samsat", doc)).toBe(6);
    expect(score("pajak kendaraan", doc)).toBe(6);
    expect(score("pajak rumah", doc)).toBe(0);
    expect(score("ESAMSAT", doc)).toBeGreaterThan(0);
    expect(score("kendaran", doc)).toBe(1);
  });
});

describe("service urls", () => {
  it("accepts https for external and paths for internal", () => {
    expect(urlProblem("external", "https://oss.go.id")).toBeNull();
    expect(urlProblem("internal", "/lapor")).toBeNull();
  });
  it("refuses http, junk and protocol-relative paths", () => {
    expect(urlProblem("external", "http://oss.go.id")).not.toBeNull();
    expect(urlProblem("external", "oss.go.id")).not.toBeNull();
    expect(urlProblem("internal", "https://x.id")).not.toBeNull();
    expect(urlProblem("internal", "//evil.example")).not.toBeNull();
  });
});
