import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalisePhone } from "./contact";

describe("normalisePhone", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["(0812) 3456 789", "+628123456789"],
  ])("accepts %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(["12345", "+6591234567", "0212345678", "08123", "+62812345678901234", "abc"])(
    "rejects %s",
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );

  it("is idempotent on what it produces", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (national) => {
        const once = normalisePhone(`0${national}`);
        expect(once).not.toBeNull();
        expect(normalisePhone(once as string)).toBe(once);
      }),
    );
  });
});
