// Linear programs for disclosure control, solved by HiGHS (the `highs` package, MIT: the HiGHS
// solver compiled to WebAssembly). One native model is created once and reused: creating a
// HiGHS instance costs about 4 ms and parsing an LP text as much again, while loading arrays
// into a live instance and solving a small program takes about 0.4 ms. Secondary suppression
// solves thousands of small programs, so that difference is most of its time.
import highsModule from 'highs';
import { setFlagsFromString } from 'node:v8';

// The package's types describe a CommonJS module whose default export is the loader; under
// NodeNext TypeScript sees the module object itself. The loader instantiates the WebAssembly once.
const highsLoader = highsModule as unknown as typeof import('highs').default;
const highs = await baselineCompiled(highsLoader);
const model = highs.createModel();
model.options.set('output_flag', false);
// Presolve costs more than it saves on programs of a few hundred columns.
model.options.set('presolve', 'off');

/**
 * Loads HiGHS with V8's baseline WebAssembly compiler only (Liftoff), then restores the default
 * for every module compiled later. V8 otherwise recompiles the solver's hot functions with its
 * optimising compiler (TurboFan) as they warm up: for a report's few hundred small programs that
 * compilation costs more CPU than it saves (MIA Vidare's secondary suppression: about 1.1 s
 * with it, 0.3 s without; Nya vägar's 483 programs about the same either way). The flag is
 * read when the module is compiled, so resetting it after loading leaves HiGHS on Liftoff.
 */
async function baselineCompiled<T>(load: () => Promise<T>): Promise<T> {
  setFlagsFromString('--liftoff-only');
  try {
    return await load();
  } finally {
    setFlagsFromString('--no-liftoff-only');
  }
}

/** A sparse row: Σ coef·x[col] between lower and upper (equal for an equation). */
export interface LpRow {
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

export interface Lp {
  sense: 'min' | 'max';
  cost: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  rows: LpRow[];
}

export type LpResult = { status: 'optimal'; objective: number; x: Float64Array } | { status: 'infeasible' | 'unbounded' | 'other' };

export function solveLp(lp: Lp): LpResult {
  const numCols = lp.cost.length;
  const numRows = lp.rows.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of lp.rows) {
    for (let i = 0; i < r.cols.length; i++) (indices.push(r.cols[i]!), values.push(r.coefs[i]!));
    starts.push(indices.length);
  }
  model.passModel({
    numCols, numRows,
    colCost: Array.from(lp.cost), colLower: Array.from(lp.lower), colUpper: Array.from(lp.upper),
    rowLower: lp.rows.map((r) => r.lower), rowUpper: lp.rows.map((r) => r.upper),
    sense: lp.sense === 'max' ? -1 : 1, offset: 0,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  } as never);
  const { modelStatus } = model.run();
  const status = modelStatus === highs.constants.modelStatus.optimal ? 'optimal'
    : modelStatus === highs.constants.modelStatus.infeasible ? 'infeasible'
    : modelStatus === highs.constants.modelStatus.unbounded || modelStatus === highs.constants.modelStatus.unboundedOrInfeasible ? 'unbounded' : 'other';
  if (status !== 'optimal') return { status };
  const col = model.getSolution().colValue as unknown as Record<number, number>;
  const x = new Float64Array(numCols);
  for (let i = 0; i < numCols; i++) x[i] = col[i]!;
  return { status, objective: model.getObjectiveValue(), x };
}
