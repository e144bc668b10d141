import { describe, expect, it } from "vitest";
import { canonicalJson, requestHash } from "./canonical";

describe("canonical request hash", () => {
  it("ignores key order and undefined members but not array order or values", () => {
    const a = { items: [{ productId: "p1", quantity: 2 }], externalUserId: "u1", note: undefined };
    const b = { externalUserId: "u1", items: [{ quantity: 2, productId: "p1" }] };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash({ ...b, items: [{ productId: "p1", quantity: 3 }] })).not.toBe(requestHash(b));
    expect(requestHash({ x: [1, 2] })).not.toBe(requestHash({ x: [2, 1] }));
  });
});
