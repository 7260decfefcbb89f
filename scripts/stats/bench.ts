// Speed check for the estimators (issue item 6): OLS and logistic regression on synthetic data,
// `rows` rows and `predictors` predictors (half numeric, half 0/1), seeded, so every run fits
// the same data. Target: both fits on 1 000 000 × 10 together under 5 s.
import { benchText } from '../problem-messages.ts';
import { logit } from './logit.ts';
import { ols } from './ols.ts';
import type { Design } from './types.ts';

/** mulberry32: a small, fast, seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic design: numeric predictors ~ N(0, 1) shifted, indicators ~ Bernoulli, y from a logistic model. */
export function syntheticDesign(rows: number, predictors: number, seed = 20240601): Design {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const columns: Design['columns'] = [];
  const eta = new Float64Array(rows).fill(-0.5);
  for (let j = 0; j < predictors; j++) {
    const values = new Float64Array(rows);
    const numeric = j % 2 === 0;
    const coef = (j % 3 === 0 ? 0.4 : -0.25) / (1 + j / 5);
    for (let i = 0; i < rows; i++) {
      const v = numeric ? 10 * (j + 1) + (j + 1) * normal() : rand() < 0.3 + 0.04 * j ? 1 : 0;
      values[i] = v;
      eta[i]! += coef * (numeric ? (v - 10 * (j + 1)) / (j + 1) : v);
    }
    columns.push({ name: numeric ? `x${j + 1}` : `d${j + 1}`, values, kind: numeric ? 'numeric' : 'indicator' });
  }
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = rand() < 1 / (1 + Math.exp(-eta[i]!)) ? 1 : 0;
  return { y, columns };
}

/** Times OLS (all three SE flavours) and logistic regression (with AMEs) on the same synthetic data. */
export function benchFit(rows = 1_000_000, predictors = 10): { olsMs: number; logitMs: number } {
  const design = syntheticDesign(rows, predictors);
  let t = performance.now();
  const o = ols(design);
  const olsMs = performance.now() - t;
  t = performance.now();
  const l = logit(design);
  const logitMs = performance.now() - t;
  if (o.status !== 'ok' || l.status !== 'ok') throw new Error(benchText.fitFailed(String(o.message ?? l.message)));
  return { olsMs, logitMs };
}
