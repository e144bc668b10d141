/**
 * The Lampung → Jakarta corridor as durations and timetables, and the leg plan of a shipment. Pure.
 *
 * Every figure carries its source: `corridor.md` is ../shared/reference/corridor.md (gathered from
 * langgam.id, oceanweek.co.id, kabarpenumpang.com, logistiknews.id, jpnn.com and others it names);
 * "estimate" marks a figure Lumbung assumes where no source gives one, so it can be replaced by
 * measured times once shipments have run (the delay report shows how far plans are off).
 */

export type Route = "roro" | "ferry" | "direct";
export type LegMode = "truck" | "roro" | "ferry";

/** Which side of the Sunda Strait a place is on. */
export type Side = "sumatra" | "java";

/**
 * Where a place sits for travel times: the ports and hubs by name, everything else by region.
 * `lampung-interior` is the rest of Lampung (Lampung Tengah, Metro, …), reached over the
 * Bakauheni–Terbanggi Besar toll road.
 */
export type Zone = "bakauheni" | "bandar-lampung" | "lampung-interior" | "merak" | "jakarta";

export const HOUR_MS = 3_600_000;

interface Figure {
  hours: number;
  source: string;
}

/** Truck travel times between zones on one side of the strait (symmetric). */
export const TRUCK_HOURS: Readonly<Record<string, Figure>> = {
  "bakauheni|bandar-lampung": { hours: 2, source: "corridor.md: Bakauheni → Bandar Lampung ≈ 2 h" },
  "bakauheni|lampung-interior": {
    hours: 3.5,
    source:
      "estimate: Bakauheni → Bandar Lampung ≈ 2 h (corridor.md) plus ≈ 1.5 h on to the Tegineneng/Terbanggi exits of the 140.9 km toll road",
  },
  "bandar-lampung|lampung-interior": {
    hours: 2,
    source:
      "estimate: the Tegineneng (Metro) and Terbanggi (Lampung Tengah) exits to Kota Baru and the port of Panjang, the shorter end of the 140.9 km toll road (corridor.md)",
  },
  "bandar-lampung|bandar-lampung": {
    hours: 0.5,
    source: "estimate: within Kota Bandar Lampung (Srengsem warehouses to Pelabuhan Panjang)",
  },
  "lampung-interior|lampung-interior": {
    hours: 1.5,
    source: "estimate: between kabupaten of central Lampung",
  },
  "jakarta|merak": {
    hours: 3.5,
    source: "corridor.md: Merak → Jakarta ≈ 100 km toll road, 3–3.5 h with queues",
  },
  "jakarta|jakarta": {
    hours: 1,
    source: "estimate: Tanjung Priok to Cipinang or Kramat Jati, ≈ 15–20 km in city traffic",
  },
  "merak|merak": { hours: 0.5, source: "estimate: within the port of Merak" },
  "bakauheni|bakauheni": { hours: 0.5, source: "estimate: within the port of Bakauheni" },
};

export const FERRY_CROSSING: Figure = {
  hours: 2,
  source: "corridor.md: ferry Bakauheni ↔ Merak ≈ 2 h crossing",
};
export const FERRY_QUEUE: Figure = {
  hours: 1,
  source:
    "estimate: ticketing and loading queue at Bakauheni (corridor.md: up to 3,231 trucks on a peak day; closes in high waves)",
};
export const RORO_SAILING: Figure = {
  hours: 9,
  source: "corridor.md: ro-ro Panjang → Tanjung Priok, 8–10 h at sea (the middle, 9 h)",
};
/** Hours of the day (WIB) the ro-ro leaves Panjang. */
export const RORO_DEPARTURES_WIB: readonly number[] = [7, 15, 23];
export const RORO_DEPARTURES_SOURCE =
  "corridor.md: ro-ro Panjang → Tanjung Priok since 2016, departures 07:00, 15:00, 23:00";
/** The least time a shipment spends at Panjang between arriving by truck and sailing. */
export const HUB_HANDLING_PANJANG: Figure = {
  hours: 2,
  source: "estimate: gate check, inspection and loading on the ro-ro at Pelabuhan Panjang",
};
/** The least time at Priok between the ship berthing and the onward truck leaving. */
export const HUB_HANDLING_PRIOK: Figure = {
  hours: 1,
  source: "estimate: unloading, inspection and cross-dock at Tanjung Priok",
};

/** Site codes the leg plans go through (reference sites; corridor.md). */
export const CORRIDOR_SITES = {
  panjang: "hub-panjang",
  priok: "hub-priok",
  bakauheni: "pelabuhan-bakauheni",
  merak: "pelabuhan-merak",
} as const;

/** A place a leg starts or ends at, as the plan needs it. */
export interface Place {
  /** The SGLN events name it by (extension 0). */
  sgln: string;
  name: string;
  zone: Zone;
  /** The corridor site it is, or null for a farm. */
  siteCode: string | null;
}

/** The zone of a corridor site or a farm: ports and hubs by code, other places by Kemendagri region. */
export function zoneOf(place: { siteCode?: string | null; regionCode?: string | null }): Zone {
  switch (place.siteCode) {
    case CORRIDOR_SITES.bakauheni:
      return "bakauheni";
    case CORRIDOR_SITES.merak:
      return "merak";
    case CORRIDOR_SITES.panjang:
      return "bandar-lampung";
    case CORRIDOR_SITES.priok:
      return "jakarta";
  }
  const region = place.regionCode ?? "";
  if (region === "18.71" || region.startsWith("18.71.")) return "bandar-lampung";
  // An organisation without a region code is taken to be where Lumbung's producers are: Lampung.
  if (region === "" || region === "18" || region.startsWith("18.")) return "lampung-interior";
  // Banten (36, the Merak side) and DKI Jakarta (31) are both reached from Merak or Priok.
  return "jakarta";
}

