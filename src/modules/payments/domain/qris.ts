/**
 * QRIS payloads: Bank Indonesia's national QR standard, a profile of EMVCo's Merchant-Presented Mode
 * (EMV QRCPS-MPM). A payload is a string of data objects, each `ID (2 digits) · length (2 digits) · value`,
 * ending with the CRC in object 63: CRC-16/CCITT-FALSE (polynomial 1021, initial FFFF, ISO/IEC 13239)
 * over everything before it including "6304", written as four upper-case hex digits. Pure: no I/O.
 */

export type MerchantCriteria = "UMI" | "UKE" | "UME" | "UBE" | "URE";

export interface QrisMerchant {
  /** Object 59, at most 25 characters. */
  name: string;
  /** Object 60, at most 15 characters. */
  city: string;
  /** Object 61, optional. */
  postalCode?: string;
  /** National Merchant ID issued through the acquirer (ID…), in object 51. */
  nmid: string;
  /** QRIS merchant criteria: micro (UMI), small (UKE), medium (UME), large (UBE), regular (URE). */
  criteria: MerchantCriteria;
  /** ISO 18245 merchant category code, 4 digits (object 52). */
  mcc: string;
  /** The acquirer's merchant account template (object 26): its reverse domain and the merchant's ids. */
  acquirer: { domain: string; merchantPan: string; merchantId: string };
}

export interface QrisRequest {
  merchant: QrisMerchant;
  /** Whole rupiah. Given: a dynamic code for this payment (object 01 = "12"); absent: a static code. */
  amount?: number;
  /** Object 62 · 01: the bill (order) number the payer's app shows and the notification carries back. */
  billNumber?: string;
  /** Object 62 · 05: reference label. */
  reference?: string;
  /** Object 62 · 07: terminal label. */
  terminal?: string;
}

export class QrisError extends Error {}

/** CRC-16/CCITT-FALSE of the payload's bytes: polynomial 0x1021, initial value 0xFFFF, no reflection. */
export function crc16ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

// EMVCo's "Alphanumeric Special" set: printable ASCII. Merchant names are shown by every payer's app.
const PRINTABLE = /^[\x20-\x7e]*$/;

function dataObject(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new QrisError(`data object id ${id} is not two digits`);
  if (value.length === 0 || value.length > 99) {
    throw new QrisError(`data object ${id} must hold 1–99 characters (got ${value.length})`);
  }
  if (!PRINTABLE.test(value))
    throw new QrisError(`data object ${id} holds characters outside printable ASCII`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

function field(name: string, value: string, max: number): string {
  const v = value.trim();
  if (!v) throw new QrisError(`${name} is required`);
  if (v.length > max) throw new QrisError(`${name} must be at most ${max} characters (got ${v.length})`);
  return v;
}

/** The QRIS payload for a merchant, with an amount for a one-off (dynamic) code. */
export function buildQrisPayload(req: QrisRequest): string {
  const m = req.merchant;
  if (!/^\d{4}$/.test(m.mcc)) throw new QrisError("the merchant category code must be 4 digits");
  if (
    req.amount !== undefined &&
    (!Number.isInteger(req.amount) || req.amount <= 0 || req.amount > 9_999_999_999_999)
  ) {
    throw new QrisError("the amount must be a positive whole number of rupiah");
  }
  const acquirer =
    dataObject("00", field("acquirer domain", m.acquirer.domain, 32)) +
    dataObject("01", field("merchant PAN", m.acquirer.merchantPan, 19)) +
    dataObject("02", field("merchant id", m.acquirer.merchantId, 15)) +
    dataObject("03", m.criteria);
  const qris =
    dataObject("00", "ID.CO.QRIS.WWW") +
    dataObject("02", field("NMID", m.nmid, 15)) +
    dataObject("03", m.criteria);
  const extra =
    (req.billNumber ? dataObject("01", field("bill number", req.billNumber, 25)) : "") +
    (req.reference ? dataObject("05", field("reference", req.reference, 25)) : "") +
    (req.terminal ? dataObject("07", field("terminal", req.terminal, 25)) : "");
  const body =
    dataObject("00", "01") +
    dataObject("01", req.amount === undefined ? "11" : "12") +
    dataObject("26", acquirer) +
    dataObject("51", qris) +
    dataObject("52", m.mcc) +
    dataObject("53", "360") +
    (req.amount === undefined ? "" : dataObject("54", String(req.amount))) +
    dataObject("58", "ID") +
    dataObject("59", field("merchant name", m.name, 25)) +
    dataObject("60", field("merchant city", m.city, 15)) +
    (m.postalCode ? dataObject("61", field("postal code", m.postalCode, 10)) : "") +
    (extra ? dataObject("62", extra) : "");
  const signed = `${body}6304`;
  return signed + crc16ccitt(signed);
}

/** Splits a string of data objects; null when it is not one. */
export function readDataObjects(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length)
      return null;
    out.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export interface ParsedQris {
  dynamic: boolean;
  amount: number | null;
  merchantName: string;
  merchantCity: string;
  nmid: string;
  criteria: string;
  mcc: string;
  billNumber: string | null;
  reference: string | null;
}

/** Reads and checks a QRIS payload as a payer's app would; the reasons it is refused otherwise. */
export function parseQrisPayload(
  payload: string,
): { ok: true; qris: ParsedQris } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (
    payload.slice(-8, -4) !== "6304" ||
    payload.slice(-4).toUpperCase() !== crc16ccitt(payload.slice(0, -4))
  ) {
    errors.push("the CRC in object 63 does not match the payload");
  }
  const objects = readDataObjects(payload);
  if (!objects) return { ok: false, errors: [...errors, "not a sequence of EMVCo data objects"] };
  const ids = [...objects.keys()];
  if (ids[0] !== "00" || objects.get("00") !== "01")
    errors.push("object 00 (payload format) must come first and be 01");
  if (ids[ids.length - 1] !== "63") errors.push("object 63 (CRC) must come last");
  const poi = objects.get("01");
  if (poi !== "11" && poi !== "12") errors.push("object 01 must be 11 (static) or 12 (dynamic)");
  if (objects.get("53") !== "360") errors.push("object 53 (currency) must be 360, rupiah");
  if (objects.get("58") !== "ID") errors.push("object 58 (country) must be ID");
  const amountText = objects.get("54");
  if (poi === "12" && !amountText) errors.push("a dynamic code (01 = 12) must carry its amount in object 54");
  if (amountText !== undefined && !/^\d+(\.\d{1,2})?$/.test(amountText))
    errors.push("object 54 is not an amount");
  for (const id of ["52", "59", "60"]) if (!objects.get(id)) errors.push(`object ${id} is missing`);
  const qris = readDataObjects(objects.get("51") ?? "");
  if (qris?.get("00") !== "ID.CO.QRIS.WWW" || !qris.get("02")) {
    errors.push("object 51 must hold the QRIS template (ID.CO.QRIS.WWW) with the NMID");
  }
  if (errors.length) return { ok: false, errors };
  const extra = readDataObjects(objects.get("62") ?? "") ?? new Map<string, string>();
  return {
    ok: true,
    qris: {
      dynamic: poi === "12",
      amount: amountText === undefined ? null : Number(amountText),
      merchantName: objects.get("59") as string,
      merchantCity: objects.get("60") as string,
      nmid: qris?.get("02") as string,
      criteria: qris?.get("03") ?? "",
      mcc: objects.get("52") as string,
      billNumber: extra.get("01") ?? null,
      reference: extra.get("05") ?? null,
    },
  };
}
