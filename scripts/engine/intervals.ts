// What an attacker can infer about hidden cells: given linear equations between hidden
// (non-negative, real) cells and published constants, the least and greatest value each hidden
// cell can take. This is the "feasibility interval" by which τ-ARGUS and sdcTable judge whether
// a suppression pattern protects a cell; the linear programs are solved by javascript-lp-solver.
import * as lp from 'javascript-lp-solver';

// The package's types describe its CommonJS face; its ESM default export is the solver.
const solver = (lp as unknown as { default: { Solve(model: object): unknown } }).default;

/** Σ coef·x = rhs over hidden cells x ≥ 0. */
export interface Equation {
  terms: Map<string, number>;
  rhs: number;
}

/** The equations reachable from `start` through shared variables (the rest cannot constrain it). */
function component(start: string, equations: Equation[], byVar: Map<string, number[]>): Equation[] {
  const seenVar = new Set([start]);
  const seenEq = new Set<number>();
  const queue = [start];
  while (queue.length > 0) {
    for (const e of byVar.get(queue.pop()!) ?? []) {
      if (seenEq.has(e)) continue;
      seenEq.add(e);
      for (const v of equations[e]!.terms.keys()) if (!seenVar.has(v)) (seenVar.add(v), queue.push(v));
    }
  }
  return [...seenEq].map((i) => equations[i]!);
}

function optimise(target: string, eqs: Equation[], opType: 'min' | 'max'): number {
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = { [target]: { __objective: 1 } };
  eqs.forEach((e, i) => {
    constraints[`e${i}`] = { equal: e.rhs };
    for (const [v, c] of e.terms) (variables[v] ??= {})[`e${i}`] = c;
  });
  const r = solver.Solve({ optimize: '__objective', opType, constraints, variables }) as { feasible: boolean; bounded?: boolean; result: number };
  if (!r.feasible) throw new Error(`feasibility interval of ${target}: the published equations have no solution (a bug in how they were set up)`);
  if (r.bounded === false || !Number.isFinite(r.result)) return opType === 'max' ? Infinity : 0;
  return r.result;
}

function indexByVar(equations: Equation[]): Map<string, number[]> {
  const byVar = new Map<string, number[]>();
  equations.forEach((e, i) => {
    for (const v of e.terms.keys()) {
      const list = byVar.get(v);
      if (list) list.push(i);
      else byVar.set(v, [i]);
    }
  });
  return byVar;
}

/** [min, max] of each of `targets` subject to `equations` (all variables ≥ 0). */
export function feasibleIntervals(equations: Equation[], targets: Iterable<string>): Map<string, [number, number]> {
  const byVar = indexByVar(equations);
  const out = new Map<string, [number, number]>();
  for (const t of targets) {
    const eqs = component(t, equations, byVar);
    // A hidden cell in no equation is bounded by nothing but x ≥ 0.
    out.set(t, eqs.length === 0 ? [0, Infinity] : [Math.max(0, optimise(t, eqs, 'min')), optimise(t, eqs, 'max')]);
  }
  return out;
}

