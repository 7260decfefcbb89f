// The suppression audit's feasibility intervals (HiGHS) against a second, independent solver
// (javascript-lp-solver) on random linked tables, and the screened audit against the exact one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as lp from 'javascript-lp-solver';
import { feasibleIntervals, type Equation } from '../../scripts/engine/intervals.ts';

const solver = (lp as unknown as { default: { Solve(model: object): { feasible: boolean; bounded?: boolean; result: number } } }).default;

function reference(equations: Equation[], target: string, opType: 'min' | 'max'): number {
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = { [target]: { __objective: 1 } };
  equations.forEach((e, i) => {
    constraints[`e${i}`] = { equal: e.rhs };
    for (const [v, c] of e.terms) (variables[v] ??= {})[`e${i}`] = c;
  });
  const r = solver.Solve({ optimize: '__objective', opType, constraints, variables });
  assert.ok(r.feasible);
  return r.bounded === false || !Number.isFinite(r.result) ? (opType === 'max' ? Infinity : 0) : r.result;
}

/** A units × genders table with margins, some cells hidden: the equations an attacker has. */
function randomTable(seed: number): { equations: Equation[]; hidden: Map<string, number> } {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const units = 3 + Math.floor(rnd() * 5);
  const genders = 2 + Math.floor(rnd() * 2);
  const cell = Array.from({ length: units }, () => Array.from({ length: genders }, () => Math.floor(rnd() * 12)));
  const hidden = new Map<string, number>();
  for (let u = 0; u < units; u++) for (let g = 0; g < genders; g++) if (rnd() < 0.35) hidden.set(`c${u}_${g}`, cell[u]![g]!);
  const equations: Equation[] = [];
  const eq = (keys: [string, number][]) => {
    const terms = new Map<string, number>();
    let rhs = 0;
    for (const [k, v] of keys) if (hidden.has(k)) terms.set(k, 1);
    else rhs -= v;
    // Σ parts = margin: the published margin minus the published parts, over the hidden parts.
    return { terms, rhs };
  };
  for (let u = 0; u < units; u++) {
    const e = eq(cell[u]!.map((v, g) => [`c${u}_${g}`, v]));
    e.rhs += cell[u]!.reduce((a, b) => a + b, 0);
    if (e.terms.size > 0) equations.push(e);
  }
  for (let g = 0; g < genders; g++) {
    const e = eq(cell.map((row, u) => [`c${u}_${g}`, row[g]!]));
    e.rhs += cell.reduce((a, row) => a + row[g]!, 0);
    if (e.terms.size > 0) equations.push(e);
  }
  return { equations, hidden };
}

describe('feasibility intervals', () => {
  it('agree with javascript-lp-solver on 60 random tables', () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { equations, hidden } = randomTable(seed);
      const got = feasibleIntervals(equations, hidden.keys());
      for (const [key, value] of hidden) {
        const [lo, hi] = got.get(key)!;
        const inEquations = equations.some((e) => e.terms.has(key));
        const [rlo, rhi] = inEquations ? [Math.max(0, reference(equations, key, 'min')), reference(equations, key, 'max')] : [0, Infinity];
        assert.ok(Math.abs(lo - rlo) < 1e-6 && (hi === rhi || Math.abs(hi - rhi) < 1e-6), `seed ${seed} ${key}: [${lo}, ${hi}] vs [${rlo}, ${rhi}]`);
        assert.ok(lo <= value + 1e-9 && value <= hi + 1e-9, 'the true value lies in its interval');
        compared++;
      }
    }
    assert.ok(compared > 100, `${compared} hidden cells compared`);
  });

  it('a screened audit (need k around the true value) decides exactly as the full intervals do', () => {
    const k = 5;
    for (let seed = 61; seed <= 120; seed++) {
      const { equations, hidden } = randomTable(seed);
      const screens = new Map([...hidden].map(([key, value]) => [key, { value, need: k }]));
      const full = feasibleIntervals(equations, hidden.keys());
      const screened = feasibleIntervals(equations, hidden.keys(), { screens, memo: new Map() });
      for (const key of hidden.keys()) {
        const width = (iv: [number, number]) => iv[1] - iv[0];
        assert.equal(width(screened.get(key)!) >= k - 1e-9, width(full.get(key)!) >= k - 1e-9, `seed ${seed} ${key}`);
      }
    }
  });
});
