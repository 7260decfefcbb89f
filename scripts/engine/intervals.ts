// What an attacker can infer about hidden cells: given linear equations between hidden
// (non-negative, real) cells and published constants, the least and greatest value each hidden
// cell can take. This is the "feasibility interval" by which τ-ARGUS and sdcTable judge whether
// a suppression pattern protects a cell. The build proves protection by witnesses instead
// (protect.ts); this audit is the attacker of the tests (test/helpers/attacker.ts,
// test/engine/protect.test.ts), an independent check of that proof.
import { invariant } from '../problems.ts';
import { solveLp } from './lp.ts';

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

/** The least or greatest value of `target` over x ≥ 0 satisfying `eqs`. */
function optimise(target: string, eqs: Equation[], opType: 'min' | 'max'): number {
  const index = new Map<string, number>([[target, 0]]);
  const col = (v: string) => index.get(v) ?? (index.set(v, index.size), index.size - 1);
  const rows = eqs.map((e) => {
    const cols: number[] = [];
    const coefs: number[] = [];
    for (const [v, c] of e.terms) (cols.push(col(v)), coefs.push(c));
    return { cols, coefs, lower: e.rhs, upper: e.rhs };
  });
  const n = index.size;
  const cost = new Float64Array(n);
  cost[0] = 1;
  const r = solveLp({ sense: opType, cost, lower: new Float64Array(n), upper: new Float64Array(n).fill(Infinity), rows });
  if (r.status === 'unbounded') return opType === 'max' ? Infinity : 0;
  invariant(r.status === 'optimal', `feasibility interval of ${target}: the published equations give "${r.status}" (a bug in how they were set up)`);
  return r.objective;
}

const signature = (e: Equation) => `${[...e.terms].map(([v, c]) => `${v}*${c}`).sort().join('+')}=${e.rhs}`;

/** What the audit asks of a target: is its interval at least `need` wide around `value`? */
export interface Screen {
  value: number;
  need: number;
}

/**
 * [min, max] of each of `targets` subject to `equations` (all variables ≥ 0).
 *
 * `memo` keeps intervals already solved, by target and equations, across calls (secondary
 * suppression audits the same cells round after round while one more cell is hidden elsewhere).
 * With a `screen` for a target only the question "at least `need` wide?" is answered exactly:
 * a maximum below `need` fails whatever the minimum (≥ 0), and a maximum at `need` or more above
 * the true value passes (the minimum is at most the true value); the minimum is then not solved
 * and reported as 0.
 */
export function feasibleIntervals(
  equations: Equation[],
  targets: Iterable<string>,
  options: { screens?: Map<string, Screen>; memo?: Map<string, [number, number]> } = {},
): Map<string, [number, number]> {
  const byVar = indexByVar(equations);
  const out = new Map<string, [number, number]>();
  for (const t of targets) {
    const eqs = component(t, equations, byVar);
    // A hidden cell in no equation is bounded by nothing but x ≥ 0.
    if (eqs.length === 0) {
      out.set(t, [0, Infinity]);
      continue;
    }
    const screen = options.screens?.get(t);
    const key = options.memo ? `${t}\u0002${screen ? `${screen.value}/${screen.need}` : ''}\u0002${eqs.map(signature).sort().join('\u0003')}` : '';
    let interval = options.memo?.get(key);
    if (!interval) {
      const hi = optimise(t, eqs, 'max');
      interval = screen && (hi < screen.need || hi - screen.value >= screen.need) ? [Math.min(0, hi), hi] : [Math.max(0, optimise(t, eqs, 'min')), hi];
      options.memo?.set(key, interval);
    }
    out.set(t, interval);
  }
  return out;
}
