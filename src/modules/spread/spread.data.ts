import type { FreightRate } from "./domain/freight";

/**
 * Default freight for a medium truck carrying 8 t from Lampung Tengah (Terbanggi Besar, the head of
 * the toll road and the heart of the farm gates) to a Jakarta wholesale market. Each figure keeps its
 * source; those nobody published start with "Asumsi / Assumption" and are for the Dinas to set.
 * Loaded at every start; a rate an official changed is never overwritten.
 */
const REF = "reference/corridor.md";
const PAYLOAD_KG = 8_000;
const TRUCKING_RP_PER_TONNE_KM = 1_500;
const TRUCKING =
  "Asumsi / Assumption: ongkos truk Rp1.500/ton-km (truk sedang 8 t; BBM, sopir, penyusutan) — tidak ada di " +
  `${REF}; trucking cost not in ${REF}`;

export const DEFAULT_FREIGHT_RATES: FreightRate[] = [
  {
    route: "ferry",
    name: "Truk lewat feri Bakauheni–Merak",
    payloadKg: PAYLOAD_KG,
    components: [
      {
        label: "Truk Terbanggi Besar → Bakauheni (tol 140,9 km)",
        rp: TRUCKING_RP_PER_TONNE_KM,
        per: "tonne_km",
        km: 140.9,
        source: `${TRUCKING}. Jarak / distance: ${REF} (tol Bakauheni–Terbanggi Besar 140,9 km)`,
      },
      {
        label: "Tol Terbanggi Besar → Bakauheni (truk)",
        rp: 250_000,
        per: "truck",
        source: `Asumsi / Assumption: tarif tol truk tidak ada di ${REF}; toll fee not in ${REF}`,
      },
      {
        label: "Feri Bakauheni → Merak, golongan VB (truk sedang ±8 t)",
        rp: 835_300,
        per: "truck",
        source:
          `${REF}: tarif feri truk 2023 golongan IVB Rp447.800, VB Rp835.300, VIB ≈ Rp1,22 jt; ` +
          "golongan VB dipilih untuk truk sedang bermuatan 8 t / class VB chosen for a medium truck carrying 8 t",
      },
      {
        label: "Tol Merak → Jakarta (truk)",
        rp: 150_000,
        per: "truck",
        source: `Asumsi / Assumption: tarif tol truk tidak ada di ${REF}; toll fee not in ${REF}`,
      },
      {
        label: "Truk Merak → Jakarta (±100 km tol)",
        rp: TRUCKING_RP_PER_TONNE_KM,
        per: "tonne_km",
        km: 100,
        source: `${TRUCKING}. Jarak / distance: ${REF} (Merak → Jakarta ≈ 100 km tol)`,
      },
    ],
  },
  {
    route: "roro",
    name: "Truk di kapal ro-ro Panjang–Tanjung Priok",
    payloadKg: PAYLOAD_KG,
    components: [
      {
        label: "Truk Terbanggi Besar → Pelabuhan Panjang (±90 km)",
        rp: TRUCKING_RP_PER_TONNE_KM,
        per: "tonne_km",
        km: 90,
        source: `${TRUCKING}. Asumsi jarak / assumed distance ±90 km (tidak ada di ${REF})`,
      },
      {
        label: "Tol Terbanggi Besar → Bandar Lampung (truk)",
        rp: 150_000,
        per: "truck",
        source: `Asumsi / Assumption: tarif tol truk tidak ada di ${REF}; toll fee not in ${REF}`,
      },
      {
        label: "Kapal ro-ro Panjang → Tanjung Priok (per truk)",
        rp: 4_000_000,
        per: "truck",
        source: `Asumsi — ditetapkan Dinas; tidak ada tarif terbit di ${REF} / Assumption — set by the Dinas; no published fare in ${REF}`,
      },
      {
        label: "Truk Tanjung Priok → pasar Jakarta (±20 km)",
        rp: TRUCKING_RP_PER_TONNE_KM,
        per: "tonne_km",
        km: 20,
        source: `${TRUCKING}. Asumsi jarak / assumed distance ±20 km (tidak ada di ${REF})`,
      },
    ],
  },
];
