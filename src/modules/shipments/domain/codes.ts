/**
 * Numbers and identifiers of the shipping documents, what a hub's scanner reads, and the evidence a
 * receiver attaches. Pure.
 */

/** `SJ-YYYYMM-NNNNNN`: surat jalan number, the month (WIB) it was made and its sequence in that month. */
export function shipmentNumber(month: string, sequence: number): string {
  if (!/^\d{6}$/.test(month)) throw new RangeError(`not a month: ${month}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`shipment sequence out of range: ${sequence}`);
  }
  return `SJ-${month}-${String(sequence).padStart(6, "0")}`;
}

export const SHIPMENT_NUMBER = /^SJ-\d{6}-\d{6}$/;

/** The month of an instant in WIB as YYYYMM. */
export function wibMonth(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  return `${wib.getUTCFullYear()}${String(wib.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * A business transaction as CBV 2.0 writes one without its own URI scheme: the GLN of the party that
 * issued the document and the document's number (`urn:epcglobal:cbv:bt:<GLN>:<number>`).
 */
export function businessTransactionUri(issuerGln: string, documentNumber: string): string {
  if (!/^\d{13}$/.test(issuerGln)) throw new RangeError(`not a GLN: ${issuerGln}`);
  return `urn:epcglobal:cbv:bt:${issuerGln}:${documentNumber}`;
}

/** The receiving advice number that answers a shipment: `TT-` (tanda terima) and the shipment's digits. */
export function receivingAdviceNumber(shipment: string): string {
  return shipment.replace(/^SJ-/, "TT-");
}

/** The bill of lading of one leg: the shipment number and the leg. */
export function billOfLadingNumber(shipment: string, seq: number): string {
  return `${shipment}-L${seq}`;
}

/** A purchase-order reference as the buyer wrote it; kept to characters a URI carries unescaped. */
export const PO_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;

/** The GLN key `P.L` of a PGLN or of an SGLN with any extension. */
export function glnKey(id: string): string | null {
  const m = /^urn:epc:id:(?:sgln|pgln):(\d+\.\d*)(?:\.[^.]*)?$/.exec(id);
  return m ? (m[1] as string) : null;
}

/** The 13-digit GLN of a PGLN or SGLN URI (prefix + reference + check digit). */
export function glnOf(id: string): string | null {
  const key = glnKey(id);
  if (!key) return null;
  const digits = key.replace(".", "");
  if (digits.length !== 12) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/** The SGLN of a sub-location of a site: the same GLN with another extension (`dock`, a zone). */
export function withExtension(sgln: string, extension: string): string {
  const key = glnKey(sgln);
  if (!key || !sgln.startsWith("urn:epc:id:sgln:")) throw new RangeError(`not an SGLN: ${sgln}`);
  return `urn:epc:id:sgln:${key}.${extension}`;
}

/** Two SGLNs name the same site (any extension). */
export function sameSite(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ka = glnKey(a);
  return ka !== null && ka === glnKey(b);
}

export type ScanCode =
  | { kind: "shipment"; number: string }
  | { kind: "epc"; uri: string }
  /** A GS1 Digital Link (or bare SSCC digits written as one): the EPC form depends on the prefix length. */
  | { kind: "digital-link"; uri: string };

/**
 * What a hub operator scanned or typed: a shipment number, an EPC URI (SSCC or lot), a GS1 Digital
 * Link (`…/00/<SSCC>`, `…/01/<GTIN>/10/<lot>`), or the 18 digits of an SSCC (with or without the
 * `(00)` AI a barcode reader may prefix). Null when it is none of these.
 */
export function parseScanCode(raw: string): ScanCode | null {
  const code = raw.trim();
  if (!code) return null;
  const number = code.toUpperCase();
  if (SHIPMENT_NUMBER.test(number)) return { kind: "shipment", number };
  if (/^urn:epc:(id:sscc|class:lgtin):\S+$/.test(code)) return { kind: "epc", uri: code };
  if (/^https?:\/\/\S+\/(00|01)\/\S+$/i.test(code)) return { kind: "digital-link", uri: code };
  const digits = code.replace(/^\(00\)\s*/, "").replace(/\s/g, "");
  if (/^(00)?\d{18}$/.test(digits)) {
    const sscc = digits.length === 20 ? digits.slice(2) : digits;
    return { kind: "digital-link", uri: `https://id.gs1.org/00/${sscc}` };
  }
  return null;
}

export const IMAGE_TYPES = ["image/jpeg", "image/png"] as const;

export type DataUrlProblem = "not_a_data_url" | "unsupported_type" | "too_large" | "not_the_declared_type";

/**
 * Checks a photo or signature sent as a `data:image/jpeg|png;base64,…` URL: the type, the size of the
 * decoded bytes and that the bytes are what the type says (JPEG SOI marker, PNG signature).
 */
export function checkImageDataUrl(value: string, maxBytes: number): DataUrlProblem | null {
  const m = /^data:([a-z/+.-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(value);
  if (!m) return "not_a_data_url";
  const type = m[1] as string;
  if (!(IMAGE_TYPES as readonly string[]).includes(type)) return "unsupported_type";
  const base64 = m[2] as string;
  const bytes =
    Math.floor((base64.length * 3) / 4) - (base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0);
  if (bytes > maxBytes) return "too_large";
  const head = Buffer.from(base64.slice(0, 16), "base64");
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const isPng = head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if ((type === "image/jpeg" && !isJpeg) || (type === "image/png" && !isPng)) return "not_the_declared_type";
  return null;
}
