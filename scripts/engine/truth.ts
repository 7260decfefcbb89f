// The unrounded cell values behind each emitted figure, kept beside the figures (never in them)
// so that secondary suppression can compute what a published table would let an attacker infer.
// One table per computation, made with the emitter (family.ts), written in one place (emit.ts,
// from what the family states: a mean's measure, a share's declared base), handed to the gate
// (secondary.ts `Declared.truth`) and returned beside the figures (compute.ts `Computed.truth`)
// for the attack tests (test/helpers/attacker.ts). Never serialised: indicators.json, the CSVs
// and the worker's messages carry the figures only.
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

/** The truth of each figure that is a table cell (model coefficients and comparisons have none). */
export type Truths = Map<Figure, Truth>;
