// From a Design to the numbers the estimators work on: listwise deletion, constant and collinear
// predictors found and left out by name, and a row-major model matrix in typed arrays.
//
// Numerics. With an intercept, every predictor is centred on its mean over the rows used before
// anything is accumulated: the model is then fitted in the centred parametrisation, whose
// cross-product matrix is far better conditioned (the intercept becomes orthogonal to the
// slopes), and mapped back exactly afterwards (see `backTransform`). Rank is judged on the
// cross-product matrix scaled to unit diagonal, column by column in the given order, so the
// later of two collinear columns is the one left out — as R's lm does.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { statsText } from '../problem-messages.ts';
import { INTERCEPT, type Design, type Dropped, type Excluded } from './types.ts';

/** A predictor is called collinear when 1 − R² of it on the earlier kept predictors is below this. */
export const RANK_TOL = 1e-10;

export interface ActiveColumn {
  name: string;
  kind: 'intercept' | 'numeric' | 'indicator';
  group?: string;
  level?: string;
  /** Value subtracted before fitting (the mean with an intercept, else 0). */
  shift: number;
  /** Root mean square of the shifted column over the rows used (1 for the intercept). */
  scale: number;
}

export interface Prepared {
  /** Rows used. */
  n: number;
  /** Columns kept, intercept first. */
  p: number;
  /** Row-major n × p model matrix of the kept, shifted columns. */
  X: Float64Array;
  y: Float64Array;
  intercept: boolean;
  cols: ActiveColumn[];
  /** X'X, full symmetric, row-major p × p. */
  gram: Float64Array;
  /** X'y. */
  xty: Float64Array;
  dropped: Dropped;
  excluded: Excluded[];
  warnings: string[];
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(6));

/** X'X and X'y in one pass over a row-major matrix. */
export function crossprod(X: Float64Array, y: Float64Array, n: number, p: number): { gram: Float64Array; xty: Float64Array } {
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0, o = 0; i < n; i++, o += p) {
    const yi = y[i]!;
    for (let a = 0; a < p; a++) {
      const xa = X[o + a]!;
      xty[a]! += xa * yi;
      const row = a * p;
      for (let b = a; b < p; b++) gram[row + b]! += xa * X[o + b]!;
    }
  }
  symmetrise(gram, p);
  return { gram, xty };
}

/** Copies the upper triangle of a row-major p × p matrix into the lower one. */
export function symmetrise(m: Float64Array, p: number): void {
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) m[b * p + a] = m[a * p + b]!;
}

export const toMatrix = (m: Float64Array, p: number): Matrix => {
  const rows: number[][] = [];
  for (let a = 0; a < p; a++) rows.push(Array.from(m.subarray(a * p, a * p + p)));
  return new Matrix(rows);
};

export const fromMatrix = (m: Matrix): Float64Array => {
  const p = m.rows, q = m.columns;
  const out = new Float64Array(p * q);
  for (let a = 0; a < p; a++) for (let b = 0; b < q; b++) out[a * q + b] = m.get(a, b);
  return out;
};

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky (ml-matrix); null when it is not
 * numerically positive definite.
 */
export function spdInverse(m: Float64Array, p: number): Float64Array | null {
  const chol = new CholeskyDecomposition(toMatrix(m, p));
  if (!chol.isPositiveDefinite()) return null;
  const inv = chol.solve(Matrix.eye(p, p));
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b] = (inv.get(a, b) + inv.get(b, a)) / 2;
  return out;
}

/** Solves m x = v for symmetric positive-definite m (ml-matrix Cholesky); null if not positive definite. */
export function spdSolve(m: Float64Array, p: number, v: Float64Array): Float64Array | null {
  const chol = new CholeskyDecomposition(toMatrix(m, p));
  if (!chol.isPositiveDefinite()) return null;
  const x = chol.solve(Matrix.columnVector(Array.from(v)));
  return Float64Array.from(x.getColumn(0));
}

/** The steps' findings: the predictors left out and the warnings that say why, in order. */
interface Findings {
  excluded: Excluded[];
  warnings: string[];
}

/** The model matrix and its cross-products over the columns kept so far, intercept first. */
interface ModelMatrix {
  p: number;
  X: Float64Array;
  cols: ActiveColumn[];
  gram: Float64Array;
  xty: Float64Array;
}

type Column = Design['columns'][number];

/**
 * Listwise deletion, constant predictors, the shifted model matrix, collinear predictors: each
 * step leaves out what it finds, by name, and says so in a warning.
 */
