// protect.ts never solves a primary cell's program again at a radius where it was infeasible.
// That is sound because whether a pair of deviations exists within a neighbourhood depends on
// the equations, values and need only (not on what is hidden, nor on what moving costs), and a
// pair within a neighbourhood is one within every wider one. Both facts are checked here by
// solving the programs the memo skips, and the skip itself by the work bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cheapestDeviations, neighbourhood, protect, type ProtectionProblem, type Relation } from '../../scripts/engine/protect.ts';

/** x0 = x1 = … = x{length}: a pair of deviations moves the whole chain, so it needs radius `length`. */
function chain(length: number): ProtectionProblem {
  const value = Array.from({ length: length + 1 }, () => 2);
  const relations: Relation[] = Array.from({ length }, (_, i) => ({ terms: [[i, 1], [i + 1, -1]], constant: 0 }));
  const need = value.map((_, i) => (i === 0 ? 5 : 0));
  return { value, cost: value.map(() => 1), need, hidden: Uint8Array.from(need, (n) => (n > 0 ? 1 : 0)), relations };
}

/** A rows × columns table with row, column and grand totals; cells below 5 are primary. */
function twoWay(values: number[][]): ProtectionProblem {
  const R = values.length;
  const C = values[0]!.length;
  const idx = (r: number, c: number) => r * (C + 1) + c;
  const value = new Array<number>((R + 1) * (C + 1)).fill(0);
  values.forEach((row, r) => row.forEach((v, c) => (value[idx(r, c)] = v)));
  for (let r = 0; r < R; r++) value[idx(r, C)] = values[r]!.reduce((s, v) => s + v, 0);
  for (let c = 0; c <= C; c++) for (let r = 0; r < R; r++) value[idx(R, c)]! += value[idx(r, c)]!;
  const relations: Relation[] = [];
  for (let r = 0; r <= R; r++) relations.push({ terms: [[idx(r, C), 1], ...Array.from({ length: C }, (_, c) => [idx(r, c), -1] as [number, number])], constant: 0 });
  for (let c = 0; c <= C; c++) relations.push({ terms: [[idx(R, c), 1], ...Array.from({ length: R }, (_, r) => [idx(r, c), -1] as [number, number])], constant: 0 });
  const need = value.map((v, i) => (Math.floor(i / (C + 1)) < R && i % (C + 1) < C && v > 0 && v < 5 ? 5 : 0));
  return { value, cost: value.map((v) => 1 + v / 100), need, hidden: Uint8Array.from(need, (n) => (n > 0 ? 1 : 0)), relations };
}

function byClassOf(problem: ProtectionProblem): number[][] {
  const byClass: number[][] = Array.from({ length: problem.value.length }, () => []);
  problem.relations.forEach((r, i) => {
    for (const [c] of r.terms) if (byClass[c]!.at(-1) !== i) byClass[c]!.push(i);
  });
  return byClass;
}

/** Whether p's program is infeasible at `radius`, with `hidden` and `penalty`. */
function infeasibleAt(problem: ProtectionProblem, p: number, radius: number, hidden: Uint8Array, penalty: number): boolean {
  const byClass = byClassOf(problem);
  const near = neighbourhood(p, radius, problem.relations, byClass);
  const r = cheapestDeviations(p, near, problem, hidden, byClass, penalty);
  assert.notEqual(r, null, 'the solver answers');
  return r === 'infeasible';
}

describe('protect: infeasible radii are not solved again', () => {
  const cases = [
    { name: 'a chain of five equal classes', problem: chain(4) },
    { name: 'a 3 × 4 table with margins', problem: twoWay([[2, 30, 40, 12], [3, 1, 50, 9], [40, 44, 60, 3]]) },
  ];
  for (const { name, problem } of cases)
    it(`${name}: infeasibility depends on neither what is hidden nor the penalty, and holds at every smaller radius`, () => {
      const n = problem.value.length;
      const patterns = [problem.hidden, Uint8Array.from({ length: n }, (_, c) => (problem.hidden[c] || c % 2 ? 1 : 0)), new Uint8Array(n).fill(1)];
      let infeasible = 0;
      let feasible = 0;
      for (let p = 0; p < n; p++) {
        if (!(problem.need[p]! > 0)) continue;
        let previous = true;
        for (let radius = 1; radius <= 6; radius++) {
          const answers = patterns.flatMap((hidden) => [1, 1e6].map((penalty) => infeasibleAt(problem, p, radius, hidden, penalty)));
          assert.ok(answers.every((a) => a === answers[0]), `class ${p}, radius ${radius}: ${answers.join(' ')}`);
          if (answers[0]) assert.ok(previous, `class ${p} infeasible at ${radius} but feasible at a smaller radius`);
          previous = answers[0]!;
          answers[0] ? infeasible++ : feasible++;
        }
      }
      assert.ok(infeasible > 0 && feasible > 0, `both kinds checked (${infeasible} infeasible, ${feasible} feasible)`);
    });

  it('a chain that needs radius 5: six programs in all, where re-solving radius 3 in phase 2 would take ten', () => {
    // Phase 1: radius 3 infeasible, radius 5 a witness hiding the four other classes. Phase 2:
    // each of the four is given back in turn and the primary class re-witnessed, starting at 5.
    const problem = chain(4);
    const r = protect(problem, { maxSolves: 6 });
    assert.deepEqual([...r.hidden], [1, 1, 1, 1, 1]);
    assert.deepEqual(r.unprotected, []);
    assert.throws(() => protect(problem, { maxSolves: 5 }), /more than 5 linear programs/);
  });
});
