// Synthetic raw exports for the MIA Vidare example, shaped like a Swedish case-system export.
// Every row is invented; the per-unit counts reproduce the published figures of the real
// evaluation exactly (they are assigned by seeded shuffles of exact-count lists), everything
// else is drawn from plausible distributions. Which exited participants reach a target position
// is chosen within those counts so that the evaluation's regression model comes out of the data
// (see TARGET_MODEL). Column names and code values follow content/mia-vidare/report.yaml, which
// maps these Swedish source values to canonical codes.
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { invariant } from '../problems.ts';
import { Rng, repeat, weighted, type Counts } from './random.ts';
import { BOM, CRLF, csvField, day, half, isoDay, num } from './format.ts';

export const SEED = 20220630;

const PARTICIPANTS_HEADER =
  'Deltagar-ID;Delprojekt;Kön;Födelseår;Utbildning;Inskrivningsdatum;Utskrivningsdatum;Anvisad av;' +
  'Försörjning vid inskrivning;Månader i offentlig försörjning;Avslutsorsak;Status vid avslut';
const ACTIVITIES_HEADER = 'Deltagar-ID;Insats;Arbetsplats;Startdatum;Slutdatum;Månader;Timmar';
const SURVEY_HEADER =
  'Svar-ID;Enkät;Var det lätt eller svårt att arbetsträna?;Behöver du fortsätta arbetsträna?;' +
  'Skulle du orka arbetsträna mer?;Övriga kommentarer';

const FIRST_ENTRY = day('2020-01-01');
const LAST_ENTRY = day('2022-03-31');
const FIRST_OPEN_ENTRY = day('2021-01-01'); // still enrolled at the cut-off: entered at most 18 months earlier
const CUT_OFF = day('2022-06-30');
const DAYS_PER_MONTH = 30.44;
const MIN_STAY = 31; // "1–18 months": 31..545 days is within that for any start date
const MAX_STAY = 545;

/** Canonical exit code -> Swedish source value (inverse of report.yaml's exit_status map). */
const STATUS_SV: Record<string, string> = {
  employed: 'Anställning',
  studies: 'Studier',
  internship: 'Praktik',
  apprenticeship: 'Lärling',
  job_seeking: 'Arbetssökande',
  ordinary_programme: 'Ordinarie insats',
  sick_leave: 'Sjukskriven',
  other: 'Övrigt',
  unknown: 'Okänt',
};

interface Unit {
  name: string;
  // Published figures: reproduced exactly.
  enrolled: number;
  women: number;
  exited: number;
  municipality: number; // Anvisad av = Kommunen
  asf: number; // participants with work training at a social enterprise (ASF)
  external: number; // ... at an external employer
  both: number; // ... in both settings
  exits: Record<string, number>; // exit status combination (canonical, '|'-joined) -> count
  // Plausible shape only.
  income: Counts<string>;
  /** Education level weights (förgymnasial, gymnasial, eftergymnasial) for men and for women. */
  education: { men: Levels; women: Levels };
  /** Months in public support of a man with förgymnasial education who does not train (see SUPPORT). */
  supportBase: number;
  training: { asf: TrainingShape; external: TrainingShape };
}

type Levels = readonly [number, number, number];

/** Total months in one setting (drawn in halves) and hours per month of training. */
interface TrainingShape {
  months: readonly [number, number];
  hoursPerMonth: readonly [number, number];
}

