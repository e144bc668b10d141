import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildQrisPayload,
  crc16ccitt,
  parseQrisPayload,
  QrisError,
  type QrisMerchant,
  readDataObjects,
} from "./qris";

const MERCHANT: QrisMerchant = {
  name: "Kopi Robusta Tanggamus",
  city: "Tanggamus",
  postalCode: "35384",
  nmid: "ID1020012345678",
  criteria: "UMI",
  mcc: "5499",
  acquirer: { domain: "ID.CO.LUMBUNG.WWW", merchantPan: "9360081234567890", merchantId: "LMB000000000123" },
};

describe("CRC-16/CCITT-FALSE", () => {
  it("gives the standard check value", () => {
    // The catalogue check value of CRC-16/CCITT-FALSE for "123456789".
    expect(crc16ccitt("123456789")).toBe("29B1");
    expect(crc16ccitt("")).toBe("FFFF");
  });
});

describe("QRIS payloads", () => {
  it("a dynamic code carries 01=12, rupiah, Indonesia, the amount, name, city and a valid CRC", () => {
    const payload = buildQrisPayload({ merchant: MERCHANT, amount: 150_000, billNumber: "ORD-2026-000123" });
    const objects = readDataObjects(payload);
    expect(objects?.get("00")).toBe("01");
    expect(objects?.get("01")).toBe("12");
    expect(objects?.get("53")).toBe("360");
    expect(objects?.get("54")).toBe("150000");
    expect(objects?.get("58")).toBe("ID");
    expect(objects?.get("59")).toBe("Kopi Robusta Tanggamus");
    expect(objects?.get("60")).toBe("Tanggamus");
    expect(payload.startsWith("000201010212")).toBe(true);
    expect(payload.slice(-8, -4)).toBe("6304");
    expect(payload.slice(-4)).toBe(crc16ccitt(payload.slice(0, -4)));
    expect(readDataObjects(objects?.get("51") ?? "")?.get("00")).toBe("ID.CO.QRIS.WWW");

    const parsed = parseQrisPayload(payload);
    expect(parsed).toEqual({
      ok: true,
      qris: {
        dynamic: true,
        amount: 150_000,
        merchantName: "Kopi Robusta Tanggamus",
        merchantCity: "Tanggamus",
        nmid: "ID1020012345678",
        criteria: "UMI",
        mcc: "5499",
        billNumber: "ORD-2026-000123",
        reference: null,
      },
    });
  });

  it("a static code has 01=11 and no amount", () => {
    const parsed = parseQrisPayload(buildQrisPayload({ merchant: MERCHANT }));
    expect(parsed.ok && parsed.qris).toMatchObject({ dynamic: false, amount: null });
  });

  it("refuses a payload altered after it was made, and one whose parts break the rules", () => {
    const payload = buildQrisPayload({ merchant: MERCHANT, amount: 150_000 });
    const tampered = payload.replace("5406150000", "5406015000");
    expect(parseQrisPayload(tampered)).toMatchObject({ ok: false });
    expect((parseQrisPayload(tampered) as { errors: string[] }).errors[0]).toMatch(/CRC/);

    // Re-signed but dynamic without an amount, and in dollars.
    const body = payload.slice(0, -8).replace("5406150000", "").replace("5303360", "5303840");
    const resigned = `${body}6304${crc16ccitt(`${body}6304`)}`;
    const result = parseQrisPayload(resigned);
    expect(result.ok).toBe(false);
    expect((result as { errors: string[] }).errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/object 54/), expect.stringMatching(/rupiah/)]),
    );
    expect(parseQrisPayload("not a qris code")).toMatchObject({ ok: false });
  });

  it("refuses what a payer's app could not show or pay", () => {
    expect(() =>
      buildQrisPayload({ merchant: { ...MERCHANT, name: "Koperasi Produsen Kopi Robusta Tanggamus" } }),
    ).toThrow(/at most 25/);
    expect(() => buildQrisPayload({ merchant: { ...MERCHANT, city: "Kota Bandar Lampung Raya" } })).toThrow(
      QrisError,
    );
    expect(() => buildQrisPayload({ merchant: { ...MERCHANT, name: "Kopi Ñ" } })).toThrow(/printable ASCII/);
    expect(() => buildQrisPayload({ merchant: MERCHANT, amount: 0 })).toThrow(/positive whole/);
    expect(() => buildQrisPayload({ merchant: MERCHANT, amount: 1500.5 })).toThrow(/positive whole/);
    expect(() => buildQrisPayload({ merchant: { ...MERCHANT, mcc: "54" } })).toThrow(/4 digits/);
  });

  it("whatever valid order it describes, the payload reads back to it", () => {
    const text = (max: number) =>
      fc
        .string({ minLength: 1, maxLength: max })
        .filter((s) => /^[\x20-\x7e]+$/.test(s) && s.trim() === s && s !== "");
    fc.assert(
      fc.property(
        text(25),
        text(15),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.option(text(25), { nil: undefined }),
        (name, city, amount, billNumber) => {
          const payload = buildQrisPayload({ merchant: { ...MERCHANT, name, city }, amount, billNumber });
          const parsed = parseQrisPayload(payload);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) {
            expect(parsed.qris).toMatchObject({
              merchantName: name,
              merchantCity: city,
              amount,
              dynamic: true,
            });
            expect(parsed.qris.billNumber).toBe(billNumber ?? null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
