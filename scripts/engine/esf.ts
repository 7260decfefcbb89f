// The ESF participant breakdowns (esf-indicators.csv): participants by gender (women, men,
// non-binary = the contract's gender "other"), crossed with age at entry (< 30, 30–54, ≥ 55),
// education (ISCED 0–2 / 3–4 / 5–8) and long-term unemployment. Pure: a Dataset in, counts out.
//
// Disclosure control as in the report: a count 1 … min_count−1 is suppressed (null). Because the
// cells of a row add up to its total, and the categories of a breakdown add up to the participants
// row, one suppressed cell in such a group could be recovered by subtraction: the smallest other
// positive cell of that group is then suppressed too, repeated until no group has a lone hidden cell.
import type { Dataset, Participant } from '../config/contract.ts';

/** Long-term unemployed: at least this many months without work at entry (months_without_work). */
export const LONG_TERM_MONTHS = 12;

export const ESF_COLUMNS = ['total', 'woman', 'man', 'other'] as const;

export interface EsfRow {
  indicator: 'participants' | 'age' | 'education' | 'long_term_unemployed';
  category: string;
  /** Counts per column (total, women, men, non-binary); null when suppressed. */
  cells: (number | null)[];
  /** The data lack the column this row is computed from: the cells are left empty. */
  missing: boolean;
}

type Breakdown = { indicator: EsfRow['indicator']; categories: string[]; of: (p: Participant) => string | null; complete: boolean };

const BREAKDOWNS: Breakdown[] = [
  {
    indicator: 'age',
    categories: ['under_30', '30_54', '55_plus', 'unknown'],
    of: (p) => (p.ageAtEntry === null ? 'unknown' : p.ageAtEntry < 30 ? 'under_30' : p.ageAtEntry <= 54 ? '30_54' : '55_plus'),
    complete: true,
  },
  {
    indicator: 'education',
    categories: ['isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown'],
    of: (p) => ({ primary: 'isced_0_2', secondary: 'isced_3_4', tertiary: 'isced_5_8', unknown: 'unknown' } as const)[p.education ?? 'unknown'],
    complete: true,
  },
  // One row only (the complement is not published), so it takes part in no column group.
  { indicator: 'long_term_unemployed', categories: ['yes'], of: (p) => (p.monthsWithoutWork !== null && p.monthsWithoutWork >= LONG_TERM_MONTHS ? 'yes' : null), complete: false },
];

const column = (p: Participant) => ESF_COLUMNS.indexOf(p.gender);

export function esfIndicators(data: Dataset, minCount: number): EsfRow[] {
  const ps = data.participants;
  const raw: { indicator: EsfRow['indicator']; category: string; cells: number[]; missing: boolean }[] = [];
  const all = [0, 0, 0, 0];
  for (const p of ps) {
    all[0]!++;
    all[column(p)]!++;
  }
  raw.push({ indicator: 'participants', category: 'all', cells: all, missing: false });
  const lacks: Record<string, (p: Participant) => boolean> = { age: (p) => p.ageAtEntry === null, education: (p) => p.education === null, long_term_unemployed: (p) => p.monthsWithoutWork === null };
  const groups: number[][][] = []; // groups of [row, col] cells: first the total, then its parts
  for (const b of BREAKDOWNS) {
    const missing = ps.length > 0 && ps.every(lacks[b.indicator]!);
    const first = raw.length;
    for (const category of b.categories) {
      const cells = [0, 0, 0, 0];
      if (!missing) for (const p of ps) if (b.of(p) === category) {
        cells[0]!++;
        cells[column(p)]!++;
      }
      raw.push({ indicator: b.indicator, category, cells, missing });
    }
    if (b.complete && !missing) for (let c = 0; c < 4; c++) groups.push([[0, c], ...b.categories.map((_, i) => [first + i, c])]);
  }
  for (let r = 0; r < raw.length; r++) if (!raw[r]!.missing) groups.push([[r, 0], [r, 1], [r, 2], [r, 3]]);

  // Primary suppression, then the secondary rule until stable.
  const hidden = raw.map((row) => row.cells.map((v) => v > 0 && v < minCount));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [total, ...parts] of groups) {
      const cells = [total!, ...parts];
      const lone = cells.filter(([r, c]) => hidden[r!]![c!]).length === 1;
      if (!lone) continue;
      const candidates = parts.filter(([r, c]) => !hidden[r!]![c!] && raw[r!]!.cells[c!]! > 0).sort((a, b) => raw[a[0]!]!.cells[a[1]!]! - raw[b[0]!]!.cells[b[1]!]!);
      const next = candidates[0] ?? (hidden[total![0]!]![total![1]!] ? undefined : total);
      if (next) {
        hidden[next[0]!]![next[1]!] = true;
        changed = true;
      }
    }
  }
  return raw.map((row, r) => ({ ...row, cells: row.cells.map((v, c) => (hidden[r]![c] ? null : v)) }));
}
