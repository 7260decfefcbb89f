// The ESF participant breakdowns (esf-indicators.csv): participants by gender (women, men,
// non-binary = the contract's gender "other"), crossed with age at entry (< 30, 30–54, ≥ 55),
// education (ISCED 0–2 / 3–4 / 5–8) and long-term unemployment.
//
// They are figures of the one registry like every other: computed here as shares of all
// participants (their numerators are the counts the file shows, their bases the enrolled
// count), then protected by the same primary and secondary disclosure control, linked to the
// enrolled counts. The file is a view of the protected figures (`esfRows`), never a rule of its
// own.
import type { Participant } from '../config/contract.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { t, type Language } from '../messages.ts';
import { emitShares, type Emitter } from './emit.ts';
import { Acc, makeGrid } from './grid.ts';
import { truthOf } from './truth.ts';

/** Long-term unemployed: at least this many months without work at entry (months_without_work). */
export const LONG_TERM_MONTHS = 12;

export const ESF_COLUMNS = ['all', 'woman', 'man', 'other'] as const;

export type EsfIndicator = 'participants' | 'age' | 'education' | 'long_term_unemployed';

export interface EsfRow {
  indicator: EsfIndicator;
  category: string;
  /** Counts per column (total, women, men, non-binary); null when suppressed. */
  cells: (number | null)[];
  /** Why each hidden cell is hidden. */
  marks: (Figure['suppression'] | undefined)[];
  /** The data lack the column this row is computed from: the cells are left empty. */
  missing: boolean;
}

interface Breakdown {
  indicator: Exclude<EsfIndicator, 'participants'>;
  categories: string[];
  of: (p: Participant) => string | null;
  lacks: (p: Participant) => boolean;
  /** The categories cover every participant (they add up to the participants row). */
  complete: boolean;
}

const BREAKDOWNS: Breakdown[] = [
  {
    indicator: 'age',
    categories: ['under_30', '30_54', '55_plus', 'unknown'],
    of: (p) => (p.ageAtEntry === null ? 'unknown' : p.ageAtEntry < 30 ? 'under_30' : p.ageAtEntry <= 54 ? '30_54' : '55_plus'),
    lacks: (p) => p.ageAtEntry === null,
    complete: true,
  },
  {
    indicator: 'education',
    categories: ['isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown'],
    of: (p) => ({ primary: 'isced_0_2', secondary: 'isced_3_4', tertiary: 'isced_5_8', unknown: 'unknown' } as const)[p.education ?? 'unknown'],
    lacks: (p) => p.education === null,
    complete: true,
  },
  // One row only (the complement is not published): a share without categories.
  { indicator: 'long_term_unemployed', categories: ['yes'], of: (p) => (p.monthsWithoutWork !== null && p.monthsWithoutWork >= LONG_TERM_MONTHS ? 'yes' : null), lacks: (p) => p.monthsWithoutWork === null, complete: false },
];

export const esfId = (indicator: Breakdown['indicator']) => `esf.${indicator}`;
/** The figure whose cells are the bases of the ESF shares, cell by cell. */
export const ESF_BASE = 'participants.enrolled';

/** Emits the ESF breakdowns into the registry: project level, by gender. */
export function emitEsfFigures(e: Emitter, ps: Participant[], lang: Language): void {
  const grid = makeGrid([], ps);
  const em: Emitter = { ...e, grid };
  for (const b of BREAKDOWNS) {
    if (ps.length > 0 && ps.every(b.lacks)) continue;
    // One pass per breakdown: each participant counts in its category's numerator; every
    // category's base is everyone (the enrolled count).
    const accs = b.categories.map(() => new Acc(grid.size));
    const base = new Acc(grid.size);
    ps.forEach((p, i) => {
      const cells = grid.cellsOf(i);
      base.add(cells, 1);
      const k = b.categories.indexOf(b.of(p) ?? '');
      if (k >= 0) accs[k]!.add(cells, 1);
    });
    for (const [j, category] of b.categories.entries()) {
      const a = accs[j]!;
      a.den.set(base.num);
      const before = e.figures.length;
      const label = b.indicator === 'long_term_unemployed' ? t(lang, 'esf.long_term_unemployed', { months: LONG_TERM_MONTHS }) : t(lang, `esf.${b.indicator}`);
      emitShares(em, b.complete ? { id: esfId(b.indicator), label, category, categoryLabel: t(lang, `esf.${b.indicator}.${category}` as never) } : { id: esfId(b.indicator), label }, a);
      for (const f of e.figures.slice(before)) truthOf.get(f)!.base = ESF_BASE;
    }
  }
}

/** The rows of esf-indicators.csv, read from the protected figures. */
export function esfRows(figures: Figure[]): EsfRow[] {
  const find = (id: string, category: string | undefined, gender: string) => figures.find((f) => f.id === id && f.unit === 'total' && f.gender === gender && f.category === category);
  const row = (indicator: EsfIndicator, category: string, cell: (gender: string) => Figure | undefined, count: (f: Figure) => number | null, missing: boolean): EsfRow => {
    const fs = ESF_COLUMNS.map(cell);
    return { indicator, category, missing, cells: fs.map((f) => (f ? count(f) : 0)), marks: fs.map((f) => f?.suppression) };
  };
  const rows = [row('participants', 'all', (g) => find(ESF_BASE, undefined, g), (f) => f.value, false)];
  for (const b of BREAKDOWNS) {
    const missing = !figures.some((f) => f.id === esfId(b.indicator));
    for (const category of b.categories) rows.push(row(b.indicator, category, (g) => find(esfId(b.indicator), b.complete ? category : undefined, g), (f) => f.numerator ?? null, missing));
  }
  return rows;
}
