// Two-proportion comparisons: an outcome's share among the exited members of activity group a
// and of b (figures <id>.a, <id>.b) and their difference (<id>) with its Newcombe interval, for
// the project or also per unit. The difference is left out where either share rests on fewer
// than min_count persons, and hidden with a hidden group share (secondary.ts hideDifferences).
// Pure.
import { comparisonIds } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { twoProportions } from '../stats/index.ts';
import { emitShares, round6, type Emitter } from './emit.ts';
import { isExited, type FamilyContext } from './family.ts';
import { Acc, totalOnlyGrid } from './grid.ts';
import type { OutcomeSets } from './outcome-groups.ts';

type Comparison = Config['comparisons'][number];

export function emitComparisons(cx: FamilyContext, members: Map<string, Uint8Array>, outcomes: OutcomeSets): void {
  for (const c of cx.config.comparisons) {
    const outcome = outcomes.get(c.outcome)!.member;
    const member = (g: string, i: number) => isExited(cx.ps[i]!) && members.get(g)![i] === 1;
    emitComparison(cx.e, c, cx.config, member, (i) => outcome[i]!, cx.ps.length);
  }
}

function emitComparison(e: Emitter, c: Comparison, config: Config, member: (group: string, i: number) => boolean, outcome: (i: number) => number, n: number): void {
  const ids = comparisonIds(c.id);
  const grid = c.breakdown === 'units' ? e.grid : totalOnlyGrid();
  const cellsOf = (i: number) => grid.cellsOf(i).filter((cell) => grid.genderOf(cell) === 'all');
  const counts = [c.a, c.b].map((g) => {
    const a = new Acc(grid.size);
    for (let i = 0; i < n; i++) if (member(g, i)) a.add(cellsOf(i), outcome(i));
    return a;
  });
  // Labelled by group: the outcome is named by the comparison (and a chart's title).
  const label = (g: string) => config.activity_groups.find((x) => x.id === g)!.label;
  const breakdown = c.breakdown === 'units' ? ('units' as const) : undefined;
  emitShares({ ...e, grid }, { id: ids.a, label: label(c.a), breakdown }, counts[0]!);
  emitShares({ ...e, grid }, { id: ids.b, label: label(c.b), breakdown }, counts[1]!);
  const k = config.disclosure.min_count;
  for (let cell = 0; cell < grid.size; cell++) {
    if (grid.genderOf(cell) !== 'all') continue;
    const [x1, n1, x2, n2] = [counts[0]!.num[cell]!, counts[0]!.den[cell]!, counts[1]!.num[cell]!, counts[1]!.den[cell]!];
    if (n1 === 0 && n2 === 0) continue;
    const hidden = [x1, n1, x2, n2].some((v) => v > 0 && v < k) || n1 === 0 || n2 === 0;
    const d = hidden ? null : twoProportions(x1, n1, x2, n2);
    e.figures.push({
      id: ids.difference, label: c.label, unit: grid.unitOf(cell), gender: 'all', kind: 'difference', value: d ? round6(d.difference) : null,
      ...(d ? { ci95: [round6(d.ci95[0]), round6(d.ci95[1])] as [number, number], p: round6(d.p), n: n1 + n2 } : {}), suppressed: hidden,
    });
  }
}