export function sideOf(zone: Zone): Side {
  return zone === "merak" || zone === "jakarta" ? "java" : "sumatra";
}

/** Truck hours between two zones; across the strait, the truck takes the ferry (queue + crossing). */
export function truckHours(from: Zone, to: Zone): number {
  if (sideOf(from) !== sideOf(to)) {
    const [sumatra, java] = sideOf(from) === "sumatra" ? [from, to] : [to, from];
    return (
      truckHours(sumatra, "bakauheni") + FERRY_QUEUE.hours + FERRY_CROSSING.hours + truckHours("merak", java)
    );
  }
  const figure = TRUCK_HOURS[[from, to].sort().join("|")];
  if (!figure) throw new RangeError(`no truck time between ${from} and ${to}`);
  return figure.hours;
}

const WIB_MS = 7 * HOUR_MS;

/** The first ro-ro departure from Panjang at or after `after` (07:00, 15:00, 23:00 WIB). */
export function nextRoroDeparture(after: Date): Date {
  const wib = new Date(after.getTime() + WIB_MS);
  const dayStart = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()) - WIB_MS;
  for (let day = 0; day < 2; day++) {
    for (const hour of RORO_DEPARTURES_WIB) {
      const slot = dayStart + day * 24 * HOUR_MS + hour * HOUR_MS;
      if (slot >= after.getTime()) return new Date(slot);
    }
  }
  throw new Error("unreachable: a ro-ro leaves every day");
}

export interface PlannedLeg {
  seq: number;
  mode: LegMode;
  from: Place;
  to: Place;
  plannedDeparture: Date;
  plannedArrival: Date;
}

export type PlanProblem =
  | { kind: "same_place" }
  | { kind: "wrong_direction"; route: Route }
  | { kind: "same_side_crossing"; route: Route };

export interface CorridorPlaces {
  panjang: Place;
  priok: Place;
  bakauheni: Place;
  merak: Place;
}

const after = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** Why a route cannot take goods from `origin` to `destination`, or null when it can. */
export function routeProblem(route: Route, origin: Place, destination: Place): PlanProblem | null {
  if (origin.sgln === destination.sgln) return { kind: "same_place" };
  if (route === "direct") return null;
  // The ro-ro and the ferry are booked Lampung → Java: the corridor's direction of food.
  if (sideOf(origin.zone) !== "sumatra" || sideOf(destination.zone) !== "java") {
    return sideOf(origin.zone) === sideOf(destination.zone)
      ? { kind: "same_side_crossing", route }
      : { kind: "wrong_direction", route };
  }
  return null;
}

/**
 * The legs of a shipment leaving `origin` at `departure`:
 *   roro   truck origin → Panjang, ro-ro Panjang → Priok (next 07/15/23 WIB sailing after handling), truck Priok → destination
 *   ferry  truck origin → Bakauheni, ferry Bakauheni → Merak (after the queue), truck Merak → destination
 *   direct one truck leg (across the strait it rides the ferry)
 * A leg that would start and end at the same place (the origin is the hub) is left out.
 */
export function planLegs(
  route: Route,
  origin: Place,
  destination: Place,
  departure: Date,
  places: CorridorPlaces,
): PlannedLeg[] {
  const problem = routeProblem(route, origin, destination);
  if (problem) throw new RangeError(`cannot plan ${route}: ${problem.kind}`);
  const stretches: { mode: LegMode; from: Place; to: Place }[] =
    route === "roro"
      ? [
          { mode: "truck", from: origin, to: places.panjang },
          { mode: "roro", from: places.panjang, to: places.priok },
          { mode: "truck", from: places.priok, to: destination },
        ]
      : route === "ferry"
        ? [
            { mode: "truck", from: origin, to: places.bakauheni },
            { mode: "ferry", from: places.bakauheni, to: places.merak },
            { mode: "truck", from: places.merak, to: destination },
          ]
        : [{ mode: "truck", from: origin, to: destination }];
  const legs: PlannedLeg[] = [];
  let at = departure;
  for (const s of stretches.filter((x) => x.from.sgln !== x.to.sgln)) {
    const first = legs.length === 0;
    const leaves = first ? at : departureAfterArrival(s.mode, s.from, at);
    const arrives = after(leaves, legHours(s.mode, s.from, s.to));
    legs.push({
      seq: legs.length + 1,
      mode: s.mode,
      from: s.from,
      to: s.to,
      plannedDeparture: leaves,
      plannedArrival: arrives,
    });
    at = arrives;
  }
  return legs;
}

/** Hours a leg takes under way. */
export function legHours(mode: LegMode, from: Place, to: Place): number {
  if (mode === "roro") return RORO_SAILING.hours;
  if (mode === "ferry") return FERRY_CROSSING.hours;
  return truckHours(from.zone, to.zone);
}

/**
 * When the next leg can leave a place the goods reached at `arrived`: the ro-ro's next sailing after
 * handling at Panjang; after handling at Priok; after the queue at Bakauheni; at once elsewhere
 * (the truck that brought them off the ferry drives on).
 */
export function departureAfterArrival(mode: LegMode, from: Pick<Place, "siteCode">, arrived: Date): Date {
  if (mode === "roro") return nextRoroDeparture(after(arrived, HUB_HANDLING_PANJANG.hours));
  if (mode === "ferry") return after(arrived, FERRY_QUEUE.hours);
  if (from.siteCode === CORRIDOR_SITES.priok) return after(arrived, HUB_HANDLING_PRIOK.hours);
  if (from.siteCode === CORRIDOR_SITES.panjang) return after(arrived, HUB_HANDLING_PANJANG.hours);
  return arrived;
}
