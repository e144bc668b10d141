/**
 * Names and coordinates for the places (SGLNs) a journey names. Pure: the caller looks up the sites,
 * the farms of the trace's harvest lots and the owners of other locations, and passes them in.
 */
import { glnKeyOf as glnKey } from "../../epcis";

/** The extension of an SGLN when it names a part of the site (a dock, a zone, a bin), else null. */
export function sglnExtension(id: string): string | null {
  const m = /^urn:epc:id:sgln:\d+\.\d*\.([^.]*)$/.exec(id);
  if (!m || m[1] === "0" || m[1] === "") return null;
  try {
    return decodeURIComponent(m[1] as string);
  } catch {
    return m[1] as string;
  }
}

export interface SiteInfo {
  code: string;
  name: string;
  kind: string;
  sgln: string | null;
  latitude: number | null;
  longitude: number | null;
  operatorOrganisationId: string | null;
}

/** A farm where a harvest lot of the trace was declared (its commissioning event's location). */
export interface FarmInfo {
  sgln: string;
  /** "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah" */
  villageLabel: string | null;
  regencyCode: string | null;
  organisationId: string | null;
}

export type PlaceKind = "site" | "farm" | "organisation" | "unknown";

export interface Place {
  /** The identifier as events name it (an SGLN, with its extension). */
  id: string;
  name: string | null;
  kind: PlaceKind;
  /** Corridor sites: hub, warehouse, market, mill, port. */
  siteKind: string | null;
  siteCode: string | null;
  /** The dock, zone or bin within the site, when the identifier names one. */
  detail: string | null;
  /** The organisation that runs the site, owns the farm or holds the GLN. */
  organisationId: string | null;
  latitude: number | null;
  longitude: number | null;
  /** True when the coordinates stand for an area (a farm is shown at its regency's seat). */
  approximate: boolean;
}

/**
 * Seats (ibu kota) of Lampung's regencies and cities, WGS 84, rounded to 0.01°: where a farm is drawn
 * when only its village code is known. For drawing only (a few kilometres off at most); a place's
 * `approximate` flag says so. Village coordinates would need a gazetteer the reference data lacks.
 */
export const REGENCY_SEATS: Readonly<Record<string, { seat: string; latitude: number; longitude: number }>> =
  {
    "18.01": { seat: "Kalianda", latitude: -5.73, longitude: 105.59 },
    "18.02": { seat: "Gunung Sugih", latitude: -4.97, longitude: 105.27 },
    "18.03": { seat: "Kotabumi", latitude: -4.83, longitude: 104.88 },
    "18.04": { seat: "Liwa", latitude: -5.03, longitude: 104.07 },
    "18.05": { seat: "Menggala", latitude: -4.47, longitude: 105.24 },
    "18.06": { seat: "Kota Agung", latitude: -5.5, longitude: 104.62 },
    "18.07": { seat: "Sukadana", latitude: -5.07, longitude: 105.55 },
    "18.08": { seat: "Blambangan Umpu", latitude: -4.43, longitude: 104.55 },
    "18.09": { seat: "Gedong Tataan", latitude: -5.38, longitude: 105.07 },
    "18.10": { seat: "Pringsewu", latitude: -5.36, longitude: 104.97 },
    "18.11": { seat: "Mesuji", latitude: -4.04, longitude: 105.43 },
    "18.12": { seat: "Panaragan", latitude: -4.52, longitude: 105.08 },
    "18.13": { seat: "Krui", latitude: -5.19, longitude: 103.93 },
    "18.71": { seat: "Bandar Lampung", latitude: -5.43, longitude: 105.26 },
    "18.72": { seat: "Metro", latitude: -5.11, longitude: 105.31 },
  };

/** Kemendagri numbers kelurahan (urban villages) from 1001 and desa (rural villages) from 2001. */
export function villageLabel(
  village: { code: string; name: string },
  district: { name: string } | null,
  regency: { name: string } | null,
): string {
  const prefix = village.code.slice(-4).startsWith("1") ? "Kel." : "Desa";
  return [`${prefix} ${village.name}`, district ? `Kec. ${district.name}` : null, regency?.name ?? null]
    .filter(Boolean)
    .join(", ");
}

export interface PlaceSources {
  /** Corridor sites by GLN key. */
  sites: ReadonlyMap<string, SiteInfo>;
  /** Farms of the trace's harvest lots by GLN key (one organisation's farm GLN may serve several villages). */
  farms: ReadonlyMap<string, FarmInfo[]>;
  /** Organisations owning other GLNs (farms of lots outside the trace, party GLNs), by GLN key. */
  owners: ReadonlyMap<string, string>;
  /** Organisation names by id. */
  organisationNames: ReadonlyMap<string, string>;
}

/** What the journey says about one place: a site, a farm of its harvest, another member's GLN, or nothing. */
export function describePlace(id: string, src: PlaceSources): Place {
  const key = glnKey(id);
  const base: Place = {
    id,
    name: null,
    kind: "unknown",
    siteKind: null,
    siteCode: null,
    detail: sglnExtension(id),
    organisationId: null,
    latitude: null,
    longitude: null,
    approximate: false,
  };
  if (!key) return base;
  const site = src.sites.get(key);
  if (site) {
    return {
      ...base,
      name: site.name,
      kind: "site",
      siteKind: site.kind,
      siteCode: site.code,
      organisationId: site.operatorOrganisationId,
      latitude: site.latitude,
      longitude: site.longitude,
    };
  }
  const farms = src.farms.get(key);
  if (farms?.length) {
    const labels = [...new Set(farms.map((f) => f.villageLabel).filter((l): l is string => l !== null))];
    const organisationId = farms.find((f) => f.organisationId)?.organisationId ?? null;
    const seat = farms.map((f) => (f.regencyCode ? REGENCY_SEATS[f.regencyCode] : undefined)).find(Boolean);
    return {
      ...base,
      name: labels.length
        ? labels.join("; ")
        : organisationId
          ? (src.organisationNames.get(organisationId) ?? null)
          : null,
      kind: "farm",
      organisationId,
      latitude: seat?.latitude ?? null,
      longitude: seat?.longitude ?? null,
      approximate: seat !== undefined,
    };
  }
  const owner = src.owners.get(key);
  if (owner) {
    return {
      ...base,
      name: src.organisationNames.get(owner) ?? null,
      kind: "organisation",
      organisationId: owner,
    };
  }
  return base;
}
