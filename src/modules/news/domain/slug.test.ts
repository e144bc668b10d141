import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("makes Indonesian titles readable addresses", () => {
    expect(slugify("Operasi Pasar Murah: Beras & Minyak Goreng di Bandar Lampung!")).toBe(
      "operasi-pasar-murah-beras-dan-minyak-goreng-di-bandar-lampung",
    );
    expect(slugify("Diskon 50% Pajak Kendaraan")).toBe("diskon-50-persen-pajak-kendaraan");
    expect(slugify("Jum'at Bersih di Kecamatan Tanjungkarang")).toBe(
      "jumat-bersih-di-kecamatan-tanjungkarang",
    );
  });

  it("drops accents and falls back when nothing is left", () => {
    expect(slugify("Café Kopi Lampung — Édisi Khusus")).toBe("cafe-kopi-lampung-edisi-khusus");
    expect(slugify("!!!")).toBe("berita");
  });

  it("cuts long titles at a word boundary", () => {
    const slug = slugify("kata ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slugify("a".repeat(100))).toHaveLength(80);
  });

  it("adds a number when the slug is taken", () => {
    expect(uniqueSlug("berita", new Set())).toBe("berita");
    expect(uniqueSlug("berita", new Set(["berita", "berita-2"]))).toBe("berita-3");
  });
});
