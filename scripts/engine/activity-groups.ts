// Activity groups: who took part (a count, or a share of the enrolled), the activity rows, and
// among those who took part the mean and sum of months and hours (figures <id>, <id>.rows,
// <id>.months_mean … of config/figure-ids.ts). A group counted by provider counts a person once
// per provider and each row for its provider: only counts. The members and hours are shared:
// models, comparisons, follow-up groups and costs per participant use them. Pure.
import { activityGroupIds } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { configText } from '../problem-messages.ts';
import { t } from '../messages.ts';
import type { ActivityTable } from './activity-table.ts';
import { emitAggregates, emitCounts, emitShares } from './emit.ts';
import { accOf, type FamilyContext } from './family.ts';
import type { Acc } from './grid.ts';

type ActivityGroup = Config['activity_groups'][number];

export interface ActivityGroups {
  /** Per group: 1 where the participant took part. */
  members: Map<string, Uint8Array>;
  /** Per group (not by provider): the participant's hours (0 without). */
  hours: Map<string, Float64Array>;
  /** The raw count cells by figure id (<id> and <id>.rows), for ratios of counts. */
  counts: Map<string, Acc>;
}

/** The indexes of the activity rows an activity group selects by activity, provider and result codes. */
export function selectActivities(g: ActivityGroup, activities: ActivityTable): Int32Array {
  const [activity, provider, result] = [g.activity, g.provider, g.result].map((xs) => (xs ? new Set(xs) : null));
  return activities.select(activity ?? null, provider ?? null, result ?? null);
}

export function emitActivityGroups(cx: FamilyContext): ActivityGroups {
  const out: ActivityGroups = { members: new Map(), hours: new Map(), counts: new Map() };
  for (const g of cx.config.activity_groups) {
    const selected = selectActivities(g, cx.data.activities);
    const has = new Uint8Array(cx.ps.length);
    for (const r of selected) has[cx.data.activities.participant(r)] = 1;
    out.members.set(g.id, has);
    if (g.by === 'provider') emitByProvider(cx, g, selected, out.counts);
    else emitByParticipant(cx, g, selected, has, out);
  }
  return out;
}

/** By the provider of each row: a person counts once per provider; rows go to their provider. */
function emitByProvider(cx: FamilyContext, g: ActivityGroup, selected: Int32Array, counts: Map<string, Acc>): void {
  const a = cx.data.activities;
  const ids = activityGroupIds(g.id);
  const unitNames = new Set(cx.config.units.items.map((u) => u.name));
  const [persons, rows] = [accOf(cx), accOf(cx)];
  const seen = new Set<string>();
  const unknownProviders = new Map<string, number>();
  for (const r of selected) {
    const provider = a.provider(r);
    if (provider === null || !unitNames.has(provider)) {
      unknownProviders.set(provider ?? '', (unknownProviders.get(provider ?? '') ?? 0) + 1);
      continue;
    }
    const cells = cx.grid.cellsAt(provider, cx.ps[a.participant(r)]!.gender);
    rows.add(cells, 1);
    const key = `${a.participant(r)}\u0000${provider}`;
    if (!seen.has(key)) (seen.add(key), persons.add(cells, 1));
  }
  for (const [value, n] of unknownProviders) cx.problems.push({ file: cx.configFile, column: `activity_groups (${g.id}, by: provider)`, value, expected: configText.providerUnknown(n) });
  const main = g.measure === 'rows' ? rows : persons;
  counts.set(ids.main, main).set(ids.rows, rows);
  emitCounts(cx.e, { id: ids.main, label: g.label }, main);
  if (g.measure !== 'rows') emitCounts(cx.e, { id: ids.rows, label: `${g.label}: ${t(cx.lang, 'figure.rows')}` }, rows);
}

/** Each participant's rows, months and hours in the group (months and hours: of rows that have them). */
function sumRows(cx: FamilyContext, selected: Int32Array) {
  const a = cx.data.activities;
  const n = cx.ps.length;
  const x = { months: new Float64Array(n), hours: new Float64Array(n), hasMonths: new Uint8Array(n), hasHours: new Uint8Array(n), rows: accOf(cx) };
  for (const r of selected) {
    const i = a.participant(r);
    x.rows.add(cx.grid.cellsOf(i), 1);
    const [mo, ho] = [a.months(r), a.hours(r)];
    if (mo !== null) ((x.months[i]! += mo), (x.hasMonths[i] = 1));
    if (ho !== null) ((x.hours[i]! += ho), (x.hasHours[i] = 1));
  }
  return x;
}

function emitByParticipant(cx: FamilyContext, g: ActivityGroup, selected: Int32Array, has: Uint8Array, out: ActivityGroups): void {
  const ids = activityGroupIds(g.id);
  const x = sumRows(cx, selected);
  const [share, m, h] = [accOf(cx), accOf(cx), accOf(cx)];
  for (let i = 0; i < cx.ps.length; i++) {
    const cells = cx.grid.cellsOf(i);
    share.add(cells, has[i]!);
    if (x.hasMonths[i]) m.add(cells, x.months[i]!);
    if (x.hasHours[i]) h.add(cells, x.hours[i]!);
  }
  out.hours.set(g.id, x.hours);
  out.counts.set(ids.main, g.measure === 'rows' ? x.rows : share).set(ids.rows, x.rows);
  const breakdown = g.breakdown;
  const label = (key: 'figure.rows' | 'figure.months_mean' | 'figure.hours_mean' | 'figure.months_sum' | 'figure.hours_sum') => `${g.label}: ${t(cx.lang, key)}`;
  if (g.measure === 'share') emitShares(cx.e, { id: ids.main, label: g.label, breakdown }, share);
  else emitCounts(cx.e, { id: ids.main, label: g.label, breakdown }, g.measure === 'rows' ? x.rows : share);
  if (g.measure !== 'rows') emitCounts(cx.e, { id: ids.rows, label: label('figure.rows'), breakdown }, x.rows);
  emitAggregates(cx.e, { id: ids.monthsMean, label: label('figure.months_mean'), breakdown, measure: ids.months }, m, 'mean');
  emitAggregates(cx.e, { id: ids.hoursMean, label: label('figure.hours_mean'), breakdown, measure: ids.hours }, h, 'mean');
  emitAggregates(cx.e, { id: ids.monthsSum, label: label('figure.months_sum'), breakdown, measure: ids.months }, m, 'sum');
  emitAggregates(cx.e, { id: ids.hoursSum, label: label('figure.hours_sum'), breakdown, measure: ids.hours }, h, 'sum');
}
