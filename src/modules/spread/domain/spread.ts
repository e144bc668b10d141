import { cheapestRoute } from "./freight";

export interface Bilingual {
  id: string;
  en: string;
}

/**
 * Default flag threshold: the net spread must reach 15% of the Lampung price. Freight is only part of
 * what a trade costs: loading and unloading, losses and sorting on the way (chili and shallots lose
 * weight), storage, financing and both BUMDs' margins are not in it. A gap below that is mostly eaten
 * by them; above it a trade can close the gap and still pay. It is a policy knob (`thresholdPct`).
 */
export const DEFAULT_THRESHOLD_PCT = 15;

/** Prices older than this before the as-of date are not used (a weekly survey plus a week's slack). */
export const DEFAULT_MAX_AGE_DAYS = 14;

export const LEVEL_NAMES: Record<string, Bilingual> = {
  producer: { id: "produsen", en: "producer" },
  wholesale: { id: "grosir", en: "wholesale" },
  retail: { id: "eceran", en: "retail" },
};

const ROUTE_NAMES: Record<string, Bilingual> = {
  roro: { id: "ro-ro Panjang–Tanjung Priok", en: "Panjang–Tanjung Priok ro-ro" },
  ferry: { id: "feri Bakauheni–Merak", en: "Bakauheni–Merak ferry" },
};

const rpId = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const rpEn = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const pctId = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const pctEn = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function routeName(route: string): Bilingual {
  return ROUTE_NAMES[route] ?? { id: route, en: route };
}

export interface SpreadInput {
  lampungPrice: number;
  jakartaPrice: number;
  /** Freight in whole rupiah per kg, per route. */
  freight: { route: string; rpPerKg: number }[];
  thresholdPct: number;
}

export interface SpreadResult {
  cheapestRoute: string;
  /** Net spread per route: Jakarta retail − Lampung price − that route's freight. */
  netByRoute: Record<string, number>;
  netSpreadRp: number;
  /** Of the Lampung price, one decimal. */
  netSpreadPct: number;
  flagged: boolean;
  reason: Bilingual;
}

/**
 * Net spread over the cheapest route, and whether it is wide enough for a BUMD-to-BUMD trade to close
 * it: Jakarta retail − Lampung price − freight ≥ thresholdPct % of the Lampung price.
 * Null when there is no freight route to price the move with.
 */
export function computeSpread(input: SpreadInput): SpreadResult | null {
  const route = cheapestRoute(input.freight);
  if (route === null || input.lampungPrice <= 0) return null;
  const netByRoute: Record<string, number> = {};
  for (const f of input.freight) netByRoute[f.route] = input.jakartaPrice - input.lampungPrice - f.rpPerKg;
  const net = netByRoute[route] as number;
  const pct = Math.round((net / input.lampungPrice) * 1000) / 10;
  const flagged = pct >= input.thresholdPct;
  const via = routeName(route);
  const figures = {
    id: `Selisih bersih Rp${rpId.format(net)}/kg (${pctId.format(pct)}% dari harga Lampung) lewat ${via.id}`,
    en: `Net spread Rp${rpEn.format(net)}/kg (${pctEn.format(pct)}% of the Lampung price) via the ${via.en}`,
  };
  const threshold = { id: pctId.format(input.thresholdPct), en: pctEn.format(input.thresholdPct) };
  let reason: Bilingual;
  if (flagged) {
    reason = {
      id: `${figures.id} ≥ ambang ${threshold.id}%: perdagangan BUMD-ke-BUMD (mis. Food Station membeli dari mitra di Lampung) dapat menutup selisih ini.`,
      en: `${figures.en} ≥ the ${threshold.en}% threshold: a BUMD-to-BUMD trade (e.g. Food Station buying from Lampung partners) could close it.`,
    };
  } else if (net > 0) {
    reason = {
      id: `${figures.id}, di bawah ambang ${threshold.id}%: sisa selisih habis untuk bongkar-muat, susut dan margin.`,
      en: `${figures.en}, below the ${threshold.en}% threshold: handling, losses and margins would take the rest.`,
    };
  } else {
    reason = {
      id: `${figures.id}: eceran Jakarta tidak melebihi harga Lampung ditambah ongkos angkut, tidak ada selisih untuk ditutup.`,
      en: `${figures.en}: Jakarta retail does not exceed the Lampung price plus freight, so there is no gap to close.`,
    };
  }
  return { cheapestRoute: route, netByRoute, netSpreadRp: net, netSpreadPct: pct, flagged, reason };
}

/** Why an item has no figure: which side has no recent price, and since when. */
export function missingReason(m: {
  lampung: { latest: string | null } | null;
  jakarta: { latest: string | null } | null;
  asOf: string;
  maxAgeDays: number;
}): Bilingual {
  const parts: Bilingual[] = [];
  const side = (name: Bilingual, latest: string | null): Bilingual => ({
    id: latest
      ? `${name.id}: harga terakhir ${latest}, lebih dari ${m.maxAgeDays} hari sebelum ${m.asOf}`
      : `${name.id}: belum ada harga sampai ${m.asOf}`,
    en: latest
      ? `${name.en}: latest price ${latest}, more than ${m.maxAgeDays} days before ${m.asOf}`
      : `${name.en}: no price up to ${m.asOf}`,
  });
  if (m.lampung)
    parts.push(
      side(
        { id: "Lampung (produsen, grosir atau eceran)", en: "Lampung (producer, wholesale or retail)" },
        m.lampung.latest,
      ),
    );
  if (m.jakarta) parts.push(side({ id: "Eceran Jakarta", en: "Jakarta retail" }, m.jakarta.latest));
  return {
    id: `Selisih tidak dihitung. ${parts.map((p) => p.id).join("; ")}.`,
    en: `No spread computed. ${parts.map((p) => p.en).join("; ")}.`,
  };
}
