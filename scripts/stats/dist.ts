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

/** The 97.5 % quantile of t with `df` degrees of freedom (for 95 % intervals). */
export function tQuantile975(df: number): number {
  if (!(df > 0)) return NaN;
  return jStat.studentt.inv(0.975, df);
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
