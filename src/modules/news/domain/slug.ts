/** Slugs for article addresses, made from the title. Pure. */

const MAX_LENGTH = 80;

/**
 * "Operasi Pasar Murah: Beras & Minyak Goreng di Bandar Lampung!" →
 * "operasi-pasar-murah-beras-dan-minyak-goreng-di-bandar-lampung". Accents are dropped, "&" reads
 * "dan", "%" reads "persen", and the result is cut at a word boundary; an empty result is "berita".
 */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/%/g, " persen ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, MAX_LENGTH);
  return slug || "berita";
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
