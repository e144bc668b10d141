/**
 * A deterministic corridor data set as EPCIS 2.0 capture documents, following
 * ../shared/design/corridor-events.md: koperasi in Lampung's regencies commission harvest lots
 * (LGTIN classes, KGM, ilmd), mills turn paddy into rice (≈ 60 %) and cassava into tapioca (≈ 25 %),
 * lots are packed onto SSCC pallets, shipped (po + desadv) by truck to Pelabuhan Panjang, inspected,
 * carried by the ro-ro ship to Tanjung Priok, received (recadv) and stored at the shared warehouse in
 * Jakarta (Cipinang), picked, shipped to a Pasar Jaya market, unpacked and sold.
 *
 * The same seed gives the same documents, byte for byte. Used by bench/epcis-capture.ts,
 * bench/epcis-query.ts and test/http/epcis-crash.test.ts; as a script it checks (or writes) a data set:
 *
 *   npx tsx bench/epcis-generator.ts --events 20000 --check
 *   npx tsx bench/epcis-generator.ts --events 5000 --per-document 500 --out /tmp/corridor
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { getVillages } from "idn-area-data";
import { EPCIS_CONTEXT_URL } from "../src/modules/epcis/domain/context";
import { validateDocument } from "../src/modules/epcis/domain/validate";

/** Lumbung's extension namespace, declared in every document's @context as `lb`. */
export const LB_NAMESPACE = "https://lumbung.go.id/epcis/";

// GS1 company prefixes (fictional, under Indonesia's 899): Lumbung's platform prefix for members
// without their own (koperasi, mills, carriers), the port operator, Food Station, Pasar Jaya.
const PLATFORM = "8991234";
const PORTS = "8992001";
const FOOD_STATION = "8993001";
const PASAR_JAYA = "8994001";

export interface CorridorOptions {
  /** Roughly how many events: chains are generated until this many events exist. */
  events: number;
  /** Events per document (default 1000); the last document may hold fewer. */
  eventsPerDocument?: number;
  /** Same seed, same documents (default 1). Different seeds (0–999) use different lots, pallets and documents. */
  seed?: number;
  /**
   * false (default): events in eventTime order across all lots, cut into documents of exactly
   * eventsPerDocument events, as a busy corridor's uploads would be. true: each document holds whole
   * lot journeys (≈ eventsPerDocument events), so a lot and its pallets appear in one document only.
   */
  wholeChains?: boolean;
  /** "hash" (default): no eventID, Lumbung assigns the CBV 2.0 event hash; "uuid": urn:uuid from the seed. */
  eventIds?: "hash" | "uuid";
  /** First harvest day (default 2025-02-03, panen raya) and the number of days harvests spread over (180). */
  start?: string;
  spanDays?: number;
}

export type CorridorEvent = Record<string, unknown> & { type: string; eventTime: string };

