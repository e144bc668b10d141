import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epcUriToDigitalLink as canonicalDigitalLinkOf } from "../../epcis";
import {
  digitalLinkToEpcUri,
  epcUriToDigitalLink,
  formatReference,
  gln,
  glnDigitalLink,
  gtin14,
  gtinDigitalLink,
  hasValidCheckDigit,
  humanReadable,
  isGln,
  isGtin,
  isIndonesianCompanyPrefix,
  isSscc,
  lgtinUri,
  referenceCapacity,
  referenceDigits,
  sglnUri,
  sscc,
  ssccDigitalLink,
  ssccUri,
  withCheckDigit,
} from "./gs1";

const RESOLVER = "https://lumbung.go.id";

/** GS1's check digit algorithm written out as the General Specifications §7.9 table reads. */
function referenceCheckDigit(body: string): number {
  const digits = [...body].map(Number).reverse();
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return Math.ceil(sum / 10) * 10 - sum;
}

const prefixArb = fc
  .integer({ min: 6, max: 12 })
  .chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)))
  .filter((p) => p.length >= 6 && p.length <= 12);

/** A prefix and a reference number that fits under it, for a kind of key. */
const keyArb = (kind: "gtin" | "gln" | "sscc") =>
  prefixArb.chain((prefix) =>
    fc.record({
      prefix: fc.constant(prefix),
      n: fc.integer({ min: 0, max: Math.min(referenceCapacity(kind, prefix) - 1, Number.MAX_SAFE_INTEGER) }),
    }),
  );

// Lots from GS1 character set 82, including characters both URI forms must escape.
const lotArb = fc
  .stringMatching(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/)
  .filter((l) => l !== "." && l !== "..");

describe("check digits", () => {
  it.each([
    ["GTIN-13", "4006381333931", isGtin],
    ["SSCC", "106141411234567897", isSscc],
    ["GLN", "0614141000036", isGln],
    ["GTIN-14", "08991234000015", isGtin],
  ])("accepts GS1's worked example %s %s", (_kind, key, valid) => {
    expect(valid(key)).toBe(true);
    expect(hasValidCheckDigit(key)).toBe(true);
  });

  it("rejects the same keys with their last digit changed, and keys of the wrong length", () => {
    expect(isGtin("4006381333932")).toBe(false);
    expect(isSscc("106141411234567890")).toBe(false);
    expect(isGln("0614141000037")).toBe(false);
    expect(isGtin("400638133393")).toBe(false);
    expect(isGln("06141410000361")).toBe(false);
    expect(isSscc("x06141411234567897")).toBe(false);
  });

  it("computes what GS1's table computes, for any digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,17}$/), (body) => {
        expect(Number(withCheckDigit(body).slice(-1))).toBe(referenceCheckDigit(body));
      }),
    );
  });

  it("catches every single mistyped digit", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (body, at, bump) => {
          const key = withCheckDigit(body);
          const typo = key.slice(0, at) + ((Number(key[at]) + bump) % 10) + key.slice(at + 1);
          expect(hasValidCheckDigit(typo)).toBe(false);
        },
      ),
    );
  });
});

