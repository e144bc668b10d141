import { promisify } from "node:util";
import zlib from "node:zlib";

/**
 * The public price board as bytes ready for the socket: the JSON once as UTF-8 and once per content
 * coding browsers ask for. The board is ≈ 90 kB of JSON that compresses ≈ 20×, and it is read far more
 * often than it changes, so compressing on every request (as @fastify/compress would) wastes the CPU the
 * board is short of; compressing once per board costs a few milliseconds on the thread pool.
 */
export type BoardCoding = "br" | "gzip" | "identity";

export interface EncodedBoard {
  /** Strong validator of the JSON itself (the service's), sent as is with the uncompressed body. */
  etag: string;
  bodies: Record<BoardCoding, Buffer>;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

// Measured on a 90 kB board: brotli 6 gives 3.9 kB in ≈ 3 ms, 11 gives 3.3 kB but takes ≈ 300 ms,
// which every price write would make the next visitor wait for. gzip 9 gives 5.0 kB in ≈ 3 ms.
async function encode(json: string, etag: string): Promise<EncodedBoard> {
  const identity = Buffer.from(json, "utf8");
  const [gz, br] = await Promise.all([
    gzip(identity, { level: 9 }),
    brotli(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
  return { etag, bodies: { identity, gzip: gz, br } };
}

/**
 * Encoded boards keyed by the ETag, a hash of the JSON: a price write gives the board a new ETag and so
 * a new entry, and an entry can never describe other data than its key. Concurrent requests for a board
 * not yet encoded share one encoding.
 */
export function createBoardEncodings(maxEntries = 32) {
  const entries = new Map<string, Promise<EncodedBoard>>();
  return function encoded(json: string, etag: string): Promise<EncodedBoard> {
    const hit = entries.get(etag);
    if (hit) return hit;
    // Insertion order is age order: the oldest board goes first (past days, superseded versions).
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    const pending = encode(json, etag);
    entries.set(etag, pending);
    pending.catch(() => entries.delete(etag));
    return pending;
  };
}

/** Quality values per coding from an Accept-Encoding header (RFC 9110 §12.5.3). */
function qualities(header: string): { br: number; gzip: number } {
  let br = -1;
  let gz = -1;
  let any = -1;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";");
    const coding = name.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split("=");
      if (k?.trim().toLowerCase() === "q") q = Number(v) || 0;
    }
    if (coding === "br") br = q;
    else if (coding === "gzip" || coding === "x-gzip") gz = q;
    else if (coding === "*") any = q;
  }
  return { br: br < 0 ? Math.max(any, 0) : br, gzip: gz < 0 ? Math.max(any, 0) : gz };
}

const negotiated = new Map<string, BoardCoding>();

/** The smallest coding the client accepts; browsers send a handful of distinct headers, so remember them. */
export function negotiateCoding(acceptEncoding: string | undefined): BoardCoding {
  if (!acceptEncoding) return "identity";
  const known = negotiated.get(acceptEncoding);
  if (known) return known;
  const q = qualities(acceptEncoding);
  const coding: BoardCoding = q.br > 0 && q.br >= q.gzip ? "br" : q.gzip > 0 ? "gzip" : "identity";
  // Bounded: a client inventing headers must not grow memory.
  if (negotiated.size < 64) negotiated.set(acceptEncoding, coding);
  return coding;
}

/**
 * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`. Compressed answers
 * carry the weak form, since their bytes differ from the uncompressed one's; either revalidates.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  for (const tag of ifNoneMatch.split(",")) {
    const t = tag.trim();
    if (t === "*" || t === etag || t === `W/${etag}`) return true;
  }
  return false;
}
