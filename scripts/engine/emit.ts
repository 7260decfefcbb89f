// Turns accumulated cells into figures, applying primary disclosure control: a count below the
// threshold, or a share, mean or sum resting on one, is published as suppressed (value null).
import type { Breakdown } from '../config/schema.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { wilson } from './wilson.ts';
import type { Acc, Grid } from './grid.ts';
import type { Link, Sum } from './secondary.ts';
import type { Truths } from './truth.ts';

export interface Emitter {
  grid: Grid;
  /** Disclosure threshold: counts 1 … minCount−1 are suppressed. */
  minCount: number;
  figures: Figure[];
  /** The unrounded values behind the figures (truth.ts), for the gate. */
  truth: Truths;
  /** Additive links between the figures' tables, declared to the gate (secondary.ts). */
  links?: Link[];
  /** Cells the links use that are never published (protected by the gate when small). */
  unpublished?: Figure[];
  /** Ids of figures tied to others by declared links only (secondary.ts `Declared.linkedIds`). */
  linkedIds?: Set<string>;
  /** Sums between a family's own tables, declared to the gate (secondary.ts `Declared.sums`). */
  sums?: Sum[];
}

export interface FigureMeta {
  id: string;
  label: string;
  category?: string;
  categoryLabel?: string;
  /** Only the all-genders cells (e.g. the share of women). */
  allGendersOnly?: boolean;
  /** Which units and genders are published (configuration `breakdown`). */
  breakdown?: Breakdown;
  /** Shares: the count figure whose cells are this share's bases, unit by unit and gender by gender (`Truth.base`). */
  base?: string;
}

/**
 * A mean, sum or quantile names the measure it rests on: the gate's tables of its persons
 * (`n:<measure>`) and, for means and sums, of their sum (`sum:<measure>`). A unit's mean and
 * sum of one measure (an activity group's months) rest on the same persons and the same sum.
 */
export interface MeasureMeta extends FigureMeta {
  measure: string;
}

/** Figures are published to six decimals: enough for any share, stable across platforms. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const small = (n: number, k: number) => n > 0 && n < k;

function base(meta: FigureMeta, unit: string, gender: Figure['gender'], kind: Figure['kind']): Pick<Figure, 'id' | 'label' | 'unit' | 'gender' | 'kind' | 'category' | 'category_label'> {
  const f: ReturnType<typeof base> = { id: meta.id, label: meta.label, unit, gender, kind };
  if (meta.category !== undefined) f.category = meta.category;
  if (meta.categoryLabel !== undefined) f.category_label = meta.categoryLabel;
  return f;
}

/** Whether a figure of this breakdown is published for a unit and gender. */
export function published(breakdown: Breakdown | undefined, unit: string, gender: string): boolean {
  return breakdown === 'total' ? unit === 'total' : breakdown === 'units' ? unit === 'total' || gender === 'all' : true;
}

function* cells(e: Emitter, meta: FigureMeta): Generator<number> {
  for (let c = 0; c < e.grid.size; c++)
    if ((!meta.allGendersOnly || e.grid.genderOf(c) === 'all') && published(meta.breakdown, e.grid.unitOf(c), e.grid.genderOf(c))) yield c;
}

/** Counts from `acc.num`. Zero is published; 1 … minCount−1 is suppressed. */
export function emitCounts(e: Emitter, meta: FigureMeta, acc: Acc): void {
  for (const c of cells(e, meta)) {
    const v = acc.num[c]!;
    const suppressed = small(v, e.minCount);
    const f: Figure = { ...base(meta, e.grid.unitOf(c), e.grid.genderOf(c), 'count'), value: suppressed ? null : v, suppressed };
    e.truth.set(f, { value: v });
    e.figures.push(f);
  }
}

/** Shares `acc.num / acc.den` with Wilson intervals; cells with an empty denominator are left out. */
export function emitShares(e: Emitter, meta: FigureMeta, acc: Acc): void {
  for (const c of cells(e, meta)) {
    const num = acc.num[c]!;
    const den = acc.den[c]!;
    if (den === 0) continue;
    const suppressed = den < e.minCount || small(num, e.minCount);
    const f: Figure = { ...base(meta, e.grid.unitOf(c), e.grid.genderOf(c), 'share'), value: null, numerator: null, ci95: null, suppressed };
    if (den >= e.minCount) f.denominator = den;
    if (!suppressed) {
      const [lo, hi] = wilson(num, den);
      f.value = round6(num / den);
      f.numerator = num;
      f.ci95 = [round6(lo), round6(hi)];
    }
    e.truth.set(f, meta.base === undefined ? { num, den } : { num, den, base: meta.base });
    e.figures.push(f);
  }
}

/** Means (`kind: 'mean'`) or sums (`kind: 'sum'`) of `acc.num` over `acc.den` participants. */
export function emitAggregates(e: Emitter, meta: MeasureMeta, acc: Acc, kind: 'mean' | 'sum'): void {
  for (const c of cells(e, meta)) {
    const n = acc.den[c]!;
    if (n === 0) continue;
    const suppressed = n < e.minCount;
    const value = suppressed ? null : round6(kind === 'mean' ? acc.num[c]! / n : acc.num[c]!);
    const f: Figure = { ...base(meta, e.grid.unitOf(c), e.grid.genderOf(c), kind), value, suppressed };
    if (!suppressed) f.n = n;
    e.truth.set(f, { n, sum: acc.num[c]!, measure: meta.measure });
    e.figures.push(f);
  }
}

/**
 * Quantiles (`kind: 'quantile'`) of each cell's values, e.g. the median of months enrolled:
 * `values[c]` holds the cell's values; `p` the probability (0.5 the median). Type 7 of Hyndman
 * and Fan (R's default, Excel's QUARTILE.INC): linear between the order statistics.
 */
export function emitQuantiles(e: Emitter, meta: MeasureMeta, values: readonly number[][], p: number): void {
  for (const c of cells(e, meta)) {
    const xs = values[c]!;
    const n = xs.length;
    if (n === 0) continue;
    const suppressed = n < e.minCount;
    const f: Figure = { ...base(meta, e.grid.unitOf(c), e.grid.genderOf(c), 'quantile'), value: suppressed ? null : round6(quantile(xs, p)), suppressed };
    if (!suppressed) f.n = n;
    e.truth.set(f, { n, measure: meta.measure });
    e.figures.push(f);
  }
}

/** Type 7 quantile of unsorted values (at least one). */
export function quantile(values: readonly number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  return xs[lo]! + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] ?? xs[lo]!) - xs[lo]!);
}
