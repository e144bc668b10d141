/**
 * Places inside a shared warehouse, as events name them: the site's SGLN with an extension. The
 * receiving dock is `dock`, picked stock waits in `staging`, zones use their own code; `0` is the
 * site as a whole (TDS writes "no extension" as 0). Pure.
 */

export const DOCK = "dock";
export const STAGING = "staging";
export const SITE_ITSELF = "0";
/** Extensions that are not zones: a zone may not take these codes. */
export const RESERVED_CODES: readonly string[] = [DOCK, STAGING, SITE_ITSELF];

/**
 * A zone code: lower-case letters, digits and inner hyphens, at most 20 characters, so that it is a
 * valid GLN extension (AI 254) in an SGLN and reads well on a shelf label ("kering-a", "dingin-1").
 */
export const ZONE_CODE = /^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$/;

export function isZoneCode(code: string): boolean {
  return ZONE_CODE.test(code) && !RESERVED_CODES.includes(code);
}

/** `P.L` and the extension of an SGLN (`urn:epc:id:sgln:P.L.ext`), or null for anything else. */
export function sglnParts(id: string): { key: string; extension: string } | null {
  const m = /^urn:epc:id:sgln:(\d+\.\d*)\.([^.]+)$/.exec(id);
  return m ? { key: m[1] as string, extension: decodeURIComponent(m[2] as string) } : null;
}

/** The SGLN of a place inside a site: the site's SGLN with `location` as its extension. */
export function locationSgln(siteSgln: string, location: string): string {
  const parts = sglnParts(siteSgln);
  if (!parts) throw new RangeError(`not an SGLN: ${siteSgln}`);
  return `urn:epc:id:sgln:${parts.key}.${location}`;
}

/** The lot number of an LGTIN class (`urn:epc:class:lgtin:P.I.L` → `L`), for people to read. */
export function lotCodeOf(epc: string): string {
  const m = /^urn:epc:class:lgtin:\d+\.\d+\.(.+)$/.exec(epc);
  return m ? decodeURIComponent(m[1] as string) : epc;
}
