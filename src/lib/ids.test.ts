import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newId } from "./ids";

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const BODY = /^[0-9a-hjkmnp-tv-z]{26}$/;
/** Timestamps the 48-bit time field can hold (up to the year 10889). */
const timestamp = fc.integer({ min: 0, max: 2 ** 48 - 1 });
const prefix = fc.stringMatching(/^[a-z]{2,6}$/);

function body(id: string, pfx: string): string {
  expect(id.startsWith(`${pfx}_`)).toBe(true);
  return id.slice(pfx.length + 1);
}

function decodeTime(b: string): number {
  let t = 0;
  for (const ch of b.slice(0, 10)) t = t * 32 + CROCKFORD.indexOf(ch);
  return t;
}

describe("newId", () => {
  it("keeps the prefix and adds 26 lower-case Crockford base32 characters", () => {
    fc.assert(
      fc.property(prefix, timestamp, (pfx, now) => {
        const b = body(newId(pfx, now), pfx);
        expect(b).toHaveLength(26);
        expect(b).toMatch(BODY);
      }),
    );
  });

  it("uses the current time by default", () => {
    const before = Date.now();
    const id = newId("usr");
    const after = Date.now();
    expect(id).toMatch(/^usr_[0-9a-hjkmnp-tv-z]{26}$/);
    const t = decodeTime(body(id, "usr"));
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
  });

  it("encodes the timestamp in its first 10 characters", () => {
    expect(body(newId("x", 0), "x").slice(0, 10)).toBe("0000000000");
    expect(body(newId("x", 2 ** 48 - 1), "x").slice(0, 10)).toBe("7zzzzzzzzz");
    fc.assert(
      fc.property(timestamp, (now) => {
        expect(decodeTime(body(newId("lot", now), "lot"))).toBe(now);
      }),
    );
  });

  it("sorts by creation time: a later timestamp gives a larger id", () => {
    fc.assert(
      fc.property(timestamp, timestamp, (a, b) => {
        fc.pre(a !== b);
        const [early, late] = a < b ? [a, b] : [b, a];
        expect(newId("shp", early) < newId("shp", late)).toBe(true);
      }),
    );
  });

  it("ids made in the same millisecond still differ", () => {
    const now = Date.UTC(2025, 3, 15);
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("evt", now)));
    expect(ids.size).toBe(10_000);
  });
});

describe("newId within one millisecond", () => {
  it("keeps the order of creation (a batch of events captured together pages in capture order)", () => {
    const now = Date.UTC(2025, 3, 15, 1, 0, 0);
    const batch = Array.from({ length: 500 }, () => newId("evt", now));
    expect([...batch].sort()).toEqual(batch);
    expect(new Set(batch).size).toBe(500);
  });
});
