/** Sign-in identifiers: an email address or an Indonesian mobile number (+62…). */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+628\d{7,12}$/;

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** "0812-3456 7890", "62812…" and "+62 812…" all become "+628123456789". */
export function normalisePhone(raw: string): string {
  const compact = raw.replace(/[\s().-]/g, "");
  if (compact.startsWith("+62")) return compact;
  if (compact.startsWith("62")) return `+${compact}`;
  if (compact.startsWith("0")) return `+62${compact.slice(1)}`;
  return compact;
}

export function parseIdentifier(raw: string): Identifier | null {
  const value = raw.trim();
  if (value.includes("@")) {
    return EMAIL.test(value) ? { kind: "email", value: value.toLowerCase() } : null;
  }
  const phone = normalisePhone(value);
  return PHONE.test(phone) ? { kind: "phone", value: phone } : null;
}
