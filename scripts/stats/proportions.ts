// Difference of two independent proportions with Newcombe's hybrid score interval.
import { wilson, Z95 } from '../engine/wilson.ts';
import { pNormal } from './dist.ts';
import { statsText } from '../problem-messages.ts';

export interface TwoProportions {
  p1: number;
  p2: number;
  /** p1 − p2. */
  difference: number;
  /**
   * Newcombe's hybrid score interval for p1 − p2 (Newcombe 1998, method 10): built from the
   * two Wilson score intervals, no continuity correction. Stays within [−1, 1].
   */
  ci95: [number, number];
  /** Pooled two-sample z statistic (the square root of Pearson's chi-square without continuity correction). */
  z: number;
  /** Two-sided p value of the z test (R: prop.test(correct = FALSE)); 1 when both groups are all 0 or all 1. */
  p: number;
}

export function twoProportions(x1: number, n1: number, x2: number, n2: number): TwoProportions {
  for (const [x, n, k] of [[x1, n1, 1], [x2, n2, 2]] as const) {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(statsText.positiveCount(`n${k}`, n));
    if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(statsText.countWithin(`x${k}`, `n${k}`, x));
  }
  const p1 = x1 / n1, p2 = x2 / n2;
  const d = p1 - p2;
  const [l1, u1] = wilson(x1, n1, Z95);
  const [l2, u2] = wilson(x2, n2, Z95);
  const lower = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se > 0 ? d / se : 0;
  return { p1, p2, difference: d, ci95: [lower, upper], z, p: se > 0 ? pNormal(z) : 1 };
}
