// What the data of a project hold, for `npm run check`: participants per unit and gender, the
// period of entry and exit dates, exits by status, and codes found in the data that no part of
// the configuration uses (a likely mapping slip). Pure: a Config and a Dataset in, plain values out.
import { textIn, type Config } from '../config/schema.ts';
import { columnValue, GENDERS, isCoded, roleColumns, TABLES } from '../config/contract.ts';
import type { TableDataset } from './activity-table.ts';

export interface DataSummary {
  participants: number;
  /** Unit → gender → count, units in configuration order (units not in the configuration cannot pass the loader). */
  byUnit: { unit: string; reported: boolean; counts: Record<(typeof GENDERS)[number], number>; total: number }[];
  entry: { first: string; last: string } | null;
  exit: { first: string; last: string } | null;
  exited: number;
  stillEnrolled: number;
  /** Status at exit → participants with it (a participant may have several); a project's own code with its label. */
  exitStatus: [string, number][];
  /** Codes in open code columns (or exit statuses) that no group, distribution or goal of the configuration refers to. */
  unused: { column: string; codes: [string, number][] }[];
  rows: { activities: number; followups: number; survey: number; costs: number };
}

const count = <T>(xs: Iterable<T>) => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};

function range(xs: (string | null)[]): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const x of xs) {
    if (x === null) continue;
    if (first === null || x < first) first = x;
    if (last === null || x > last) last = x;
  }
  return first === null ? null : { first, last: last! };
}

export function summariseData(config: Config, data: TableDataset): DataSummary {
  const ps = data.participants;
  const byUnit = config.units.items.map((u) => {
    const counts = { woman: 0, man: 0, other: 0 };
    for (const p of ps) if (p.unit === u.name) counts[p.gender]++;
    return { unit: u.name, reported: u.reported, counts, total: counts.woman + counts.man + counts.other };
  });
  const exitedPs = ps.filter((p) => p.exitDate !== null);
  // Each participant once per code: two source codes mapped onto one ("Arbetssökande|AF") are one status.
  const exitCodes = exitedPs.flatMap((p) => [...new Set(p.exitStatus)]);

  const ownLabel = new Map((config.codes?.outcome ?? []).map((c) => [c.code, textIn(c.label, config.language)]));

  // Codes the configuration refers to, per column.
  const used = (column: string) => {
    const s = new Set<string>();
    for (const g of config.entry_groups) if (g.column === column) for (const c of g.codes ?? []) s.add(c);
    for (const d of config.distributions) if (d.column === column) for (const c of Object.keys(d.categories ?? {})) s.add(c);
    for (const m of config.models) for (const p of m.predictors) if (p.column === column) for (const c of [...(p.ordered ?? []), ...(p.equals ? [p.equals] : []), ...(p.reference ? [p.reference] : [])]) s.add(c);
    return s;
  };
  const groupsUse = (column: string) => config.entry_groups.some((g) => g.column === column && g.codes) || config.distributions.some((d) => d.column === column) || config.models.some((m) => m.predictors.some((p) => p.column === column && !p.categorical));
  const unused: DataSummary['unused'] = [];
  const openColumn = (column: string, values: readonly unknown[]) => {
    if (!groupsUse(column)) return; // a column no group reads: nothing can be missed
    const u = used(column);
    const codes = count(values.filter((v): v is string => typeof v === 'string' && !u.has(v)));
    if (codes.length > 0) unused.push({ column, codes });
  };
  // The coded columns at entry that groups select codes from (referral, income, education …).
  for (const column of roleColumns('entry_group').filter((c) => isCoded(TABLES.participants[c]))) openColumn(column, ps.map(columnValue(column)));
  if (config.outcome_groups.some((g) => g.column === 'exit_status')) {
    const u = new Set(config.outcome_groups.filter((g) => g.column === 'exit_status').flatMap((g) => g.codes));
    const codes = count(exitCodes.filter((c) => !u.has(c)));
    if (codes.length > 0) unused.push({ column: 'exit_status (in no outcome group)', codes });
  }
  if (config.activity_groups.some((g) => g.activity)) {
    const u = new Set(config.activity_groups.flatMap((g) => g.activity ?? []));
    const codes = count(Array.from({ length: data.activities.length }, (_, r) => data.activities.activity(r)).filter((c) => !u.has(c)));
    if (codes.length > 0) unused.push({ column: 'activities.activity (in no activity group)', codes });
  }

  return {
    participants: ps.length,
    byUnit,
    entry: range(ps.map((p) => p.entryDate)),
    exit: range(ps.map((p) => p.exitDate)),
    exited: exitedPs.length,
    stillEnrolled: ps.length - exitedPs.length,
    exitStatus: count(exitCodes).map(([c, n]) => [ownLabel.has(c) ? `${c} (${ownLabel.get(c)})` : c, n]),
    unused,
    rows: { activities: data.activities.length, followups: data.followups.length, survey: data.survey.length, costs: data.costs.length },
  };
}

/** The summary as terminal lines. */
export function formatSummary(s: DataSummary): string[] {
  const pad = (x: string | number, n: number) => String(x).padStart(n);
  const w = Math.max(4, ...s.byUnit.map((u) => u.unit.length));
  const lines = [`${s.participants} participants`];
  lines.push(`  ${'unit'.padEnd(w)}  ${pad('women', 6)}  ${pad('men', 6)}  ${pad('other', 6)}  ${pad('all', 6)}`);
  for (const u of s.byUnit) lines.push(`  ${u.unit.padEnd(w)}  ${pad(u.counts.woman, 6)}  ${pad(u.counts.man, 6)}  ${pad(u.counts.other, 6)}  ${pad(u.total, 6)}${u.reported ? '' : '  (not reported separately)'}`);
  lines.push(`entry dates: ${s.entry ? `${s.entry.first} to ${s.entry.last}` : 'none'}`);
  lines.push(`exit dates:  ${s.exit ? `${s.exit.first} to ${s.exit.last}` : 'none'}`);
  lines.push(`exits: ${s.exited} exited, ${s.stillEnrolled} still enrolled`);
  if (s.exitStatus.length > 0) lines.push(`  status at exit: ${s.exitStatus.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  const rows = Object.entries(s.rows).filter(([, n]) => n > 0);
  if (rows.length > 0) lines.push(`other tables: ${rows.map(([t, n]) => `${t} ${n} rows`).join(', ')}`);
  if (s.unused.length === 0) lines.push('unmapped codes: none');
  else {
    lines.push('unmapped codes (found in the data, used by no group of the configuration):');
    for (const u of s.unused) lines.push(`  ${u.column}: ${u.codes.map(([c, n]) => `"${c}" ${n}`).join(', ')}`);
  }
  return lines;
}
