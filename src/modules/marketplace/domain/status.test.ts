import { describe, expect, it } from "vitest";
import { allowedActions, check, type OrderFacts, type OrderStatus } from "./status";

const now = new Date("2026-03-10T00:00:00Z");
const DAY = 86_400_000;
const facts = (status: OrderStatus, extra: Partial<OrderFacts> = {}): OrderFacts => ({
  status,
  deliveredAt: null,
  returnRequestedAt: null,
  reviewed: false,
  ...extra,
});

describe("order workflow", () => {
  it("walks the happy path with the right actor at each step", () => {
    expect(check("system", "pay", facts("menunggu_pembayaran"), now)).toEqual({ ok: true, to: "dibayar" });
    expect(check("seller", "pack", facts("dibayar"), now)).toEqual({ ok: true, to: "dikemas" });
    expect(check("seller", "ship", facts("dikemas"), now)).toEqual({ ok: true, to: "dikirim" });
    expect(check("seller", "deliver", facts("dikirim"), now)).toEqual({ ok: true, to: "diterima" });
    expect(check("buyer", "confirm", facts("diterima", { deliveredAt: now }), now)).toEqual({
      ok: true,
      to: "selesai",
    });
  });

  it("refuses the wrong actor and skipped steps", () => {
    expect(check("buyer", "pack", facts("dibayar"), now)).toEqual({ ok: false, reason: "wrong_actor" });
    expect(check("seller", "pay", facts("menunggu_pembayaran"), now)).toEqual({
      ok: false,
      reason: "wrong_actor",
    });
    expect(check("seller", "ship", facts("dibayar"), now)).toEqual({ ok: false, reason: "wrong_status" });
    expect(check("seller", "pack", facts("menunggu_pembayaran"), now)).toEqual({
      ok: false,
      reason: "wrong_status",
    });
    expect(check("buyer", "confirm", facts("dikemas"), now)).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("lets the buyer cancel before packing and the seller before shipping", () => {
    for (const s of ["menunggu_pembayaran", "dibayar"] as const)
      expect(check("buyer", "cancel", facts(s), now).ok).toBe(true);
    for (const s of ["dikemas", "dikirim", "diterima", "selesai", "dibatalkan"] as const) {
      expect(check("buyer", "cancel", facts(s), now).ok).toBe(false);
    }
    for (const s of ["menunggu_pembayaran", "dibayar", "dikemas"] as const) {
      expect(check("seller", "cancel", facts(s), now)).toEqual({ ok: true, to: "dibatalkan" });
    }
    for (const s of ["dikirim", "diterima", "selesai"] as const)
      expect(check("seller", "cancel", facts(s), now).ok).toBe(false);
    expect(check("system", "cancel", facts("dibayar"), now).ok).toBe(false);
    expect(check("system", "expire", facts("menunggu_pembayaran"), now)).toEqual({
      ok: true,
      to: "dibatalkan",
    });
    expect(check("system", "expire", facts("dibayar"), now).ok).toBe(false);
  });

  it("takes returns only within two days of delivery, and holds completion while one is pending", () => {
    const delivered = new Date(now.getTime() - 2 * DAY + 1);
    expect(check("buyer", "request_return", facts("diterima", { deliveredAt: delivered }), now)).toEqual({
      ok: true,
      to: "diterima",
    });
    const late = new Date(now.getTime() - 2 * DAY - 1);
    expect(check("buyer", "request_return", facts("diterima", { deliveredAt: late }), now)).toEqual({
      ok: false,
      reason: "return_window_closed",
    });
    const pending = facts("diterima", { deliveredAt: delivered, returnRequestedAt: now });
    expect(check("buyer", "request_return", pending, now)).toEqual({ ok: false, reason: "return_pending" });
    expect(check("buyer", "confirm", pending, now)).toEqual({ ok: false, reason: "return_pending" });
    expect(check("seller", "accept_return", pending, now)).toEqual({ ok: true, to: "dikembalikan" });
    expect(check("seller", "accept_return", facts("diterima", { deliveredAt: delivered }), now)).toEqual({
      ok: false,
      reason: "no_return_pending",
    });
  });

  it("completes by itself only seven days after delivery", () => {
    const sixDays = facts("diterima", { deliveredAt: new Date(now.getTime() - 6 * DAY) });
    const sevenDays = facts("diterima", { deliveredAt: new Date(now.getTime() - 7 * DAY) });
    expect(check("system", "complete", sixDays, now).ok).toBe(false);
    expect(check("system", "complete", sevenDays, now)).toEqual({ ok: true, to: "selesai" });
  });

  it("allows one review after delivery", () => {
    expect(check("buyer", "review", facts("dikirim"), now).ok).toBe(false);
    expect(check("buyer", "review", facts("diterima", { deliveredAt: now }), now)).toEqual({
      ok: true,
      to: "diterima",
    });
    expect(check("buyer", "review", facts("selesai", { deliveredAt: now }), now)).toEqual({
      ok: true,
      to: "selesai",
    });
    expect(check("buyer", "review", facts("selesai", { reviewed: true }), now)).toEqual({
      ok: false,
      reason: "already_reviewed",
    });
  });

  it("lists what each side may do", () => {
    expect(allowedActions("seller", facts("dibayar"), now)).toEqual(["pack", "cancel"]);
    expect(allowedActions("buyer", facts("dibayar"), now)).toEqual(["cancel"]);
    expect(allowedActions("buyer", facts("dikirim"), now)).toEqual(["confirm"]);
    expect(allowedActions("buyer", facts("selesai"), now)).toEqual(["review"]);
    expect(allowedActions("seller", facts("dibatalkan"), now)).toEqual([]);
  });
});
