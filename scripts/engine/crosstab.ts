// Crosstabs: an outcome group (the share of exited with the outcome) or a distribution (its
// categories) within each row of an entry characteristic: a distribution's categories or bands,
// an entry group against the others, or cohorts by period of entry. Each row is a figure of its
// own, `crosstab.<id>.<row>`, with the distribution's categories as categories.
//
// The rows partition the outcome's base (up to those without a row, the links' constant), so
// their numerators and bases add up to the outcome's own figure: declared to the gate as links.
// Pure: membership arrays in, figures and links out.
import type { Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import { formatPeriod } from '../format.ts';
import { t } from '../messages.ts';
import { idPart } from '../slug.ts';
import { emitShares, type Emitter } from './emit.ts';
import { Acc } from './grid.ts';
import { tableKey, type Link } from './secondary.ts';
import { periodIndex, periodsBetween } from './series.ts';
import { crosstabFigureId as rowFigureId, outcomeGroupId } from '../config/figure-ids.ts';

export interface CrosstabInputs {
  ps: readonly Participant[];
  /** Per outcome group: the base of exit.<id> (1 = in it) and who of them has the outcome. */
  outcomes: Map<string, { base: Uint8Array; member: Uint8Array }>;
  /** Per distribution of participants: each one's category index, −1 for none. */
  distributions: Map<string, Int32Array>;
  /** Per entry group: 1 member, 0 known not to be, −1 no value (or outside its filter). */
  entryRows: (id: string) => Int8Array;
}

interface Rows {
  keys: string[];
  labels: string[];
  of: Int32Array;
}

type Crosstab = Config['crosstabs'][number];

/** The ids of a crosstab's row figures, in order (as the configuration gives them). */
export function crosstabRows(c: Crosstab, config: Config): { keys: string[]; labels: string[] } {
  if (c.by !== undefined) {
    const d = config.distributions.find((x) => x.id === c.by)!;
    const keys = d.categories ? Object.keys(d.categories) : d.bands!.map((b) => b.id);
    return { keys: keys.map(idPart), labels: d.categories ? Object.values(d.categories) : d.bands!.map((b) => b.label) };
  }
  if (c.by_entry_group !== undefined) {
    const g = config.entry_groups.find((x) => x.id === c.by_entry_group)!;
    return { keys: [g.id, g.id === 'others' ? 'others_2' : 'others'], labels: [g.label, t(config.language, 'figure.crosstab.others')] };
  }
  const periods = periodsBetween(config.period.from, config.period.to, c.by_cohort!);
  return { keys: periods.map((p) => idPart(p.key)), labels: periods.map((p) => formatPeriod(p.key, config.language)) };
}

function rowsOf(c: Crosstab, config: Config, x: CrosstabInputs): Rows {
  const { keys, labels } = crosstabRows(c, config);
  let of: Int32Array;
  if (c.by !== undefined) of = x.distributions.get(c.by)!;
  else if (c.by_entry_group !== undefined) of = Int32Array.from(x.entryRows(c.by_entry_group), (m) => (m === 1 ? 0 : m === 0 ? 1 : -1));
  else {
    const periods = periodsBetween(config.period.from, config.period.to, c.by_cohort!);
    of = Int32Array.from(x.ps, (p) => periodIndex(periods, p.entryDate));
  }
  return { keys, labels, of };
}

export const crosstabFigureId = (c: Crosstab, rowKey: string) => rowFigureId(c.id, rowKey);

export function emitCrosstabs(e: Emitter, config: Config, x: CrosstabInputs): void {
  for (const c of config.crosstabs) {
    const rows = rowsOf(c, config, x);
    const ids = rows.keys.map((k) => crosstabFigureId(c, k));
    for (const id of ids) e.linkedIds?.add(id);
    const meta = (r: number) => ({ id: ids[r]!, label: `${c.label}: ${rows.labels[r]}`, breakdown: c.breakdown });
    if (c.outcome !== undefined) {
      const { base, member } = x.outcomes.get(c.outcome)!;
      const accs = rows.keys.map(() => new Acc(e.grid.size));
      for (let i = 0; i < x.ps.length; i++) if (base[i] && rows.of[i]! >= 0) accs[rows.of[i]!]!.add(e.grid.cellsOf(i), member[i]!);
      accs.forEach((a, r) => emitShares(e, meta(r), a));
      const whole = outcomeGroupId(c.outcome);
      e.links?.push(sumLink(tableKey('num', whole), ids.map((id) => tableKey('num', id))), sumLink(tableKey('den', whole), ids.map((id) => tableKey('den', id))));
      continue;
    }
    const d = config.distributions.find((y) => y.id === c.distribution)!;
    const cats = d.categories ? Object.keys(d.categories) : d.bands!.map((b) => b.id);
    const catLabels = d.categories ? Object.values(d.categories) : d.bands!.map((b) => b.label);
    const idx = x.distributions.get(d.id)!;
    const accs = rows.keys.map(() => cats.map(() => new Acc(e.grid.size)));
    const totals = rows.keys.map(() => new Acc(e.grid.size));
    for (let i = 0; i < x.ps.length; i++) {
      const r = rows.of[i]!;
      if (idx[i]! < 0 || r < 0) continue;
      const cells = e.grid.cellsOf(i);
      accs[r]![idx[i]!]!.add(cells, 1);
      totals[r]!.add(cells, 1);
    }
    rows.keys.forEach((_, r) =>
      cats.forEach((cat, j) => {
        const a = accs[r]![j]!;
        a.den.set(totals[r]!.num);
        emitShares(e, { ...meta(r), category: cat, categoryLabel: catLabels[j]! }, a);
      }),
    );
    e.links?.push(
      ...cats.map((cat) => sumLink(tableKey('num', d.id, cat), ids.map((id) => tableKey('num', id, cat)))),
      sumLink(tableKey('den', d.id, cats[0]!), ids.map((id) => tableKey('den', id, cats[0]!))),
      // Each row's base, once per category: one number.
      ...ids.flatMap((id) => cats.slice(1).map((cat) => sumLink(tableKey('den', id, cats[0]!), [tableKey('den', id, cat)]))),
    );
  }
}

/** whole = Σ parts (+ the constant: those in no row). */
const sumLink = (whole: string, parts: string[]): Link => ({ terms: [{ table: whole, coef: 1 }, ...parts.map((table) => ({ table, coef: -1 }))] });
