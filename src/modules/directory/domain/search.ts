/**
 * Searching the services registry: case and accent insensitive, word-prefix matching, and a little
 * typo tolerance (one edit in words of five letters or more). Pure, so it is tested without a database.
 */

/** Lower case, accents removed ("Pélayanan" → "pelayanan"), anything but letters and digits as spaces. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function words(text: string): string[] {
  const n = normalise(text);
  return n === "" ? [] : n.split(" ");
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * How well one query word matches one word of the text: 3 exact, 2 prefix, 1 one typo away
 * (for query words of 5+ letters, also against the same-length prefix of a longer word), 0 none.
 */
export function wordScore(query: string, word: string): number {
  if (word === query) return 3;
  if (word.startsWith(query)) return 2;
  if (query.length >= 5) {
    if (editDistance(query, word, 1) <= 1) return 1;
    if (word.length > query.length && editDistance(query, word.slice(0, query.length), 1) <= 1) return 1;
  }
  return 0;
}

export interface SearchableFields {
  /** Heavier: names. */
  primary: string[];
  /** Descriptions, agency, keywords. */
  secondary: string[];
}

/**
 * The score of a document for a query: every query word must match some word (AND), names weigh
 * double. 0 means no match. An empty query matches everything with score 1.
 */
export function score(query: string, doc: SearchableFields): number {
  const q = words(query);
  if (q.length === 0) return 1;
  const primary = doc.primary.flatMap(words);
  const secondary = doc.secondary.flatMap(words);
  // A phrase typed as one word ("ektp" for "e-KTP") matches the text written with its parts joined.
  const joined = [...doc.primary, ...doc.secondary].map((t) => normalise(t).replace(/ /g, ""));
  let total = 0;
  for (const qw of q) {
    let best = 0;
    for (const w of primary) best = Math.max(best, wordScore(qw, w) * 2);
    for (const w of secondary) best = Math.max(best, wordScore(qw, w));
    if (best === 0 && qw.length >= 3 && joined.some((j) => j.includes(qw))) best = 1;
    if (best === 0) return 0;
    total += best;
  }
  return total;
}
