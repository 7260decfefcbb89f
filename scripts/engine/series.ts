// Time series: how the project filled up and emptied. Per month, quarter or year of a range,
// the inflow (entries in the period), the outflow (exits in the period) and the number enrolled
// at the period's end (entered on or before its last day and not exited by then), each a count
// figure per unit and gender with the period as its category.
//
// The figures are tied together, and the gate is told so (secondary.ts links): the stock at the
// end of a period is the last stock plus the inflow less the outflow, the inflows add up to the
// enrolled and the outflows to the exited (those outside the range being the links' constants).
// Pure: participants in, figures and links out.
import type { Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import { formatPeriod } from '../format.ts';
import { t, type Language } from '../messages.ts';
import { emitCounts, type Emitter } from './emit.ts';
import { Acc } from './grid.ts';
import { tableKey } from './secondary.ts';
import { PARTICIPANTS, seriesFigureIds } from '../config/figure-ids.ts';

export type Interval = 'month' | 'quarter' | 'year';

export interface Period {
  /** "2024-01", "2024-Q1" or "2024": the figures' category. */
  key: string;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The key of the period an ISO date falls in. */
export function periodKey(iso: string, interval: Interval): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  return interval === 'year' ? y : interval === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : `${y}-${pad(m)}`;
}

/** The whole calendar periods from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, interval: Interval): Period[] {
  const step = interval === 'year' ? 12 : interval === 'quarter' ? 3 : 1;
  let y = Number(from.slice(0, 4));
  let m = interval === 'year' ? 1 : Math.floor((Number(from.slice(5, 7)) - 1) / step) * step + 1;
  const out: Period[] = [];
  for (;;) {
    const start = `${y}-${pad(m)}-01`;
    if (start > to.slice(0, 10)) return out;
    const endMonth = m + step - 1;
    const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
    out.push({ key: periodKey(start, interval), from: start, to: `${y}-${pad(endMonth)}-${pad(lastDay)}` });
    m += step;
    if (m > 12) ((m -= 12), (y += 1));
  }
}

/** The index of the period holding a date, or -1 outside them (periods in order, without gaps). */
export function periodIndex(periods: readonly Period[], iso: string): number {
  const d = iso.slice(0, 10);
  if (periods.length === 0 || d < periods[0]!.from || d > periods.at(-1)!.to) return -1;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid]!.to < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export { seriesFigureIds };

/** Inflow, outflow and stock per period for every series of the configuration. */
export function emitSeries(e: Emitter, config: Config, ps: readonly Participant[]): void {
  const lang: Language = config.language;
  for (const s of config.series) {
    const periods = periodsBetween(s.from ?? config.period.from, s.to ?? config.period.to, s.interval);
    const size = e.grid.size;
    const inflow = periods.map(() => new Acc(size));
    const outflow = periods.map(() => new Acc(size));
    // Stock change per period; the stock before the first period starts the running sum.
    const before = new Acc(size);
    ps.forEach((p, i) => {
      const cells = e.grid.cellsOf(i);
      const a = periodIndex(periods, p.entryDate);
      const b = p.exitDate === null ? -1 : periodIndex(periods, p.exitDate);
      if (a >= 0) inflow[a]!.add(cells, 1);
      if (b >= 0) outflow[b]!.add(cells, 1);
      const first = periods[0];
      if (first && p.entryDate.slice(0, 10) < first.from && (p.exitDate === null || p.exitDate.slice(0, 10) >= first.from)) before.add(cells, 1);
    });
    const ids = seriesFigureIds(s.id);
    const stock = Float64Array.from(before.num);
    periods.forEach((period, j) => {
      const meta = (id: string, what: 'inflow' | 'outflow' | 'enrolled') => ({ id, label: `${s.label}: ${t(lang, `figure.series.${what}`)}`, category: period.key, categoryLabel: formatPeriod(period.key, lang), breakdown: s.breakdown });
      const end = new Acc(size);
      for (let c = 0; c < size; c++) end.num[c] = stock[c] = stock[c]! + inflow[j]!.num[c]! - outflow[j]!.num[c]!;
      emitCounts(e, meta(ids.inflow, 'inflow'), inflow[j]!);
      emitCounts(e, meta(ids.outflow, 'outflow'), outflow[j]!);
      emitCounts(e, meta(ids.enrolled, 'enrolled'), end);
    });
    e.links?.push(...seriesLinks(ids, periods));
    for (const id of Object.values(ids)) e.linkedIds?.add(id);
  }
}

/** stock(p) − stock(p−1) − in(p) + out(p) = 0; Σ in = enrolled; Σ out = exited (up to the constants). */
function seriesLinks(ids: ReturnType<typeof seriesFigureIds>, periods: readonly Period[]) {
  const key = (id: string, p: Period) => tableKey('count', id, p.key);
  const flows = periods.map((p, j) => ({
    terms: [
      { table: key(ids.enrolled, p), coef: 1 },
      ...(j > 0 ? [{ table: key(ids.enrolled, periods[j - 1]!), coef: -1 }] : []),
      { table: key(ids.inflow, p), coef: -1 },
      { table: key(ids.outflow, p), coef: 1 },
    ],
  }));
  const sum = (total: string, id: string) => ({ terms: [{ table: tableKey('count', total), coef: 1 }, ...periods.map((p) => ({ table: key(id, p), coef: -1 }))] });
  return [...flows, sum(PARTICIPANTS.enrolled, ids.inflow), sum(PARTICIPANTS.exited, ids.outflow)];
}