describe("references under a company prefix", () => {
  it("leaves 12 digits to prefix + reference for GTIN-13 and GLN, 16 for SSCC", () => {
    expect(referenceDigits("gtin", "8991234")).toBe(5);
    expect(referenceDigits("gln", "8991234")).toBe(5);
    expect(referenceDigits("sscc", "8991234")).toBe(9);
    expect(referenceCapacity("gtin", "899123")).toBe(1_000_000);
    expect(referenceCapacity("gtin", "899123456789")).toBe(1);
  });

  it("pads references and refuses what does not fit", () => {
    expect(formatReference("gtin", "8991234", 1)).toBe("00001");
    expect(formatReference("gtin", "899123456789", 0)).toBe("");
    expect(() => formatReference("gtin", "8991234", 100_000)).toThrow(RangeError);
    expect(() => formatReference("gtin", "8991234", -1)).toThrow(RangeError);
    expect(() => formatReference("gtin", "89912", 1)).toThrow(RangeError);
  });

  it("tells Indonesian prefixes (899…) from others", () => {
    expect(isIndonesianCompanyPrefix("8990000")).toBe(true);
    expect(isIndonesianCompanyPrefix("0614141")).toBe(false);
    expect(isIndonesianCompanyPrefix("89912")).toBe(false);
  });

  it("makes GTIN-14, GLN and SSCC of the right length, under the prefix, with a valid check digit", () => {
    fc.assert(
      fc.property(keyArb("gtin"), ({ prefix, n }) => {
        const key = gtin14(prefix, formatReference("gtin", prefix, n));
        expect(key).toHaveLength(14);
        expect(key.startsWith(`0${prefix}`)).toBe(true);
        expect(isGtin(key)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(keyArb("gln"), ({ prefix, n }) => {
        const key = gln(prefix, formatReference("gln", prefix, n));
        expect(key.startsWith(prefix) && isGln(key)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(keyArb("sscc"), fc.integer({ min: 0, max: 9 }), ({ prefix, n }, ext) => {
        const key = sscc(prefix, formatReference("sscc", prefix, n), String(ext));
        expect(key.startsWith(`${ext}${prefix}`) && isSscc(key)).toBe(true);
      }),
    );
  });

  it("gives different numbers different keys (a number is never a key twice)", () => {
    fc.assert(
      fc.property(prefixArb, fc.nat(), fc.nat(), (prefix, a, b) => {
        const cap = referenceCapacity("gtin", prefix);
        fc.pre(a < cap && b < cap && a !== b);
        expect(gtin14(prefix, formatReference("gtin", prefix, a))).not.toBe(
          gtin14(prefix, formatReference("gtin", prefix, b)),
        );
      }),
    );
  });
});

describe("EPC URIs and GS1 Digital Link URIs", () => {
  it("spells a harvest lot both ways", () => {
    const epc = lgtinUri("8991234", "00001", "L20250414-001");
    expect(epc).toBe("urn:epc:class:lgtin:8991234.000001.L20250414-001");
    const gtin = gtin14("8991234", "00001");
    expect(gtin).toBe("08991234000015");
    expect(epcUriToDigitalLink(RESOLVER, epc)).toBe(`${RESOLVER}/01/${gtin}/10/L20250414-001`);
    expect(gtinDigitalLink(`${RESOLVER}/`, gtin, "L20250414-001")).toBe(
      `${RESOLVER}/01/${gtin}/10/L20250414-001`,
    );
    expect(digitalLinkToEpcUri(`${RESOLVER}/01/${gtin}/10/L20250414-001`, 7)).toBe(epc);
    expect(humanReadable(gtin, "L20250414-001")).toBe("(01) 08991234000015 (10) L20250414-001");
  });

  it("spells SSCCs and GLNs both ways", () => {
    const epc = ssccUri("0614141", "123456789", "1");
    expect(epc).toBe("urn:epc:id:sscc:0614141.1123456789");
    expect(epcUriToDigitalLink(RESOLVER, epc)).toBe(`${RESOLVER}/00/106141411234567897`);
    expect(ssccDigitalLink(RESOLVER, "106141411234567897")).toBe(`${RESOLVER}/00/106141411234567897`);
    expect(digitalLinkToEpcUri(`${RESOLVER}/00/106141411234567897`, 7)).toBe(epc);

    const site = sglnUri("0614141", "00003");
    expect(site).toBe("urn:epc:id:sgln:0614141.00003.0");
    expect(epcUriToDigitalLink(RESOLVER, site)).toBe(`${RESOLVER}/414/0614141000036`);
    expect(glnDigitalLink(RESOLVER, "0614141000036", "dock-2")).toBe(
      `${RESOLVER}/414/0614141000036/254/dock-2`,
    );
    expect(digitalLinkToEpcUri(`${RESOLVER}/414/0614141000036/254/dock-2`, 7)).toBe(
      "urn:epc:id:sgln:0614141.00003.dock-2",
    );
  });

  it("keeps the resolver's path prefix and works under any host", () => {
    const epc = lgtinUri("899123", "000042", "A1");
    const link = epcUriToDigitalLink("http://127.0.0.1:3000/dl/", epc);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/dl\/01\/\d{14}\/10\/A1$/);
    expect(digitalLinkToEpcUri(link ?? "", 6)).toBe(epc);
  });

  it('refuses lots "." and "..", which a browser would resolve out of the link', () => {
    expect(() => lgtinUri("8991234", "00001", "..")).toThrow(RangeError);
    expect(() => lgtinUri("8991234", "00001", ".")).toThrow(RangeError);
    expect(lgtinUri("8991234", "00001", "...")).toBe("urn:epc:class:lgtin:8991234.000001....");
  });

  it("refuses what is not one of these keys", () => {
    expect(epcUriToDigitalLink(RESOLVER, "urn:epc:id:sgtin:8991234.000001.1")).toBeUndefined();
    expect(epcUriToDigitalLink(RESOLVER, "urn:epc:class:lgtin:8991234.00001.L1")).toBeUndefined(); // 12 digits
    expect(digitalLinkToEpcUri(`${RESOLVER}/01/08991234000014/10/L1`, 7)).toBeUndefined(); // check digit
    expect(digitalLinkToEpcUri(`${RESOLVER}/00/106141411234567897`, 5)).toBeUndefined();
    expect(digitalLinkToEpcUri("not a url", 7)).toBeUndefined();
    expect(() => lgtinUri("8991234", "00001", "")).toThrow(RangeError);
    expect(() => lgtinUri("8991234", "00001", "a lot with spaces")).toThrow(RangeError);
  });

  it("maps LGTIN ⇄ Digital Link one-to-one, for any prefix, item, indicator and lot", () => {
    fc.assert(
      fc.property(keyArb("gtin"), fc.integer({ min: 0, max: 8 }), lotArb, ({ prefix, n }, indicator, lot) => {
        const epc = lgtinUri(prefix, formatReference("gtin", prefix, n), lot, String(indicator));
        const link = epcUriToDigitalLink(RESOLVER, epc);
        expect(link).toBeDefined();
        expect(digitalLinkToEpcUri(link as string, prefix.length)).toBe(epc);
        // A phone's browser normalises the URL before the request leaves; the key must survive it.
        expect(new URL(link as string).href).toBe(link);
        // The same key path as the EPCIS module's canonical (id.gs1.org) form, which the event hash uses.
        expect(canonicalDigitalLinkOf(epc)?.replace("https://id.gs1.org", RESOLVER)).toBe(link);
      }),
    );
  });

  it("maps SSCC ⇄ Digital Link one-to-one", () => {
    fc.assert(
      fc.property(keyArb("sscc"), fc.integer({ min: 0, max: 9 }), ({ prefix, n }, ext) => {
        const epc = ssccUri(prefix, formatReference("sscc", prefix, n), String(ext));
        const link = epcUriToDigitalLink(RESOLVER, epc) as string;
        expect(digitalLinkToEpcUri(link, prefix.length)).toBe(epc);
        expect(canonicalDigitalLinkOf(epc)?.replace("https://id.gs1.org", RESOLVER)).toBe(link);
      }),
    );
  });

  it("maps SGLN ⇄ Digital Link one-to-one", () => {
    fc.assert(
      fc.property(keyArb("gln"), lotArb, ({ prefix, n }, extension) => {
        const epc = sglnUri(prefix, formatReference("gln", prefix, n), extension);
        const link = epcUriToDigitalLink(RESOLVER, epc) as string;
        expect(digitalLinkToEpcUri(link, prefix.length)).toBe(epc);
      }),
    );
  });
});