export function prepare(design: Design): Prepared {
  const intercept = design.intercept ?? true;
  checkColumns(design);
  const { keep, n, dropped, warnings } = listwiseDeletion(design);
  const y = keptRows(design.y, keep, n);
  const constant = constantPredictors(design.columns, keep, n, intercept);
  const full = modelMatrix(constant.candidates, keep, n, y, intercept);
  const rank = n > 0 && full.p > 0 ? rankCheck(full, intercept) : { kept: null, excluded: [], warnings: [] };
  const { p, X, cols, gram, xty } = rank.kept && rank.kept.length < full.p ? compact(full, rank.kept, n) : full;
  return {
    n, p, X, y, intercept, cols, gram, xty, dropped,
    excluded: [...constant.excluded, ...rank.excluded],
    warnings: [...warnings, ...constant.warnings, ...rank.warnings],
  };
}

/** Every predictor as long as the outcome, each name once and none the intercept's. */
function checkColumns(design: Design): void {
  const N = design.y.length;
  const names = new Set<string>([INTERCEPT]);
  for (const c of design.columns) {
    if (c.values.length !== N) throw new RangeError(statsText.predictorLength(c.name, c.values.length, N));
    if (names.has(c.name)) throw new RangeError(statsText.predictorNameTwice(c.name));
    names.add(c.name);
  }
}

/** The rows with a value in the outcome and every predictor (`keep`), and the others counted per column. */
function listwiseDeletion(design: Design): { keep: Uint8Array; n: number; dropped: Dropped; warnings: string[] } {
  const N = design.y.length;
  const keep = new Uint8Array(N).fill(1);
  const reasonOrder: string[] = [];
  const reasonRows = new Map<string, Uint8Array>();
  const markMissing = (values: Float64Array | readonly number[], label: string) => {
    let marks = reasonRows.get(label);
    for (let i = 0; i < N; i++) {
      if (Number.isFinite(values[i]!)) continue;
      keep[i] = 0;
      if (!marks) { marks = new Uint8Array(N); reasonRows.set(label, marks); reasonOrder.push(label); }
      marks[i] = 1;
    }
  };
  markMissing(design.y, design.yName ?? 'y');
  for (const c of design.columns) markMissing(c.values, c.group ?? c.name);
  let n = 0;
  for (let i = 0; i < N; i++) n += keep[i]!;
  const dropped: Dropped = {
    rows: N - n,
    reasons: reasonOrder.map((column) => ({ column, rows: reasonRows.get(column)!.reduce((a, b) => a + b, 0) })),
  };
  const warnings: string[] = [];
  if (dropped.rows > 0) {
    warnings.push(`${dropped.rows} of ${N} rows were left out because of missing values (listwise deletion): `
      + dropped.reasons.map((r) => `${r.column} ${r.rows}`).join(', ') + '.');
  }
  return { keep, n, dropped, warnings };
}

/** The `n` values of the rows kept. */
function keptRows(values: Float64Array | readonly number[], keep: Uint8Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < keep.length; i++) if (keep[i]) out[k++] = values[i]!;
  return out;
}

/**
 * Predictors with the same value in every row used are left out; the others become candidates,
 * with the shift that centres them when the model has an intercept.
 */
