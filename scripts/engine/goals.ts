// Goals: each target judged against its figure for every unit it applies to: a share or a mean for
// every reported unit and the total, a count or a sum for the total unless the goal asks per unit.
import type { Config, Target } from '../config/schema.ts';
import type { Figure, GoalResult } from '../publish/indicators-schema.ts';
import { InputError } from '../problems.ts';
import { figureLookup } from './figure-lookup.ts';
import { activityGroupIds } from '../config/figure-ids.ts';
import { configText } from '../problem-messages.ts';

const EPS = 1e-12;

export function isMet(target: Target, value: number): boolean {
  switch (target.op) {
    case '>=': return value >= target.value! - EPS;
    case '<=': return value <= target.value! + EPS;
    case 'between': return value >= target.min! - EPS && value <= target.max! + EPS;
  }
}

export function evaluateGoals(config: Config, figures: Figure[], configFile: string): GoalResult[] {
  const find = figureLookup(figures);
  const ids = new Set(figures.map((f) => f.id));
  const reported = [...config.units.items.filter((u) => u.reported).map((u) => u.name), 'total'];
  // Suggested: the figures a goal is usually set on, not an activity group's rows or sums.
  const unlikely = new Set(config.activity_groups.flatMap((g) => {
    const x = activityGroupIds(g.id);
    return [x.rows, x.monthsSum, x.hoursSum];
  }));
  const problems = config.goals.flatMap((g, i) =>
    g.figure && !ids.has(g.figure) ? [{ file: configFile, column: `goals[${i}].figure`, value: g.figure, expected: configText.idOf('a computed figure', [...ids].filter((x) => !unlikely.has(x))) }] : [],
  );
  if (problems.length > 0) throw new InputError(problems);

  return config.goals.map((g): GoalResult => {
    if (!g.figure || !g.target) return { id: g.id, label: g.label, figure: null, target: null, measured: false, reason: g.not_measured!, results: [] };
    const target = g.target;
    // A count or a sum ("280 participants") is a target for the whole project: judged per unit only when asked.
    const whole = ['count', 'sum'].includes(find(g.figure, 'total')?.kind ?? '');
    const units = g.units ?? (g.per_unit ?? !whole ? reported : ['total']);
    const results = units.flatMap((unit) => {
      const f = find(g.figure!, unit);
      if (!f) return [];
      const r: GoalResult['results'][number] = { unit, value: f.value, met: f.value === null ? null : isMet(target, f.value) };
      if (f.ci95 !== undefined) r.ci95 = f.ci95;
      if (f.suppression) r.suppression = f.suppression;
      return [r];
    });
    return { id: g.id, label: g.label, figure: g.figure, target, measured: true, results };
  });
}
