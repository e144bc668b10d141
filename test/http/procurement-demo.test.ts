import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { seedProcurementDemo } from "../../src/seed/demo-procurement";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";

const clock = fixedClock(new Date("2025-04-15T06:00:00+07:00"));
const t = useTestApp({ clock });

describe("procurement demo data", () => {
  it("records offers, an accepted contract, an order on its way and farm-gate payments, once", async () => {
    await seedProcurementDemo(t.database.db, t.app.services, clock.now());
    await seedProcurementDemo(t.database.db, t.app.services, clock.now());
    const get = async (email: string, url: string) => {
      const token = await t.login(email);
      const res = await t.app.inject({ method: "GET", url, headers: bearer(token) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const offers = await get(DEMO_EMAILS.koperasi, "/api/v1/procurement/offers?mine=true");
    expect(offers.items.map((o: { commodity: { code: string } }) => o.commodity.code).sort()).toEqual([
      "beras-medium",
      "gabah-kering-panen",
      "jagung",
    ]);
    const contracts = await get(DEMO_EMAILS.bumd, "/api/v1/procurement/contracts");
    expect(contracts.items).toMatchObject([
      {
        status: "active",
        buyer: { name: "PT Food Station Tjipinang Jaya" },
        supplier: { name: "Gapoktan Sari Makmur" },
      },
    ]);
    const orders = await get(DEMO_EMAILS.bumd, "/api/v1/procurement/orders");
    expect(orders.items).toMatchObject([
      { status: "dispatched", lines: [{ quantityKg: 1500, acceptedKg: 1200, dispatchedKg: 1200 }] },
    ]);
    const paid = await get(DEMO_EMAILS.koperasi, "/api/v1/procurement/farm-payments");
    expect(paid.items).toHaveLength(2);
  });
});