const UNITS: readonly Unit[] = [
  {
    name: 'HBS',
    enrolled: 160, women: 100, exited: 136, municipality: 58, asf: 38, external: 38, both: 6,
    exits: {
      employed: 24, studies: 6, internship: 5, 'internship|job_seeking': 10, apprenticeship: 5,
      ordinary_programme: 53, 'ordinary_programme|job_seeking': 8, job_seeking: 12, sick_leave: 6,
      other: 4, unknown: 3,
    },
    // HBS takes more participants on sickness benefit than Södertälje.
    income: [['Försörjningsstöd', 52], ['Sjukpenning', 22], ['Aktivitetsstöd', 11], ['Etableringsersättning', 5],
      ['Ingen', 5], ['Lön', 2], ['Annan', 3]],
    // More have worked before: longer schooling, and most have 1–6 years in public support.
    education: { men: [50, 38, 12], women: [25, 50, 25] },
    supportBase: 50,
    // ASF and external training are about equally long here.
    training: {
      asf: { months: [3, 5.5], hoursPerMonth: [48, 60] },
      external: { months: [3, 5.5], hoursPerMonth: [48, 60] },
    },
  },
  {
    name: 'Södertälje',
    enrolled: 200, women: 124, exited: 172, municipality: 122, asf: 52, external: 22, both: 4,
    exits: {
      employed: 12, studies: 7, internship: 9, 'internship|job_seeking': 6, apprenticeship: 2,
      ordinary_programme: 44, 'ordinary_programme|job_seeking': 6, job_seeking: 10, sick_leave: 30,
      other: 25, unknown: 21,
    },
    income: [['Försörjningsstöd', 76], ['Sjukpenning', 5], ['Aktivitetsstöd', 8], ['Etableringsersättning', 6],
      ['Ingen', 3], ['Lön', 1], ['Annan', 1]],
    // Long-term: most have lived on public support for 7 years or more.
    education: { men: [78, 20, 2], women: [55, 35, 10] },
    supportBase: 84,
    // External training is longer and more intensive than ASF training here.
    training: {
      asf: { months: [1, 5], hoursPerMonth: [40, 52] },
      external: { months: [4, 10], hoursPerMonth: [58, 70] },
    },
  },
  {
    name: 'Övriga delprojekt',
    enrolled: 2440, women: 1510, exited: 2092, municipality: 1207, asf: 918, external: 248, both: 50,
    exits: {
      employed: 228, studies: 83, internship: 110, 'internship|job_seeking': 40, apprenticeship: 30,
      ordinary_programme: 653, 'ordinary_programme|job_seeking': 100, job_seeking: 200, sick_leave: 250,
      other: 250, unknown: 148,
    },
    income: [['Försörjningsstöd', 64], ['Sjukpenning', 10], ['Aktivitetsstöd', 13], ['Etableringsersättning', 5],
      ['Ingen', 4], ['Lön', 2], ['Annan', 2]],
    education: { men: [64, 30, 6], women: [34, 46, 20] },
    supportBase: 64,
    training: {
      asf: { months: [1.5, 7], hoursPerMonth: [42, 62] },
      external: { months: [2, 8], hoursPerMonth: [45, 66] },
    },
  },
];

// Samplers are built once: the bench generator draws from them millions of times.
const unitDraws = UNITS.map((u) => ({
  income: weighted(u.income),
  status: weighted(Object.entries(u.exits)), // bench only: proportions instead of exact counts
  training: weighted(trainingCounts(u)),
  levelMen: weighted(u.education.men.map((w, i) => [i + 1, w] as const)),
  levelWomen: weighted(u.education.women.map((w, i) => [i + 1, w] as const)),
}));

// Distributions shared by all units.
const EDUCATION_SV = ['', 'Förgymnasial', 'Gymnasial', 'Eftergymnasial'] as const; // by level 1–3
const EDUCATION_MISSING = 'Uppgift saknas';
const EDUCATION_MISSING_SHARE = 0.07;
const otherReferral = weighted([['Arbetsförmedlingen', 72], ['Försäkringskassan', 12], ['Annan', 16]]);
// Exit reason depends loosely on where the participant went: sick leave rarely "completes".
const reasonAfterStep = weighted([['Fullföljt', 80], ['Avbrutet', 8], ['Flyttat', 4], ['Annat', 8]]);
const reasonJobSeeking = weighted([['Fullföljt', 55], ['Avbrutet', 25], ['Flyttat', 8], ['Annat', 12]]);
const reasonSick = weighted([['Fullföljt', 15], ['Avbrutet', 70], ['Flyttat', 2], ['Annat', 13]]);
const reasonUnclear = weighted([['Fullföljt', 10], ['Avbrutet', 35], ['Flyttat', 25], ['Annat', 30]]);

function exitReason(rng: Rng, status: string): string {
  if (status === 'sick_leave') return reasonSick(rng);
  if (status === 'other' || status === 'unknown') return reasonUnclear(rng);
  if (status === 'job_seeking') return reasonJobSeeking(rng);
  return reasonAfterStep(rng);
}

