// The ESF+ common indicators for participants (Regulation (EU) 2021/1057, Annex I), the content
// of esf-indicators.csv and of the report's section "ESF+-indikatorer".
//
// Every cell is a figure of the one registry: computed here as shares of a base (the numerators
// are the counts the file shows), then protected by the same primary and secondary disclosure
// control as every other figure, their bases declared to be the cells of a count figure so the
// gate ties them (the truth's `base`, engine/truth.ts):
//   output indicators             of all participants      (participants.enrolled)
//   results upon leaving          of those who left        (participants.exited)
//   results six months after      of those who left at least six months before the data were
//                                 extracted                (followup.m6.base, followup-base.ts)
// The file is a view of the protected figures (`esfRows`), never a rule of its own. An indicator
// whose data are absent (no participant has a value) has no figure: its row is left empty and
// says which data it needs.
import type { Followup, LabourStatus, OutcomeCode, Participant } from '../config/contract.ts';
import { CHARACTERISTICS } from '../config/contract.ts';
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { t, type Language, type MessageKey } from '../messages.ts';
import type { Emitter } from './emit.ts';
import { Acc, makeGrid } from './grid.ts';
import { emitLinkedShares, followupBaseId, followupCoverageId, shareOfBase, type FollowupBase } from './followup-base.ts';

/** Long-term unemployed (the Commission's ESF+ guidance): more than 6 months without work below 25 years of age, more than 12 months from 25. */
export const LONG_TERM = { youthBelowAge: 25, youthMonths: 6, adultMonths: 12 } as const;
/** The longer-term result indicators are taken this many months after leaving. */
export const ESF_FOLLOWUP_MONTHS = 6;

/** The file's gender columns, in the regulation's order: women, men, non-binary, total. */
export const ESF_COLUMNS = ['woman', 'man', 'other', 'all'] as const;

export const ESF_BASE = PARTICIPANTS.enrolled;
export const ESF_LEAVERS = PARTICIPANTS.exited;

/** Destinations at exit (exit_status) and at follow-up (status) that the result indicators count. */
export const ESF_OUTCOMES = {
  job_searching: ['job_seeking'],
  education: ['studies', 'apprenticeship', 'internship'],
  employed: ['employed', 'subsidised_employment', 'self_employed'],
} as const satisfies Record<string, readonly OutcomeCode[]>;

/** Whether an unemployed participant is long-term unemployed: coded so, or by months without work and age. */
export function isLongTermUnemployed(p: Participant): boolean {
  if (p.labourStatus === 'long_term_unemployed') return true;
  if (p.labourStatus !== 'unemployed' || p.monthsWithoutWork === null) return false;
  const young = p.ageAtEntry !== null && p.ageAtEntry < LONG_TERM.youthBelowAge;
  return p.monthsWithoutWork > (young ? LONG_TERM.youthMonths : LONG_TERM.adultMonths);
}

const STATUS_CATEGORY: Record<LabourStatus, string> = {
  unemployed: 'unemployed', long_term_unemployed: 'unemployed', inactive: 'inactive', employed: 'employed', self_employed: 'employed', unknown: 'unknown',
};
const ageCategory = (age: number | null) => (age === null ? 'unknown' : age < 18 ? 'under_18' : age <= 29 ? '18_29' : age <= 54 ? '30_54' : '55_plus');
const has = (p: Participant, codes: readonly OutcomeCode[]) => p.exitStatus.some((c) => (codes as readonly string[]).includes(c));

type Base = 'enrolled' | 'leavers' | 'followup';

/** One ESF figure: a complete breakdown of its base into categories, or one share of it. */
interface EsfFigure {
  id: string;
  base: Base;
  categories?: string[];
  /** The participant's category, or (without categories) whether they count. */
  of: (p: Participant) => string | boolean;
  /** Whether the participant has the data this figure needs. */
  known: (p: Participant) => boolean;
}

const PARTICIPANT_FIGURES: EsfFigure[] = [
  { id: 'esf.labour_status', base: 'enrolled', categories: ['unemployed', 'inactive', 'employed', 'unknown'], of: (p) => STATUS_CATEGORY[p.labourStatus ?? 'unknown'], known: (p) => p.labourStatus != null },
  { id: 'esf.long_term_unemployed', base: 'enrolled', of: isLongTermUnemployed, known: (p) => p.labourStatus != null },
  { id: 'esf.age', base: 'enrolled', categories: ['under_18', '18_29', '30_54', '55_plus', 'unknown'], of: (p) => ageCategory(p.ageAtEntry), known: (p) => p.ageAtEntry !== null },
  {
    id: 'esf.education', base: 'enrolled', categories: ['isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown'],
    of: (p) => ({ primary: 'isced_0_2', secondary: 'isced_3_4', tertiary: 'isced_5_8', unknown: 'unknown' } as const)[p.education ?? 'unknown'], known: (p) => p.education !== null,
  },
  ...CHARACTERISTICS.map((c): EsfFigure => ({ id: `esf.${c}`, base: 'enrolled', of: (p) => p.characteristics?.[c] === true, known: (p) => p.characteristics?.[c] != null })),
  { id: 'esf.job_searching_at_exit', base: 'leavers', of: (p) => has(p, ESF_OUTCOMES.job_searching), known: (p) => p.exitStatus.length > 0 },
  { id: 'esf.education_at_exit', base: 'leavers', of: (p) => has(p, ESF_OUTCOMES.education), known: (p) => p.exitStatus.length > 0 },
  { id: 'esf.qualification_at_exit', base: 'leavers', of: (p) => p.qualification === true, known: (p) => p.qualification != null },
  { id: 'esf.employed_at_exit', base: 'leavers', of: (p) => has(p, ESF_OUTCOMES.employed), known: (p) => p.exitStatus.length > 0 },
];

