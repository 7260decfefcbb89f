// The unrounded cell values behind each emitted figure, kept beside the figures (never in them)
// so that secondary suppression can compute what a published table would let an attacker infer.
// A WeakMap: nothing here is serialised, and the values die with the figures. Written in one
// place (emit.ts, from what the family states: a mean's measure, a share's declared base), read
// by the gate (secondary.ts) and by the attack tests (test/helpers/attacker.ts), which take the
// figures an example's data step returns: that is why the truth is not yet returned beside the
// figures in an explicit structure.
import type { Figure } from '../publish/indicators-schema.ts';

export interface Truth {
  /** Counts: the count. */
  value?: number;
  /** Shares: numerator and denominator. */
  num?: number;
  den?: number;
  /** Means and sums: persons and the sum over them. */
  n?: number;
  sum?: number;
  /** Means, sums and quantiles: the measure whose persons (and sum) they rest on (emit.ts `MeasureMeta`). */
  measure?: string;
  /** Shares: the count figure whose cells equal this share's bases, unit by unit and gender by gender. */
  base?: string;
}

export const truthOf = new WeakMap<Figure, Truth>();
