// Ordinary least squares (also the linear probability model) with classical, HC1 and HC3
// standard errors. Two passes over the data: X'X and X'y, then residuals, leverages and the
// sandwich "meat" matrices. Matches R's lm + sandwich::vcovHC (coefficient tests with t on the
// residual degrees of freedom, as lmtest::coeftest).
import { backTransform, fromMatrix, prepare, spdInverse, symmetrise, toMatrix, type ActiveColumn, type Prepared } from './prepare.ts';
import { pF, pStudent, tQuantile975 } from './dist.ts';
import type { Design, OlsCoefficient, OlsResult, SeType } from './types.ts';

export interface OlsOptions {
  /**
   * Which standard errors the top-level fields of each coefficient use. Default 'HC3': a linear
   * probability model is heteroskedastic by construction, and HC3 behaves best in small samples
   * (Long & Ervin 2000). All three are always in `bySe`.
   */
  se?: SeType;
}

export function ols(design: Design, opts: OlsOptions = {}): OlsResult {
  const seType = opts.se ?? 'HC3';
  const P = prepare(design);
  const { n, p, cols } = P;
  const warnings = [...P.warnings];
  const df = n - p;
  const base: OlsResult = {
    model: 'ols', status: 'ok', message: null, seType, n, dfResidual: df, dropped: P.dropped, excluded: P.excluded,
    coefficients: [], r2: NaN, adjR2: NaN, sigma: NaN, fTest: null, warnings,
  };
  const V0 = df >= 1 && p > 0 ? spdInverse(P.gram, p) : null;
  if (!V0) {
    const message = p === 0
      ? 'No predictors and no intercept: nothing to estimate.'
      : `Too few rows for the model: ${n} rows used for ${p} coefficients (at least ${p + 1} needed).`;
    return { ...base, status: 'insufficient-data', message };
  }
  const b = shiftedCoefficients(V0, P.xty, p);
  const pass = residualPass(P, V0, b);
  const tss = totalSumOfSquares(P, pass.ySum);
  const sigma2 = pass.rss / df;
  const { classical, hc1, hc3 } = covariances(V0, pass, sigma2, n, df, p);
  if (pass.maxLeverage > 1 - 1e-8) {
    hc3.fill(NaN);
    warnings.push('HC3 standard errors are undefined: some row has leverage 1 (for example a category with a single row).');
  }
  const { beta, covs } = backTransform(cols, b, [classical, hc1, hc3]);
  const coefficients = coefficientTable(cols, beta, covs as [Float64Array, Float64Array, Float64Array], df, seType);
  return { ...base, coefficients, ...fitStatistics(P, pass.rss, tss, sigma2, df) };
}

/** b = (X'X)⁻¹ X'y, in the shifted parametrisation. */
function shiftedCoefficients(V0: Float64Array, xty: Float64Array, p: number): Float64Array {
  const b = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let c = 0; c < p; c++) s += V0[a * p + c]! * xty[c]!;
    b[a] = s;
  }
  return b;
}

interface ResidualPass {
  rss: number;
  ySum: number;
  maxLeverage: number;
  /** Σ e_i² x_i x_i' (HC0) and Σ e_i² / (1 − h_i)² x_i x_i' (HC3), full symmetric. */
  meat0: Float64Array;
  meat3: Float64Array;
}