/** The six-month indicators, from the follow-up rows at six months of the base. */
const FOLLOWUP_FIGURES: { id: string; member: (f: Followup) => boolean; known: (f: Followup) => boolean }[] = [
  { id: 'esf.employed_6m', member: (f) => (ESF_OUTCOMES.employed as readonly string[]).includes(f.status), known: () => true },
  { id: 'esf.improved_6m', member: (f) => f.improvedSituation === true, known: (f) => f.improvedSituation != null },
];

const BASE_ID: Record<Base, string> = { enrolled: ESF_BASE, leavers: ESF_LEAVERS, followup: followupBaseId(ESF_FOLLOWUP_MONTHS) };

/** Emits the ESF figures into the registry: project level, by gender. `sixMonths` is null without an extraction date or follow-ups. */
export function emitEsfFigures(e: Emitter, ps: Participant[], lang: Language, sixMonths: FollowupBase | null = null, followups: Followup[] = []): void {
  const grid = makeGrid([], ps);
  const em: Emitter = { ...e, grid };
  const label = (id: string) => t(lang, `figure.${id}` as MessageKey);
  // One pass over the participants fills every figure's counts. Participants are counted per
  // group of cells (a gender, here: a handful of groups) and the groups spread to the cells after.
  const groupOf = new Map<readonly number[], number>();
  const groupCells: (readonly number[])[] = [];
  const figures = PARTICIPANT_FIGURES.map((b) => ({ b, categories: (b.categories ?? [true]) as (string | boolean)[], known: false, counts: [] as number[][] }));
  const enrolled: number[] = [];
  const leavers: number[] = [];
  ps.forEach((p, i) => {
    const cells = grid.cellsOf(i);
    let g = groupOf.get(cells);
    if (g === undefined) {
      g = groupCells.length;
      groupOf.set(cells, g);
      groupCells.push(cells);
      enrolled.push(0);
      leavers.push(0);
      for (const f of figures) f.counts.push(f.categories.map(() => 0));
    }
    const left = p.exitDate !== null;
    enrolled[g]!++;
    if (left) leavers[g]!++;
    for (const f of figures) {
      if (!f.known && f.b.known(p)) f.known = true;
      if (f.b.base === 'leavers' && !left) continue;
      const k = f.categories.indexOf(f.b.of(p));
      if (k >= 0) f.counts[g]![k]!++;
    }
  });
  const spread = (perGroup: (g: number) => number): Acc => {
    const a = new Acc(grid.size);
    groupCells.forEach((cells, g) => a.add(cells, perGroup(g)));
    return a;
  };
  const bases = { enrolled: spread((g) => enrolled[g]!), leavers: spread((g) => leavers[g]!) };
  for (const { b, categories, known, counts } of figures) {
    if (!known) continue;
    categories.forEach((category, j) => {
      const acc = spread((g) => counts[g]![j]!);
      acc.den.set(bases[b.base as 'enrolled' | 'leavers'].num);
      const meta = b.categories ? { id: b.id, label: label(b.id), category: String(category), categoryLabel: t(lang, `esf.category.${String(category)}` as MessageKey) } : { id: b.id, label: label(b.id) };
      emitLinkedShares(em, meta, acc, BASE_ID[b.base]);
    });
  }
  if (!sixMonths) return;
  const atSix = followups.filter((f) => f.monthsAfterExit === ESF_FOLLOWUP_MONTHS && f.participant >= 0 && sixMonths.inBase[f.participant]);
  for (const f of FOLLOWUP_FIGURES) {
    if (!atSix.some(f.known)) continue;
    emitLinkedShares(em, { id: f.id, label: label(f.id) }, shareOfBase(em, sixMonths, followups, f.member), BASE_ID.followup);
  }
}

