/**
 * The yield a run will show, worked out in the browser while it is typed, the way the server will
 * (output mass / input mass against the process's range), so the mill sees a flag coming before it
 * records the run. The server's check is the one that counts.
 */
export type YieldState = "empty" | "ok" | "below" | "above";

/** Whole grams from what was typed ("2500", "12,5", "12.5"); null when it is not a positive amount. */
export function gramsOf(typed: string): number | null {
  const text = typed.trim().replace(",", ".");
  if (!/^\d{1,8}(\.\d{1,3})?$/.test(text)) return null;
  const grams = Math.round(Number(text) * 1000);
  return grams > 0 ? grams : null;
}

export function liveYield(
  inputs: string[],
  outputs: string[],
  range: { minYieldPercent: number; maxYieldPercent: number } | undefined,
): { state: YieldState; percent: number | null } {
  const ins = inputs.map(gramsOf);
  const outs = outputs.map(gramsOf);
  if (!ins.length || !outs.length || ins.some((g) => g === null) || outs.some((g) => g === null)) {
    return { state: "empty", percent: null };
  }
  const inGrams = ins.reduce<number>((a, g) => a + (g ?? 0), 0);
  const outGrams = outs.reduce<number>((a, g) => a + (g ?? 0), 0);
  const percent = (outGrams * 100) / inGrams;
  if (!range) return { state: "ok", percent };
  if (outGrams * 100 < range.minYieldPercent * inGrams) return { state: "below", percent };
  if (outGrams * 100 > range.maxYieldPercent * inGrams) return { state: "above", percent };
  return { state: "ok", percent };
}
