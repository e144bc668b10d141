import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDigitalLink, digitalLinkToEpcUri, epcUriToDigitalLink, gs1CheckDigit } from "./epc-uri";

describe("gs1CheckDigit", () => {
  it.each([
    ["629104150021", 3], // GTIN-13 6291041500213, GS1's own worked example
    ["401234500000", 9], // GLN 4012345000009
    ["10614141234567890", 8], // SSCC 106141412345678908, an example of the Tag Data Standard
    ["8061414112345", 8], // GTIN-14 80614141123458, likewise
  ])("%s → %i", (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
  });

  it("makes the weighted sum (3, 1, 3, … from the right, check digit weighted 1) a multiple of 10", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,30}$/), (digits) => {
        const all = `${digits}${gs1CheckDigit(digits)}`;
        const sum = [...all].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
        expect(sum % 10).toBe(0);
      }),
    );
  });

  it("detects every single-digit error", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2,20}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (digits, at, delta) => {
          const i = at % digits.length;
          const changed = digits.slice(0, i) + ((Number(digits[i]) + delta) % 10) + digits.slice(i + 1);
          expect(gs1CheckDigit(changed)).not.toBe(gs1CheckDigit(digits));
        },
      ),
    );
  });

  it("refuses anything but digits", () => {
    expect(() => gs1CheckDigit("")).toThrow(RangeError);
    expect(() => gs1CheckDigit("12a4")).toThrow(RangeError);
  });
});

describe("epcUriToDigitalLink", () => {
  it.each([
    ["urn:epc:id:sgtin:0614141.812345.6789", "https://id.gs1.org/01/80614141123458/21/6789"],
    ["urn:epc:id:sgtin:0614141.107346.2018", "https://id.gs1.org/01/10614141073464/21/2018"],
    ["urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338"],
    ["urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/00/106141412345678908"],
    ["urn:epc:id:sgln:4012345.00011.987", "https://id.gs1.org/414/4012345000115/254/987"],
    ["urn:epc:id:sgln:0012345.11111.0", "https://id.gs1.org/414/0012345111112"],
    ["urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877"],
    ["urn:epc:idpat:sgtin:4012345.098765.*", "https://id.gs1.org/01/04012345987652"],
    ["urn:epc:id:grai:0614141.12345.400", "https://id.gs1.org/8003/00614141123452400"],
    ["urn:epc:idpat:grai:0614141.12345.*", "https://id.gs1.org/8003/00614141123452"],
    ["urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111"],
    ["urn:epc:id:gsrn:0614141.0000010253", "https://id.gs1.org/8018/061414100000102534"],
    ["urn:epc:id:gdti:0614141.00001.1618034", "https://id.gs1.org/253/06141410000121618034"],
    ["urn:epc:idpat:gdti:0614141.00001.*", "https://id.gs1.org/253/0614141000012"],
    ["urn:epc:id:pgln:4012345.00225", "https://id.gs1.org/417/4012345002256"],
  ])("%s → %s", (urn, dl) => {
    expect(epcUriToDigitalLink(urn)).toBe(dl);
  });

  it("carries escaped serial characters over as Digital Link percent-encoding", () => {
    // The URN escapes "/" (%2F); ":" and "(" are literal there but must be escaped in a Digital Link path.
    expect(epcUriToDigitalLink("urn:epc:id:sgtin:0614141.812345.A%2Fb:(1)")).toBe(
      "https://id.gs1.org/01/80614141123458/21/A%2Fb%3A%281%29",
    );
  });

  it.each([
    "urn:epc:id:sgtin:0614141.12345.400", // company prefix + item reference must be 13 digits
    "urn:epc:id:sgtin:06141.1123456.400", // company prefixes have 6 to 12 digits
    "urn:epc:id:sgtin:0614141.112345.", // no serial
    "urn:epc:id:sgtin:0614141.112345.123456789012345678901", // serial longer than 20
    "urn:epc:id:sgtin:0614141.112345.a%2", // broken escape
    "urn:epc:id:sscc:0614141.123456789", // 16 digits
    "urn:epc:idpat:sgtin:0614141.112345.400", // a pattern names no serial
    "urn:epc:id:cpi:0614141.123ABC.123456789", // outside the schemes handled here
    "urn:epc:id:toString:1.2.3",
    "https://id.gs1.org/01/09506000134352",
    "shipping",
  ])("leaves %s alone", (uri) => {
    expect(epcUriToDigitalLink(uri)).toBeUndefined();
  });
});

