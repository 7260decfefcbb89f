// Distribution functions from jstat, wrapped so callers get two-sided p values and quantiles.
import jStat from 'jstat';
import { Z95 } from '../engine/wilson.ts';

export { Z95 };

/** Two-sided p value of a standard-normal statistic, via erfc (no cancellation for large |z|). */
export function pNormal(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return jStat.erfc(Math.abs(z) / Math.SQRT2);
}

/** Two-sided p value of a t statistic with `df` degrees of freedom. */
export function pStudent(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const p = 2 * jStat.studentt.cdf(-Math.abs(t), df);
  return Math.min(1, Math.max(0, p));
}

/**
 * The 97.5 % quantile of t with `df` degrees of freedom (for 95 % intervals), to ~1e-14.
 * jstat's `studentt.inv` is good to only ~3e-8 (its incomplete-beta continued fraction stops at a
 * relative change of 3e-7), which shows in interval bounds far from zero, so it is refined here:
 * for integer df up to 1000 by Newton steps on the exact finite series for the t distribution
 * (Abramowitz & Stegun 26.7.3–4), above that by the Cornish–Fisher expansion (A&S 26.7.5),
 * whose error is O(df⁻⁵).
 */
export function tQuantile975(df: number): number {
  if (!(df > 0)) return NaN;
  if (!Number.isInteger(df)) return jStat.studentt.inv(0.975, df);
  if (df > 1000) {
    const x = Z95, x2 = x * x;
    const g1 = (x2 + 1) * x / 4;
    const g2 = ((5 * x2 + 16) * x2 + 3) * x / 96;
    const g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384;
    const g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
    return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  }
  let q = jStat.studentt.inv(0.975, df);
  for (let k = 0; k < 4; k++) q -= (centralProbability(q, df) - 0.95) / (2 * jStat.studentt.pdf(q, df));
  return q;
}

/** P(|T| ≤ t) for integer df, by the finite series of Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4 (even). */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const s = Math.sin(theta), c = Math.cos(theta), c2 = c * c;
  if (df % 2 === 0) {
    let term = 1, sum = 1;
    for (let k = 2; k <= df - 2; k += 2) { term *= ((k - 1) / k) * c2; sum += term; }
    return s * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  let term = c, sum = c;
  for (let k = 3; k <= df - 2; k += 2) { term *= ((k - 1) / k) * c2; sum += term; }
  return (2 / Math.PI) * (theta + s * sum);
}

/** Upper tail of chi-square. */
export function pChiSquare(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}

/** Upper tail of F. */
export function pF(x: number, df1: number, df2: number): number {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return NaN;
  return Math.max(0, 1 - jStat.centralF.cdf(x, df1, df2));
}
