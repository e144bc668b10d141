/**
 * Query normalisation for the catalogue search. Pure: the SQL lives in the catalogue service.
 *
 * The database folds text the same way (`lumbung_unaccent(lower(…))`), so "Kópi  ROBUSTA!" and
 * "kopi robusta" are the same query. Tokens are kept to letters and digits, which makes the tsquery
 * built from them safe to hand to `to_tsquery` (no operators can be smuggled in).
 */

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "popular"] as const;
export type SearchSort = (typeof SORTS)[number];

const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

/** Lower case, accents removed, anything but letters and digits turned into spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a query, folded; at most eight, each at most 40 characters. */
export function queryTokens(q: string | undefined | null): string[] {
  if (!q) return [];
  const tokens = foldText(q)
    .split(" ")
    .filter(Boolean)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(tokens)].slice(0, MAX_TOKENS);
}

/**
 * A `to_tsquery('simple', …)` text where every word must appear, the last one also as a prefix (the
 * person may still be typing: "kopi rob" finds "kopi robusta"). Null when there are no words.
 */
export function prefixTsQuery(tokens: readonly string[]): string | null {
  if (!tokens.length) return null;
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(" & ");
}

/**
 * The words a typo-tolerant (trigram) match is tried with: one-letter words say nothing about
 * similarity and would match everything.
 */
export function fuzzyTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.length >= 3);
}

/** How many close words of the vocabulary a misspelt word is tried as. */
export const CORRECTIONS_PER_WORD = 3;

/**
 * The tsquery of a search whose words may be misspelt: each word or any of its corrections
 * ("kopi & (robsta | robusta):*"). Corrections come from the vocabulary, so they are folded words too.
 */
export function correctedTsQuery(
  tokens: readonly string[],
  alternatives: ReadonlyMap<string, readonly string[]>,
) {
  return tokens
    .map((t, i) => {
      const words = [t, ...(alternatives.get(t) ?? [])].filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
      const last = i === tokens.length - 1;
      const terms = words.map((w) => (last && w === t ? `${w}:*` : w));
      return terms.length > 1 ? `(${terms.join(" | ")})` : terms[0];
    })
    .join(" & ");
}

/** The words of a product name worth correcting a query towards (three letters or more), folded. */
export function vocabularyOf(name: string): string[] {
  return fuzzyTokens(queryTokens(name));
}

/** Fewer full-text hits than this on a query and the search also tries similar spellings. */
export const FEW_RESULTS = 5;

/** The search's paging, clamped. */
export function paging(limit: number | undefined, offset: number | undefined) {
  return {
    limit: Math.min(Math.max(Math.trunc(limit ?? 20), 1), 60),
    offset: Math.min(Math.max(Math.trunc(offset ?? 0), 0), 10_000),
  };
}

/**
 * Totals are exact up to this many matches; a broader query answers this number with `totalCapped`
 * ("more than 1,000 products"), so a one-word query never has to count and rank a tenth of the catalogue.
 */
export const TOTAL_CAP = 1000;
