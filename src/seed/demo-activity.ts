import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client";
import type { Principal } from "../http/access";
import { jakartaDate } from "../lib/time";
import { identityRepository, personaFor } from "../modules/identity";

/**
 * Demo mode only: three months of SYNTHETIC prices up to today and some stock in the shared warehouses,
 * recorded through the services a person would use (so alerts, the supply position and recommendations
 * follow as they would in production). Idempotent: prices are a pure function of the date, lots carry
 * idempotency keys and the receipts fixed eventIDs, so a restart adds only the new days.
 *
 * Not real data: the README says so, and a real deployment runs with LUMBUNG_DEMO=false.
 */

type Services = FastifyInstance["services"];

const DAY_MS = 86_400_000;

/** Deterministic noise in [-1, 1] from a string, so the same day always gets the same price. */
function noise(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

interface Series {
  commodityCode: string;
  marketCode: string;
  level: "producer" | "wholesale" | "retail";
  base: number;
  /** Extra relative rise over the last SPIKE_DAYS days (a spike); none for a calm series. */
  spike?: number;
}

// Chili rises in Jakarta at the start of the rainy season; rice is calm under its HET.
const SERIES: Series[] = [
  ...["pasar-senen", "pasar-minggu", "pasar-kramat-jati", "pasar-grogol", "pasar-koja-baru"].map(
    (marketCode, i): Series => ({
      commodityCode: "cabai-rawit",
      marketCode,
      level: "retail",
      base: 46_000 + i * 800,
      spike: i < 3 ? 0.75 : 0.3,
    }),
  ),
  {
    commodityCode: "cabai-rawit",
    marketCode: "pasar-induk-kramat-jati",
    level: "wholesale",
    base: 38_000,
    spike: 0.7,
  },
  ...["pasar-tugu", "pasar-bambu-kuning", "pasar-way-halim", "pasar-cendrawasih"].map(
    (marketCode, i): Series => ({
      commodityCode: "cabai-rawit",
      marketCode,
      level: "retail",
      base: 36_000 + i * 700,
      spike: 0.15,
    }),
  ),
  ...["tingkat-petani-lampung-selatan", "tingkat-petani-pringsewu"].map(
    (marketCode): Series => ({
      commodityCode: "cabai-rawit",
      marketCode,
      level: "producer",
      base: 24_000,
      spike: 0.1,
    }),
  ),
  ...["pasar-senen", "pasar-minggu", "pasar-kramat-jati", "pasar-tugu", "pasar-bambu-kuning"].map(
    (marketCode, i): Series => ({
      commodityCode: "beras-medium",
      marketCode,
      level: "retail",
      base: 13_100 + i * 60,
    }),
  ),
  {
    commodityCode: "beras-medium",
    marketCode: "pasar-induk-beras-cipinang",
    level: "wholesale",
    base: 12_300,
  },
  { commodityCode: "bawang-merah", marketCode: "pasar-senen", level: "retail", base: 38_000 },
  { commodityCode: "bawang-merah", marketCode: "pasar-tugu", level: "retail", base: 35_500 },
];

const SPIKE_DAYS = 10;

function priceOn(s: Series, date: string, daysAgo: number): number {
  const wobble = 1 + 0.025 * noise(`${s.commodityCode}|${s.marketCode}|${date}`);
  const rise = s.spike && daysAgo < SPIKE_DAYS ? 1 + s.spike * ((SPIKE_DAYS - daysAgo) / SPIKE_DAYS) : 1;
  // Markets quote in hundreds of rupiah.
  return Math.round((s.base * wobble * rise) / 100) * 100;
}

/** The principal a demo account signs in as (its first organisation active). */
async function principalOf(db: Database, email: string): Promise<Principal> {
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) throw new Error(`demo account ${email} is missing`);
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

async function seedPrices(services: Services, dinas: Principal, today: string, days: number) {
  const start = Date.parse(`${today}T00:00:00Z`);
  const rows = SERIES.flatMap((s) =>
    Array.from({ length: days }, (_, k) => {
      const daysAgo = days - 1 - k;
      const date = new Date(start - daysAgo * DAY_MS).toISOString().slice(0, 10);
      return {
        commodityCode: s.commodityCode,
        marketCode: s.marketCode,
        level: s.level,
        date,
        price: priceOn(s, date, daysAgo),
      };
    }),
  );
  await services.prices.record(dinas, rows);
}

/** Stock received into the shared warehouses: Food Station's in Jakarta, the Gapoktan's in Lampung. */
async function seedStock(db: Database, services: Services, today: string) {
  const koperasi = await principalOf(db, "koperasi@lumbung.test");
  const bumd = await principalOf(db, "bumd@lumbung.test");
  const gudang = await principalOf(db, "gudang@lumbung.test");
  const gapoktanPgln = async () => {
    const org = await identityRepository.findOrganisation(
      db,
      koperasi.type === "user" ? (koperasi.organisationId ?? "") : "",
    );
    if (!org) throw new Error("the demo koperasi has no organisation");
    return db.transaction((tx) => services.lots.partyPgln(tx, org));
  };
  const stock: { commodityCode: string; kg: number; key: string; receiver: Principal; site: string }[] = [
    {
      commodityCode: "cabai-rawit",
      kg: 3_000,
      key: "demo-cabai-jakarta",
      receiver: bumd,
      site: "gudang-bersama-jakarta",
    },
    {
      commodityCode: "beras-medium",
      kg: 40_000,
      key: "demo-beras-jakarta",
      receiver: bumd,
      site: "gudang-bersama-jakarta",
    },
    {
      commodityCode: "cabai-rawit",
      kg: 6_000,
      key: "demo-cabai-lampung",
      receiver: gudang,
      site: "gudang-bersama-lampung",
    },
  ];
  for (const s of stock) {
    const { lot } = await services.lots.declare(
      koperasi,
      {
        commodityCode: s.commodityCode,
        quantity: String(s.kg),
        unit: "kg",
        harvestDate: today,
        villageCode: "18.72.01.1001",
        grade: "A",
      },
      s.key,
    );
    const site = await services.warehouse.getSite(s.receiver, s.site);
    // In Lampung the warehouse operator receives on the Gapoktan's behalf, so the owner is named.
    const owner =
      s.site === "gudang-bersama-lampung"
        ? [{ type: "owning_party", destination: await gapoktanPgln() }]
        : [];
    await services.epcis.captureEvent(
      {
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        type: "ObjectEvent",
        // A fixed eventID: the same receipt captured again at the next start is stored once.
        eventID: `urn:uuid:${uuidFrom(s.key)}`,
        eventTime: `${today}T03:00:00.000Z`,
        eventTimeZoneOffset: "+07:00",
        action: "OBSERVE",
        bizStep: "receiving",
        disposition: "sellable_accessible",
        readPoint: { id: site.dock },
        bizLocation: { id: site.dock },
        quantityList: [{ epcClass: lot.lgtin, quantity: s.kg, uom: "KGM" }],
        ...(owner.length ? { destinationList: owner } : {}),
      },
      s.receiver,
    );
  }
}

function uuidFrom(key: string): string {
  const hex = Array.from({ length: 4 }, (_, i) => ((noise(`${key}#${i}`) + 1) * 0x7fffffff) >>> 0)
    .map((n) => n.toString(16).padStart(8, "0"))
    .join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function seedDemoActivity(
  db: Database,
  services: Services,
  now: Date,
  days = 90,
): Promise<void> {
  const today = jakartaDate(now);
  const dinas = await principalOf(db, "dinas@lumbung.test");
  // The Dinas and Food Station hear of Jakarta's alerts and recommendations in their inbox.
  const bumd = await principalOf(db, "bumd@lumbung.test");
  for (const official of [dinas, bumd]) {
    await services.stability.subscribe(official, {
      commodityCode: null,
      regionCode: "31",
      minLevel: "siaga",
    });
  }
  await seedStock(db, services, today);
  await seedPrices(services, dinas, today, days);
  // Chili demand for the demo's recommendations; rice has its sourced default plan.
  const plans = await services.supply.plans();
  if (!plans.some((p) => p.commodityCode === "cabai-rawit" && p.regionCode === "31")) {
    await services.supply.setPlan(dinas, "cabai-rawit", "31", {
      dailyDemandKg: 60_000,
      targetCoverDays: 3,
      inflowIndex: Array(12).fill(1),
      lampungSupplyKg: Array(12).fill(0),
      demandElasticity: -0.4,
      source: "Demo: angka contoh, bukan data resmi / sample figures, not official data",
    });
  }
  await services.interventions.refresh({ also: await services.interventions.plannedGroups() });
}