function constantPredictors(columns: Design['columns'], keep: Uint8Array, n: number, intercept: boolean): Findings & { candidates: { col: Column; shift: number }[] } {
  const N = keep.length;
  const excluded: Excluded[] = [];
  const warnings: string[] = [];
  const candidates: { col: Column; shift: number }[] = [];
  for (const col of columns) {
    let sum = 0, min = Infinity, max = -Infinity;
    for (let i = 0; i < N; i++) {
      if (!keep[i]) continue;
      const v = col.values[i]!;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const constant = n > 0 && (intercept ? min === max : min === 0 && max === 0);
    if (n > 0 && constant) {
      excluded.push({ name: col.name, reason: 'constant' });
      warnings.push(`Predictor '${col.name}' was left out: it has the same value (${fmt(min)}) in every row used.`);
      continue;
    }
    let shift = 0;
    if (intercept && n > 0) {
      shift = sum / n;
      // One correction step makes the centred column sum to (nearly) zero even for large offsets.
      let r = 0;
      for (let i = 0; i < N; i++) if (keep[i]) r += col.values[i]! - shift;
      shift += r / n;
    }
    candidates.push({ col, shift });
  }
  return { candidates, excluded, warnings };
}

/** Row-major model matrix of the intercept and the shifted candidate columns, with X'X, X'y and each column's scale. */
function modelMatrix(candidates: { col: Column; shift: number }[], keep: Uint8Array, n: number, y: Float64Array, intercept: boolean): ModelMatrix {
  const N = keep.length;
  const p = candidates.length + (intercept ? 1 : 0);
  const X = new Float64Array(n * p);
  const off = intercept ? 1 : 0;
  if (intercept) for (let i = 0; i < n; i++) X[i * p] = 1;
  candidates.forEach(({ col, shift }, j) => {
    const v = col.values;
    for (let i = 0, k = 0; i < N; i++) if (keep[i]) X[(k++) * p + off + j] = v[i]! - shift;
  });
  const { gram, xty } = crossprod(X, y, n, p);
  const cols: ActiveColumn[] = [];
  if (intercept) cols.push({ name: INTERCEPT, kind: 'intercept', shift: 0, scale: 1 });
  for (const { col, shift } of candidates) {
    const c: ActiveColumn = { name: col.name, kind: col.kind ?? 'numeric', shift, scale: 1 };
    if (col.group !== undefined) c.group = col.group;
    if (col.level !== undefined) c.level = col.level;
    cols.push(c);
  }
  cols.forEach((c, j) => { c.scale = n > 0 ? Math.sqrt(gram[j * p + j]! / n) : 1; });
  return { p, X, cols, gram, xty };
}

/**
 * Rank: a sequential check on the unit-diagonal scaled X'X, in the given order. A column whose
 * 1 − R² on the columns kept before it is below RANK_TOL is left out, naming what it is a
 * combination of.
 */
function rankCheck(m: ModelMatrix, intercept: boolean): Findings & { kept: number[] } {
  const { p, gram, cols } = m;
  const excluded: Excluded[] = [];
  const warnings: string[] = [];
  const d = Array.from({ length: p }, (_, j) => Math.sqrt(gram[j * p + j]!));
  const s = (a: number, b: number) => gram[a * p + b]! / (d[a]! * d[b]!);
  const kept: number[] = [];
  for (let j = 0; j < p; j++) {
    if (kept.length === 0) { kept.push(j); continue; }
    const k = kept.length;
    const skk = new Matrix(kept.map((a) => kept.map((b) => s(a, b))));
    const skj = Matrix.columnVector(kept.map((a) => s(a, j)));
    const chol = new CholeskyDecomposition(skk);
    const b = chol.solve(skj).getColumn(0);
    let explained = 0;
    for (let t = 0; t < k; t++) explained += b[t]! * s(kept[t]!, j);
    const residual = 1 - explained;
    if (residual >= RANK_TOL) { kept.push(j); continue; }
    const col = cols[j]!;
    const withNames = combinationOf(cols, kept, b, d, j, intercept);
    excluded.push({ name: col.name, reason: 'collinear', with: withNames });
    warnings.push(`Predictor '${col.name}' was left out: it is a linear combination of ${withNames.join(', ')} (collinear).`);
  }
  return { kept, excluded, warnings };
}

/**
 * The kept columns (and the intercept) that collinear column j is a combination of, in the
 * original (unshifted) columns: `b` are its coefficients on the kept columns, scaled by `d`.
 */
function combinationOf(cols: ActiveColumn[], kept: number[], b: number[], d: number[], j: number, intercept: boolean): string[] {
  const col = cols[j]!;
  const withNames: string[] = [];
  let interceptCoef = col.shift;
  kept.forEach((a, t) => {
    const ca = cols[a]!;
    if (ca.kind === 'intercept') return;
    const coef = (b[t]! * d[j]!) / d[a]!; // in raw units
    interceptCoef -= coef * ca.shift;
    if (Math.abs(b[t]!) > 1e-6) withNames.push(ca.name);
  });
  const rms = Math.sqrt(col.shift * col.shift + col.scale * col.scale);
  if (intercept && Math.abs(interceptCoef) > 1e-6 * rms) withNames.unshift(INTERCEPT);
  return withNames;
}

/** X, X'X, X'y and the columns compacted to the `kept` columns (forward copy in place is safe). */
function compact(m: ModelMatrix, kept: number[], n: number): ModelMatrix {
  const { p, X, gram } = m;
  const q = kept.length;
  const X2 = X.subarray(0, n * q);
  for (let i = 0; i < n; i++) for (let t = 0; t < q; t++) X2[i * q + t] = X[i * p + kept[t]!]!;
  const g2 = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) g2[a * q + b] = gram[kept[a]! * p + kept[b]!]!;
  return { p: q, X: X2, cols: kept.map((a) => m.cols[a]!), gram: g2, xty: Float64Array.from(kept, (a) => m.xty[a]!) };
}

/**
 * Maps estimates and a covariance matrix of the shifted parametrisation back to the original
 * columns: slopes are unchanged, the intercept becomes b0 − Σ shift_j b_j, and V → T V T'.
 */
export function backTransform(cols: ActiveColumn[], beta: Float64Array, covs: Float64Array[]): { beta: Float64Array; covs: Float64Array[] } {
  const p = cols.length;
  if (cols[0]?.kind !== 'intercept') return { beta, covs };
  const t = new Float64Array(p * p);
  for (let a = 0; a < p; a++) t[a * p + a] = 1;
  for (let j = 1; j < p; j++) t[j] = -cols[j]!.shift;
  const T = toMatrix(t, p);
  const b = T.mmul(Matrix.columnVector(Array.from(beta))).getColumn(0);
  const out = covs.map((v) => fromMatrix(T.mmul(toMatrix(v, p)).mmul(T.transpose())));
  return { beta: Float64Array.from(b), covs: out };
}