/** Where finished CSV lines go: a string[] for the committed data, a ByteSink for bench data. */
interface Lines {
  push(line: string): void;
}

/** What a participant's row must encode; the rest of the row is drawn freely. */
interface Spec extends Person {
  unit: number; // index into UNITS
  woman: boolean;
  status: string | null; // canonical exit combination, null = still enrolled
  municipality: boolean;
  asf: boolean;
  external: boolean;
}

/** The attributes the regression model reads, drawn before exits are assigned. */
interface Person {
  entry: number; // day, see format.ts
  born: number;
  level: number; // education 1–3, known here even when the export says 'Uppgift saknas'
  educationKnown: boolean;
  months: number; // in public support at entry
}

type Training = 'both' | 'asf' | 'external' | 'none';

/** Participants per training pattern: both settings, only ASF, only external, none. */
function trainingCounts(u: Unit): Counts<Training> {
  return [['both', u.both], ['asf', u.asf - u.both], ['external', u.external - u.both],
    ['none', u.enrolled - u.asf - u.external + u.both]];
}

/**
 * Months in public support before entry. Longer for women and for those with less schooling
 * (the project's core group: women with short schooling who have lived on social assistance for
 * years), somewhat shorter for those later placed in work training, most of all with external
 * employers. With women also having more schooling than men, months, gender and education are
 * strongly collinear: see TARGET_MODEL for why the data need that. All in months: added for a
 * woman, subtracted per education level above förgymnasial and for each training setting, and the
 * SD of the normal noise around the unit's supportBase.
 */
const SUPPORT = { woman: 70, perLevel: 40, external: 10, asf: 6, noise: 9 } as const;

/** Roughly standard normal: Irwin–Hall with four uniforms (no transcendental functions). */
function normal(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * Math.sqrt(3);
}

/** Entry date, birth year, education and time in public support of one participant. */
function person(rng: Rng, unitIndex: number, woman: boolean, asf: boolean, external: boolean, exited: boolean): Person {
  const u = UNITS[unitIndex]!;
  const draw = unitDraws[unitIndex]!;
  const entry = rng.int(exited ? FIRST_ENTRY : FIRST_OPEN_ENTRY, LAST_ENTRY);
  // Birth year: a flat middle with sloping edges over 1958–2002 (age at entry 18–64, SD ≈ 12 years).
  const born = rng.int(1958, 1997) + rng.int(0, 5);
  const level = (woman ? draw.levelWomen : draw.levelMen)(rng);
  const educationKnown = !rng.chance(EDUCATION_MISSING_SHARE);
  const m = Math.round(u.supportBase + SUPPORT.woman * +woman - SUPPORT.perLevel * (level - 1) -
    SUPPORT.external * +external - SUPPORT.asf * +asf + SUPPORT.noise * normal(rng));
  // Below the shortest time recorded: somewhere under a year.
  const months = m < 3 ? rng.int(3, 11) : Math.min(216, m);
  return { entry, born, level, educationKnown, months };
}

/** One unit's participants with the published counts, each attribute shuffled independently. */
function exactSpecs(rng: Rng, unitIndex: number): Spec[] {
  const u = UNITS[unitIndex]!;
  const n = u.enrolled;
  const women = rng.shuffle(repeat([[true, u.women], [false, n - u.women]]));
  const exited = rng.shuffle(repeat([[true, u.exited], [false, n - u.exited]]));
  const municipality = rng.shuffle(repeat([[true, u.municipality], [false, n - u.municipality]]));
  const training = rng.shuffle(repeat(trainingCounts(u)));
  return women.map((woman, i) => {
    const t = training[i]!;
    const asf = t === 'both' || t === 'asf';
    const external = t === 'both' || t === 'external';
    return {
      unit: unitIndex, woman, municipality: municipality[i]!, asf, external,
      status: exited[i] ? '' : null, // exit combinations are assigned by assignExits
      ...person(rng, unitIndex, woman, asf, external, exited[i]!),
    };
  });
}

// ---- Target position at exit: the evaluation's regression model -----------------------------

