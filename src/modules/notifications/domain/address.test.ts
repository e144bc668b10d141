import { describe, expect, it } from "vitest";
import { backoffMs, maskAddress, normaliseAddress, normaliseMobile, shortText } from "./address";

describe("notification addresses", () => {
  it("normalises Indonesian mobile numbers to +62…", () => {
    expect(normaliseMobile("0812-3456-7890")).toBe("+6281234567890");
    expect(normaliseMobile("62 812 3456 7890")).toBe("+6281234567890");
    expect(normaliseMobile("+62 (812) 3456.7890")).toBe("+6281234567890");
    expect(normaliseAddress("whatsapp", "0812345678")).toBe("+62812345678");
  });

  it("refuses landlines, foreign numbers and junk", () => {
    expect(normaliseMobile("021-5551234")).toBeNull();
    expect(normaliseMobile("+6512345678")).toBeNull();
    expect(normaliseMobile("08123")).toBeNull();
    expect(normaliseMobile("0812345678901234")).toBeNull();
    expect(normaliseMobile("halo")).toBeNull();
  });

  it("checks e-mail addresses and lower-cases them", () => {
    expect(normaliseAddress("email", " Ani@Contoh.ID ")).toBe("ani@contoh.id");
    expect(normaliseAddress("email", "ani@contoh")).toBeNull();
    expect(normaliseAddress("email", "ani contoh@x.id")).toBeNull();
    expect(normaliseAddress("email", "+6281234567890")).toBeNull();
    expect(normaliseAddress("sms", "ani@contoh.id")).toBeNull();
  });

  it("masks addresses for lists", () => {
    expect(maskAddress("+6281234567890")).toBe("+62812****7890");
    expect(maskAddress("ani@contoh.id")).toBe("a**@contoh.id");
  });

  it("backs off exponentially up to an hour", () => {
    expect(backoffMs(0)).toBe(0);
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it("shortens text for SMS", () => {
    expect(shortText("Judul", "isi  pesan")).toBe("Judul: isi pesan");
    expect(shortText("J", "x".repeat(400), 20)).toHaveLength(20);
  });
});
