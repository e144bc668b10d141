/**
 * The journey map's geometry, pure: an equirectangular projection of the corridor (south Sumatra to
 * west Java), simplified coastlines, and the journey's places in order, with places too close to tell
 * apart drawn as one numbered marker. No tiles, no network: everything is drawn from coordinates.
 */
import type { Step, TracePlace } from "./model.ts";

/** The corridor's box: Lampung and the west tip of Java, longitude east, latitude north (negative: south). */
export const BOUNDS = { west: 103.5, east: 107.2, north: -3.6, south: -6.8 } as const;
/** SVG units per degree; at 5° S a degree of longitude and of latitude are within 0.4 % of each other. */
const SCALE = 100;

export const VIEW = {
  width: (BOUNDS.east - BOUNDS.west) * SCALE,
  height: (BOUNDS.north - BOUNDS.south) * SCALE,
};

export interface Point {
  x: number;
  y: number;
}

export function project(longitude: number, latitude: number): Point {
  return {
    x: Math.round((longitude - BOUNDS.west) * SCALE * 10) / 10,
    y: Math.round((BOUNDS.north - latitude) * SCALE * 10) / 10,
  };
}

export function inBounds(longitude: number, latitude: number): boolean {
  return (
    longitude >= BOUNDS.west &&
    longitude <= BOUNDS.east &&
    latitude <= BOUNDS.north &&
    latitude >= BOUNDS.south
  );
}

/**
 * Coastlines simplified to a few dozen points each ([longitude, latitude]): the south of Sumatra with
 * Lampung Bay and Semangka Bay, and the west of Java from Ujung Kulon past Merak and Jakarta Bay.
 */
const SUMATRA: [number, number][] = [
  [103.3, -3.4],
  [106.1, -3.4],
  [105.95, -3.9],
  [105.87, -4.3],
  [105.85, -4.9],
  [105.85, -5.35],
  [105.82, -5.65],
  [105.75, -5.87],
  [105.6, -5.8],
  [105.59, -5.73],
  [105.45, -5.6],
  [105.32, -5.47],
  [105.22, -5.55],
  [105.2, -5.75],
  [105.1, -5.78],
  [104.9, -5.62],
  [104.62, -5.5],
  [104.62, -5.75],
  [104.57, -5.93],
  [104.3, -5.7],
  [103.93, -5.19],
  [103.6, -4.95],
  [103.3, -4.8],
];

const JAVA: [number, number][] = [
  [105.1, -6.9],
  [105.25, -6.72],
  [105.5, -6.55],
  [105.65, -6.48],
  [105.83, -6.38],
  [105.83, -6.25],
  [105.88, -6.07],
  [106.0, -5.93],
  [106.1, -5.88],
  [106.2, -6.0],
  [106.3, -5.93],
  [106.55, -6.0],
  [106.77, -6.1],
  [106.88, -6.1],
  [106.96, -6.09],
  [107.03, -5.93],
  [107.3, -5.95],
  [107.3, -6.9],
];

function path(coast: [number, number][]): string {
  return `${coast
    .map(([lon, lat], i) => {
      const p = project(lon, lat);
      return `${i === 0 ? "M" : "L"}${p.x} ${p.y}`;
    })
    .join("")}Z`;
}

export const LAND = { sumatra: path(SUMATRA), java: path(JAVA) };

/** Sumatra or Java: a leg between the two crosses the sea (the ro-ro or the ferry). */
export function island(longitude: number, latitude: number): "sumatra" | "java" {
  return latitude > -5.9 && longitude < 105.95 ? "sumatra" : "java";
}

export interface Stop {
  /** 1-based position in the journey. */
  n: number;
  place: TracePlace;
  onMap: boolean;
}

/** The places the journey passed, in order, each once (a return to a place is a new stop). */
export function stopsOf(journey: Pick<Step, "place">[], places: TracePlace[]): Stop[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  // Docks and zones of one site (or of one GLN Lumbung does not know) are one stop.
  const keyOf = (p: TracePlace) => p.siteCode ?? p.id.replace(/^(urn:epc:id:sgln:\d+\.\d*)\..*$/, "$1");
  const out: Stop[] = [];
  for (const step of journey) {
    const place = step.place ? byId.get(step.place) : undefined;
    if (!place) continue;
    const last = out.at(-1);
    if (last && keyOf(last.place) === keyOf(place)) continue;
    const onMap =
      place.latitude !== null && place.longitude !== null && inBounds(place.longitude, place.latitude);
    out.push({ n: out.length + 1, place, onMap });
  }
  return out;
}

export interface Marker extends Point {
  numbers: number[];
  approximate: boolean;
}

/** Stops closer than `radius` SVG units share one marker (Panjang hub and its warehouse, Jakarta's sites). */
export function markersOf(stops: Stop[], radius = 18): Marker[] {
  const markers: Marker[] = [];
  for (const stop of stops) {
    if (!stop.onMap) continue;
    const p = project(stop.place.longitude as number, stop.place.latitude as number);
    const near = markers.find((m) => Math.hypot(m.x - p.x, m.y - p.y) < radius);
    if (near) {
      if (!near.numbers.includes(stop.n)) near.numbers.push(stop.n);
      near.approximate &&= stop.place.approximate;
    } else {
      markers.push({ ...p, numbers: [stop.n], approximate: stop.place.approximate });
    }
  }
  return markers;
}

export interface Leg {
  from: Point;
  to: Point;
  sea: boolean;
}

/** The lines between consecutive stops on the map; a leg between Sumatra and Java is a sea crossing. */
export function legsOf(stops: Stop[]): Leg[] {
  const shown = stops.filter((s) => s.onMap);
  const legs: Leg[] = [];
  for (let i = 1; i < shown.length; i++) {
    const a = (shown[i - 1] as Stop).place;
    const b = (shown[i] as Stop).place;
    const [aLon, aLat, bLon, bLat] = [a.longitude, a.latitude, b.longitude, b.latitude] as number[];
    const from = project(aLon as number, aLat as number);
    const to = project(bLon as number, bLat as number);
    if (from.x === to.x && from.y === to.y) continue;
    legs.push({
      from,
      to,
      sea: island(aLon as number, aLat as number) !== island(bLon as number, bLat as number),
    });
  }
  return legs;
}
