/**
 * The mass balance of a production run (hilirisasi): how much came out for what went in, checked
 * against the yield range of the process that turns the input commodity into the output commodity.
 * A run that fails the check is flagged with a reason a person can read, never refused: the event
 * happened, and a mill with an odd yield is something for the dinas to look at, not to hide. Pure.
 */

/** One identifier on one side of a run: its mass in grams and its commodity, when known. */
export interface RunSideItem {
  epc: string;
  grams: number | null;
  commodityCode: string | null;
}

export interface ProcessRange {
  code: string;
  inputCommodityCode: string;
  outputCommodityCode: string;
  /** Basis points of input mass: 2000 = 20%. */
  minYieldBp: number;
  maxYieldBp: number;
}

export interface MassBalance {
  /** The process matched by input and output commodity; null when none (or the commodities are unclear). */
  processCode: string | null;
  inputGrams: number;
  outputGrams: number;
  /** Output / input mass in basis points, rounded; null when either side's mass is missing. */
  yieldBp: number | null;
  minYieldBp: number | null;
  maxYieldBp: number | null;
  flagged: boolean;
  /** Every reason the run is flagged, joined with "; "; null when it is not. */
  reason: string | null;
  /** The same in Bahasa Indonesia. */
  reasonId: string | null;
}

/** A reason in both languages: English (stored, and in logs) and Bahasa Indonesia. */
interface Reason {
  en: string;
  id: string;
}

/** Grams per unit for the UN/ECE Rec 20 mass units EPCIS quantities use. */
const GRAMS_PER_UOM: Readonly<Record<string, number>> = {
  KGM: 1000,
  TNE: 1_000_000,
  GRM: 1,
  LBR: 453.59237,
};

/** A quantity element's mass in whole grams; null when it has no quantity or a unit that is not a mass. */
export function quantityToGrams(quantity: unknown, uom: unknown): number | null {
  if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity < 0) return null;
  if (typeof uom !== "string") return null;
  const factor = GRAMS_PER_UOM[uom];
  return factor === undefined ? null : Math.round(quantity * factor);
}

/** Basis points as a percentage without trailing zeros: 2000 → "20", 2050 → "20.5", 2075 → "20.75". */
export function percentOfBp(bp: number): string {
  return String(Number((bp / 100).toFixed(2)));
}

/**
 * A yield as people read it, to one decimal ("41.2%"), with more decimals only when one would show
 * a yield outside the range as equal to its bound ("30.04%", not "30.0%", for a range up to 30%).
 */
export function formatYield(outputGrams: number, inputGrams: number, boundBp?: number): string {
  const percent = (outputGrams * 100) / inputGrams;
  for (let decimals = 1; decimals < 6; decimals++) {
    const shown = Number(percent.toFixed(decimals));
    if (boundBp === undefined || shown !== boundBp / 100) return `${percent.toFixed(decimals)}%`;
  }
  return `${percent}%`;
}

function commodities(items: RunSideItem[]): { known: string[]; unknown: number } {
  const known = [...new Set(items.flatMap((i) => (i.commodityCode ? [i.commodityCode] : [])))].sort();
  return { known, unknown: items.filter((i) => !i.commodityCode).length };
}

function sideMass(items: RunSideItem[]): { grams: number; missing: number } {
  let grams = 0;
  let missing = 0;
  for (const item of items) {
    if (item.grams === null) missing++;
    else grams += item.grams;
  }
  return { grams, missing };
}

function massProblem(side: "input" | "output", items: RunSideItem[]): Reason | null {
  const plural = side === "input" ? "inputs" : "outputs";
  const kata = side === "input" ? "bahan baku" : "hasil";
  if (!items.length) return { en: `the run names no ${plural}`, id: `produksi tidak menyebut ${kata}` };
  const { grams, missing } = sideMass(items);
  if (missing === items.length) {
    return {
      en: `the ${plural} carry no mass (give quantities in kg, t, g or lb)`,
      id: `${kata} tidak memiliki berat (isi jumlah dalam kg, t, g atau lb)`,
    };
  }
  if (missing > 0) {
    return {
      en: `${missing} of ${items.length} ${plural} carry no mass, so the yield cannot be worked out`,
      id: `${missing} dari ${items.length} ${kata} tidak memiliki berat, sehingga rendemen tidak dapat dihitung`,
    };
  }
  if (grams === 0) return { en: `the ${plural} weigh 0 kg`, id: `berat ${kata} 0 kg` };
  return null;
}

