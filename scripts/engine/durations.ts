// Durations: the median and quartiles of months from entry to exit, among exited participants
// (time enrolled) or among those who exited with an outcome (time from entry to that outcome),
// optionally within a date filter, and the share in each duration band. Months are of
// 365.25 / 12 days, as for participants.months_enrolled_mean.
//
// A quantile is no sum over its persons, so the gate sees only how many it rests on (the `n`
// table), linked to the count it is part of (the exited, or the outcome's numerator) and to the
// bands' base. Pure.
import type { Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import { t, type Language } from '../messages.ts';
import { monthsBetween } from './dates.ts';
import { emitQuantiles, emitShares, type Emitter } from './emit.ts';
import { declareRest, passes } from './filter.ts';
import { Acc } from './grid.ts';
import { tableKey } from './secondary.ts';
import { durationFigureIds, outcomeGroupId, PARTICIPANTS } from '../config/figure-ids.ts';

export interface DurationInputs {
  ps: readonly Participant[];
  outcomes: Map<string, { base: Uint8Array; member: Uint8Array }>;
}

const QUANTILES = [['q1', 0.25], ['median', 0.5], ['q3', 0.75]] as const;

export { durationFigureIds };

export function emitDurations(e: Emitter, config: Config, x: DurationInputs): void {
  const lang: Language = config.language;
  for (const d of config.durations) {
    const ids = durationFigureIds(d.id);
    const o = d.outcome === undefined ? undefined : x.outcomes.get(d.outcome)!;
    const values: number[][] = Array.from({ length: e.grid.size }, () => []);
    // Who the durations are of before the date filter: the count the gate links them to.
    const before = new Acc(e.grid.size);
    const bands = (d.bands ?? []).map(() => new Acc(e.grid.size));
    x.ps.forEach((p, i) => {
      if (p.exitDate === null || (o && !(o.base[i] && o.member[i]))) return;
      const cells = e.grid.cellsOf(i);
      before.add(cells, 1);
      if (!passes(p, d.filter)) return;
      const months = monthsBetween(p.entryDate, p.exitDate);
      for (const c of cells) values[c]!.push(months);
      const b = (d.bands ?? []).findIndex((r) => (r.min === undefined || months >= r.min) && (r.max === undefined || months < r.max));
      if (b >= 0) bands[b]!.add(cells, 1);
    });
    for (const [q, p] of QUANTILES) emitQuantiles(e, { id: ids[q], label: `${d.label}: ${t(lang, `figure.duration.${q}`)}`, breakdown: d.breakdown, measure: ids.persons }, values, p);
    const n = Float64Array.from(values, (v) => v.length);
    const nTable = tableKey('n', ids.persons);
    d.bands?.forEach((band, j) => {
      bands[j]!.den.set(n);
      emitShares(e, { id: ids.bands, label: d.label, category: band.id, categoryLabel: band.label, breakdown: d.breakdown }, bands[j]!);
    });
    // The bands' base (once per band) is the quantiles' persons.
    for (const band of d.bands ?? []) e.links?.push({ terms: [{ table: nTable, coef: 1 }, { table: tableKey('den', ids.bands, band.id), coef: -1 }] });
    for (const id of [ids.q1, ids.median, ids.q3, ids.bands]) e.linkedIds?.add(id);
    const whole = o ? tableKey('num', outcomeGroupId(d.outcome!)) : tableKey('count', PARTICIPANTS.exited);
    if (d.filter) declareRest(e, ids.persons, d.breakdown, { table: whole, cells: before.num }, { table: nTable, cells: n });
    else e.links?.push({ terms: [{ table: whole, coef: 1 }, { table: nTable, coef: -1 }] });
  }
}