/** Second pass over the data: residuals, leverages, HC0 and HC3 meats (upper triangles, then symmetrised). */
function residualPass(P: Prepared, V0: Float64Array, b: Float64Array): ResidualPass {
  const { n, p, X, y } = P;
  const meat0 = new Float64Array(p * p);
  const meat3 = new Float64Array(p * p);
  let rss = 0, ySum = 0, maxLeverage = 0;
  for (let i = 0, o = 0; i < n; i++, o += p) {
    let fit = 0, h = 0;
    for (let a = 0; a < p; a++) {
      const xa = X[o + a]!;
      fit += xa * b[a]!;
      const row = a * p;
      let s = 0;
      for (let c = a + 1; c < p; c++) s += V0[row + c]! * X[o + c]!;
      h += xa * (V0[row + a]! * xa + 2 * s);
    }
    const yi = y[i]!;
    const e = yi - fit;
    ySum += yi;
    rss += e * e;
    if (h > maxLeverage) maxLeverage = h;
    const w0 = e * e;
    const w3 = w0 / ((1 - h) * (1 - h));
    for (let a = 0; a < p; a++) {
      const xa = X[o + a]!;
      const u0 = w0 * xa, u3 = w3 * xa, row = a * p;
      for (let c = a; c < p; c++) {
        const xc = X[o + c]!;
        meat0[row + c]! += u0 * xc;
        meat3[row + c]! += u3 * xc;
      }
    }
  }
  symmetrise(meat0, p);
  symmetrise(meat3, p);
  return { rss, ySum, maxLeverage, meat0, meat3 };
}

/** Total sum of squares: centred with an intercept, uncentred without (as R). */
function totalSumOfSquares(P: Prepared, ySum: number): number {
  const { n, y } = P;
  const yMean = ySum / n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const d = P.intercept ? y[i]! - yMean : y[i]!;
    tss += d * d;
  }
  return tss;
}

/** The classical, HC1 and HC3 covariance matrices of the shifted coefficients. */
function covariances(V0: Float64Array, pass: ResidualPass, sigma2: number, n: number, df: number, p: number): { classical: Float64Array; hc1: Float64Array; hc3: Float64Array } {
  const classical = V0.map((v) => v * sigma2);
  const hc0 = sandwich(V0, pass.meat0, p);
  const hc1 = hc0.map((v) => (v * n) / df);
  const hc3 = sandwich(V0, pass.meat3, p);
  return { classical, hc1, hc3 };
}

/** Each coefficient with its t tests under the three covariances, the chosen one at the top level. */
function coefficientTable(cols: ActiveColumn[], beta: Float64Array, covs: [Float64Array, Float64Array, Float64Array], df: number, seType: SeType): OlsCoefficient[] {
  const [vClassical, vHC1, vHC3] = covs;
  const p = cols.length;
  const q = tQuantile975(df);
  const flavour = (v: Float64Array, j: number, est: number) => {
    const se = Math.sqrt(v[j * p + j]!);
    const statistic = est / se;
    return { se, statistic, p: pStudent(statistic, df), ci95: [est - q * se, est + q * se] as [number, number] };
  };
  return cols.map((c, j) => {
    const estimate = beta[j]!;
    const bySe = { classical: flavour(vClassical, j, estimate), HC1: flavour(vHC1, j, estimate), HC3: flavour(vHC3, j, estimate) };
    const coef: OlsCoefficient = { name: c.name, estimate, ...bySe[seType], bySe };
    if (c.group !== undefined) coef.group = c.group;
    if (c.level !== undefined) coef.level = c.level;
    return coef;
  });
}

/** R², adjusted R², σ and the overall F test of the slopes. */
function fitStatistics(P: Prepared, rss: number, tss: number, sigma2: number, df: number): Pick<OlsResult, 'r2' | 'adjR2' | 'sigma' | 'fTest'> {
  const { n, p } = P;
  const k0 = P.intercept ? 1 : 0;
  const r2 = tss > 0 ? 1 - rss / tss : NaN;
  const adjR2 = 1 - ((1 - r2) * (n - k0)) / df;
  const df1 = p - k0;
  let fTest: OlsResult['fTest'] = null;
  if (df1 > 0) {
    const statistic = ((tss - rss) / df1) / sigma2;
    fTest = { statistic, df1, df2: df, p: pF(statistic, df1, df) };
  }
  return { r2, adjR2, sigma: Math.sqrt(sigma2), fTest };
}

/** bread · meat · bread (ml-matrix). */
function sandwich(bread: Float64Array, meat: Float64Array, p: number): Float64Array {
  const B = toMatrix(bread, p);
  return fromMatrix(B.mmul(toMatrix(meat, p)).mmul(B));
}
