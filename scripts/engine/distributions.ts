// Distributions: one share per category (codes) or band (numbers) of those with a value, figure
// <id> with the categories as categories: of participants (a column, optionally within a date
// filter) or of activity rows (e.g. a voucher's length, by the participant's unit). The
// categories add up to the base (the gate knows it). A value with no category or band is a
// problem of the configuration. Pure.
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import { columnValue, isColumnOf, type Participant } from '../config/contract.ts';
import { configText } from '../problem-messages.ts';
import { emitShares } from './emit.ts';
import { accOf, inRange, isExited, missingCheck, type FamilyContext } from './family.ts';
import { declareRest, passes } from './filter.ts';
import type { Acc } from './grid.ts';
import type { ParticipantCells } from './participants.ts';
import { tableKey } from './secondary.ts';

/** Per distribution of participants: each one's category index, −1 for none (crosstabs use it). */
export type DistributionIndex = Map<string, Int32Array>;

type Distribution = Config['distributions'][number];

interface Tally {
  index: Int32Array;
  accs: Acc[];
  total: Acc;
  missing: number;
  unknown: Map<string, number>;
}

const keysOf = (d: Distribution) => (d.categories ? Object.keys(d.categories) : d.bands!.map((b) => b.id));

/** Each value into its category or band, per cell. */
function tally(cx: FamilyContext, d: Distribution, keys: string[]): Tally {
  const x: Tally = { index: new Int32Array(cx.ps.length).fill(-1), accs: keys.map(() => accOf(cx)), total: accOf(cx), missing: 0, unknown: new Map() };
  const count = (v: string | number | null, i: number) => {
    if (v === null) return void x.missing++;
    const k = d.categories ? keys.indexOf(String(v)) : d.bands!.findIndex((b) => inRange(v, b));
    if (k === -1) return void x.unknown.set(String(v), (x.unknown.get(String(v)) ?? 0) + 1);
    if (d.table !== 'activities') x.index[i] = k;
    const cells = cx.grid.cellsOf(i);
    x.total.add(cells, 1);
    x.accs[k]!.add(cells, 1);
  };
  if (d.table === 'activities') {
    const only = d.activity ? new Set(d.activity) : null;
    const a = cx.data.activities;
    for (let r = 0; r < a.length; r++) if (!only || only.has(a.activity(r))) count(a.months(r), a.participant(r));
  } else if (isColumnOf('participants', d.column)) {
    // An exit reason exists only for those who have exited: the others are not missing one.
    const inScope = (p: Participant) => passes(p, d.filter) && (d.column !== 'exit_reason' || isExited(p));
    const value = columnValue(d.column, 'distribution');
    cx.ps.forEach((p, i) => inScope(p) && count(value(p), i));
  }
  return x;
}

export function emitDistributions(cx: FamilyContext, people: ParticipantCells): DistributionIndex {
  const out: DistributionIndex = new Map();
  const { grid } = cx;
  cx.config.distributions.forEach((d, di) => {
    const keys = keysOf(d);
    const x = tally(cx, d, keys);
    out.set(d.id, x.index);
    for (const [value, n] of x.unknown)
      cx.problems.push({ file: cx.configFile, column: `distributions[${di}].${d.categories ? 'categories' : 'bands'}`, value, expected: configText.distributionValueUnknown(d.column, n) });
    keys.forEach((k, j) => {
      x.accs[j]!.den.set(x.total.num);
      emitShares(cx.e, { id: d.id, label: d.label, category: k, categoryLabel: d.categories ? d.categories[k]! : d.bands![j]!.label, breakdown: d.breakdown }, x.accs[j]!);
    });
    if (d.filter) declareRest(cx.e, d.id, d.breakdown, { table: tableKey('count', PARTICIPANTS.enrolled), cells: people.enrolled.num }, { table: tableKey('den', d.id, keys[0]!), cells: x.total.num });
    // Of those in scope (the rows, or the participants the column applies to and the filter keeps).
    if (x.missing > 0) cx.checks.push(missingCheck(cx.lang, d.id, d.column, x.missing, x.missing + x.total.num[grid.size - grid.genders.length]!));
  });
  return out;
}