/** One indicator of Annex I, as the file and the page list it, and where its cells come from. */
export interface EsfIndicator {
  /** The indicator's code in the Commission's SFC2021 system; null for the file's supporting rows (bases, not followed up). */
  code: string | null;
  /** Message keys esf.name.<key> (the regulation's wording), esf.note.<key> (its definition here). */
  key: string;
  /** The figure and category of its cells; null for an indicator no participant data can give (entities). */
  figure: string | null;
  category?: string;
  /** Counts are read from a count figure's values, the others from a share's numerators. */
  count?: boolean;
  /** The data it needs, as contract columns or configuration keys (for the row's note when absent). */
  needs: string;
}

export const ESF_INDICATORS: EsfIndicator[] = [
  { code: 'EECO01', key: 'participants', figure: ESF_BASE, count: true, needs: 'participants' },
  { code: 'EECO02', key: 'unemployed', figure: 'esf.labour_status', category: 'unemployed', needs: 'labour_status_at_entry' },
  { code: 'EECO03', key: 'long_term_unemployed', figure: 'esf.long_term_unemployed', needs: 'labour_status_at_entry, months_without_work' },
  { code: 'EECO04', key: 'inactive', figure: 'esf.labour_status', category: 'inactive', needs: 'labour_status_at_entry' },
  { code: 'EECO05', key: 'employed', figure: 'esf.labour_status', category: 'employed', needs: 'labour_status_at_entry' },
  { code: 'EECO06', key: 'under_18', figure: 'esf.age', category: 'under_18', needs: 'birth_year / age_at_entry' },
  { code: 'EECO07', key: '18_29', figure: 'esf.age', category: '18_29', needs: 'birth_year / age_at_entry' },
  { code: 'EECO08', key: '55_plus', figure: 'esf.age', category: '55_plus', needs: 'birth_year / age_at_entry' },
  { code: 'EECO09', key: 'isced_0_2', figure: 'esf.education', category: 'isced_0_2', needs: 'education' },
  { code: 'EECO10', key: 'isced_3_4', figure: 'esf.education', category: 'isced_3_4', needs: 'education' },
  { code: 'EECO11', key: 'isced_5_8', figure: 'esf.education', category: 'isced_5_8', needs: 'education' },
  ...CHARACTERISTICS.map((c, i): EsfIndicator => ({ code: `EECO${12 + i}`, key: c, figure: `esf.${c}`, needs: c })),
  { code: 'EECO18', key: 'public_administrations', figure: null, needs: '' },
  { code: 'EECO19', key: 'smes', figure: null, needs: '' },
  { code: null, key: 'leavers', figure: ESF_LEAVERS, count: true, needs: 'exit_date' },
  { code: 'EECR01', key: 'job_searching_at_exit', figure: 'esf.job_searching_at_exit', needs: 'exit_status' },
  { code: 'EECR02', key: 'education_at_exit', figure: 'esf.education_at_exit', needs: 'exit_status' },
  { code: 'EECR03', key: 'qualification_at_exit', figure: 'esf.qualification_at_exit', needs: 'qualification_at_exit' },
  { code: 'EECR04', key: 'employed_at_exit', figure: 'esf.employed_at_exit', needs: 'exit_status' },
  { code: null, key: 'followup_base', figure: followupBaseId(ESF_FOLLOWUP_MONTHS), count: true, needs: 'followups, data_extracted' },
  { code: null, key: 'not_followed_up', figure: followupCoverageId(ESF_FOLLOWUP_MONTHS), category: 'not_followed_up', needs: 'followups, data_extracted' },
  { code: 'EECR05', key: 'employed_6m', figure: 'esf.employed_6m', needs: 'followups, data_extracted' },
  { code: 'EECR06', key: 'improved_6m', figure: 'esf.improved_6m', needs: 'followups.improved_situation, data_extracted' },
];

export interface EsfRow {
  indicator: EsfIndicator;
  /** Counts per column (women, men, non-binary, total); null when hidden. */
  cells: (number | null)[];
  /** Why each hidden cell is hidden. */
  marks: (Figure['suppression'] | undefined)[];
  /** absent: the data lack what the indicator needs; entity: not a participant indicator. Cells are then left empty. */
  empty: 'absent' | 'entity' | null;
}

/** The rows of esf-indicators.csv and the page's section, read from the protected figures alone. */
export function esfRows(figures: Figure[]): EsfRow[] {
  const total = figures.filter((f) => f.unit === 'total');
  return ESF_INDICATORS.map((indicator) => {
    const fs = indicator.figure === null ? [] : total.filter((f) => f.id === indicator.figure && f.category === indicator.category);
    const empty = indicator.figure === null ? 'entity' : fs.length === 0 ? 'absent' : null;
    const cell = ESF_COLUMNS.map((g) => fs.find((f) => f.gender === g));
    // A gender with no participant has no cell: its count is 0.
    const cells = cell.map((f) => (f === undefined ? 0 : indicator.count ? f.value : (f.numerator ?? null)));
    return { indicator, cells: empty ? cells.map(() => null) : cells, marks: cell.map((f) => f?.suppression), empty };
  });
}
