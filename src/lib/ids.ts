import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/**
 * Prefixed, time-ordered identifiers (`usr_01j…`), as Medusa and Stripe use: the prefix says what
 * a bare id refers to in a log line, and time order keeps B-tree inserts at the right edge.
 * Layout: 48-bit millisecond timestamp + 80 random bits, Crockford base32 (26 characters), like ULID.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = "";
  for (let i = 0; i < 16; i++) rand += ALPHABET[(bytes[i] ?? 0) % 32];
  return `${prefix}_${time}${rand}`;
}
