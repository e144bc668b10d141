import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import { bearer, DEMO_EMAILS, expectProblem, MORE_DEMO_EMAILS, useTestApp } from "../support/app";

// Tuesday 15 April 2025, 06:00 WIB.
const clock = fixedClock(new Date("2025-04-15T06:00:00+07:00"));
const t = useTestApp({ clock });

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely here; the route schemas type them
type Json = Record<string, any>;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};

async function call(token: string | undefined, method: string, url: string, payload?: unknown) {
  return t.app.inject({
    method: method as "GET",
    url,
    headers: token ? bearer(token) : {},
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
}

function ok(res: LightMyRequestResponse, status = 200): Json {
  expect(res.statusCode, res.body.slice(0, 1200)).toBe(status);
  return res.json();
}

async function createOrganisationWithMember(name: string, kind: string, email: string, regionCode = "18.02") {
  const org = ok(await call(tokens.admin, "POST", "/api/v1/organisations", { name, kind, regionCode }), 201);
  ok(
    await call(tokens.admin, "POST", `/api/v1/organisations/${org.id}/members`, {
      email,
      name: `Anggota ${name}`,
      password: "kata-sandi-uji",
      role: "org_admin",
    }),
    201,
  );
  return { id: org.id as string, token: await t.login(email, "kata-sandi-uji") };
}

async function declareLot(token: string, kg: string, commodityCode = "beras-medium", farmGatePrice = 9_000) {
  return ok(
    await call(token, "POST", "/api/v1/lots", {
      commodityCode,
      quantity: kg,
      unit: "kg",
      harvestDate: "2025-04-12",
      villageCode: "18.72.01.1001",
      grade: "medium",
      farmGatePrice,
    }),
    201,
  );
}

function offerBody(overrides: Json = {}): Json {
  return {
    commodityCode: "beras-medium",
    grade: "medium, broken ≤ 20%",
    quantityKg: 1500,
    pricePerKg: 11_500,
    availableFrom: "2025-04-15",
    availableUntil: "2025-05-15",
    pickupRegencyCode: "18.72",
    pickupAddress: "Gudang Gapoktan, Jl. Ki Hajar Dewantara, Metro",
    ...overrides,
  };
}

let lot: Json;
let otherLot: Json;

beforeAll(async () => {
  tokens.admin = await t.login(DEMO_EMAILS.admin);
  tokens.koperasi = await t.login(DEMO_EMAILS.koperasi);
  tokens.bumd = await t.login(DEMO_EMAILS.bumd);
  tokens.pasar = await t.login(MORE_DEMO_EMAILS.pasarJaya);
  tokens.dinas = await t.login(DEMO_EMAILS.dinas);
  const other = await createOrganisationWithMember("Koperasi Tani Kalirejo", "koperasi", "kalirejo@uji.test");
  tokens.other = other.token as string;
  orgs.other = other.id;
  const farmer = await createOrganisationWithMember(
    "Kelompok Tani Sri Rejeki",
    "farmer",
    "srirejeki@uji.test",
  );
  tokens.farmer = farmer.token;
  orgs.farmer = farmer.id;
  const all = ok(await call(tokens.admin, "GET", "/api/v1/organisations")).items as Json[];
  orgs.gapoktan = all.find((o) => o.name === "Gapoktan Sari Makmur")?.id;
  orgs.foodStation = all.find((o) => o.name === "PT Food Station Tjipinang Jaya")?.id;
  lot = await declareLot(tokens.koperasi, "2000");
  otherLot = await declareLot(tokens.other, "500");
  // Jakarta's markets: retail rice at three markets, wholesale at Cipinang.
  ok(
    await call(tokens.dinas, "POST", "/api/v1/prices/observations", {
      observations: [
        { commodityCode: "beras-medium", marketCode: "pasar-senen", date: "2025-04-14", price: 14_000 },
        { commodityCode: "beras-medium", marketCode: "pasar-koja-baru", date: "2025-04-13", price: 15_000 },
        { commodityCode: "beras-medium", marketCode: "pasar-grogol", date: "2025-04-14", price: 14_500 },
        {
          commodityCode: "beras-medium",
          marketCode: "pasar-induk-beras-cipinang",
          date: "2025-04-14",
          price: 12_800,
        },
      ],
    }),
  );
}, 60_000);

describe("supply offers", () => {
  it("refuses bad offers with every problem named", async () => {
    const res = await call(
      tokens.koperasi,
      "POST",
      "/api/v1/procurement/offers",
      offerBody({
        commodityCode: "beras-hitam",
        availableFrom: "2025-05-01",
        availableUntil: "2025-04-20",
        pickupRegencyCode: undefined,
        pickupAddress: undefined,
        lots: [otherLot.id],
      }),
    );
    const problem = expectProblem(res, 400, "procurement.invalid");
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([
      "body/availableUntil",
      "body/commodityCode",
      "body/lots/0",
      "body/pickupSiteCode",
    ]);
    expectProblem(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/offers", offerBody({ quantityKg: -5 })),
      400,
      "request.validation",
    );
    // A Jakarta BUMD buys; it does not offer.
    expectProblem(
      await call(tokens.bumd, "POST", "/api/v1/procurement/offers", offerBody()),
      403,
      "procurement.not_a_supplier",
    );
  });

  it("publishes an offer linked to the koperasi's own lots", async () => {
    const offer = ok(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/offers", offerBody({ lots: [lot.id] })),
      201,
    );
    expect(offer).toMatchObject({
      organisation: { id: orgs.gapoktan, name: "Gapoktan Sari Makmur" },
      commodity: { code: "beras-medium" },
      quantityKg: 1500,
      remainingKg: 1500,
      status: "open",
      pickup: { regencyCode: "18.72", regencyName: expect.stringContaining("Metro") },
      lots: [{ lgtin: lot.lgtin, id: lot.id, kg: 2000 }],
    });
    const open = ok(await call(tokens.bumd, "GET", "/api/v1/procurement/offers")).items as Json[];
    expect(open.map((o) => o.id)).toContain(offer.id);
  });
});

describe("a purchase order from offer to paid invoice", () => {
  let offer: Json;
  let order: Json;
  let shipmentId: string;
  let invoice: Json;

  it("orders against an offer, taking the quantity off it", async () => {
    offer = ok(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/offers", offerBody({ lots: [lot.id] })),
      201,
    );
    order = ok(
      await call(tokens.bumd, "POST", "/api/v1/procurement/orders", {
        offerId: offer.id,
        deliverySiteCode: "gudang-bersama-jakarta",
        deliverBy: "2025-04-20",
        lines: [{ quantityKg: 1000 }],
      }),
      201,
    );
    expect(order).toMatchObject({
      number: expect.stringMatching(/^PO-202504-\d{5}$/),
      status: "sent",
      supplier: { id: orgs.gapoktan },
      buyer: { id: orgs.foodStation },
      deliverySite: { code: "gudang-bersama-jakarta" },
      lines: [
        {
          lineNo: 1,
          quantityKg: 1000,
          pricePerKg: 11_500,
          amount: 11_500_000,
          commodity: { code: "beras-medium" },
        },
      ],
      can: { respond: false, cancel: true },
    });
    expect(ok(await call(tokens.koperasi, "GET", `/api/v1/procurement/offers/${offer.id}`)).remainingKg).toBe(
      500,
    );
    // More than is left on the offer.
    expectProblem(
      await call(tokens.bumd, "POST", "/api/v1/procurement/orders", {
        offerId: offer.id,
        deliverySiteCode: "gudang-bersama-jakarta",
        deliverBy: "2025-04-20",
        lines: [{ quantityKg: 600 }],
      }),
      409,
      "procurement.offer_exhausted",
    );
    // The supplier hears of it.
    const inbox = ok(await call(tokens.koperasi, "GET", "/api/v1/notifications"));
    expect(JSON.stringify(inbox)).toContain(order.number);
  });

  it("hides the order from everyone but its two parties", async () => {
    expectProblem(
      await call(tokens.other, "GET", `/api/v1/procurement/orders/${order.id}`),
      404,
      "procurement.order_not_found",
    );
    expectProblem(
      await call(tokens.pasar, "GET", `/api/v1/procurement/orders/${order.id}`),
      404,
      "procurement.order_not_found",
    );
    expectProblem(
      await call(tokens.other, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "accept",
      }),
      404,
      "procurement.order_not_found",
    );
    const theirs = ok(await call(tokens.other, "GET", "/api/v1/procurement/orders")).items as Json[];
    expect(theirs.map((o) => o.id)).not.toContain(order.id);
  });

  it("the supplier accepts part of it, and the rest goes back on the offer", async () => {
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "accept",
      }),
      403,
      "procurement.forbidden",
    );
    const bad = await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
      decision: "partial",
      lines: [{ lineNo: 1, acceptedKg: 1200 }],
    });
    expect(expectProblem(bad, 400, "procurement.invalid").errors?.[0]?.field).toBe("body/lines/0/acceptedKg");
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "decline",
      }),
      400,
      "procurement.invalid",
    );
    order = ok(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "partial",
        lines: [{ lineNo: 1, acceptedKg: 800 }],
        reason: "Stok kering giling baru 800 kg",
      }),
    );
    expect(order).toMatchObject({
      status: "partially_accepted",
      lines: [{ acceptedKg: 800, toDispatchKg: 800 }],
    });
    expect(ok(await call(tokens.koperasi, "GET", `/api/v1/procurement/offers/${offer.id}`)).remainingKg).toBe(
      700,
    );
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "accept",
      }),
      409,
      "procurement.invalid_state",
    );
  });

  it("dispatches accepted quantities from the supplier's lots as a corridor shipment", async () => {
    const tooMuch = await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/dispatch`, {
      route: "roro",
      plannedDeparture: "2025-04-15T06:30:00+07:00",
      lines: [{ lineNo: 1, lots: [{ lot: lot.id, kg: 801 }] }],
    });
    expect(expectProblem(tooMuch, 400, "procurement.invalid").errors?.[0]?.field).toBe("body/lines/0/lots");
    const notMine = await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/dispatch`, {
      route: "roro",
      plannedDeparture: "2025-04-15T06:30:00+07:00",
      lines: [{ lineNo: 1, lots: [{ lot: otherLot.id, kg: 100 }] }],
    });
    expect(expectProblem(notMine, 400, "procurement.invalid").errors?.[0]?.field).toBe("body/lines/0/lots/0");

    const res = ok(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/dispatch`, {
        route: "roro",
        plannedDeparture: "2025-04-15T06:30:00+07:00",
        lines: [{ lineNo: 1, lots: [{ lot: lot.lgtin, kg: 800 }] }],
      }),
      201,
    );
    shipmentId = res.shipment.id;
    expect(res.order).toMatchObject({
      status: "dispatched",
      lines: [{ dispatchedKg: 800, toDispatchKg: 0 }],
      shipments: [{ id: shipmentId, received: false }],
    });
    const shipment = ok(await call(tokens.bumd, "GET", `/api/v1/shipments/${shipmentId}`));
    expect(shipment.status).toBe("in_transit");
    expect(shipment.poReference).toContain(order.number);
    expect(shipment.lines).toMatchObject([{ lineNo: 1, epc: lot.lgtin }]);
    // Nothing received yet: nothing to invoice.
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/invoice`),
      409,
      "procurement.invalid_state",
    );
  });

  it("the proof of delivery settles what was accepted and rejected", async () => {
    ok(
      await call(tokens.bumd, "POST", `/api/v1/shipments/${shipmentId}/receive`, {
        lines: [{ lineNo: 1, acceptedKg: 790, rejectedKg: 10, reason: "Satu karung basah" }],
        receiverName: "Petugas Gudang",
      }),
    );
    order = ok(await call(tokens.bumd, "GET", `/api/v1/procurement/orders/${order.number}`));
    expect(order).toMatchObject({
      status: "delivered",
      lines: [{ deliveredKg: 790, rejectedKg: 10 }],
      dispatches: [{ lot: lot.lgtin, kg: 800, acceptedKg: 790, rejectedKg: 10 }],
      shipments: [{ received: true }],
    });
    expect(order.deliveredAt).not.toBeNull();
  });

  it("the supplier invoices what was accepted, VAT-exempt, and the ledger owes it", async () => {
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/orders/${order.id}/invoice`),
      403,
      "procurement.forbidden",
    );
    invoice = ok(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/invoice`, {}),
      201,
    );
    expect(invoice).toMatchObject({
      number: expect.stringMatching(/^INV-202504-\d{5}$/),
      orderNumber: order.number,
      amount: 790 * 11_500,
      status: "issued",
      dueDate: "2025-05-15",
      lines: [{ kg: 790, pricePerKg: 11_500, amount: 9_085_000, lots: [lot.lgtin] }],
    });
    expect(invoice.vatNote).toMatch(/PPN/);
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/invoice`),
      409,
      "procurement.already_invoiced",
    );
    const balances = await t.app.services.payments.ledger.balances(`payable:supplier:${orgs.gapoktan}`);
    expect(balances).toEqual([{ account: `payable:supplier:${orgs.gapoktan}`, balance: -9_085_000 }]);
  });

  it("the BUMD records its transfer: paid, payable cleared, and only once", async () => {
    expectProblem(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/invoices/${invoice.id}/pay`, {
        reference: "x",
      }),
      403,
      "auth.forbidden",
    );
    expectProblem(
      await call(tokens.pasar, "POST", `/api/v1/procurement/invoices/${invoice.id}/pay`, { reference: "x" }),
      404,
      "procurement.invoice_not_found",
    );
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/invoices/${invoice.id}/pay`, { reference: "" }),
      400,
      "request.validation",
    );
    const paid = ok(
      await call(tokens.bumd, "POST", `/api/v1/procurement/invoices/${invoice.id}/pay`, {
        reference: "BNI-TRF-20250415-0001",
      }),
    );
    expect(paid).toMatchObject({
      status: "paid",
      paidOn: "2025-04-15",
      paymentReference: "BNI-TRF-20250415-0001",
    });
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/invoices/${invoice.id}/pay`, {
        reference: "again",
      }),
      409,
      "procurement.already_paid",
    );
    expect(ok(await call(tokens.koperasi, "GET", `/api/v1/procurement/orders/${order.id}`)).status).toBe(
      "paid",
    );
    const payable = await t.app.services.payments.ledger.balances(`payable:supplier:${orgs.gapoktan}`);
    expect(payable.reduce((s: number, b: Json) => s + b.balance, 0)).toBe(0);
    const bank = await t.app.services.payments.ledger.balances(`bank:bumd:${orgs.foodStation}`);
    expect(bank).toEqual([{ account: `bank:bumd:${orgs.foodStation}`, balance: -9_085_000 }]);
    const inbox = ok(await call(tokens.koperasi, "GET", "/api/v1/notifications"));
    expect(JSON.stringify(inbox)).toContain(`${invoice.number} dibayar`);
  });

  it("the dashboards add it up", async () => {
    const bumd = ok(await call(tokens.bumd, "GET", "/api/v1/procurement/dashboard"));
    const row = (bumd.buyer.bySupplier as Json[]).find((s) => s.supplier.id === orgs.gapoktan);
    expect(row).toMatchObject({
      orderedKg: 1000,
      acceptedKg: 800,
      deliveredKg: 790,
      rejectedKg: 10,
      averagePricePaid: 11_500,
      onTimeRate: 100,
      paidAmount: 9_085_000,
    });
    const rice = (bumd.buyer.byCommodity as Json[]).find((c) => c.commodity.code === "beras-medium");
    expect(rice).toMatchObject({ averagePricePaid: 11_500, reference: { kind: "HET" } });
    expect(rice?.jakartaWholesale).toMatchObject({ price: 12_800, markets: 1 });
    const kop = ok(await call(tokens.koperasi, "GET", "/api/v1/procurement/dashboard"));
    expect(kop.buyer).toBeNull();
    expect(kop.supplier).toMatchObject({
      totals: { deliveredKg: 790, paidAmount: 9_085_000 },
      offers: { open: 2 },
    });
  });
});

