import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

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

let lastTime = -1;
const lastRandom: number[] = new Array(16).fill(0);

/** Adds one to the 80-bit random part, base-32 digit by digit, as ULID's monotonic mode does. */
function incrementRandom(): void {
  for (let i = lastRandom.length - 1; i >= 0; i--) {
    const digit = (lastRandom[i] ?? 0) + 1;
    if (digit < 32) {
      lastRandom[i] = digit;
      return;
    }
    lastRandom[i] = 0;
  }
}

/**
 * Prefixed, time-ordered identifiers (`usr_01j…`), as Medusa and Stripe use: the prefix says what
 * a bare id refers to in a log line, and time order keeps B-tree inserts at the right edge.
 * Layout: 48-bit millisecond timestamp + 80 random bits, Crockford base32 (26 characters), like ULID.
 * Monotonic within a process: ids made in the same millisecond (a batch of events captured
 * together) still sort in the order they were made, which paging and capture order rely on.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  // Only the same millisecond continues the sequence: an explicit earlier time (a back-dated
  // record) is encoded faithfully rather than pulled forward.
  if (now === lastTime) {
    incrementRandom();
  } else {
    lastTime = now;
    const bytes = random16();
    for (let i = 0; i < 16; i++) lastRandom[i] = (bytes[i] ?? 0) % 32;
  }
  let t = now;
  let time = "";
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}${lastRandom.map((d) => ALPHABET[d]).join("")}`;
}
