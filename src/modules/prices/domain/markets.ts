import type { PriceLevel } from "../prices.tables";

export interface MarketSeed {
  code: string;
  name: string;
  regionCode: string;
  level: PriceLevel;
  operator: string | null;
  latitude: number;
  longitude: number;
}

/**
 * Where Lumbung observes prices. Region codes are Kemendagri (idn-area-data). Farm-gate points stand for
 * a regency's paddy and cassava farm gates, located at the regency seat.
 */
export const MARKETS: MarketSeed[] = [
  // Jakarta wholesale centres.
  m(
    "pasar-induk-kramat-jati",
    "Pasar Induk Kramat Jati",
    "31.75",
    "wholesale",
    "Perumda Pasar Jaya",
    -6.2786,
    106.8669,
  ),
  m(
    "pasar-induk-beras-cipinang",
    "Pasar Induk Beras Cipinang",
    "31.75",
    "wholesale",
    "PT Food Station Tjipinang Jaya",
    -6.2125,
    106.8838,
  ),
  // Jakarta retail markets of Perumda Pasar Jaya, one per city.
  m("pasar-senen", "Pasar Senen", "31.71", "retail", "Perumda Pasar Jaya", -6.1737, 106.8433),
  m("pasar-koja-baru", "Pasar Koja Baru", "31.72", "retail", "Perumda Pasar Jaya", -6.1157, 106.9017),
  m("pasar-grogol", "Pasar Grogol", "31.73", "retail", "Perumda Pasar Jaya", -6.1636, 106.7891),
  m("pasar-minggu", "Pasar Minggu", "31.74", "retail", "Perumda Pasar Jaya", -6.2847, 106.8437),
  m("pasar-kramat-jati", "Pasar Kramat Jati", "31.75", "retail", "Perumda Pasar Jaya", -6.271, 106.866),
  // Lampung retail markets.
  m("pasar-tugu", "Pasar Tugu", "18.71", "retail", "Pemerintah Kota Bandar Lampung", -5.4085, 105.276),
  m(
    "pasar-bambu-kuning",
    "Pasar Bambu Kuning",
    "18.71",
    "retail",
    "Pemerintah Kota Bandar Lampung",
    -5.4176,
    105.2576,
  ),
  m(
    "pasar-way-halim",
    "Pasar Way Halim",
    "18.71",
    "retail",
    "Pemerintah Kota Bandar Lampung",
    -5.3834,
    105.2817,
  ),
  m("pasar-cendrawasih", "Pasar Cendrawasih", "18.72", "retail", "Pemerintah Kota Metro", -5.1136, 105.3067),
  // Lampung farm gates.
  m(
    "tingkat-petani-lampung-tengah",
    "Tingkat petani Lampung Tengah",
    "18.02",
    "producer",
    null,
    -4.9667,
    105.2167,
  ),
  m(
    "tingkat-petani-lampung-timur",
    "Tingkat petani Lampung Timur",
    "18.07",
    "producer",
    null,
    -5.1136,
    105.6831,
  ),
  m(
    "tingkat-petani-lampung-selatan",
    "Tingkat petani Lampung Selatan",
    "18.01",
    "producer",
    null,
    -5.7381,
    105.5881,
  ),
  m("tingkat-petani-pringsewu", "Tingkat petani Pringsewu", "18.10", "producer", null, -5.3576, 104.9747),
];

function m(
  code: string,
  name: string,
  regionCode: string,
  level: PriceLevel,
  operator: string | null,
  latitude: number,
  longitude: number,
): MarketSeed {
  return { code, name, regionCode, level, operator, latitude, longitude };
}

export function marketId(code: string) {
  return `mkt_${code}`;
}