export interface CorridorDocument {
  /** 0-based position in the data set. */
  index: number;
  document: {
    "@context": unknown[];
    type: "EPCISDocument";
    schemaVersion: "2.0";
    creationDate: string;
    epcisBody: { eventList: CorridorEvent[] };
  };
  /** The eventIDs of the document's events when eventIds is "uuid", else null. */
  eventIds: string[] | null;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32: small, fast, and good enough for test data; seeded through splitmix32. */
function rng(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
    uuid: () => {
      const hex = Array.from({ length: 4 }, () =>
        Math.floor(next() * 2 ** 32)
          .toString(16)
          .padStart(8, "0"),
      )
        .join("")
        .split("");
      hex[12] = "4";
      hex[16] = "89ab"[Math.floor(next() * 4)] as string;
      const h = hex.join("");
      return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// Identifiers

const lgtin = (itemRef: string, lot: string) => `urn:epc:class:lgtin:${PLATFORM}.${itemRef}.${lot}`;
const sgln = (prefix: string, ref: string, ext = "0") => `urn:epc:id:sgln:${prefix}.${ref}.${ext}`;
const pgln = (prefix: string, ref: string) => `urn:epc:id:pgln:${prefix}.${ref}`;
const gdti = (prefix: string, type: string, serial: string) => `urn:epc:id:gdti:${prefix}.${type}.${serial}`;
// SSCC: 7-digit prefix + 10-digit serial reference (extension digit + serial).
const sscc = (serialRef: number) => `urn:epc:id:sscc:${PLATFORM}.${String(serialRef).padStart(10, "0")}`;

const DOC_TYPE = { po: "00001", desadv: "00002", bol: "00003", recadv: "00004", prodorder: "00005" };

const HUB_PANJANG = "00001";
const HUB_PRIOK = "00002";
const WAREHOUSE_JAKARTA = "00001";

const PARTY = {
  foodStation: pgln(FOOD_STATION, "00000"),
  pasarJaya: pgln(PASAR_JAYA, "00000"),
  truckCarrier: pgln(PLATFORM, "30001"), // PT Angkutan Sumatera Jawa
  roroLine: pgln(PLATFORM, "30002"), // the Panjang–Priok ro-ro line
};

/** Pasar Jaya markets and outlets that receive from the shared warehouse. */
const MARKETS = ["00001", "00002", "00003", "00004", "00005", "00006"].map((ref) => ({
  site: sgln(PASAR_JAYA, ref),
  ref,
}));

interface Commodity {
  code: string;
  short: string;
  itemRef: string;
  /** Lot size at harvest, kg. */
  kg: [number, number];
  /** Kemendagri regency codes that grow it. */
  regencies: string[];
  farmGatePrice: [number, number];
  grades: string[];
  /** Keeps cool (temperature logger on the crossing). */
  perishable: boolean;
  /** Processed in Lampung before it travels: the product, its yield range and the mill. */
  process?: { into: Commodity; share: number; yieldRange: [number, number]; mill: string; millParty: string };
}

const rice: Commodity = {
  code: "beras-medium",
  short: "BRS",
  itemRef: "010002",
  kg: [0, 0],
  regencies: [],
  farmGatePrice: [0, 0],
  grades: ["premium", "medium"],
  perishable: false,
};
const tapioca: Commodity = {
  code: "tapioka",
  short: "TPK",
  itemRef: "010004",
  kg: [0, 0],
  regencies: [],
  farmGatePrice: [0, 0],
  grades: ["A", "B"],
  perishable: false,
};

const COMMODITIES: { weight: number; c: Commodity }[] = [
  {
    weight: 35,
    c: {
      code: "gabah-kering-panen",
      short: "GKP",
      itemRef: "010001",
      kg: [2000, 8000],
      regencies: ["18.02", "18.07", "18.01", "18.05", "18.72", "18.10"],
      farmGatePrice: [6300, 6900],
      grades: ["GKP"],
      perishable: false,
      process: {
        into: rice,
        share: 1,
        yieldRange: [0.57, 0.63],
        mill: sgln(PLATFORM, "20101"), // rice mill, Kota Bandar Lampung
        millParty: pgln(PLATFORM, "20100"),
      },
    },
  },
  {
    weight: 20,
    c: {
      code: "singkong",
      short: "SGK",
      itemRef: "010003",
      kg: [5000, 15000],
      regencies: ["18.02", "18.07", "18.03", "18.05"],
      farmGatePrice: [1200, 1600],
      grades: ["kadar-pati-tinggi", "biasa"],
      perishable: false,
      process: {
        into: tapioca,
        share: 0.6,
        yieldRange: [0.22, 0.28],
        mill: sgln(PLATFORM, "20201"), // tapioca factory, Lampung Tengah
        millParty: pgln(PLATFORM, "20200"),
      },
    },
  },
  {
    weight: 15,
    c: {
      code: "jagung",
      short: "JGG",
      itemRef: "010005",
      kg: [3000, 9000],
      regencies: ["18.01", "18.07", "18.02"],
      farmGatePrice: [4800, 5600],
      grades: ["pipil-kering"],
      perishable: false,
    },
  },
  {
    weight: 10,
    c: {
      code: "pisang",
      short: "PSG",
      itemRef: "010007",
      kg: [1000, 4000],
      regencies: ["18.01", "18.09", "18.10"],
      farmGatePrice: [3000, 4500],
      grades: ["A", "B"],
      perishable: true,
    },
  },
  {
    weight: 8,
    c: {
      code: "nanas",
      short: "NNS",
      itemRef: "010008",
      kg: [1500, 5000],
      regencies: ["18.02", "18.12"],
      farmGatePrice: [2500, 4000],
      grades: ["A", "B"],
      perishable: true,
    },
  },
  {
    weight: 7,
    c: {
      code: "kopi-robusta",
      short: "KPR",
      itemRef: "010006",
      kg: [500, 2500],
      regencies: ["18.04", "18.06"],
      farmGatePrice: [55000, 70000],
      grades: ["grade-1", "grade-2", "asalan"],
      perishable: false,
    },
  },
  {
    weight: 5,
    c: {
      code: "cabai-merah-keriting",
      short: "CMK",
      itemRef: "010009",
      kg: [300, 1500],
      regencies: ["18.04", "18.06", "18.09"],
      farmGatePrice: [22000, 29600],
      grades: ["A", "B"],
      perishable: true,
    },
  },
];
const TOTAL_WEIGHT = COMMODITIES.reduce((s, x) => s + x.weight, 0);

function pickCommodity(r: Rng): Commodity {
  let x = r.next() * TOTAL_WEIGHT;
  for (const { weight, c } of COMMODITIES) {
    x -= weight;
    if (x < 0) return c;
  }
  return (COMMODITIES[0] as { c: Commodity }).c;
}

// ---------------------------------------------------------------------------------------------
// Time

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

/** `2025-02-03T06:00:00.000+07:00`: Lampung and Jakarta are both on WIB. */
function wib(ms: number): string {
  return `${new Date(ms + WIB).toISOString().slice(0, 23)}+07:00`;
}

function wibDate(ms: number): string {
  return new Date(ms + WIB).toISOString().slice(0, 10);
}

/** The next ro-ro departure from Panjang (07:00, 15:00, 23:00 WIB) at least an hour after `ms`. */
function nextSailing(ms: number): number {
  const earliest = ms + HOUR;
  const dayStart = Math.floor((earliest + WIB) / DAY) * DAY - WIB;
  for (let d = 0; d < 2; d++) {
    for (const h of [7, 15, 23]) {
      const t = dayStart + d * DAY + h * HOUR;
      if (t >= earliest) return t;
    }
  }
  return earliest;
}

// ---------------------------------------------------------------------------------------------
// One lot's journey

interface Timed {
  t: number;
  seq: number;
  event: CorridorEvent;
}

interface Ctx {
  r: Rng;
  seedTag: string;
  /** Draws eventIDs, apart from `r`, so the same seed gives the same events with or without them. */
  ids: Rng;
  villages: Map<string, string[]>;
  nextPallet: () => number;
  serial: () => string;
  eventIds: boolean;
}

function chainEvents(ctx: Ctx, chain: number, startMs: number): Timed[] {
  const { r } = ctx;
  const out: Timed[] = [];
  let seq = 0;
  const add = (t: number, event: Record<string, unknown> & { type: string }) => {
    const { type, ...rest } = event;
    // Field order as the standard's examples have it: type, eventTime, offset, eventID first.
    const full: CorridorEvent = {
      type,
      eventTime: wib(t),
      eventTimeZoneOffset: "+07:00",
      ...(ctx.eventIds ? { eventID: ctx.ids.uuid() } : {}),
      ...rest,
    };
    out.push({ t, seq: seq++, event: full });
  };

  // Who and where: a koperasi in a regency that grows the commodity.
  const crop = pickCommodity(r);
  const regency = r.pick(crop.regencies);
  const rr = regency.slice(3); // "18.02" → "02"
  const koperasiRef = `1${rr}${String(r.int(1, 4)).padStart(2, "0")}`;
  const koperasi = pgln(PLATFORM, koperasiRef);
  const farm = sgln(PLATFORM, koperasiRef);
  const village = r.pick(ctx.villages.get(regency) ?? [`${regency}.01.2001`]);
  const chainTag = `${ctx.seedTag}-${chain.toString(36).toUpperCase().padStart(5, "0")}`;

  // 1. Harvest lot, declared at the koperasi's collection point.
  let t = startMs;
  const harvestKg = r.int(crop.kg[0] / 10, crop.kg[1] / 10) * 10;
  const harvestLot = lgtin(crop.itemRef, `${crop.short}${wibDate(t).replace(/-/g, "").slice(2)}-${chainTag}`);
  add(t, {
    type: "ObjectEvent",
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    quantityList: [{ epcClass: harvestLot, quantity: harvestKg, uom: "KGM" }],
    readPoint: { id: farm },
    bizLocation: { id: farm },
    ilmd: {
      "lb:commodity": crop.code,
      "lb:harvestDate": wibDate(t - r.int(0, 2) * DAY),
      "lb:villageCode": village,
      "lb:grade": r.pick(crop.grades),
      "lb:farmGatePricePerKg": r.int(crop.farmGatePrice[0] / 50, crop.farmGatePrice[1] / 50) * 50,
      "lb:currency": "IDR",
    },
  });

  // 2. Processing in Lampung (paddy → rice, some cassava → tapioca); the product travels on.
  let lot = harvestLot;
  let kg = harvestKg;
  let travelling = crop;
  let origin = farm;
  let shipper = koperasi;
  if (crop.process && r.chance(crop.process.share)) {
    const p = crop.process;
    t += r.int(20, 40) * HOUR;
    const yieldShare = p.yieldRange[0] + r.next() * (p.yieldRange[1] - p.yieldRange[0]);
    kg = Math.round(harvestKg * yieldShare);
    lot = lgtin(p.into.itemRef, `${p.into.short}${wibDate(t).replace(/-/g, "").slice(2)}-${chainTag}`);
    travelling = p.into;
    origin = p.mill;
    shipper = p.millParty;
    add(t, {
      type: "TransformationEvent",
      bizStep: "commissioning",
      disposition: "active",
      inputQuantityList: [{ epcClass: harvestLot, quantity: harvestKg, uom: "KGM" }],
      outputQuantityList: [{ epcClass: lot, quantity: kg, uom: "KGM" }],
      readPoint: { id: p.mill },
      bizLocation: { id: p.mill },
      bizTransactionList: [
        { type: "prodorder", bizTransaction: gdti(PLATFORM, DOC_TYPE.prodorder, ctx.serial()) },
      ],
      sourceList: [{ type: "owning_party", source: koperasi }],
      destinationList: [{ type: "owning_party", destination: koperasi }],
      ilmd: {
        "lb:commodity": p.into.code,
        "lb:productionDate": wibDate(t),
        "lb:grade": r.pick(p.into.grades),
        "lb:yieldPercent": Math.round(yieldShare * 1000) / 10,
      },
    });
  }

  // 3. Packing onto SSCC pallets, ≈ 1.5 t each, at most 4 pallets a truck.
  t += r.int(2, 6) * HOUR;
  const palletCount = Math.min(4, Math.max(1, Math.ceil(kg / 1500)));
  const pallets: string[] = [];
  let left = kg;
  for (let i = 0; i < palletCount; i++) {
    const share = i === palletCount - 1 ? left : Math.round(kg / palletCount);
    left -= share;
    const pallet = sscc(ctx.nextPallet());
    pallets.push(pallet);
    add(t + i * 10 * 60_000, {
      type: "AggregationEvent",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: pallet,
      childQuantityList: [{ epcClass: lot, quantity: share, uom: "KGM" }],
      readPoint: { id: origin },
      bizLocation: { id: origin },
    });
  }

  // 4. Despatch to the shared warehouse in Jakarta against Food Station's purchase order.
  const market = r.pick(MARKETS);
  const po = gdti(FOOD_STATION, DOC_TYPE.po, ctx.serial());
  const desadv = gdti(PLATFORM, DOC_TYPE.desadv, ctx.serial());
  const truckBol = gdti(PLATFORM, DOC_TYPE.bol, ctx.serial());
  const warehouse = sgln(FOOD_STATION, WAREHOUSE_JAKARTA);
  t += r.int(1, 3) * HOUR;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: origin },
    bizTransactionList: [
      { type: "po", bizTransaction: po },
      { type: "desadv", bizTransaction: desadv },
    ],
    sourceList: [
      { type: "owning_party", source: shipper },
      { type: "location", source: origin },
    ],
    destinationList: [
      { type: "owning_party", destination: PARTY.foodStation },
      { type: "location", destination: warehouse },
    ],
  });
  t += r.int(15, 90) * 60_000;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "departing",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: origin },
    bizTransactionList: [
      { type: "desadv", bizTransaction: desadv },
      { type: "bol", bizTransaction: truckBol },
    ],
    sourceList: [{ type: "possessing_party", source: PARTY.truckCarrier }],
  });

  // 5. Pelabuhan Panjang: arrive at the gate, inspect, load on the ro-ro ship, sail.
  t += r.int(2, 5) * HOUR;
  const panjangGate = sgln(PORTS, HUB_PANJANG, `GATE${r.int(1, 3)}`);
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "arriving",
    disposition: "in_progress",
    epcList: pallets,
    readPoint: { id: panjangGate },
    bizLocation: { id: sgln(PORTS, HUB_PANJANG) },
    bizTransactionList: [{ type: "desadv", bizTransaction: desadv }],
  });
  t += r.int(20, 120) * 60_000;
  const inspection = sgln(PORTS, HUB_PANJANG, `INSP${r.int(1, 2)}`);
  if (pallets.length > 1 && r.chance(0.04)) {
    // One pallet damaged in the truck; the rest pass.
    add(t, {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "inspecting",
      disposition: "conformant",
      epcList: pallets.slice(1),
      readPoint: { id: inspection },
      bizLocation: { id: sgln(PORTS, HUB_PANJANG) },
    });
    add(t + 5 * 60_000, {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "inspecting",
      disposition: "damaged",
      epcList: pallets.slice(0, 1),
      readPoint: { id: inspection },
      bizLocation: { id: sgln(PORTS, HUB_PANJANG) },
      "lb:reason": "kemasan sobek saat bongkar muat",
    });
  } else {
    add(t, {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "inspecting",
      disposition: r.chance(0.02) ? "non_conformant" : "conformant",
      epcList: pallets,
      readPoint: { id: inspection },
      bizLocation: { id: sgln(PORTS, HUB_PANJANG) },
    });
  }
  const sailing = nextSailing(t);
  const roroBol = gdti(PLATFORM, DOC_TYPE.bol, ctx.serial());
  const roroBerth = sgln(PORTS, HUB_PANJANG, "RORO1");
  add(sailing - r.int(40, 90) * 60_000, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "loading",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: roroBerth },
    bizTransactionList: [
      { type: "desadv", bizTransaction: desadv },
      { type: "bol", bizTransaction: roroBol },
    ],
    sourceList: [{ type: "possessing_party", source: PARTY.roroLine }],
  });
  add(sailing, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "departing",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: roroBerth },
    bizTransactionList: [{ type: "bol", bizTransaction: roroBol }],
    sourceList: [{ type: "possessing_party", source: PARTY.roroLine }],
  });
  const crossing = r.int(8 * 60, 10 * 60) * 60_000; // 8–10 h at sea
  if (travelling.perishable) {
    add(sailing + Math.round(crossing / 2), {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "sensor_reporting",
      epcList: pallets,
      sensorElementList: [
        {
          sensorMetadata: {
            time: wib(sailing + Math.round(crossing / 2)),
            deviceID: `urn:epc:id:giai:${PLATFORM}.LOGGER${r.int(1, 400)}`,
          },
          sensorReport: [
            { type: "Temperature", value: Math.round((24 + r.next() * 8) * 10) / 10, uom: "CEL" },
            { type: "RelativeHumidity", value: Math.round(70 + r.next() * 20), uom: "P1" },
          ],
        },
      ],
    });
  }

  // 6. Tanjung Priok: arrive, truck to the shared warehouse.
  t = sailing + crossing;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "arriving",
    disposition: "in_progress",
    epcList: pallets,
    readPoint: { id: sgln(PORTS, HUB_PRIOK, `RORO${r.int(1, 2)}`) },
    bizLocation: { id: sgln(PORTS, HUB_PRIOK) },
    bizTransactionList: [{ type: "bol", bizTransaction: roroBol }],
  });
  const jakartaBol = gdti(PLATFORM, DOC_TYPE.bol, ctx.serial());
  t += r.int(60, 240) * 60_000;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "departing",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: sgln(PORTS, HUB_PRIOK, `GATE${r.int(1, 4)}`) },
    bizTransactionList: [
      { type: "desadv", bizTransaction: desadv },
      { type: "bol", bizTransaction: jakartaBol },
    ],
    sourceList: [{ type: "possessing_party", source: PARTY.truckCarrier }],
  });

  // 7. The shared warehouse (Gudang Bersama Jakarta, Cipinang): receive with recadv, store, pick.
  t += r.int(90, 210) * 60_000;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "sellable_not_accessible",
    epcList: pallets,
    readPoint: { id: sgln(FOOD_STATION, WAREHOUSE_JAKARTA, `DOCK${r.int(1, 6)}`) },
    bizLocation: { id: warehouse },
    bizTransactionList: [
      { type: "po", bizTransaction: po },
      { type: "desadv", bizTransaction: desadv },
      { type: "recadv", bizTransaction: gdti(FOOD_STATION, DOC_TYPE.recadv, ctx.serial()) },
    ],
    sourceList: [{ type: "owning_party", source: shipper }],
    destinationList: [
      { type: "owning_party", destination: PARTY.foodStation },
      { type: "possessing_party", destination: PARTY.foodStation },
      { type: "location", destination: warehouse },
    ],
  });
  const bin = sgln(
    FOOD_STATION,
    WAREHOUSE_JAKARTA,
    `G${String(r.int(1, 104)).padStart(3, "0")}-B${String(r.int(1, 40)).padStart(2, "0")}`,
  );
  t += r.int(30, 180) * 60_000;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "storing",
    disposition: "sellable_accessible",
    epcList: pallets,
    readPoint: { id: bin },
    bizLocation: { id: bin },
    destinationList: [{ type: "owning_party", destination: PARTY.foodStation }],
  });
  t += r.int(1, 10) * DAY + r.int(0, 8) * HOUR;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "picking",
    disposition: "in_progress",
    epcList: pallets,
    readPoint: { id: bin },
    bizLocation: { id: bin },
  });

  // 8. To a Pasar Jaya market: ship, receive, unpack, sell over the next days.
  const marketPo = gdti(PASAR_JAYA, DOC_TYPE.po, ctx.serial());
  const marketDesadv = gdti(FOOD_STATION, DOC_TYPE.desadv, ctx.serial());
  t += r.int(1, 4) * HOUR;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    epcList: pallets,
    readPoint: { id: sgln(FOOD_STATION, WAREHOUSE_JAKARTA, `DOCK${r.int(1, 6)}`) },
    bizTransactionList: [
      { type: "po", bizTransaction: marketPo },
      { type: "desadv", bizTransaction: marketDesadv },
    ],
    sourceList: [
      { type: "owning_party", source: PARTY.foodStation },
      { type: "location", source: warehouse },
    ],
    destinationList: [
      { type: "owning_party", destination: PARTY.pasarJaya },
      { type: "location", destination: market.site },
    ],
  });
  t += r.int(60, 180) * 60_000;
  add(t, {
    type: "ObjectEvent",
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "sellable_not_accessible",
    epcList: pallets,
    readPoint: { id: market.site },
    bizLocation: { id: market.site },
    bizTransactionList: [
      { type: "desadv", bizTransaction: marketDesadv },
      { type: "recadv", bizTransaction: gdti(PASAR_JAYA, DOC_TYPE.recadv, ctx.serial()) },
    ],
    sourceList: [{ type: "owning_party", source: PARTY.foodStation }],
    destinationList: [
      { type: "owning_party", destination: PARTY.pasarJaya },
      { type: "possessing_party", destination: PARTY.pasarJaya },
      { type: "location", destination: market.site },
    ],
  });
  t += r.int(10, 60) * 60_000;
  for (const [i, pallet] of pallets.entries()) {
    add(t + i * 5 * 60_000, {
      type: "AggregationEvent",
      action: "DELETE",
      bizStep: "unpacking",
      parentID: pallet,
      readPoint: { id: market.site },
      bizLocation: { id: market.site },
    });
  }
  const sales = 2;
  let unsold = kg;
  for (let day = 0; day < sales; day++) {
    t += r.int(8, 30) * HOUR;
    const sold = day === sales - 1 ? unsold : Math.round(unsold * (0.4 + r.next() * 0.3));
    unsold -= sold;
    add(t, {
      type: "ObjectEvent",
      action: "OBSERVE",
      bizStep: "retail_selling",
      disposition: "retail_sold",
      quantityList: [{ epcClass: lot, quantity: sold, uom: "KGM" }],
      readPoint: { id: market.site },
      bizLocation: { id: market.site },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The data set

type Queued = Timed & { chain: number };

/** A min-heap of events by (time, chain, position in chain): merges concurrent journeys in time order. */
class EventHeap {
  private items: Queued[] = [];
  get size() {
    return this.items.length;
  }
  private at(i: number): Queued {
    return this.items[i] as Queued;
  }
  private less(i: number, j: number) {
    const a = this.at(i);
    const b = this.at(j);
    return a.t !== b.t ? a.t < b.t : a.chain !== b.chain ? a.chain < b.chain : a.seq < b.seq;
  }
  private swap(i: number, j: number) {
    [this.items[i], this.items[j]] = [this.at(j), this.at(i)];
  }
  peek(): Queued | undefined {
    return this.items[0];
  }
  push(item: Queued) {
    this.items.push(item);
    for (let i = this.items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): Queued | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (this.items.length && last) {
      this.items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (l + 1 < this.items.length && this.less(l + 1, m)) m = l + 1;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

let villageCache: Map<string, string[]> | undefined;

/** Village codes (Kemendagri, idn-area-data) of Lampung by regency, for ilmd. */
async function lampungVillages(): Promise<Map<string, string[]>> {
  if (villageCache) return villageCache;
  const byRegency = new Map<string, string[]>();
  for (const v of await getVillages()) {
    if (!v.code.startsWith("18.")) continue;
    const regency = v.code.slice(0, 5);
    const list = byRegency.get(regency) ?? [];
    list.push(v.code);
    byRegency.set(regency, list);
  }
  villageCache = byRegency;
  return byRegency;
}

/** Seeds 0–999: lot numbers, pallet serials and document numbers of different seeds never meet. */
export const MAX_SEED = 999;

/** Mean events per lot journey, measured over seeds 1–5 (for spacing harvests over the span). */
const MEAN_EVENTS_PER_CHAIN = 24;

/** The data set, one document at a time (nothing but the documents in flight is kept in memory). */
export async function* corridorDocuments(opts: CorridorOptions): AsyncGenerator<CorridorDocument> {
  const perDocument = opts.eventsPerDocument ?? 1000;
  const seed = opts.seed ?? 1;
  const start = Date.parse(`${opts.start ?? "2025-02-03"}T06:00:00+07:00`);
  const span = (opts.spanDays ?? 180) * DAY;
  const r = rng(seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`seed must be 0–${MAX_SEED}`);
  // SSCC serial references: 10,000,000 a seed, so data sets of different seeds never share a pallet.
  let pallet = seed * 10_000_000;
  let serial = 0;
  const ctx: Ctx = {
    r,
    seedTag: seed.toString(36).toUpperCase(),
    ids: rng(seed ^ 0x5eed5eed),
    villages: await lampungVillages(),
    nextPallet: () => pallet++,
    serial: () => `${ctx.seedTag}${(serial++).toString(36).toUpperCase()}`,
    eventIds: opts.eventIds === "uuid",
  };
  const expectedChains = Math.max(1, Math.ceil(opts.events / MEAN_EVENTS_PER_CHAIN));
  const gap = span / expectedChains;
  const context = [EPCIS_CONTEXT_URL, { lb: LB_NAMESPACE }];

  let index = 0;
  let buffer: CorridorEvent[] = [];
  const flush = (): CorridorDocument => {
    const eventList = buffer;
    buffer = [];
    const last = eventList.at(-1);
    return {
      index: index++,
      document: {
        "@context": context,
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: last ? wib(Date.parse(last.eventTime) + 5 * 60_000) : wib(start),
        epcisBody: { eventList },
      },
      eventIds: ctx.eventIds ? eventList.map((e) => String(e.eventID)) : null,
    };
  };

  let generated = 0;
  let chain = 0;
  if (opts.wholeChains) {
    while (generated < opts.events) {
      const events = chainEvents(ctx, chain, start + Math.round(chain * gap));
      chain++;
      generated += events.length;
      if (buffer.length && buffer.length + events.length > perDocument) yield flush();
      for (const e of events) buffer.push(e.event);
    }
    if (buffer.length) yield flush();
    return;
  }

  const heap = new EventHeap();
  while (generated < opts.events) {
    const chainStart = start + Math.round(chain * gap);
    // Every event still to come starts at or after this harvest: emit what happened before it.
    while (heap.size && (heap.peek()?.t ?? Number.POSITIVE_INFINITY) < chainStart) {
      buffer.push((heap.pop() as Timed).event);
      if (buffer.length === perDocument) yield flush();
    }
    const events = chainEvents(ctx, chain, chainStart);
    for (const e of events) heap.push({ ...e, chain });
    generated += events.length;
    chain++;
  }
  while (heap.size) {
    buffer.push((heap.pop() as Timed).event);
    if (buffer.length === perDocument) yield flush();
  }
  if (buffer.length) yield flush();
}

// ---------------------------------------------------------------------------------------------
// Script: --check validates every document with Lumbung's own validation; --out writes them.

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "10000" },
      "per-document": { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      "whole-chains": { type: "boolean", default: false },
      "event-ids": { type: "string", default: "hash" },
      check: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const whole = (name: string, raw: string | undefined, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max} (got ${raw})`);
      process.exit(64);
    }
    return n;
  };
  const events = whole("events", values.events, 1, 100_000_000);
  const perDocument = whole("per-document", values["per-document"], 1, 100_000);
  const seed = whole("seed", values.seed, 0, MAX_SEED);
  if (values["event-ids"] !== "hash" && values["event-ids"] !== "uuid") {
    console.error("--event-ids must be hash or uuid");
    process.exit(64);
  }
  if (!values.check && !values.out) {
    console.error("nothing to do: give --check, --out <dir>, or both");
    process.exit(64);
  }
  if (values.out) mkdirSync(values.out, { recursive: true });

  const byStep = new Map<string, number>();
  let documents = 0;
  let total = 0;
  let invalid = 0;
  let bytes = 0;
  const started = performance.now();
  for await (const d of corridorDocuments({
    events,
    eventsPerDocument: perDocument,
    seed,
    wholeChains: values["whole-chains"],
    eventIds: values["event-ids"],
  })) {
    documents++;
    total += d.document.epcisBody.eventList.length;
    for (const e of d.document.epcisBody.eventList) {
      const key = `${e.type} ${String(e.bizStep ?? "")}`;
      byStep.set(key, (byStep.get(key) ?? 0) + 1);
    }
    const json = JSON.stringify(d.document);
    bytes += json.length;
    if (values.out)
      writeFileSync(path.join(values.out, `corridor-${String(d.index).padStart(6, "0")}.json`), json);
    if (values.check) {
      const violations = validateDocument(JSON.parse(json));
      if (violations.length) {
        invalid++;
        if (invalid <= 3) console.error(`document ${d.index}:`, violations.slice(0, 5));
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${documents} documents, ${total} events, ${(bytes / total).toFixed(0)} bytes/event, ${seconds.toFixed(1)} s` +
      (values.check ? `; validation: ${invalid === 0 ? "every document valid" : `${invalid} INVALID`}` : ""),
  );
  for (const [key, n] of [...byStep].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${key.padEnd(36)} ${String(n).padStart(9)}  ${((100 * n) / total).toFixed(1)} %`);
  }
  if (invalid) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
