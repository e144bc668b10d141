/** Small numeric helpers shared by the indicator methods; kept dependency-free so the engine stays pure. */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median absolute deviation (unscaled). */
export function mad(xs: readonly number[], centre = median(xs)): number {
  return median(xs.map((x) => Math.abs(x - centre)));
}

/** Weighted mean and (population) standard deviation. */
export function weightedMoments(xs: readonly number[], ws: readonly number[]): { mean: number; sd: number } {
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < xs.length; i++) {
    sw += ws[i] as number;
    sx += (ws[i] as number) * (xs[i] as number);
  }
  const m = sx / sw;
  let sv = 0;
  for (let i = 0; i < xs.length; i++) sv += (ws[i] as number) * ((xs[i] as number) - m) ** 2;
  return { mean: m, sd: Math.sqrt(sv / sw) };
}

/**
 * Ordinary least squares through the normal equations (XᵀX)β = Xᵀy, solved by Gaussian elimination with
 * partial pivoting. Columns that carry no information (a month dummy never observed) are dropped by the
 * caller; a singular system returns null rather than a made-up fit.
 */
export function leastSquares(rows: readonly number[][], y: readonly number[]): number[] | null {
  const p = rows[0]?.length ?? 0;
  const a: number[][] = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r] as number[];
    for (let i = 0; i < p; i++) {
      const xi = x[i] as number;
      if (xi === 0) continue;
      const ai = a[i] as number[];
      for (let j = 0; j < p; j++) ai[j] = (ai[j] as number) + xi * (x[j] as number);
      ai[p] = (ai[p] as number) + xi * (y[r] as number);
    }
  }
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) {
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = r;
    }
    const scale = Math.max(1, Math.abs((a[col] as number[])[col] as number));
    if (Math.abs((a[pivot] as number[])[col] as number) < 1e-10 * scale) return null;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const pr = a[col] as number[];
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const f = (row[col] as number) / (pr[col] as number);
      if (f === 0) continue;
      for (let j = col; j <= p; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
  }
  return a.map((row, i) => (row[p] as number) / (row[i] as number));
}
