import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client";
import type { Principal } from "../http/access";
import { jakartaDate } from "../lib/time";
import { identityRepository, personaFor } from "../modules/identity";

/**
 * Demo mode only: Gapoktan Sari Makmur (Metro) offers rice, corn and paddy; Food Station has a weekly
 * rice contract with it (priced on the paddy HPP) and a purchase order in progress — partly accepted
 * and on its way by ro-ro — and the gapoktan has paid two farmers for the rice lot. Recorded through
 * the services, so every rule applies. Idempotent: nothing is done when the gapoktan already has offers.
 */

type Services = FastifyInstance["services"];

async function principalOf(db: Database, email: string): Promise<Principal | null> {
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) return null;
  const [m] = await identityRepository.membershipsOf(db, user.id);
  return {
    type: "user",
    userId: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    persona: personaFor(user.isAdmin, m?.kind ?? null),
    sessionId: "demo-seed",
    organisationId: m?.organisationId ?? null,
    organisationKind: m?.kind ?? null,
    membershipRole: m?.role ?? null,
  };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Desa in Kota Metro where the gapoktan's fields are (Kemendagri code). */
const VILLAGE = "18.72.01.1001";

export async function seedProcurementDemo(db: Database, services: Services, now = new Date()): Promise<void> {
  const koperasi = await principalOf(db, "koperasi@lumbung.test");
  const bumd = await principalOf(db, "bumd@lumbung.test");
  if (!koperasi || !bumd || koperasi.type !== "user" || bumd.type !== "user") return;
  const { procurement, lots } = services;
  if ((await procurement.listOffers(koperasi, { mine: true })).items.length) return;

  const today = jakartaDate(now);
  const harvest = addDays(today, -3);
  const declare = async (
    key: string,
    commodityCode: string,
    kg: string,
    grade: string,
    farmGatePrice: number,
  ) =>
    (
      await lots.declare(
        koperasi,
        {
          commodityCode,
          quantity: kg,
          unit: "kg",
          harvestDate: harvest,
          villageCode: VILLAGE,
          grade,
          farmGatePrice,
        },
        `demo-procurement-${key}`,
      )
    ).lot;
  const rice = await declare("rice", "beras-medium", "3000", "medium", 9_200);
  const corn = await declare("corn", "jagung", "6000", "pipilan kering KA 15%", 4_600);
  const paddy = await declare("paddy", "gabah-kering-panen", "8000", "GKP", 6_500);

  const pickup = {
    pickupRegencyCode: "18.72",
    pickupAddress: "Gudang Gapoktan Sari Makmur, Kel. Hadimulyo Barat, Metro Pusat",
  };
  const riceOffer = await procurement.createOffer(koperasi, {
    commodityCode: "beras-medium",
    grade: "medium, butir patah ≤ 20%",
    quantityKg: 2500,
    pricePerKg: 11_800,
    availableFrom: today,
    availableUntil: addDays(today, 30),
    ...pickup,
    lots: [rice.id],
    notes: "Beras giling baru, dikemas karung 50 kg.",
  });
  await procurement.createOffer(koperasi, {
    commodityCode: "jagung",
    grade: "pipilan kering KA 15%",
    quantityKg: 5000,
    pricePerKg: 5_300,
    availableFrom: today,
    availableUntil: addDays(today, 21),
    pickupSiteCode: "gudang-bersama-lampung",
    lots: [corn.id],
  });
  await procurement.createOffer(koperasi, {
    commodityCode: "gabah-kering-panen",
    grade: "GKP KA ≤ 25%",
    quantityKg: 8000,
    pricePerKg: 6_700,
    availableFrom: today,
    availableUntil: addDays(today, 10),
    ...pickup,
    lots: [paddy.id],
  });

  // Food Station's standing rice contract: weekly, on the paddy HPP × 1.7 (milling) + Rp500.
  const contract = await procurement.createContract(bumd, {
    supplierOrganisationId: koperasi.organisationId as string,
    commodityCode: "beras-medium",
    grade: "medium",
    period: "week",
    volumeKgPerPeriod: 5_000,
    priceRule: {
      kind: "reference",
      reference: "HPP",
      commodityCode: "gabah-kering-panen",
      marginPercent: 70,
      marginPerKg: 500,
    },
    startDate: today,
    endDate: addDays(today, 12 * 7 - 1),
    deliverySiteCode: "pasar-induk-beras-cipinang",
    quality: {
      text: "Beras medium SNI 6128:2020: kadar air ≤ 14%, butir patah ≤ 25%, bebas hama dan bau apek.",
      limits: [
        { parameter: "kadar air", max: 14, unit: "%" },
        { parameter: "butir patah", max: 25, unit: "%" },
      ],
    },
  });
  await procurement.contractAction(koperasi, contract.id, "accept");

  // A purchase order in progress: ordered from the offer, partly accepted, on its way by ro-ro.
  const order = await procurement.createOrder(bumd, {
    offerId: riceOffer.id,
    deliverySiteCode: "gudang-bersama-jakarta",
    deliverBy: addDays(today, 5),
    lines: [{ quantityKg: 1500 }],
    notes: "Untuk operasi pasar beras medium.",
  });
  await procurement.respond(koperasi, order.id, {
    decision: "partial",
    lines: [{ lineNo: 1, acceptedKg: 1200 }],
    reason: "300 kg masih dijemur.",
  });
  await procurement.dispatch(koperasi, order.id, {
    route: "roro",
    plannedDeparture: new Date(now.getTime() + 60 * 60 * 1000).toISOString(),
    lines: [{ lineNo: 1, lots: [{ lot: rice.id, kg: 1200 }] }],
  });

  // What the farmers behind the rice lot were paid (names are SYNTHETIC).
  for (const [name, kg, price] of [
    ["Pak Sutrisno (contoh)", 1800, 9_300],
    ["Bu Wartini (contoh)", 1200, 9_100],
  ] as const) {
    await procurement.recordFarmPayment(koperasi, {
      lot: rice.id,
      farmerName: name,
      kg,
      pricePerKg: price,
      paidOn: addDays(today, -1),
      method: "bank_transfer",
      reference: `BRI-${today.replaceAll("-", "")}-${kg}`,
    });
  }
}