describe("contracts", () => {
  let contract: Json;

  it("refuses a contract with bad terms", async () => {
    const res = await call(tokens.bumd, "POST", "/api/v1/procurement/contracts", {
      supplierOrganisationId: orgs.foodStation,
      commodityCode: "beras-medium",
      grade: "medium",
      period: "week",
      volumeKgPerPeriod: 10_000,
      priceRule: {
        kind: "indexed",
        level: "wholesale",
        province: "31",
        floorPerKg: 13_000,
        capPerKg: 12_000,
      },
      startDate: "2025-05-01",
      endDate: "2025-04-01",
      deliverySiteCode: "pelabuhan-merak",
    });
    expect(
      expectProblem(res, 400, "procurement.invalid")
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual([
      "body/deliverySiteCode",
      "body/endDate",
      "body/priceRule/floorPerKg",
      "body/supplierOrganisationId",
    ]);
    expectProblem(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/contracts", {}),
      403,
      "auth.forbidden",
    );
  });

  it("a BUMD proposes an HPP-plus-margin contract; the supplier accepts; orders take its price", async () => {
    contract = ok(
      await call(tokens.bumd, "POST", "/api/v1/procurement/contracts", {
        supplierOrganisationId: orgs.gapoktan,
        commodityCode: "beras-medium",
        grade: "medium",
        period: "week",
        volumeKgPerPeriod: 500,
        // Rice priced on the paddy HPP (Rp6,500) × 1.7 for milling, plus Rp 500.
        priceRule: {
          kind: "reference",
          reference: "HPP",
          commodityCode: "gabah-kering-panen",
          marginPercent: 70,
          marginPerKg: 500,
        },
        startDate: "2025-04-14",
        endDate: "2025-05-04",
        deliverySiteCode: "pasar-induk-beras-cipinang",
        quality: {
          text: "Beras medium, kadar air ≤ 14%, butir patah ≤ 25%",
          limits: [{ parameter: "kadar air", max: 14, unit: "%" }],
        },
      }),
      201,
    );
    expect(contract).toMatchObject({
      number: expect.stringMatching(/^KTR-202504-\d{5}$/),
      status: "proposed",
      priceToday: { pricePerKg: 11_550 },
      schedule: [
        { index: 1, start: "2025-04-14", due: "2025-04-20", committedKg: 500, state: "open" },
        { index: 2, due: "2025-04-27" },
        { index: 3, due: "2025-05-04" },
      ],
    });
    // The HPP of Rp6,500 took effect on 15 January 2025; before it, this rule has no price.
    expect(
      ok(
        await call(tokens.bumd, "GET", `/api/v1/procurement/contracts/${contract.id}/price?date=2025-01-15`),
      ),
    ).toMatchObject({ pricePerKg: 11_550, basis: expect.stringContaining("berlaku 2025-01-15") });
    expectProblem(
      await call(tokens.bumd, "GET", `/api/v1/procurement/contracts/${contract.id}/price?date=2025-01-14`),
      409,
      "procurement.price_unknown",
    );
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/orders`, {
        contractId: contract.id,
        deliverBy: "2025-04-19",
        lines: [{ quantityKg: 500 }],
      }),
      409,
      "procurement.invalid_state",
    );
    expectProblem(
      await call(tokens.bumd, "POST", `/api/v1/procurement/contracts/${contract.id}/accept`),
      403,
      "procurement.forbidden",
    );
    expectProblem(
      await call(tokens.other, "GET", `/api/v1/procurement/contracts/${contract.id}`),
      404,
      "procurement.contract_not_found",
    );
    contract = ok(await call(tokens.koperasi, "POST", `/api/v1/procurement/contracts/${contract.id}/accept`));
    expect(contract.status).toBe("active");

    const order = ok(
      await call(tokens.bumd, "POST", "/api/v1/procurement/orders", {
        contractId: contract.id,
        deliverBy: "2025-04-19",
        lines: [{ quantityKg: 500 }],
      }),
      201,
    );
    expect(order).toMatchObject({
      contractId: contract.id,
      deliverySite: { code: "pasar-induk-beras-cipinang" },
      lines: [{ pricePerKg: 11_550, priceBasis: expect.stringContaining("HPP") }],
    });
    ok(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/respond`, {
        decision: "accept",
      }),
    );
    const sent = ok(
      await call(tokens.koperasi, "POST", `/api/v1/procurement/orders/${order.id}/dispatch`, {
        route: "roro",
        plannedDeparture: "2025-04-15T07:00:00+07:00",
        lines: [{ lineNo: 1, lots: [{ lot: lot.id, kg: 500 }] }],
      }),
      201,
    );
    // An hour later than the first delivery: the trace shows the latest price a BUMD paid.
    clock.advance(3_600_000);
    ok(
      await call(tokens.bumd, "POST", `/api/v1/shipments/${sent.shipment.id}/receive`, {
        lines: [{ lineNo: 1, acceptedKg: 500, rejectedKg: 0 }],
      }),
    );
    const progress = ok(await call(tokens.koperasi, "GET", `/api/v1/procurement/contracts/${contract.id}`));
    expect(progress.schedule[0]).toMatchObject({ deliveredKg: 500, onTimeKg: 500, state: "met" });
    expect(progress.orders).toMatchObject([{ id: order.id, status: "delivered" }]);
  });

  it("an indexed contract follows the Jakarta wholesale median within its floor", async () => {
    const indexed = ok(
      await call(tokens.bumd, "POST", "/api/v1/procurement/contracts", {
        supplierOrganisationId: orgs.gapoktan,
        commodityCode: "beras-medium",
        grade: "medium",
        period: "month",
        volumeKgPerPeriod: 20_000,
        priceRule: { kind: "indexed", level: "wholesale", province: "31", percent: 90, floorPerKg: 11_600 },
        startDate: "2025-04-01",
        endDate: "2025-06-30",
        deliverySiteCode: "hub-priok",
      }),
      201,
    );
    // 90% of Rp12,800 is Rp11,520, under the floor.
    expect(indexed.priceToday).toMatchObject({ pricePerKg: 11_600 });
    expect(indexed.schedule.map((p: Json) => p.due)).toEqual(["2025-04-30", "2025-05-31", "2025-06-30"]);
    // No wholesale price recorded in the week before: no price to order at.
    expectProblem(
      await call(tokens.bumd, "GET", `/api/v1/procurement/contracts/${indexed.id}/price?date=2025-03-01`),
      409,
      "procurement.price_unknown",
    );
  });
});

