/**
 * What the stock ledger reads from an event body beyond the standard fields: expiry dates in lot
 * master data, the goods and business documents an event names (a departure under the despatch
 * advice of a shipping event already booked issues nothing more). Pure.
 */

const EXPIRY_KEYS = [
  "cbvmda:itemExpirationDate",
  "urn:epcglobal:cbv:mda:itemExpirationDate",
  "urn:epcglobal:cbv:mda#itemExpirationDate",
  "lb:expiryDate",
];

/** A calendar date (`YYYY-MM-DD`) from a date or date-time string, else null. */
export function dateOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value);
  return m ? (m[1] as string) : null;
}

/** The expiry date a lot's master data (ilmd) gives, when it gives one. */
export function expiryFromIlmd(ilmd: unknown): string | null {
  if (!ilmd || typeof ilmd !== "object") return null;
  const record = ilmd as Record<string, unknown>;
  for (const key of EXPIRY_KEYS) {
    const date = dateOf(record[key]);
    if (date) return date;
  }
  return null;
}

/** The classes an event creates or counts, whose ilmd describes them. */
export function classesDescribed(body: Record<string, unknown>): string[] {
  const lists = [body.quantityList, body.outputQuantityList];
  return lists.flatMap((l) =>
    Array.isArray(l)
      ? l.flatMap((q: { epcClass?: unknown }) => (typeof q?.epcClass === "string" ? [q.epcClass] : []))
      : [],
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The identifiers an event names in epcList and quantityList. */
export function namedGoods(body: Record<string, unknown>): string[] {
  const classes = Array.isArray(body.quantityList)
    ? body.quantityList.flatMap((q: { epcClass?: unknown }) =>
        typeof q?.epcClass === "string" ? [q.epcClass] : [],
      )
    : [];
  return [...new Set([...strings(body.epcList), ...classes])];
}

/** Business document values of an event (bizTransactionList). */
export function documentsOf(body: Record<string, unknown>): string[] {
  return Array.isArray(body.bizTransactionList)
    ? body.bizTransactionList.flatMap((t: { bizTransaction?: unknown }) =>
        typeof t?.bizTransaction === "string" ? [t.bizTransaction] : [],
      )
    : [];
}

/** Whether two events share a business document (despatch advice, bill of lading, order). */
export function shareDocument(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const docs = new Set(documentsOf(a));
  return documentsOf(b).some((d) => docs.has(d));
}
