// From plain row objects to a Design: numeric columns, 0/1 indicators, and categorical variables
// as dummies against a reference category. Missing values become NaN (listwise deletion happens
// in the estimators, which report it per term).
import { statsText } from '../problem-messages.ts';
import type { Design, DesignColumn } from './types.ts';

/** How to read one value from a row. Default: `row[name]`. */
type Getter<R> = (row: R) => unknown;

/**
 * One term of a model.
 * - numeric: a finite number (or a numeric string); null, undefined, '' and NaN are missing.
 * - indicator: true / 1 / '1' / 'true' / 'yes' → 1; false / 0 / '0' / 'false' / 'no' → 0;
 *   null, undefined, '' are missing. Anything else throws.
 * - categorical: each value is turned into a string; one 0/1 dummy per level except the
 *   reference. Dummies are named `${name}=${level}` and carry `group: name` and `level`.
 *   `levels` fixes the order (and the dummies of absent levels, which the estimators then leave
 *   out as constant); a value not in `levels` counts as missing. Without `levels`, the observed
 *   values sorted. `reference` defaults to the most frequent observed level (ties: the first in
 *   level order).
 */
export type Term<R = Record<string, unknown>> =
  | { type: 'numeric'; name: string; value?: Getter<R> }
  | { type: 'indicator'; name: string; value?: Getter<R> }
  | { type: 'categorical'; name: string; value?: Getter<R>; levels?: readonly string[]; reference?: string };

export interface DesignSpec<R = Record<string, unknown>> {
  /** The outcome: a number, or a boolean / 0–1 value for logistic regression. Same coding as an indicator if boolean. */
  outcome: { name: string; value?: Getter<R> };
  terms: Term<R>[];
  /** Default true. */
  intercept?: boolean;
}

/** Levels and reference actually used for each categorical term (for labels and reports). */
export interface CategoricalInfo {
  name: string;
  levels: string[];
  reference: string;
  counts: Record<string, number>;
}

const isMissing = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

function toNumber(v: unknown, name: string): number {
  if (isMissing(v)) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new TypeError(statsText.notNumber(name, JSON.stringify(v)));
}

function toIndicator(v: unknown, name: string): number {
  if (isMissing(v)) return NaN;
  if (v === true || v === 1) return 1;
  if (v === false || v === 0) return 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === '1' || s === 'true' || s === 'yes') return 1;
    if (s === '0' || s === 'false' || s === 'no') return 0;
  }
  throw new TypeError(statsText.notIndicator(name, JSON.stringify(v)));
}

export function designFromRows<R = Record<string, unknown>>(
  rows: readonly R[],
  spec: DesignSpec<R>,
): Design & { categorical: CategoricalInfo[] } {
  const get = (name: string, value?: Getter<R>): Getter<R> => value ?? ((row: R) => (row as Record<string, unknown>)[name]);
  const n = rows.length;
  const outcome = get(spec.outcome.name, spec.outcome.value);
  const y = new Float64Array(n);
  rows.forEach((r, i) => { y[i] = toNumber(outcome(r), spec.outcome.name); });

  const columns: DesignColumn[] = [];
  const categorical: CategoricalInfo[] = [];
  for (const term of spec.terms) {
    const g = get(term.name, term.value);
    if (term.type === 'numeric' || term.type === 'indicator') {
      const conv = term.type === 'numeric' ? toNumber : toIndicator;
      const values = new Float64Array(n);
      rows.forEach((r, i) => { values[i] = conv(g(r), term.name); });
      columns.push({ name: term.name, values, kind: term.type });
      continue;
    }
    const raw = rows.map((r) => { const v = g(r); return isMissing(v) ? null : String(v); });
    const counts: Record<string, number> = {};
    for (const v of raw) if (v !== null) counts[v] = (counts[v] ?? 0) + 1;
    const levels = term.levels ? [...term.levels] : Object.keys(counts).sort();
    if (new Set(levels).size !== levels.length) throw new RangeError(statsText.levelTwice(term.name));
    let reference = term.reference;
    if (reference === undefined) {
      let best = -1;
      for (const l of levels) if ((counts[l] ?? 0) > best) { best = counts[l] ?? 0; reference = l; }
    }
    if (reference === undefined || !levels.includes(reference)) {
      throw new RangeError(statsText.referenceNotLevel(reference, term.name, levels));
    }
    const known = new Set(levels);
    for (const level of levels) {
      if (level === reference) continue;
      const values = new Float64Array(n);
      raw.forEach((v, i) => { values[i] = v === null || !known.has(v) ? NaN : v === level ? 1 : 0; });
      columns.push({ name: `${term.name}=${level}`, values, kind: 'indicator', group: term.name, level });
    }
    categorical.push({ name: term.name, levels, reference, counts: Object.fromEntries(levels.map((l) => [l, counts[l] ?? 0])) });
  }
  return { y, yName: spec.outcome.name, columns, intercept: spec.intercept ?? true, categorical };
}
