import { describe, expect, it } from "vitest";
import {
  checkMassBalance,
  formatYield,
  type ProcessRange,
  percentOfBp,
  quantityToGrams,
  type RunSideItem,
} from "./mass-balance";

const PROCESSES: ProcessRange[] = [
  {
    code: "pengolahan-tapioka",
    inputCommodityCode: "singkong",
    outputCommodityCode: "tapioka",
    minYieldBp: 2000,
    maxYieldBp: 3000,
  },
  {
    code: "penggilingan-padi",
    inputCommodityCode: "gabah-kering-panen",
    outputCommodityCode: "beras-medium",
    minYieldBp: 5000,
    maxYieldBp: 6500,
  },
];

const item = (epc: string, kg: number | null, commodityCode: string | null = null): RunSideItem => ({
  epc,
  grams: kg === null ? null : Math.round(kg * 1000),
  commodityCode,
});
const cassava = (kg: number | null, epc = "in-1") => item(epc, kg, "singkong");
const tapioca = (kg: number | null, epc = "out-1") => item(epc, kg, "tapioka");

describe("quantities as grams", () => {
  it("reads the mass units EPCIS quantities use", () => {
    expect(quantityToGrams(1.5, "KGM")).toBe(1500);
    expect(quantityToGrams(2, "TNE")).toBe(2_000_000);
    expect(quantityToGrams(250, "GRM")).toBe(250);
    expect(quantityToGrams(1, "LBR")).toBe(454);
  });

  it("has no mass for pieces, a missing unit or a missing quantity", () => {
    expect(quantityToGrams(10, "H87")).toBeNull();
    expect(quantityToGrams(10, undefined)).toBeNull();
    expect(quantityToGrams(undefined, "KGM")).toBeNull();
    expect(quantityToGrams(-1, "KGM")).toBeNull();
  });
});

describe("formatting", () => {
  it("writes ranges without trailing zeros and yields to one decimal", () => {
    expect(percentOfBp(2000)).toBe("20");
    expect(percentOfBp(2050)).toBe("20.5");
    expect(formatYield(412, 1000)).toBe("41.2%");
  });

  it("shows more decimals rather than a yield equal to the bound it breaks", () => {
    expect(formatYield(300_400, 1_000_000, 3000)).toBe("30.04%");
    expect(formatYield(199_990, 1_000_000, 2000)).toBe("19.999%");
  });
});

describe("the mass balance of a run", () => {
  it("passes a cassava → tapioca run inside 20–30%", () => {
    const result = checkMassBalance([cassava(10_000)], [tapioca(2_500)], PROCESSES);
    expect(result).toEqual({
      processCode: "pengolahan-tapioka",
      inputGrams: 10_000_000,
      outputGrams: 2_500_000,
      yieldBp: 2500,
      minYieldBp: 2000,
      maxYieldBp: 3000,
      flagged: false,
      reason: null,
      reasonId: null,
    });
  });

  it("accepts the bounds themselves", () => {
    expect(checkMassBalance([cassava(1000)], [tapioca(200)], PROCESSES).flagged).toBe(false);
    expect(checkMassBalance([cassava(1000)], [tapioca(300)], PROCESSES).flagged).toBe(false);
  });

  it("flags a yield above the range, saying by how much and for what", () => {
    const result = checkMassBalance([cassava(1000)], [tapioca(412)], PROCESSES);
    expect(result.flagged).toBe(true);
    expect(result.yieldBp).toBe(4120);
    expect(result.reason).toBe("yield 41.2% is above 20–30% for singkong → tapioka");
    expect(result.reasonId).toBe("rendemen 41,2% di atas 20–30% untuk singkong → tapioka");
  });

  it("flags a yield below the range", () => {
    const result = checkMassBalance([cassava(1000)], [tapioca(150)], PROCESSES);
    expect(result.reason).toBe("yield 15.0% is below 20–30% for singkong → tapioka");
    expect(result.reasonId).toBe("rendemen 15,0% di bawah 20–30% untuk singkong → tapioka");
  });

  it("compares exactly: one gram over the bound is over", () => {
    const result = checkMassBalance([cassava(1000)], [item("out-1", 300.001, "tapioka")], PROCESSES);
    expect(result.flagged).toBe(true);
    expect(result.yieldBp).toBe(3000);
    expect(result.reason).toMatch(/^yield 30\.0001% is above/);
  });

  it("adds up several inputs and outputs", () => {
    const result = checkMassBalance(
      [cassava(600, "a"), cassava(400, "b")],
      [tapioca(120, "x"), tapioca(130, "y")],
      PROCESSES,
    );
    expect(result).toMatchObject({
      inputGrams: 1_000_000,
      outputGrams: 250_000,
      yieldBp: 2500,
      flagged: false,
    });
  });

  it("flags an unknown process, and still works out the yield", () => {
    const result = checkMassBalance([cassava(1000)], [item("out-1", 500, "beras-medium")], PROCESSES);
    expect(result.processCode).toBeNull();
    expect(result.yieldBp).toBe(5000);
    expect(result.reason).toBe("unknown process: no process turns singkong into beras-medium");
  });

  it("flags lots whose commodity Lumbung does not know", () => {
    const result = checkMassBalance([item("in-1", 1000)], [tapioca(250)], PROCESSES);
    expect(result.reason).toBe("unknown process: the commodity of an input is not known to Lumbung");
  });

  it("flags mixed input commodities", () => {
    const result = checkMassBalance([cassava(500, "a"), item("b", 500, "jagung")], [tapioca(250)], PROCESSES);
    expect(result.reason).toBe("unknown process: the inputs mix jagung, singkong");
  });

  it("flags a side without mass, with no yield", () => {
    const result = checkMassBalance([cassava(null)], [tapioca(250)], PROCESSES);
    expect(result.yieldBp).toBeNull();
    expect(result.processCode).toBe("pengolahan-tapioka");
    expect(result.reason).toBe("the inputs carry no mass (give quantities in kg, t, g or lb)");
  });

  it("flags a side where only some items carry mass", () => {
    const result = checkMassBalance([cassava(1000)], [tapioca(250, "x"), tapioca(null, "y")], PROCESSES);
    expect(result.yieldBp).toBeNull();
    expect(result.reason).toBe("1 of 2 outputs carry no mass, so the yield cannot be worked out");
  });

  it("lists every reason at once", () => {
    const result = checkMassBalance([], [item("out-1", 10)], PROCESSES);
    expect(result.reason).toBe(
      "the run names no inputs; unknown process: the commodity of an input is not known to Lumbung",
    );
    expect(result.reasonId).toBe(
      "produksi tidak menyebut bahan baku; proses tidak dikenal: komoditas salah satu bahan baku tidak dikenal Lumbung",
    );
  });
});