describe("farm-gate payments and the farmer's share", () => {
  it("a koperasi records what it paid a farmer; the farmer sees it", async () => {
    const bad = await call(tokens.koperasi, "POST", "/api/v1/procurement/farm-payments", {
      lot: otherLot.id,
      farmerName: "Pak Slamet",
      kg: 3000,
      pricePerKg: 9_000,
      paidOn: "2025-04-16",
      method: "cash",
      farmerOrganisationId: orgs.gapoktan,
    });
    expect(
      expectProblem(bad, 400, "procurement.invalid")
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(["body/farmerOrganisationId", "body/lot", "body/paidOn"]);
    const paid = ok(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/farm-payments", {
        lot: lot.id,
        farmerName: "Pak Slamet",
        farmerPhone: "+62 812 7000 1234",
        farmerOrganisationId: orgs.farmer,
        kg: 1200,
        pricePerKg: 9_200,
        paidOn: "2025-04-13",
        method: "bank_transfer",
        reference: "BRI-0413-77",
      }),
      201,
    );
    expect(paid).toMatchObject({
      amount: 11_040_000,
      kg: 1200,
      lot: { lgtin: lot.lgtin, tracePath: expect.stringMatching(/^\/01\//) },
    });
    // More than the lot holds, counting what is paid already.
    expectProblem(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/farm-payments", {
        lot: lot.id,
        farmerName: "Bu Sri",
        kg: 900,
        pricePerKg: 9_000,
        paidOn: "2025-04-14",
        method: "cash",
      }),
      400,
      "procurement.invalid",
    );
    ok(
      await call(tokens.koperasi, "POST", "/api/v1/procurement/farm-payments", {
        lot: lot.id,
        farmerName: "Bu Sri",
        kg: 800,
        pricePerKg: 8_900,
        paidOn: "2025-04-14",
        method: "cash",
      }),
      201,
    );
    const mine = ok(await call(tokens.farmer, "GET", "/api/v1/procurement/farm-payments/mine"));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      koperasi: { name: "Gapoktan Sari Makmur" },
      farmerPhone: null,
      amount: 11_040_000,
      paidOn: "2025-04-13",
      lot: { lgtin: lot.lgtin },
    });
    expect(mine.totals).toEqual({ kg: 1200, amount: 11_040_000 });
    expect(ok(await call(tokens.other, "GET", "/api/v1/procurement/farm-payments")).items).toHaveLength(0);
    expect(ok(await call(tokens.koperasi, "GET", "/api/v1/procurement/farm-payments")).items).toHaveLength(2);
    expectProblem(
      await call(tokens.bumd, "GET", "/api/v1/procurement/farm-payments/mine"),
      403,
      "auth.forbidden",
    );
    expect(JSON.stringify(ok(await call(tokens.farmer, "GET", "/api/v1/notifications")))).toContain(
      "Rp11.040.000",
    );
  });

  it("the public trace shows farm-gate, BUMD and Jakarta retail prices, and no person", async () => {
    const res = ok(await call(undefined, "GET", `/api/v1/public/trace?epc=${encodeURIComponent(lot.lgtin)}`));
    const [p] = res.priceTransparency as Json[];
    // (1200 × 9,200 + 800 × 8,900) / 2000 = 9,080; retail median of 14,000 / 15,000 / 14,500.
    expect(p).toEqual({
      lot: lot.lgtin,
      farmGate: { pricePerKg: 9_080, source: "payment", date: "2025-04-14" },
      bumdPurchase: { pricePerKg: 11_550, buyer: "PT Food Station Tjipinang Jaya", date: "2025-04-15" },
      retailJakarta: { pricePerKg: 14_500, date: "2025-04-14", markets: 3 },
      farmersSharePercent: 62.6,
    });
    const body = JSON.stringify(res);
    expect(body).not.toContain("Pak Slamet");
    expect(body).not.toContain("7000 1234");

    // A lot nobody paid for yet shows the price declared with it.
    const fresh = await declareLot(tokens.other as string, "100", "beras-medium", 8_700);
    const [q] = ok(
      await call(undefined, "GET", `/api/v1/public/trace?epc=${encodeURIComponent(fresh.lgtin)}`),
    ).priceTransparency as Json[];
    expect(q).toMatchObject({
      farmGate: { pricePerKg: 8_700, source: "lot" },
      bumdPurchase: null,
      farmersSharePercent: 60,
    });
  });
});