const TARGET_CODES = new Set(['employed', 'internship', 'studies', 'apprenticeship']);
const isTarget = (combo: string) => combo.split('|').some((c) => TARGET_CODES.has(c));

/**
 * The evaluation explains a target position at exit (any of TARGET_CODES) among exited
 * participants of all units with a linear probability model (OLS with an intercept, HC1 standard
 * errors). Slopes, in the order of `predictors`: work training in ASF, work training with an
 * external employer, age at entry, education (1 förgymnasial, 2 gymnasial, 3 eftergymnasial;
 * 'Uppgift saknas' drops the row), months in public support, woman.
 *
 * The first four are the published estimates (ASF, external and age significant at 5 %). Months
 * and gender were published as not significant, so their slopes are ours. The four published
 * slopes alone would explain only about 1 % of the variance with these predictors, not the
 * published 5 %. The rest comes from months, gender and education together: SUPPORT makes them
 * strongly collinear, so months and gender carry a sizeable share of the fit (women and those
 * long in support less often reach a target position) while each adds little on its own and
 * stays non-significant.
 *
 * Once the slopes are hit, R² and the classical t values follow from the predictors alone. So
 * SUPPORT, the units' supportBase and the last two slopes were set once by a small offline grid
 * search over the generated predictors (noise 6–10, woman 60–80, perLevel 30–50 months), aiming
 * at R² ≈ 0.05, t ≈ −1.5 for months and gender, and the time-in-support bands the narrative
 * describes (Södertälje mostly 7 years or more, HBS mostly 1–6 years). test/stats/mia-model.test.ts
 * refits the model on the committed data.
 */
const TARGET_MODEL = {
  slopes: [0.0490016, 0.1133163, -0.0016364, 0.0123567, -0.00118, -0.0852],
  /** Spread of the starting guess around its linear probability (see assignExits). */
  noise: 0.31,
} as const;

const P = TARGET_MODEL.slopes.length;

function predictors(s: Spec): number[] {
  const age = Number(isoDay(s.entry).slice(0, 4)) - s.born;
  return [+s.asf, +s.external, age, s.level, s.months, +s.woman];
}

