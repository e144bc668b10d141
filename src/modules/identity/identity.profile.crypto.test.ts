import { describe, expect, it } from "vitest";
import { createNikCipher } from "./identity.profile.crypto";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const NIK = "1871011705900001";

describe("NIK encryption", () => {
  it("round-trips, with a fresh IV every time and no NIK digits in the stored form", () => {
    const c = createNikCipher(SECRET);
    const a = c.encrypt(NIK);
    const b = c.encrypt(NIK);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain(NIK);
    expect(Buffer.from(a.split(".")[1] as string, "base64")).toHaveLength(12);
    expect(c.decrypt(a)).toBe(NIK);
    expect(c.decrypt(b)).toBe(NIK);
  });

  it("refuses a tampered ciphertext and another secret's", () => {
    const c = createNikCipher(SECRET);
    const stored = c.encrypt(NIK);
    const [v, iv, ct, tag] = stored.split(".") as [string, string, string, string];
    const flipped = Buffer.from(ct, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => c.decrypt([v, iv, flipped.toString("base64"), tag].join("."))).toThrow();
    expect(() => createNikCipher(`${SECRET}-other`).decrypt(stored)).toThrow();
  });

  it("hashes deterministically under a key of its own", () => {
    const c = createNikCipher(SECRET);
    expect(c.hash(NIK)).toBe(c.hash(NIK));
    expect(c.hash(NIK)).toMatch(/^[0-9a-f]{64}$/);
    expect(c.hash(NIK)).not.toBe(createNikCipher(`${SECRET}-other`).hash(NIK));
    expect(c.hash(NIK)).not.toBe(c.hash("1871011705900002"));
  });
});
