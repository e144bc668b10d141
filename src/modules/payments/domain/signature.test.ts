import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifyPayload } from "./signature";

const at = new Date("2026-11-30T10:00:00Z");
const body = JSON.stringify({ orderId: "ord_1", status: "paid", amount: 150000 });

describe("signed callbacks", () => {
  it("signs <timestamp>.<body> with HMAC-SHA256, as anyone can check by hand", () => {
    const header = signPayload("rahasia", body, at);
    const t = at.getTime() / 1000;
    const expected = createHmac("sha256", "rahasia").update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyPayload(["rahasia"], body, header, at)).toEqual({ ok: true, timestamp: at });
  });

  it("refuses another body, another secret, an old delivery and a malformed header", () => {
    const header = signPayload("rahasia", body, at);
    expect(verifyPayload(["rahasia"], body.replace("150000", "1500"), header, at)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyPayload(["lain"], body, header, at)).toMatchObject({ ok: false, reason: "mismatch" });
    const later = new Date(at.getTime() + 301_000);
    expect(verifyPayload(["rahasia"], body, header, later)).toMatchObject({ ok: false, reason: "stale" });
    for (const bad of [undefined, "", "v1=abc", "t=1,v1=zz", `t=x,${header.split(",")[1]}`]) {
      expect(verifyPayload(["rahasia"], body, bad, at)).toMatchObject({ ok: false, reason: "malformed" });
    }
  });

  it("lets a secret be rotated: old and new secrets both verify while both are configured", () => {
    const old = signPayload("lama", body, at);
    const fresh = signPayload("baru", body, at);
    expect(verifyPayload(["baru", "lama"], body, old, at).ok).toBe(true);
    expect(verifyPayload(["baru", "lama"], body, fresh, at).ok).toBe(true);
    const both = `${old},${fresh.split(",")[1]}`;
    expect(verifyPayload(["baru"], body, both, at).ok).toBe(true);
  });
});
