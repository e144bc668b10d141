import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed callbacks, both ways: the payment provider's notifications to Lumbung and Lumbung's webhooks to
 * partners such as JAKI. The signature is HMAC-SHA256 over `<timestamp>.<body>` with a shared secret, sent
 * as `t=<unix seconds>,v1=<hex>` (the scheme Stripe and others use): the timestamp inside the signed text
 * stops an old delivery being replayed later, and several `v1` values let a secret be rotated without a gap.
 */

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: Date }
  | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/** Accepts when any of `secrets` signed this body within the tolerance of `now`. */
export function verifyPayload(
  secrets: readonly string[],
  body: string,
  header: string | undefined,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: "malformed" };
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return { ok: false, reason: "stale" };
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, t, body), "hex");
    if (signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected))) {
      return { ok: true, timestamp: new Date(t * 1000) };
    }
  }
  return { ok: false, reason: "mismatch" };
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
}
