import type { DbOrTx } from "../../db/client";
import { AppError } from "../../http/errors";
import type { ReferenceService } from "../reference";
import { glnKey } from "./domain/codes";
import { CORRIDOR_SITES, type CorridorPlaces, type Place, zoneOf } from "./domain/corridor";

export type Site = Awaited<ReturnType<ReferenceService["getSite"]>>;

/** The corridor sites as places of a plan, and sites looked up by the SGLNs events name. */
export function createPlaces(reference: ReferenceService) {
  let corridor: CorridorPlaces | null = null;

  function placeOf(site: Site): Place {
    if (!site.sgln) {
      throw new AppError(
        "shipments.invalid",
        `Site ${site.code} has no GLN yet; Lumbung issues one at start`,
      );
    }
    return {
      sgln: site.sgln,
      name: site.name,
      zone: zoneOf({ siteCode: site.code, regionCode: site.regionCode }),
      siteCode: site.code,
    };
  }

  return {
    placeOf,

    /** A site by code, or null when Lumbung has none. Outside transactions (reads the reference tables). */
    async site(code: string): Promise<Site | null> {
      try {
        return await reference.getSite(code);
      } catch (err) {
        if (err instanceof AppError && err.code === "reference.unknown_site") return null;
        throw err;
      }
    },

    /** Panjang, Priok, Bakauheni and Merak as plans need them; their GLNs never change once issued. */
    async corridorPlaces(): Promise<CorridorPlaces> {
      if (corridor) return corridor;
      const [panjang, priok, bakauheni, merak] = await Promise.all(
        [CORRIDOR_SITES.panjang, CORRIDOR_SITES.priok, CORRIDOR_SITES.bakauheni, CORRIDOR_SITES.merak].map(
          (c) => reference.getSite(c),
        ),
      );
      corridor = {
        panjang: placeOf(panjang as Site),
        priok: placeOf(priok as Site),
        bakauheni: placeOf(bakauheni as Site),
        merak: placeOf(merak as Site),
      };
      return corridor;
    },

    /** SGLNs (extension 0) of the hubs an organisation operates. */
    async hubSglnsOf(organisationId: string | null): Promise<string[]> {
      if (!organisationId) return [];
      const hubs = await reference.listSites({ kind: "hub" });
      return hubs
        .filter((h) => h.operatorOrganisationId === organisationId && h.sgln)
        .map((h) => h.sgln as string);
    },

    /** The sites named by these SGLNs (any extension), by GLN key; inside the caller's transaction. */
    async sitesByIds(tx: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, Site>> {
      const keys = [...new Set(ids.map((id) => (id ? glnKey(id) : null)).filter((k): k is string => !!k))];
      const sites = await reference.sitesByGlnKeys(keys, tx);
      return new Map(sites.filter((s) => s.sgln).map((s) => [glnKey(s.sgln as string) as string, s]));
    },
  };
}

export type Places = ReturnType<typeof createPlaces>;

export function siteOf(map: Map<string, Site>, id: string | null | undefined): Site | undefined {
  const key = id ? glnKey(id) : null;
  return key ? map.get(key) : undefined;
}
