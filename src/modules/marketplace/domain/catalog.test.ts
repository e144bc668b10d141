import { describe, expect, it } from "vitest";
import {
  normaliseBankAccount,
  normaliseHalal,
  normaliseNib,
  normalisePirt,
  slugify,
  tracePath,
} from "./catalog";

describe("seller papers", () => {
  it("accepts the usual spellings and refuses the rest", () => {
    expect(normaliseNib("9120-3012-34567")).toBe("9120301234567");
    expect(normaliseNib("912030123456")).toBeNull();
    expect(normalisePirt("P-IRT No. 2061806010123-25")).toBe("206180601012325");
    expect(normalisePirt("20618060101232")).toBeNull();
    expect(normaliseHalal("id 1811 0000 1234 5012 3")).toBe("ID18110000123450123");
    expect(normaliseHalal("LPPOM-00120012345678")).toBeNull();
    expect(normaliseBankAccount("380.01.02345-6")).toBe("38001023456");
    expect(normaliseBankAccount("12345")).toBeNull();
  });

  it("makes slugs and trace paths", () => {
    expect(slugify("Keripik Pisang Cokelat — Éksklusif!")).toBe("keripik-pisang-cokelat-eksklusif");
    expect(slugify("!!!", "toko")).toBe("toko");
    expect(tracePath("8990000000037", "L20260615-001")).toBe("/01/08990000000037/10/L20260615-001");
  });
});