describe("canonicalDigitalLink", () => {
  it.each([
    ["https://example.org/8004/401234599999", "https://id.gs1.org/8004/401234599999"],
    [
      "http://brand.example.com/some/path/gtin/9506000134352/lot/A1?linkType=all",
      "https://id.gs1.org/01/09506000134352/10/A1",
    ],
    ["https://id.gs1.org/01/09506000134352/22/2A/10/L1/21/S1", "https://id.gs1.org/01/09506000134352/21/S1"],
    ["https://id.gs1.org/01/12345670/", "https://id.gs1.org/01/00000012345670"],
    ["https://id.gs1.org/414/9520123456788/254/32a%2Fb", "https://id.gs1.org/414/9520123456788/254/32a%2Fb"],
    ["https://id.gs1.org/8018/061414100000102534/8019/12", "https://id.gs1.org/8018/061414100000102534"],
    ["https://example.com/253/4012345000054987#top", "https://id.gs1.org/253/4012345000054987"],
  ])("%s → %s", (uri, canonical) => {
    expect(canonicalDigitalLink(uri)).toBe(canonical);
  });

  it.each([
    "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
    "http://transaction.acme.com/po/12345678",
    "https://id.gs1.org/01/123", // not a GTIN length
    "https://id.gs1.org/00/040123450000003338/21/1", // an SSCC takes no qualifier
    "geo:47.506694,11.104301",
    "urn:epc:id:sscc:4012345.0000000333",
  ])("is not a GS1 key: %s", (uri) => {
    expect(canonicalDigitalLink(uri)).toBeUndefined();
  });

  it("does not depend on the domain, the query string or the key's short name", () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.stringMatching(/^\d{13}$/),
        fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
        fc.webQueryParameters(),
        fc.boolean(),
        (domain, gtin13, serial, query, shortNames) => {
          const path = shortNames ? `/gtin/${gtin13}/ser/${serial}` : `/01/${gtin13}/21/${serial}`;
          expect(canonicalDigitalLink(`https://${domain}${path}?${query}`)).toBe(
            `https://id.gs1.org/01/0${gtin13}/21/${serial}`,
          );
        },
      ),
    );
  });
});

/** Builds an EPC URI component the way TDS writes it: only `"%&/<>?` escaped. */
const escapeForUrn = (s: string) =>
  s.replace(/["%&/<>?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const charset82 = (min: number, max: number) =>
  fc
    .array(
      fc.constantFrom(
        ...`!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`,
      ),
      {
        minLength: min,
        maxLength: max,
      },
    )
    .map((chars) => escapeForUrn(chars.join("")));
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

/** An EPC URI of each scheme, with the company prefix length the Digital Link direction needs back. */
const epcUri: fc.Arbitrary<{ urn: string; cpLength: number }> = fc.integer({ min: 6, max: 12 }).chain((L) =>
  fc
    .oneof(
      fc
        .tuple(digits(L), digits(13 - L), charset82(1, 20))
        .map(([cp, ref, s]) => `urn:epc:id:sgtin:${cp}.${ref}.${s}`),
      fc
        .tuple(digits(L), digits(13 - L), charset82(1, 20))
        .map(([cp, ref, s]) => `urn:epc:class:lgtin:${cp}.${ref}.${s}`),
      fc.tuple(digits(L), digits(13 - L)).map(([cp, ref]) => `urn:epc:idpat:sgtin:${cp}.${ref}.*`),
      fc.tuple(digits(L), digits(17 - L)).map(([cp, ref]) => `urn:epc:id:sscc:${cp}.${ref}`),
      fc
        .tuple(digits(L), digits(12 - L), charset82(1, 20))
        .map(([cp, ref, e]) => `urn:epc:id:sgln:${cp}.${ref}.${e}`),
      fc
        .tuple(digits(L), digits(12 - L), charset82(1, 16))
        .map(([cp, ref, s]) => `urn:epc:id:grai:${cp}.${ref}.${s}`),
      fc.tuple(digits(L), charset82(1, 30 - L)).map(([cp, ref]) => `urn:epc:id:giai:${cp}.${ref}`),
      fc.tuple(digits(L), digits(17 - L)).map(([cp, ref]) => `urn:epc:id:gsrn:${cp}.${ref}`),
      fc
        .tuple(digits(L), digits(12 - L), charset82(1, 17))
        .map(([cp, ref, s]) => `urn:epc:id:gdti:${cp}.${ref}.${s}`),
      fc.tuple(digits(L), digits(12 - L)).map(([cp, ref]) => `urn:epc:id:pgln:${cp}.${ref}`),
    )
    .map((urn) => ({ urn, cpLength: L })),
);

describe("digitalLinkToEpcUri", () => {
  it("inverts epcUriToDigitalLink when told the company prefix length", () => {
    fc.assert(
      fc.property(epcUri, ({ urn, cpLength }) => {
        const dl = epcUriToDigitalLink(urn);
        expect(dl).toBeDefined();
        expect(digitalLinkToEpcUri(dl ?? "", cpLength)).toBe(urn);
      }),
    );
  });

  it("reads Digital Links from any domain", () => {
    expect(digitalLinkToEpcUri("https://example.com/01/80614141123458/21/6789?x=1", 7)).toBe(
      "urn:epc:id:sgtin:0614141.812345.6789",
    );
  });

  it("refuses a wrong check digit or an impossible company prefix length", () => {
    expect(digitalLinkToEpcUri("https://id.gs1.org/01/80614141123459/21/6789", 7)).toBeUndefined();
    expect(digitalLinkToEpcUri("https://id.gs1.org/01/80614141123458/21/6789", 5)).toBeUndefined();
    expect(digitalLinkToEpcUri("https://id.gs1.org/01/80614141123458/21/6789", 13)).toBeUndefined();
    expect(digitalLinkToEpcUri("https://id.gs1.org/401/ABC", 7)).toBeUndefined();
  });
});
