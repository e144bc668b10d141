/**
 * The processes Lumbung knows and the yield each should give, loaded at every start without
 * overwriting a range an admin has changed. Figures: ../shared/reference/corridor.md ("Processing
 * yields (for mass-balance checks)").
 */
export interface ProcessSeed {
  code: string;
  name: string;
  nameEn: string;
  inputCommodityCode: string;
  outputCommodityCode: string;
  minYieldBp: number;
  maxYieldBp: number;
  source: string;
}

export const PROCESSES: ProcessSeed[] = [
  {
    code: "penggilingan-padi",
    name: "Penggilingan padi (GKP → beras medium)",
    nameEn: "Rice milling (harvested paddy → medium rice)",
    inputCommodityCode: "gabah-kering-panen",
    outputCommodityCode: "beras-medium",
    minYieldBp: 5000,
    maxYieldBp: 6500,
    source: "reference/corridor.md: GKP (harvested paddy) → milled rice ≈ 50–65%",
  },
  {
    code: "pengolahan-tapioka",
    name: "Pengolahan tapioka (singkong → tepung tapioka)",
    nameEn: "Tapioca processing (cassava → tapioca starch)",
    inputCommodityCode: "singkong",
    outputCommodityCode: "tapioka",
    minYieldBp: 2000,
    maxYieldBp: 3000,
    source: "reference/corridor.md: cassava → tapioca starch ≈ 20–30%",
  },
  {
    code: "pengupasan-kopi",
    name: "Pengupasan kopi (gelondong merah → biji hijau robusta)",
    nameEn: "Coffee hulling (cherry → robusta green bean)",
    inputCommodityCode: "kopi-gelondong",
    outputCommodityCode: "kopi-robusta",
    minYieldBp: 1500,
    maxYieldBp: 2000,
    source: "reference/corridor.md: coffee cherry → green bean ≈ 15–20%",
  },
];
