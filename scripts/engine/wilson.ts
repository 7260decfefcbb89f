import { invariant } from '../problems.ts';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `num` successes out of `den` (Wilson 1927). Preferred over the
 * normal approximation because it stays inside [0, 1] and behaves for small counts and shares
 * near 0 or 1 — exactly the small-unit cases evaluation reports are full of.
 */
export function wilson(num: number, den: number, z = Z95): [number, number] {
  invariant(den > 0, 'wilson: a denominator that is not positive (a share is computed only of a positive one)');
  const p = num / den;
  const z2 = z * z;
  const centre = (p + z2 / (2 * den)) / (1 + z2 / den);
  const half = (z * Math.sqrt((p * (1 - p)) / den + z2 / (4 * den * den))) / (1 + z2 / den);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
