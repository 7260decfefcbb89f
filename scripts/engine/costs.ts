// Costs: what was paid (by unit where a cost item names one) and the budget, published as they
// are (money is not a count of persons), and the cost per participant of an activity group:
// the paid sum over the persons with a row of the group overlapping the cost year, by the row's
// provider when the group is counted by provider (the total counts each person once), to the
// whole krona. Pure.
import { COSTS } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { t } from '../messages.ts';
import { selectActivities } from './activity-groups.ts';
import { emitAggregates, round6 } from './emit.ts';
import { accOf, type FamilyContext } from './family.ts';
import type { Acc } from './grid.ts';

type Costs = NonNullable<Config['costs']>;

export function emitCosts(cx: FamilyContext): void {
  const costs = cx.config.costs;
  if (!costs) return;
  const { grid, e } = cx;
  const rows = cx.data.costs.filter((c) => costs.year === undefined || c.year === costs.year);
  const paid = accOf(cx);
  let budget = 0;
  let budgeted = false;
  for (const c of rows) {
    paid.add(grid.allGendersAt(c.item), c.amountSek);
    if (c.budgetSek !== null) ((budget += c.budgetSek), (budgeted = true));
  }
  // Published as it is, for the cells that have cost rows.
  for (let c = 0; c < grid.size; c++) {
    if (grid.genderOf(c) !== 'all' || paid.den[c] === 0) continue;
    e.figures.push({ id: COSTS.total, label: t(cx.lang, 'figure.costs.total'), unit: grid.unitOf(c), gender: 'all', kind: 'sum', value: round6(paid.num[c]!), suppressed: false });
  }
  if (budgeted) e.figures.push({ id: COSTS.budget, label: t(cx.lang, 'figure.costs.budget'), unit: 'total', gender: 'all', kind: 'sum', value: round6(budget), suppressed: false });
  if (costs.per_participant_of !== undefined) emitPerParticipant(cx, costs, costs.per_participant_of, paid);
}

function emitPerParticipant(cx: FamilyContext, costs: Costs, of: string, paid: Acc): void {
  const { grid, e } = cx;
  const persons = personsInYear(cx, of, costs.year);
  const per = accOf(cx);
  for (let c = 0; c < grid.size; c++) if (grid.genderOf(c) === 'all' && persons.den[c]! > 0 && paid.den[c]! > 0) ((per.num[c] = paid.num[c]!), (per.den[c] = persons.den[c]!));
  const before = e.figures.length;
  emitAggregates(e, { id: COSTS.perParticipant, label: t(cx.lang, 'figure.costs.per_participant'), allGendersOnly: true, breakdown: costs.breakdown, measure: COSTS.perParticipant }, per, 'mean');
  // Money to the whole krona: a cost per participant has no meaningful öre.
  for (const f of e.figures.slice(before)) if (f.value !== null) f.value = Math.round(f.value);
}

/** Persons (in `den`, all-genders cells) with a row of the group overlapping the year, by unit (or provider) and in the total. */
function personsInYear(cx: FamilyContext, of: string, year: number | undefined): Acc {
  const g = cx.config.activity_groups.find((x) => x.id === of)!;
  const unitNames = new Set(cx.config.units.items.map((u) => u.name));
  const from = year === undefined ? '0000-01-01' : `${year}-01-01`;
  const to = year === undefined ? '9999-12-31' : `${year}-12-31`;
  const persons = accOf(cx);
  const seen = new Set<string>();
  const seenTotal = new Uint8Array(cx.ps.length);
  const a = cx.data.activities;
  for (const r of selectActivities(g, a)) {
    const [startDate, endDate] = [a.startDate(r), a.endDate(r)];
    if ((startDate !== null && startDate > to) || (endDate !== null && endDate < from)) continue;
    const p = a.participant(r);
    const unit = g.by === 'provider' ? a.provider(r) : cx.ps[p]!.unit;
    const key = `${p}\u0000${unit}`;
    if (unit !== null && unitNames.has(unit) && !seen.has(key)) {
      seen.add(key);
      persons.add(cx.grid.allGendersAt(unit).filter((c) => cx.grid.unitOf(c) !== 'total'), 0, 1);
    }
    if (!seenTotal[p]) ((seenTotal[p] = 1), persons.add(cx.grid.allGendersAt('total'), 0, 1));
  }
  return persons;
}
