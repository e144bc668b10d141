import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/**
 * Prefixed, time-ordered identifiers (`usr_01j…`), as Medusa and Stripe use: the prefix says what
 * a bare id refers to in a log line, and time order keeps B-tree inserts at the right edge.
 * Layout: 48-bit millisecond timestamp + 80 random bits, Crockford base32 (26 characters), like ULID.
 */
// One syscall fills 4 KiB of randomness for 256 ids; a randomBytes(16) call per id cost ≈10% of a
// request's CPU in bench/health.ts.
const pool = Buffer.alloc(4096);
let offset = pool.length;
function random16(): Buffer {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

export function newId(prefix: string, now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = random16();
  let rand = "";
  for (let i = 0; i < 16; i++) rand += ALPHABET[(bytes[i] ?? 0) % 32];
  return `${prefix}_${time}${rand}`;
}