/** Finds the process by commodities; otherwise says, plainly, why none fits. */
function matchProcess(
  inputs: RunSideItem[],
  outputs: RunSideItem[],
  processes: readonly ProcessRange[],
): { process: ProcessRange | null; problem: Reason | null } {
  const ins = commodities(inputs);
  const outs = commodities(outputs);
  const unknown = (en: string, id: string) => ({
    process: null,
    problem: { en: `unknown process: ${en}`, id: `proses tidak dikenal: ${id}` },
  });
  if (ins.unknown > 0 || !ins.known.length) {
    return unknown(
      "the commodity of an input is not known to Lumbung",
      "komoditas salah satu bahan baku tidak dikenal Lumbung",
    );
  }
  if (outs.unknown > 0 || !outs.known.length) {
    return unknown(
      "the commodity of an output is not known to Lumbung",
      "komoditas salah satu hasil tidak dikenal Lumbung",
    );
  }
  if (ins.known.length > 1) {
    return unknown(`the inputs mix ${ins.known.join(", ")}`, `bahan baku bercampur ${ins.known.join(", ")}`);
  }
  if (outs.known.length > 1) {
    return unknown(`the outputs mix ${outs.known.join(", ")}`, `hasil bercampur ${outs.known.join(", ")}`);
  }
  const [input] = ins.known as [string];
  const [output] = outs.known as [string];
  const process = processes.find((p) => p.inputCommodityCode === input && p.outputCommodityCode === output);
  if (!process)
    return unknown(
      `no process turns ${input} into ${output}`,
      `tidak ada proses yang mengolah ${input} menjadi ${output}`,
    );
  return { process, problem: null };
}

/**
 * Checks a run: yield = output mass / input mass, against the range of the process found by the
 * input and output commodities. Flags (with every reason) an unknown process, a side without mass,
 * and a yield outside the range; the comparison is exact, on whole grams.
 */
export function checkMassBalance(
  inputs: RunSideItem[],
  outputs: RunSideItem[],
  processes: readonly ProcessRange[],
): MassBalance {
  const reasons: Reason[] = [];
  const inputProblem = massProblem("input", inputs);
  const outputProblem = massProblem("output", outputs);
  if (inputProblem) reasons.push(inputProblem);
  if (outputProblem) reasons.push(outputProblem);
  const inputGrams = sideMass(inputs).grams;
  const outputGrams = sideMass(outputs).grams;
  const yieldBp = inputProblem || outputProblem ? null : Math.round((outputGrams * 10_000) / inputGrams);

  const { process, problem } = matchProcess(inputs, outputs, processes);
  if (problem) reasons.push(problem);
  if (process && yieldBp !== null) {
    const range = `${percentOfBp(process.minYieldBp)}–${percentOfBp(process.maxYieldBp)}%`;
    const route = `${process.inputCommodityCode} → ${process.outputCommodityCode}`;
    const outOfRange = (direction: "above" | "below", bound: number) => {
      const shown = formatYield(outputGrams, inputGrams, bound);
      return {
        en: `yield ${shown} is ${direction} ${range} for ${route}`,
        id: `rendemen ${shown.replace(".", ",")} ${direction === "above" ? "di atas" : "di bawah"} ${range.replaceAll(".", ",")} untuk ${route}`,
      };
    };
    // Exact: output/input < min/10000  ⇔  output·10000 < min·input (whole grams, no rounding).
    if (outputGrams * 10_000 < process.minYieldBp * inputGrams) {
      reasons.push(outOfRange("below", process.minYieldBp));
    } else if (outputGrams * 10_000 > process.maxYieldBp * inputGrams) {
      reasons.push(outOfRange("above", process.maxYieldBp));
    }
  }
  return {
    processCode: process?.code ?? null,
    inputGrams,
    outputGrams,
    yieldBp,
    minYieldBp: process?.minYieldBp ?? null,
    maxYieldBp: process?.maxYieldBp ?? null,
    flagged: reasons.length > 0,
    reason: reasons.length ? reasons.map((r) => r.en).join("; ") : null,
    reasonId: reasons.length ? reasons.map((r) => r.id).join("; ") : null,
  };
}
