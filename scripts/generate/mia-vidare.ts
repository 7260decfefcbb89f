// Synthetic raw exports for the MIA Vidare example, shaped like a Swedish case-system export.
// Every row is invented; the per-unit counts reproduce the published figures of the real
// evaluation exactly (they are assigned by seeded shuffles of exact-count lists), everything
// else is drawn from plausible distributions. Column names and code values follow
// content/mia-vidare/report.yaml, which maps these Swedish source values to canonical codes.
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
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
  supportBands: Counts<readonly [number, number]>; // months in public support: [min, max] bands
  training: { asf: TrainingShape; external: TrainingShape };
}

/** Total months in one setting (drawn in halves) and hours per month of training. */
interface TrainingShape {
  months: readonly [number, number];
  hoursPerMonth: readonly [number, number];
}

const UNDER_1Y = [3, 11] as const;
const YEARS_1_6 = [12, 83] as const;
const YEARS_7_PLUS = [84, 216] as const;

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
    supportBands: [[UNDER_1Y, 10], [YEARS_1_6, 70], [YEARS_7_PLUS, 20]],
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
    supportBands: [[UNDER_1Y, 5], [YEARS_1_6, 30], [YEARS_7_PLUS, 65]],
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
    supportBands: [[UNDER_1Y, 12], [YEARS_1_6, 55], [YEARS_7_PLUS, 33]],
    training: {
      asf: { months: [1.5, 7], hoursPerMonth: [42, 62] },
      external: { months: [2, 8], hoursPerMonth: [45, 66] },
    },
  },
];

// Samplers are built once: the bench generator draws from them millions of times.
const unitDraws = UNITS.map((u) => ({
  income: weighted(u.income),
  supportBand: weighted(u.supportBands),
  status: weighted(Object.entries(u.exits)), // bench only: proportions instead of exact counts
  training: weighted(trainingCounts(u)),
}));

// Distributions shared by all units.
const education = weighted([['Förgymnasial', 46], ['Gymnasial', 38], ['Eftergymnasial', 9], ['Uppgift saknas', 7]]);
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
interface Spec {
  unit: number; // index into UNITS
  woman: boolean;
  status: string | null; // canonical exit combination, null = still enrolled
  municipality: boolean;
  asf: boolean;
  external: boolean;
}

type Training = 'both' | 'asf' | 'external' | 'none';

/** Participants per training pattern: both settings, only ASF, only external, none. */
function trainingCounts(u: Unit): Counts<Training> {
  return [['both', u.both], ['asf', u.asf - u.both], ['external', u.external - u.both],
    ['none', u.enrolled - u.asf - u.external + u.both]];
}

/** One unit's participants with the published counts, each attribute shuffled independently. */
function exactSpecs(rng: Rng, unitIndex: number): Spec[] {
  const u = UNITS[unitIndex]!;
  const n = u.enrolled;
  const women = rng.shuffle(repeat([[true, u.women], [false, n - u.women]]));
  const exited = rng.shuffle(repeat([[true, u.exited], [false, n - u.exited]]));
  const statuses = rng.shuffle(repeat(Object.entries(u.exits)));
  const municipality = rng.shuffle(repeat([[true, u.municipality], [false, n - u.municipality]]));
  const training = rng.shuffle(repeat(trainingCounts(u)));
  if (statuses.length !== u.exited) throw new Error(`${u.name}: exit combinations do not sum to ${u.exited}`);
  let nextStatus = 0;
  return women.map((woman, i) => {
    const t = training[i]!;
    return {
      unit: unitIndex,
      woman,
      status: exited[i] ? statuses[nextStatus++]! : null,
      municipality: municipality[i]!,
      asf: t === 'both' || t === 'asf',
      external: t === 'both' || t === 'external',
    };
  });
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
  const entry = rng.int(s.status ? FIRST_ENTRY : FIRST_OPEN_ENTRY, LAST_ENTRY);
  // Participants who train tend to stay longer, so training fits inside the stay.
  const stay = rng.int(trains ? 120 : MIN_STAY, MAX_STAY);
  const exit = s.status ? Math.min(entry + stay, CUT_OFF) : null;
  // Birth year: sum of two draws gives a hump around the middle of 1958–2003.
  const born = Math.floor((rng.int(1958, 2003) + rng.int(1958, 2003)) / 2);
  const [lo, hi] = draw.supportBand(rng);
  const edu = education(rng);
  const referral = s.municipality ? 'Kommunen' : otherReferral(rng);
  const income = draw.income(rng);
  const months = rng.int(lo, hi);
  const reason = s.status ? exitReason(rng, s.status.split('|')[0]!) : '';
  const status = s.status ? statusSv(s.status) : '';
  people.push(`${id};${u.name};${s.woman ? 'K' : 'M'};${born};${edu};${isoDay(entry)};` +
    `${exit === null ? '' : isoDay(exit)};${referral};${income};${months};${reason};${status}\r\n`);
  activityRows(rng, s, id, entry, exit ?? CUT_OFF, activities);
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
      const spec: Spec = {
        unit: ui,
        woman: rng.chance(u.women / u.enrolled),
        status: rng.chance(u.exited / u.enrolled) ? unitDraws[ui]!.status(rng) : null,
        municipality: rng.chance(u.municipality / u.enrolled),
        asf: t === 'both' || t === 'asf',
        external: t === 'both' || t === 'external',
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
