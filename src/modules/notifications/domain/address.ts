/**
 * Where a notification beyond the app goes: an Indonesian mobile number (SMS, WhatsApp) in E.164
 * (+62 8…), or an e-mail address. Pure rules, shared by the preferences API and its tests.
 */
export const EXTERNAL_CHANNELS = ["sms", "whatsapp", "email"] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

/**
 * People type 0812…, 62812…, +62 812-3456-7890; all become +62812…. Indonesian mobile numbers
 * start with 8 after the country code and have 9 to 12 digits after it (the same rule as sign-up).
 */
export function normaliseMobile(input: string): string | null {
  const digits = input.trim().replace(/[\s\-().]/g, "");
  let national: string;
  if (digits.startsWith("+62")) national = digits.slice(3);
  else if (digits.startsWith("62")) national = digits.slice(2);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else return null;
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

// Deliberately plain: one @, a dot in the domain, no spaces; the gateway is the final judge.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmailAddress(input: string): string | null {
  const v = input.trim().toLowerCase();
  return v.length <= 254 && EMAIL.test(v) ? v : null;
}

/** The normalised address for a channel, or null when it is not one. */
export function normaliseAddress(channel: ExternalChannel, input: string): string | null {
  return channel === "email" ? normaliseEmailAddress(input) : normaliseMobile(input);
}

/** +6281234567890 → +62812****7890; ani@contoh.id → a**@contoh.id (for lists an operator reads). */
export function maskAddress(address: string): string {
  const at = address.indexOf("@");
  if (at > 0) return `${address[0]}${"*".repeat(Math.max(2, at - 1))}${address.slice(at)}`;
  if (address.length <= 8) return address;
  return `${address.slice(0, 6)}${"*".repeat(address.length - 10)}${address.slice(-4)}`;
}

/** Retry schedule: the wait before attempt n+1 after n failures (30 s, 1 min, 2 min, 4 min, …, ≤ 1 h). */
export function backoffMs(failedAttempts: number, baseMs = 30_000): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(baseMs * 2 ** (failedAttempts - 1), 3_600_000);
}

/** Short text for SMS-like channels: "Title: body", cut at `max` characters with an ellipsis. */
export function shortText(title: string, body: string, max = 320): string {
  const text = `${title}: ${body}`.replace(/\s+/g, " ").trim();
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
