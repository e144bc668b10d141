import { describe, expect, it } from "vitest";
import {
  billOfLadingNumber,
  businessTransactionUri,
  checkImageDataUrl,
  glnOf,
  parseScanCode,
  receivingAdviceNumber,
  sameSite,
  shipmentNumber,
  wibMonth,
  withExtension,
} from "./codes";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]).toString("base64");

describe("document numbers", () => {
  it("numbers surat jalan per WIB month", () => {
    expect(shipmentNumber("202504", 12)).toBe("SJ-202504-000012");
    expect(() => shipmentNumber("2025-04", 1)).toThrow(RangeError);
    expect(() => shipmentNumber("202504", 0)).toThrow(RangeError);
    // 31 March 2025 20:00 UTC is 1 April 03:00 WIB
    expect(wibMonth(new Date("2025-03-31T20:00:00Z"))).toBe("202504");
    expect(receivingAdviceNumber("SJ-202504-000012")).toBe("TT-202504-000012");
    expect(billOfLadingNumber("SJ-202504-000012", 2)).toBe("SJ-202504-000012-L2");
  });

  it("writes business transactions in the CBV form with the issuer's GLN", () => {
    expect(businessTransactionUri("8990000000013", "SJ-202504-000012")).toBe(
      "urn:epcglobal:cbv:bt:8990000000013:SJ-202504-000012",
    );
    expect(() => businessTransactionUri("899", "x")).toThrow(RangeError);
  });
});

describe("GLNs", () => {
  it("computes the GLN of a PGLN or SGLN with its check digit", () => {
    // 899000000001: 1·3 + 9·1 + 9·3 + 8·1 = 47 → check digit 3 (weights 3,1 from the right)
    expect(glnOf("urn:epc:id:pgln:8990000.00001")).toBe("8990000000013");
    expect(glnOf("urn:epc:id:sgln:8990000.00001.dock")).toBe("8990000000013");
    expect(glnOf("urn:epc:id:sscc:8990000.0000000001")).toBeNull();
  });

  it("names docks and zones of a site and tells whether two SGLNs are the same site", () => {
    expect(withExtension("urn:epc:id:sgln:8990000.00001.0", "dock")).toBe(
      "urn:epc:id:sgln:8990000.00001.dock",
    );
    expect(sameSite("urn:epc:id:sgln:8990000.00001.0", "urn:epc:id:sgln:8990000.00001.dock")).toBe(true);
    expect(sameSite("urn:epc:id:sgln:8990000.00001.0", "urn:epc:id:sgln:8990000.00002.0")).toBe(false);
    expect(sameSite(null, "urn:epc:id:sgln:8990000.00001.0")).toBe(false);
  });
});

describe("scanned codes", () => {
  it("reads shipment numbers, EPC URIs, Digital Links and SSCC digits", () => {
    expect(parseScanCode(" sj-202504-000012 ")).toEqual({ kind: "shipment", number: "SJ-202504-000012" });
    expect(parseScanCode("urn:epc:id:sscc:8990000.0000000001")).toEqual({
      kind: "epc",
      uri: "urn:epc:id:sscc:8990000.0000000001",
    });
    expect(parseScanCode("https://lumbung.go.id/00/089900000000000012")).toEqual({
      kind: "digital-link",
      uri: "https://lumbung.go.id/00/089900000000000012",
    });
    expect(parseScanCode("https://lumbung.go.id/01/08990000000013/10/L20250414-001")?.kind).toBe(
      "digital-link",
    );
    expect(parseScanCode("(00) 089900000000000012")).toEqual({
      kind: "digital-link",
      uri: "https://id.gs1.org/00/089900000000000012",
    });
    expect(parseScanCode("00089900000000000012")).toEqual({
      kind: "digital-link",
      uri: "https://id.gs1.org/00/089900000000000012",
    });
    expect(parseScanCode("hello")).toBeNull();
    expect(parseScanCode("")).toBeNull();
  });
});

describe("photo and signature data URLs", () => {
  it("accepts JPEG and PNG within the size limit, whose bytes are what they claim", () => {
    expect(checkImageDataUrl(`data:image/png;base64,${PNG}`, 1000)).toBeNull();
    expect(checkImageDataUrl(`data:image/jpeg;base64,${JPEG}`, 1000)).toBeNull();
  });

  it("refuses other types, oversized images, mislabelled bytes and non-data URLs", () => {
    expect(checkImageDataUrl("https://example.com/a.png", 1000)).toBe("not_a_data_url");
    expect(checkImageDataUrl(`data:image/gif;base64,${PNG}`, 1000)).toBe("unsupported_type");
    expect(checkImageDataUrl(`data:image/png;base64,${PNG}`, 4)).toBe("too_large");
    expect(checkImageDataUrl(`data:image/jpeg;base64,${PNG}`, 1000)).toBe("not_the_declared_type");
  });
});
