/**
 * Default storage and transport conditions per commodity, loaded at every start without
 * overwriting what an admin has set. Each figure carries its source; where a source gives an optimum
 * band (e.g. peppers 7–10 °C), the limit is where damage starts, so a reading inside the band's
 * margins is not an excursion.
 */
export interface ThresholdSeed {
  commodityCode: string;
  minCelsius: number | null;
  maxCelsius: number | null;
  maxRelativeHumidity: number | null;
  source: string;
}

const CHILI =
  "NC State Extension, Postharvest cooling and handling of peppers (AG-413-2): optimum 7–10 °C, " +
  "chilling injury below 4.4 °C, RH 90–95%; USDA Agriculture Handbook 66 (peppers). Limits 5–10 °C, RH ≤ 95%.";

const MEAT =
  "Rantai dingin daging: simpan di bawah 4 °C (Prof. Irma Isnafia Arief, Fapet IPB, pelatihan FLPI 2019, " +
  "foodreview.co.id); ruang pendingin 0 s.d. −1 °C (Kementan/BPPSDMP, Fapet IPB 2019). Limits 0–4 °C (chilled, not frozen).";

const RICE =
  "IRRI Rice Knowledge Bank (storage): milled grain takes up moisture from humid air; above ≈ 14% moisture " +
  "mould and insects grow, the equilibrium of ≈ 14% being reached near 75% RH; stored-grain insects " +
  "thrive at 28–34 °C. Limits ≤ 30 °C, RH ≤ 75%.";

export const THRESHOLDS: ThresholdSeed[] = [
  { commodityCode: "cabai-rawit", minCelsius: 5, maxCelsius: 10, maxRelativeHumidity: 95, source: CHILI },
  {
    commodityCode: "cabai-merah-keriting",
    minCelsius: 5,
    maxCelsius: 10,
    maxRelativeHumidity: 95,
    source: CHILI,
  },
  {
    commodityCode: "cabai-merah-besar",
    minCelsius: 5,
    maxCelsius: 10,
    maxRelativeHumidity: 95,
    source: CHILI,
  },
  { commodityCode: "daging-sapi", minCelsius: 0, maxCelsius: 4, maxRelativeHumidity: null, source: MEAT },
  { commodityCode: "daging-ayam", minCelsius: 0, maxCelsius: 4, maxRelativeHumidity: null, source: MEAT },
  {
    commodityCode: "telur-ayam",
    minCelsius: null,
    maxCelsius: 25,
    maxRelativeHumidity: 90,
    source:
      "SNI 3926:2008 Telur ayam konsumsi: simpan pada suhu kamar dengan RH 80–90% (≤ 14 hari) atau 4–7 °C " +
      "dengan RH 60–70% (≤ 30 hari). Limits ≤ 25 °C (suhu kamar), RH ≤ 90%.",
  },
  { commodityCode: "beras-medium", minCelsius: null, maxCelsius: 30, maxRelativeHumidity: 75, source: RICE },
  { commodityCode: "beras-premium", minCelsius: null, maxCelsius: 30, maxRelativeHumidity: 75, source: RICE },
  {
    commodityCode: "bawang-merah",
    minCelsius: null,
    maxCelsius: 30,
    maxRelativeHumidity: 80,
    source:
      "Dry bulb storage (onion/shallot): RH 65–75% (USDA Agriculture Handbook 66, onions; transtec " +
      "reefer guide); tropical ambient stores at 25–30 °C and RH 65–70%, rot and sprouting rising above " +
      "70% RH (ICAR onion and garlic storage guidance). Limits ≤ 30 °C, RH ≤ 80%.",
  },
  {
    commodityCode: "bawang-putih",
    minCelsius: null,
    maxCelsius: 30,
    maxRelativeHumidity: 75,
    source:
      "Dry garlic bulbs: RH 60–70% (USDA Agriculture Handbook 66); ambient stores at 25–30 °C, RH " +
      "65–70% (ICAR onion and garlic storage guidance). Limits ≤ 30 °C, RH ≤ 75%.",
  },
];