/** Inverse of a small symmetric positive definite matrix (Gauss–Jordan with partial pivoting). */
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => +(i === j))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    invariant(Math.abs(d) >= 1e-12, 'MIA Vidare data: invert: a singular matrix');
    for (let j = 0; j < 2 * n; j++) m[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * Gives every exited participant an exit combination from the unit's exact list, choosing who
 * reaches a target position so that OLS on the exported data returns TARGET_MODEL's slopes.
 *
 * 1. A starting guess per unit: rank the exited by their linear probability under the model
 *    (unit mean + slopes · deviations from the unit mean) plus normal noise; the top k, k the
 *    unit's published number of target positions, get one.
 * 2. Refinement: OLS slopes are linear in the outcome, b = Σ_{y=1} g_i with
 *    g_i = (X'X)⁻¹ (x_i − x̄) over the rows the model uses (centred X). Swapping a target position
 *    between two participants of the same unit keeps every count and moves b by g_j − g_i.
 *    Greedy swaps, each the best one (first among the rows furthest along the steepest descent,
 *    then among all pairs), until none brings the slopes closer to TARGET_MODEL's in
 *    standard-error units. A couple of dozen swaps: the starting guess is already close.
 */
function assignExits(rng: Rng, specs: Spec[]): void {
  const exited = specs.filter((s) => s.status !== null);
  const x = exited.map(predictors);
  const target = startingGuess(rng, exited, x);
  refine(exited, x, target);
  assignCombinations(rng, exited, target);
}

/** 1. Per unit, its k exited with the highest linear probability under the model plus noise reach a target position. */
function startingGuess(rng: Rng, exited: Spec[], x: number[][]): boolean[] {
  const target = exited.map(() => false);
  for (let ui = 0; ui < UNITS.length; ui++) {
    const u = UNITS[ui]!;
    const rows = exited.flatMap((s, i) => (s.unit === ui ? [i] : []));
    const k = Object.entries(u.exits).reduce((sum, [combo, n]) => sum + (isTarget(combo) ? n : 0), 0);
    const mean = Array.from({ length: P }, (_, j) => rows.reduce((sum, i) => sum + x[i]![j]!, 0) / rows.length);
    const score = new Map(rows.map((i) => {
      let p = k / rows.length;
      for (let j = 0; j < P; j++) p += TARGET_MODEL.slopes[j]! * (x[i]![j]! - mean[j]!);
      return [i, p + TARGET_MODEL.noise * normal(rng)];
    }));
    for (const i of [...rows].sort((a, b) => score.get(b)! - score.get(a)! || a - b).slice(0, k)) target[i] = true;
  }
  return target;
}

/**
 * The rows the model uses, each row's h_i = g_i / se (how a target position there moves the
 * slopes, in standard-error units), and e = (b − b*) / se for the current targets.
 */
function standardised(exited: Spec[], x: number[][], target: boolean[]): { used: number[]; h: Map<number, number[]>; e: number[] } {
  const used = exited.flatMap((s, i) => (s.educationKnown ? [i] : []));
  const mean = Array.from({ length: P }, (_, j) => used.reduce((sum, i) => sum + x[i]![j]!, 0) / used.length);
  const xtx = Array.from({ length: P }, (_, a) => Array.from({ length: P }, (_, c) =>
    used.reduce((sum, i) => sum + (x[i]![a]! - mean[a]!) * (x[i]![c]! - mean[c]!), 0)));
  const inv = invert(xtx);
  const se = inv.map((row, j) => Math.sqrt(row[j]!)); // standard error of slope j, up to σ
  const h = new Map(used.map((i) => [i, inv.map((row, j) => row.reduce((sum, v, c) => sum + v * (x[i]![c]! - mean[c]!), 0) / se[j]!)]));
  const e = TARGET_MODEL.slopes.map((b, j) => -b / se[j]!);
  for (const i of used) if (target[i]) h.get(i)!.forEach((v, j) => (e[j]! += v));
  return { used, h, e };
}

/** 2. Greedy swaps of a target position within a unit (made in `target`), each the best one, until none lowers Σ e². */
function refine(exited: Spec[], x: number[][], target: boolean[]): void {
  const { used, h, e } = standardised(exited, x, target);
  // Change of the loss Σ e² when i gives its target position to j.
  const gain = (i: number, j: number) => {
    const hi = h.get(i)!, hj = h.get(j)!;
    let d = 0;
    for (let c = 0; c < P; c++) {
      const step = hj[c]! - hi[c]!;
      d += step * (2 * e[c]! + step);
    }
    return d;
  };
  const units = UNITS.map((_, ui) => used.filter((i) => exited[i]!.unit === ui));
  /** The best swap among `ins` × `outs` of each unit, or null if none lowers the loss. */
  const bestSwap = (pick: (rows: number[], along: (i: number) => number) => [number[], number[]]) => {
    let best = -1e-12;
    let swap: [number, number] | null = null;
    const along = (i: number) => h.get(i)!.reduce((sum, v, c) => sum - v * e[c]!, 0);
    for (const rows of units) {
      const [outs, ins] = pick(rows, along);
      for (const j of ins) for (const i of outs) {
        const d = gain(i, j);
        if (d < best) [best, swap] = [d, [i, j]];
      }
    }
    return swap;
  };
  // Fast steps: only the rows furthest along the steepest descent; exhaustive once those stall.
  const FEW = 12;
  const few = (rows: number[], along: (i: number) => number): [number[], number[]] => {
    const ranked = rows.map((i) => [i, along(i)] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const outs = ranked.filter(([i]) => target[i]).slice(0, FEW).map(([i]) => i);
    const ins = ranked.filter(([i]) => !target[i]).slice(-FEW).map(([i]) => i);
    return [outs, ins];
  };
  const all = (rows: number[]): [number[], number[]] => [rows.filter((i) => target[i]), rows.filter((i) => !target[i])];
  for (let step = 0; step < 10_000; step++) {
    const swap = bestSwap(few) ?? bestSwap(all);
    if (!swap) break;
    const [i, j] = swap;
    target[i] = false;
    target[j] = true;
    for (let c = 0; c < P; c++) e[c]! += h.get(j)![c]! - h.get(i)![c]!;
  }
}

/** 3. Exit combinations: the unit's target combinations go to its target rows, the rest to the others. */
function assignCombinations(rng: Rng, exited: Spec[], target: boolean[]): void {
  for (let ui = 0; ui < UNITS.length; ui++) {
    const u = UNITS[ui]!;
    const combos = repeat(Object.entries(u.exits));
    const rows = exited.flatMap((s, i) => (s.unit === ui ? [i] : []));
    invariant(combos.length === u.exited && rows.length === u.exited, `MIA Vidare data: ${u.name}: exit combinations do not sum to ${u.exited}`);
    const yes = rng.shuffle(combos.filter(isTarget));
    const no = rng.shuffle(combos.filter((c) => !isTarget(c)));
    for (const i of rows) exited[i]!.status = (target[i] ? yes : no).pop()!;
  }
}

// Exit combination (canonical) -> Swedish source value, e.g. 'internship|job_seeking' -> 'Praktik|Arbetssökande'.
const statusCache = new Map<string, string>();
function statusSv(combo: string): string {
  let sv = statusCache.get(combo);
  if (sv === undefined) statusCache.set(combo, (sv = combo.split('|').map((c) => STATUS_SV[c]!).join('|')));
  return sv;
}

/** Appends one participant's row to `people` and its activity rows to `activities`. */
function participant(rng: Rng, s: Spec, id: string, people: Lines, activities: Lines): void {
  const u = UNITS[s.unit]!;
  const draw = unitDraws[s.unit]!;
  const trains = s.asf || s.external;
  // Participants who train tend to stay longer, so training fits inside the stay.
  const stay = rng.int(trains ? 120 : MIN_STAY, MAX_STAY);
  const exit = s.status ? Math.min(s.entry + stay, CUT_OFF) : null;
  const edu = s.educationKnown ? EDUCATION_SV[s.level]! : EDUCATION_MISSING;
  const referral = s.municipality ? 'Kommunen' : otherReferral(rng);
  const income = draw.income(rng);
  const reason = s.status ? exitReason(rng, s.status.split('|')[0]!) : '';
  const status = s.status ? statusSv(s.status) : '';
  people.push(`${id};${u.name};${s.woman ? 'K' : 'M'};${s.born};${edu};${isoDay(s.entry)};` +
    `${exit === null ? '' : isoDay(exit)};${referral};${income};${s.months};${reason};${status}\r\n`);
  activityRows(rng, s, id, s.entry, exit ?? CUT_OFF, activities);
}

// One participant's activity rows, kept sorted by start date as they are added (a handful per
// participant). Module-level scratch arrays: no per-row objects or closures in the hot loop.
const rowStarts: number[] = [];
const rowLines: string[] = [];

function addRow(id: string, insats: string, place: string, start: number, end: number, months: number, hours: number): void {
  const line = `${id};${insats};${place};${isoDay(start)};${isoDay(end)};${num(months)};${num(hours)}\r\n`;
  let i = rowStarts.length;
  for (; i > 0 && rowStarts[i - 1]! > start; i--) { // insertion sort, stable for equal starts
    rowStarts[i] = rowStarts[i - 1]!;
    rowLines[i] = rowLines[i - 1]!;
  }
  rowStarts[i] = start;
  rowLines[i] = line;
}

function activityRows(rng: Rng, s: Spec, id: string, from: number, to: number, out: Lines): void {
  const u = UNITS[s.unit]!;
  rowStarts.length = 0;
  rowLines.length = 0;

  // Coaching runs through the whole stay; some get a second decision half-way (two rows).
  const split = rng.chance(0.2) && to - from > 90 ? from + Math.floor((to - from) / 2) : to;
  for (let a = from; a <= to; ) {
    const b = a === from ? split : to;
    const months = Math.max(0.5, half((b - a + 1) / DAYS_PER_MONTH));
    addRow(id, 'Coachning', '', a, b, months, half(months * rng.int(4, 10)));
    a = b + 1;
  }

  if (s.asf || s.external) trainingRows(rng, u, s, id, from, to);

  // Study visits: single days, logged with hours only.
  for (let visits = rng.chance(0.3) ? rng.int(1, 2) : 0; visits > 0; visits--) {
    const d = rng.int(from, to);
    addRow(id, 'Studiebesök', '', d, d, 0, rng.int(2, 5));
  }

  for (const line of rowLines) out.push(line);
}

/** Work training: a total per setting, recorded as one or two periods, laid out in sequence. */
function trainingRows(rng: Rng, u: Unit, s: Spec, id: string, from: number, to: number): void {
  const periods: { place: string; months: number; perMonth: number }[] = [];
  const settings: [string, TrainingShape][] = [];
  if (s.asf) settings.push(['ASF', u.training.asf]);
  if (s.external) settings.push(['Extern arbetsgivare', u.training.external]);
  if (settings.length === 2 && rng.chance(0.5)) settings.reverse();
  for (const [place, shape] of settings) {
    const total = rng.int(shape.months[0] * 2, shape.months[1] * 2) / 2;
    const first = total >= 2 && rng.chance(0.35) ? half(total * (0.3 + 0.4 * rng.next())) : total;
    for (const months of first === total ? [total] : [first, total - first]) {
      periods.push({ place, months, perMonth: rng.int(shape.hoursPerMonth[0], shape.hoursPerMonth[1]) });
    }
  }
  const room = to - from - 7;
  const need = periods.reduce((sum, p) => sum + p.months * DAYS_PER_MONTH, 0);
  // Short stays (late entry, cut-off) get proportionally shorter training.
  const scale = need > room ? room / need : 1;
  // Spare days become a late start and short gaps between periods.
  let slack = Math.floor(Math.max(0, room - need * scale));
  let gap = rng.int(0, Math.min(30, slack));
  let start = from + gap;
  for (const p of periods) {
    slack -= gap;
    const months = Math.max(0.5, half(p.months * scale));
    const end = Math.min(to, start + Math.round(months * DAYS_PER_MONTH) - 1);
    addRow(id, 'Arbetsträning', p.place, start, end, months, half(months * p.perMonth));
    gap = rng.int(0, Math.min(14, slack));
    start = Math.min(to, end + 1 + gap);
  }
}

function participantId(n: number, width: number): string {
  return 'MV-' + String(n).padStart(width, '0');
}

// ---- Survey --------------------------------------------------------------------------------

const SURVEY_ROWS = 37;
// Exact answer counts (37 each, '' = left empty): a majority positive on every question.
const EASY: Counts<string> = [['Mycket lätt', 11], ['Ganska lätt', 14], ['Ganska svårt', 8], ['Mycket svårt', 3], ['', 1]];
const CONTINUE: Counts<string> = [['Ja', 21], ['Kanske', 9], ['Nej', 7]];
const MORE: Counts<string> = [['Ja', 19], ['Kanske', 10], ['Nej', 7], ['', 1]];
// Invented comments; one holds a comma and quotes so the field needs RFC 4180 quoting.
const COMMENTS = [
  'Bra stöd från handledaren.',
  'Det var skönt att ha något att gå till varje dag.',
  'Jag lärde mig mycket om hur en arbetsplats fungerar.',
  'Ibland för lite att göra.',
  'Handledaren sa "du klarar mer än du tror", och det stämde.',
  'Jobbigt i början men bättre efter några veckor.',
  'Vill gärna fortsätta på samma ställe.',
  'Svårt att komma i tid med bussen.',
  'Trevliga arbetskamrater.',
  'Önskar fler timmar per vecka.',
  'Fick hjälp att skriva CV, det var bra.',
  'Tydligare arbetsuppgifter hade varit bra.',
  'Jag mår bättre nu än när jag började.',
  'För mycket väntan mellan aktiviteterna.',
  'Bra att få prova olika uppgifter.',
  'Studiebesöken gav mig nya idéer.',
  'Jag hade velat ha mer stöd i svenska.',
  'Kändes meningsfullt.',
];

function survey(rng: Rng): Buffer {
  const easy = rng.shuffle(repeat(EASY));
  const cont = rng.shuffle(repeat(CONTINUE));
  const more = rng.shuffle(repeat(MORE));
  const comments = rng.shuffle([...COMMENTS, ...Array<string>(SURVEY_ROWS - COMMENTS.length).fill('')]);
  const lines = [SURVEY_HEADER + CRLF];
  for (let i = 0; i < SURVEY_ROWS; i++) {
    const id = 'S' + String(i + 1).padStart(2, '0');
    lines.push([id, 'Deltagarenkät', easy[i], cont[i], more[i], csvField(comments[i]!)].join(';') + CRLF);
  }
  return Buffer.from(BOM + lines.join(''), 'utf8');
}

// ---- Public API -----------------------------------------------------------------------------

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const win1252 = (s: string) => iconv.encode(s, 'win1252');

/** The committed example data: file name -> exact bytes. Deterministic (fixed seed). */
export function generateMiaVidare(): Record<string, Buffer> {
  // Separate streams, so changing the participant logic leaves the survey untouched.
  const rng = new Rng(SEED);
  const specs = rng.shuffle(UNITS.flatMap((_, i) => exactSpecs(rng, i)));
  assignExits(rng, specs);
  const people = [PARTICIPANTS_HEADER + CRLF];
  const activities = [ACTIVITIES_HEADER + CRLF];
  specs.forEach((s, i) => participant(rng, s, participantId(i + 1, 5), people, activities));
  return {
    'deltagare.csv': utf8(people.join('')),
    'aktiviteter.csv': win1252(activities.join('')),
    'enkat.csv': survey(new Rng(SEED + 1)),
  };
}

/**
 * Encodes lines straight into a fixed buffer outside the JS heap. Bench data must not pile up
 * millions of strings: the garbage collector would spend longer than the generator itself.
 */
class ByteSink {
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private length = 0;

  // Latin-1 bytes equal Windows-1252 for every character written here (å ä ö Ö, ASCII):
  // no €, curly quotes or dashes, the only characters where the two encodings differ.
  constructor(private encoding: 'utf8' | 'latin1') {}

  push(line: string): void {
    this.length += this.buf.write(line, this.length, this.encoding);
  }

  /** True when a few more participants might not fit. */
  get full(): boolean {
    return this.length > this.buf.length - (1 << 16);
  }

  async flushTo(file: FileHandle): Promise<void> {
    await file.write(this.buf, 0, this.length);
    this.length = 0;
  }
}

/**
 * Writes the same three files with `participants` rows for benchmarks. Units, gender, exits,
 * training and referral are drawn with the published proportions instead of exact counts.
 * Rows are encoded into fixed buffers and written in chunks, so memory stays flat.
 */
export async function writeBenchData(dir: string, participants: number, seed = SEED): Promise<{ files: string[] }> {
  const rng = new Rng(seed);
  const unit = weighted(UNITS.map((u, i) => [i, u.enrolled] as const));
  const width = Math.max(5, String(participants).length);
  await mkdir(dir, { recursive: true });
  const files = ['deltagare.csv', 'aktiviteter.csv', 'enkat.csv'].map((f) => join(dir, f));
  const peopleFile = await open(files[0]!, 'w');
  const activityFile = await open(files[1]!, 'w');
  try {
    const people = new ByteSink('utf8');
    const activities = new ByteSink('latin1');
    people.push(PARTICIPANTS_HEADER + CRLF);
    activities.push(ACTIVITIES_HEADER + CRLF);
    for (let i = 1; i <= participants; i++) {
      const ui = unit(rng);
      const u = UNITS[ui]!;
      const t = unitDraws[ui]!.training(rng);
      const woman = rng.chance(u.women / u.enrolled);
      const status = rng.chance(u.exited / u.enrolled) ? unitDraws[ui]!.status(rng) : null;
      const asf = t === 'both' || t === 'asf';
      const external = t === 'both' || t === 'external';
      const spec: Spec = {
        unit: ui, woman, status, municipality: rng.chance(u.municipality / u.enrolled), asf, external,
        ...person(rng, ui, woman, asf, external, status !== null),
      };
      participant(rng, spec, participantId(i, width), people, activities);
      if (people.full || activities.full) await Promise.all([people.flushTo(peopleFile), activities.flushTo(activityFile)]);
    }
    await Promise.all([people.flushTo(peopleFile), activities.flushTo(activityFile)]);
  } finally {
    await Promise.all([peopleFile.close(), activityFile.close()]);
  }
  await writeFile(files[2]!, survey(new Rng(seed + 1)));
  return { files };
}
