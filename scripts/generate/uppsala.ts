// Synthetic raw exports for the "Uppsala: upphandlade insatser" example (labour-market services
// bought by voucher, 2013-06-01 to 2014-12-31), shaped like exports from a case system and a
// finance system opened and saved in Excel: Windows-1252, `;`, CRLF, dates D/M/YYYY, no BOM.
// Every row is invented. The counts the published evaluation reports are reproduced exactly
// (assigned by seeded shuffles of exact-count lists, as in samverkan.ts); everything else is drawn
// from plausible distributions. test/generate/uppsala-data.test.ts checks every published figure again by
// parsing the files.
import iconv from 'iconv-lite';
import { invariant } from '../problems.ts';
import { Rng, repeat, weighted, type Counts } from './random.ts';
import { CRLF, csvField, day, isoDay } from './format.ts';

export const SEED = 20150331; // the day the follow-up data were taken

const PARTICIPANTS_HEADER = 'Klientnr;Kön;Födelseår;Inskriven;Utskriven;Utförare;Månader utan arbete/studier;Utbildning;Avslutsorsak';
const VOUCHERS_HEADER = 'Klientnr;Insats;Utförare;Checkperiod;Från;Till;Beslut';
const FOLLOWUP_HEADER = 'Klientnr;Månader efter avslut;Försörjning';
const COSTS_HEADER = 'År;Utförare;Ersättning;Budget';
const SURVEY_HEADER = 'Enkät;Nöjd med insatsen;Rekommenderar utföraren;Fått veta mina styrkor;Kommentar';

const START = day('2013-06-01');
const END = day('2014-12-31');
const END_2013 = day('2013-12-31');
const START_2014 = day('2014-01-01');
// Follow-ups were taken 2015-03-31: a 6-month follow-up exists only for exits up to this day.
const LAST_SIX_MONTH_EXIT = day('2014-09-30');
// The still enrolled: their last voucher runs to at least this day ("near or after" the end).
const OPEN_LAST_TILL = day('2014-12-01');

type Gender = 'K' | 'M';
const NY = 'Ny check';
const SAME = 'Förlängning, samma utförare';
const OTHER = 'Förlängning, annan utförare';

/** Published: persons per provider and gender (women, men), and follow-ups with "Egen försörjning". */
interface Provider {
  name: string;
  women: number;
  men: number;
  // Egen försörjning by unit (the last provider): 3 months men/women, 6 months men/women.
  self3: readonly [number, number];
  self6: readonly [number, number];
}
const PROVIDERS: readonly Provider[] = [
  { name: 'Manpower', women: 61, men: 141, self3: [31, 12], self6: [22, 9] },
  { name: 'Jobbcenter', women: 65, men: 120, self3: [20, 6], self6: [13, 6] },
  { name: 'Hermods', women: 27, men: 30, self3: [8, 0], self6: [2, 0] },
  { name: 'Astar', women: 33, men: 21, self3: [1, 6], self6: [0, 3] },
  { name: 'AlphaCE', women: 21, men: 30, self3: [4, 0], self6: [1, 0] },
  { name: 'Lernia', women: 21, men: 29, self3: [6, 6], self6: [3, 4] },
  { name: 'Idékraft', women: 10, men: 18, self3: [0, 3], self6: [0, 2] },
  { name: 'Svensk kommuntjänst', women: 8, men: 20, self3: [3, 1], self6: [3, 1] },
  { name: 'Jobblotsen', women: 8, men: 16, self3: [2, 0], self6: [1, 0] },
  { name: 'Studiefrämjandet', women: 7, men: 14, self3: [4, 3], self6: [1, 3] },
  { name: 'Adecco', women: 5, men: 14, self3: [1, 0], self6: [1, 0] },
  { name: 'Competens', women: 7, men: 11, self3: [2, 0], self6: [2, 0] },
  { name: 'Arbetslivsresurs', women: 5, men: 12, self3: [1, 0], self6: [1, 0] },
  { name: 'Iris Hadar', women: 9, men: 7, self3: [2, 0], self6: [1, 0] },
  { name: 'Upplands Idrottsförbund', women: 1, men: 14, self3: [5, 0], self6: [2, 0] },
  { name: 'Personalstrategerna', women: 3, men: 6, self3: [1, 2], self6: [0, 2] },
  { name: 'Kunskapsbolaget Integra', women: 2, men: 4, self3: [0, 0], self6: [0, 0] },
  { name: 'Ingeus', women: 1, men: 3, self3: [0, 0], self6: [0, 0] },
  { name: 'Miroi', women: 2, men: 0, self3: [0, 0], self6: [0, 0] },
];
// These providers left the system at the end of 2013: every voucher with them ends by 2013-12-31.
// Their persons are kept out of provider switches, so each of them had only that provider, was
// there in 2013 only, and therefore exited (the still enrolled run to the end of 2014).
const ENDED_2013 = new Set(['Adecco', 'Ingeus', 'Miroi']);

/** Published figures per gender. */
interface GenderFigures {
  persons: number;
  switchers: number; // persons with vouchers at two providers (switched once, "annan utförare")
  firsts: Counts<string>; // decision of the first voucher in the export
  laterSame: number; // later vouchers renewed with the same provider
  exited: number;
  work: number;
  studies: number;
}
const FIGURES: Record<Gender, GenderFigures> = {
  K: { persons: 281, switchers: 15, firsts: [[NY, 238], [OTHER, 30], [SAME, 13]], laterSame: 105, exited: 126, work: 47, studies: 29 },
  M: { persons: 474, switchers: 36, firsts: [[NY, 398], [OTHER, 49], [SAME, 27]], laterSame: 205, exited: 245, work: 111, studies: 33 },
};
// Voucher lengths in months (published, all 1 116 vouchers).
const LENGTHS: Counts<number> = [[2, 426], [3, 379], [4, 232], [6, 74], [8, 5]];
// Months without work or studies at entry (published): 181 with 8 or more, 128 of them 14 or more;
// of those 128, exactly 7 exited to work or studies.
const LONG_8 = 181;
const LONG_14 = 128;
const LONG_14_TO_WORK_OR_STUDIES = 7;
// Persons whose every voucher ended in 2013 (not published): 755 minus this is the number with a
// voucher in 2014 (the divisor of the cost per participant, published as about 13 000 kr).
const ONLY_2013 = 110;
// Published mean time enrolled among the exited: "drygt sju månader". Lengths are steered to this.
const TARGET_MEAN_MONTHS = 7.25;
const MONTH_DAYS = 30.4375;

const otherExit = weighted<string>([
  ['Ej rätt till ekonomiskt bistånd', 62], ['Flyttat', 14], ['Ej avhörd', 12], ['Annat', 12],
]);
// Age at entry: social assistance recipients are young more often than not.
const ageBand = weighted<readonly [number, number]>([[[19, 24], 30], [[25, 29], 20], [[30, 39], 22], [[40, 49], 16], [[50, 64], 12]]);
const education = weighted<string>([['Förgymnasial', 36], ['Gymnasial', 40], ['Eftergymnasial', 19], ['', 5]]);
// Months without work below 8: most had worked or studied recently.
const shortSpell = weighted<number>([[0, 14], [1, 12], [2, 12], [3, 11], [4, 10], [5, 9], [6, 8], [7, 7]]);

// Costs 2014 as booked in the finance system (its own spellings), kr.
const COSTS: Counts<string> = [
  ['Manpower', 2_696_400], ['Uppsala kommun (Jobbcenter)', 1_457_800], ['Astar', 749_020], ['Lernia', 649_400],
  ['Hermods', 596_650], ['Alphace', 474_800], ['Idékraft', 409_200], ['Studiefrämjandet i Uppsala län', 359_300],
  ['Jobblotsen', 256_400], ['Upplands idrottsförbund', 218_800], ['AB svensk kommundienst', 210_600],
  ['Competens', 96_600], ['Iris hadar', 72_200], ['Arbetslivsresurs', 56_600], ['Personalstrategerna', 36_800],
  ['Kunskapsbolaget integra', 33_400], ['Miroi', 0],
];
const BUDGET = 12_000_000;

type Category = 'only2013' | 'exited2014' | 'open';

interface Person {
  woman: boolean;
  providers: string[]; // one, or two for a switcher (first, then the unit)
  unit: string; // provider of the last voucher
  exited: boolean;
  reason: string; // Avslutsorsak, '' while enrolled
  self3: boolean;
  self6: boolean;
  category: Category;
  monthsWithout: number;
  decisions: string[];
  lengths: number[];
  entry: number;
  exit: number | null;
  froms: number[];
  tills: number[];
}

// ---- Dates ----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2020, 0, 1);
/** Calendar months later, the day clamped to the month's end (31/1 + 1 month = 28/2). */
function addMonths(d: number, months: number): number {
  const dt = new Date(EPOCH + d * DAY_MS);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round((Date.UTC(y, m, Math.min(dt.getUTCDate(), last)) - EPOCH) / DAY_MS);
}
/** D/M/YYYY without zero padding, as Excel writes Swedish dates after a round trip. */
function dmy(d: number): string {
  const [y, m, dd] = isoDay(d).split('-');
  return `${Number(dd)}/${Number(m)}/${y}`;
}

// ---- Persons --------------------------------------------------------------------------------

/** Providers per person: the published person-provider pairs, switchers paired at random. */
function providerSets(rng: Rng, gender: Gender): Person[] {
  const woman = gender === 'K';
  const fig = FIGURES[gender];
  const reserved: string[] = [];
  const free: string[] = [];
  for (const p of PROVIDERS) {
    const n = woman ? p.women : p.men;
    // Slots kept for one-provider persons: enough persons have this unit for its follow-ups, and
    // the providers that closed in 2013 never take part in a switch.
    const keep = ENDED_2013.has(p.name) ? n : p.self3[woman ? 1 : 0];
    for (let i = 0; i < n; i++) (i < keep ? reserved : free).push(p.name);
  }
  rng.shuffle(free);
  const persons: Person[] = [];
  const blank = (providers: string[]): Person => ({
    woman, providers, unit: providers[providers.length - 1]!, exited: false, reason: '', self3: false, self6: false,
    category: 'open', monthsWithout: 0, decisions: [], lengths: [], entry: 0, exit: null, froms: [], tills: [],
  });
  for (let i = 0; i < fig.switchers; i++) {
    const a = free.pop()!;
    let j = free.length - 1;
    while (free[j] === a) j--; // a switch goes to another provider
    invariant(j >= 0, `Uppsala data: ${gender}: no second provider left for a switch`);
    const [b] = free.splice(j, 1);
    persons.push(blank([a, b!]));
  }
  for (const name of [...reserved, ...free]) persons.push(blank([name]));
  invariant(persons.length === fig.persons, `Uppsala data: ${gender}: ${persons.length} persons, expected ${fig.persons}`);
  return persons;
}

/** Exits, reasons and follow-up results with the published counts. */
function assignExits(rng: Rng, persons: Person[], gender: Gender): void {
  const woman = gender === 'K';
  const fig = FIGURES[gender];
  const mine = persons.filter((p) => p.woman === woman);
  // Follow-up persons first, per unit: their unit and gender are fixed by the published table.
  for (const prov of PROVIDERS) {
    const [n3, n6] = [prov.self3[woman ? 1 : 0], prov.self6[woman ? 1 : 0]];
    const pool = rng.shuffle(mine.filter((p) => p.unit === prov.name));
    pool.slice(0, n3).forEach((p, i) => {
      p.exited = true;
      p.self3 = true;
      p.self6 = i < n6; // self-supporting at 6 months: a subset of those at 3 months
    });
  }
  const workOrStudies = fig.work + fig.studies;
  const rest = rng.shuffle(mine.filter((p) => !p.exited));
  const selfCount = mine.length - rest.length;
  // Exits to work or studies without self-support at 3 months: any unit.
  const notSelf = rest.splice(0, workOrStudies - selfCount);
  for (const p of notSelf) p.exited = true;
  const toWorkOrStudies = mine.filter((p) => p.exited);
  // Work rather than studies goes with being self-supporting afterwards (counts stay exact).
  toWorkOrStudies
    .map((p) => ({ p, key: rng.next() + (p.self3 ? 0.4 : 0) }))
    .sort((a, b) => b.key - a.key)
    .forEach(({ p }, rank) => (p.reason = rank < fig.work ? 'Arbete' : 'Studier'));
  // The persons of the providers that closed in 2013 all exited; the other exits at random.
  const forced = rest.filter((p) => ENDED_2013.has(p.unit));
  const others = [...forced, ...rest.filter((p) => !ENDED_2013.has(p.unit))].slice(0, fig.exited - workOrStudies);
  invariant(others.length >= forced.length, `Uppsala data: ${gender}: too few exits for the providers closed in 2013`);
  for (const p of others) {
    p.exited = true;
    p.reason = otherExit(rng);
  }
}

/** Months without work or studies at entry, with the published counts. */
function assignMonthsWithout(rng: Rng, persons: Person[]): void {
  const ws = (p: Person) => p.reason === 'Arbete' || p.reason === 'Studier';
  const a = rng.shuffle(persons.filter(ws));
  const b = rng.shuffle(persons.filter((p) => !ws(p)));
  const long14 = [...a.slice(0, LONG_14_TO_WORK_OR_STUDIES), ...b.slice(0, LONG_14 - LONG_14_TO_WORK_OR_STUDIES)];
  const rest = rng.shuffle([...a.slice(LONG_14_TO_WORK_OR_STUDIES), ...b.slice(LONG_14 - LONG_14_TO_WORK_OR_STUDIES)]);
  const long8 = rest.slice(0, LONG_8 - LONG_14);
  // Long spells: 14 months up to several years, shorter ones more common.
  for (const p of long14) p.monthsWithout = 14 + Math.floor(rng.next() * rng.next() * 60);
  for (const p of long8) p.monthsWithout = rng.int(8, 13);
  for (const p of rest.slice(LONG_8 - LONG_14)) p.monthsWithout = shortSpell(rng);
}

/** Which exited persons had all their vouchers in 2013; everyone else has one in 2014. */
function assignCategories(rng: Rng, persons: Person[]): void {
  const closed = persons.filter((p) => ENDED_2013.has(p.unit));
  const candidates = rng.shuffle(persons.filter((p) => p.exited && !ENDED_2013.has(p.unit)));
  const only2013 = new Set([...closed, ...candidates.slice(0, ONLY_2013 - closed.length)]);
  for (const p of persons) p.category = only2013.has(p) ? 'only2013' : p.exited ? 'exited2014' : 'open';
}

// Caps on vouchers and months per person so that the dates fit inside the period.
const MAX_VOUCHERS: Record<Category, number> = { only2013: 2, exited2014: 5, open: 4 };
const maxMonths = (p: Person) => (p.category === 'only2013' ? 6 : p.self6 ? 14 : 17);
// Who gets the later renewals: those who exited in 2014 stayed longest.
const RENEWAL_WEIGHT: Record<Category, number> = { only2013: 0.3, exited2014: 8, open: 1 };

/** Decisions in time order: first voucher, then one switch (switchers) and the later renewals. */
function assignDecisions(rng: Rng, persons: Person[], gender: Gender): void {
  const woman = gender === 'K';
  const fig = FIGURES[gender];
  const mine = persons.filter((p) => p.woman === woman);
  // Fewer "Ny check" than persons: for some, the first voucher in the export renews one issued
  // before 2013-06-01 (with the same or with another provider), so it is not a "Ny check".
  const firsts = rng.shuffle(repeat(fig.firsts));
  const later = new Map<Person, string[]>(mine.map((p) => [p, p.providers.length === 2 ? [OTHER] : []]));
  for (let i = 0; i < fig.laterSame; i++) {
    const open = mine.filter((p) => 1 + later.get(p)!.length < MAX_VOUCHERS[p.category]);
    const pick = weighted(open.map((p) => [p, RENEWAL_WEIGHT[p.category]] as const))(rng);
    later.get(pick)!.push(SAME);
  }
  mine.forEach((p, i) => (p.decisions = [firsts[i]!, ...rng.shuffle(later.get(p)!)]));
}

/** Voucher lengths: exact counts; short ones for 2013-only persons, then steered to the mean. */
function assignLengths(rng: Rng, persons: Person[]): void {
  const pool = rng.shuffle(repeat(LENGTHS));
  const slots = persons.flatMap((p) => p.decisions.map((_, i) => ({ p, i })));
  invariant(slots.length === pool.length, `Uppsala data: ${slots.length} vouchers, expected ${pool.length}`);
  for (const p of persons) p.lengths = p.decisions.map(() => 0);
  // 2013 only: at most two vouchers of 2 or 3 months (it all fits between June and December).
  for (const { p, i } of slots.filter((s) => s.p.category === 'only2013')) {
    const j = pool.findIndex((m) => m <= 3);
    p.lengths[i] = pool.splice(j, 1)[0]!;
  }
  // The rest ranked by a random key plus a bias for those who exited in 2014: they get the longer
  // vouchers (counts unchanged). The bias is the one bringing the exited persons' expected mean
  // time closest to the published "drygt sju månader".
  const rest = slots.filter((s) => s.p.category !== 'only2013').map((s) => ({ ...s, key: rng.next() }));
  const sorted = [...pool].sort((a, b) => b - a);
  const exited = persons.filter((p) => p.exited);
  let best: { bias: number; err: number } = { bias: 0, err: Infinity };
  for (let bias = 0; bias <= 1.5; bias += 0.02) {
    place(rest, sorted, bias);
    const err = Math.abs(expectedMean(exited) - TARGET_MEAN_MONTHS);
    if (err < best.err) best = { bias, err };
  }
  place(rest, sorted, best.bias);
}

function place(rest: { p: Person; i: number; key: number }[], sorted: number[], bias: number): void {
  rest
    .map((s) => ({ s, k: s.key + (s.p.category === 'exited2014' ? bias : 0) }))
    .sort((a, b) => b.k - a.k)
    .forEach(({ s }, rank) => (s.p.lengths[s.i] = sorted[rank]!));
  // Too many months for one person to fit in the period: swap a long voucher with a shorter one
  // of someone with room to spare.
  for (const p of rest.map((s) => s.p)) {
    while (total(p) > maxMonths(p)) {
      const i = p.lengths.indexOf(Math.max(...p.lengths));
      const long = p.lengths[i]!;
      const other = rest.find((s) => s.p !== p && s.p.lengths[s.i]! < long && total(s.p) + long - s.p.lengths[s.i]! <= maxMonths(s.p));
      invariant(other, 'Uppsala data: no room for a long voucher');
      [p.lengths[i], other.p.lengths[other.i]] = [other.p.lengths[other.i]!, long];
    }
  }
}

const total = (p: Person) => p.lengths.reduce((a, b) => a + b, 0);
// Expected days enrolled: months of vouchers plus the mean gaps (10 days to the first voucher,
// 15 days from the last voucher to the exit).
const expectedMean = (exited: Person[]) =>
  exited.reduce((s, p) => s + (total(p) * MONTH_DAYS + 25) / MONTH_DAYS, 0) / exited.length;

/** Entry, voucher dates and exit: the first voucher start drawn among the days that fit. */
function assignDates(rng: Rng, p: Person): void {
  const gapIn = rng.int(0, 20); // entry to the first voucher
  const gapOut = rng.int(0, 30); // end of the last voucher to the exit
  const fits: number[] = [];
  for (let f = START + gapIn; f <= END; f++) {
    const [froms, tills] = run(f, p.lengths);
    const lastTill = tills[tills.length - 1]!;
    if (froms[froms.length - 1]! > END) break;
    const ok =
      p.category === 'only2013' ? lastTill <= END_2013
      : p.category === 'exited2014' ? lastTill >= START_2014 && lastTill + gapOut <= (p.self6 ? LAST_SIX_MONTH_EXIT : END)
      : lastTill >= OPEN_LAST_TILL;
    if (ok) fits.push(f);
  }
  invariant(fits.length > 0, `Uppsala data: no dates fit ${p.category} ${p.lengths.join('+')}`);
  const f = rng.pick(fits);
  [p.froms, p.tills] = run(f, p.lengths);
  p.entry = f - gapIn;
  p.exit = p.exited ? p.tills[p.tills.length - 1]! + gapOut : null;
}

/** Consecutive vouchers from a first start: Till = Från + months - 1 day, next Från = Till + 1. */
function run(first: number, lengths: readonly number[]): [number[], number[]] {
  const froms: number[] = [];
  const tills: number[] = [];
  let f = first;
  for (const m of lengths) {
    const t = addMonths(f, m) - 1;
    froms.push(f);
    tills.push(t);
    f = t + 1;
  }
  return [froms, tills];
}

// ---- Skill-building activities ---------------------------------------------------------------

// What the providers registered besides the voucher (the original's chart "Antal deltagare på
// olika kompetenshöjande insatser hos utförare"; its counts are not in the text, only that
// coaching, matching and internships are by far the most common). Invented chances per person and
// provider, for women and men; each provider leans its own way (the original: "tolkningen ...
// kan skilja sig mellan olika utförare"), so a provider's chance is scaled by its own factor.
const SKILL_BUILDING: readonly { activity: string; woman: number; man: number; varies: boolean }[] = [
  { activity: 'Jobbcoachning', woman: 0.78, man: 0.8, varies: false },
  { activity: 'Matchning', woman: 0.55, man: 0.63, varies: true },
  { activity: 'Praktik', woman: 0.38, man: 0.46, varies: true },
  { activity: 'Kartläggning', woman: 0.22, man: 0.2, varies: true },
  { activity: 'Jobbsökarstöd', woman: 0.24, man: 0.2, varies: false },
  { activity: 'Studie- och yrkesvägledning', woman: 0.2, man: 0.12, varies: false },
  { activity: 'Kortare utbildning', woman: 0.1, man: 0.11, varies: true },
  { activity: 'Språkstöd', woman: 0.09, man: 0.07, varies: false },
];
/** The activity rows of one person at one provider, each within the provider's voucher span. */
function skillBuilding(rng: Rng, providerLean: Map<string, number>, id: string, woman: boolean, span: { provider: string; from: number; till: number }): string[] {
  if (!providerLean.has(span.provider)) providerLean.set(span.provider, 0.6 + 0.7 * rng.next());
  const lean = providerLean.get(span.provider)!;
  const rows: string[] = [];
  for (const s of SKILL_BUILDING) {
    const chance = (woman ? s.woman : s.man) * (s.varies ? lean : 1);
    if (rng.next() >= chance) continue;
    const from = span.from + rng.int(0, Math.floor((span.till - span.from) / 2));
    const till = Math.min(span.till, from + rng.int(7, 90));
    rows.push(line([id, s.activity, span.provider, '', dmy(from), dmy(till), '']));
  }
  return rows;
}

// ---- Survey ---------------------------------------------------------------------------------

const SATISFACTION: Counts<string> = [['Helt nöjd', 70], ['Ganska nöjd', 55], ['Ganska missnöjd', 17], ['Helt missnöjd', 8]];
const RECOMMEND: Counts<string> = [['Ja', 129], ['Nej', 21]];
const STRENGTHS: Counts<string> = [['Ja', 110], ['Nej', 40]];
const SURVEY_PROVIDERS = 17;
// Invented, harmless participant comments; several need RFC 4180 quoting (`;` or quotes).
const PARTICIPANT_COMMENTS = [
  'Bra coach som lyssnade.',
  'Fick hjälp med mitt CV; nu har jag ett som jag är nöjd med.',
  'För lite tid med handledaren.',
  'Jag lärde mig skriva personliga brev.',
  'Bra stämning i gruppen.',
  'Det var svårt att komma dit med buss.',
  'Coachen sa "du kan mer än du tror" och det hjälpte.',
  'Önskar mer praktik och mindre föreläsningar.',
  'Fick en praktikplats som blev ett jobb.',
  'Bra, men det tog lång tid innan det kom igång.',
  'Mycket upprepning; samma övningar varje vecka.',
  'Personalen var trevlig och tog sig tid.',
  'Hade velat ha mer hjälp med svenskan.',
  'Jag fick veta vad jag är bra på.',
  'Kontakten med arbetsgivare var det bästa.',
  'Grupperna var för stora.',
  'Fick hjälp att söka utbildning till hösten.',
  'Det kändes som att "check" mest var ett papper.',
  'Bättre än jag trodde från början.',
  'Svårt att få tag på min handledare per telefon.',
  'Intervjuträningen var nyttig.',
  'Jag kom igång med rutiner igen.',
  'Fick körkortsteori som en del av planen; mycket bra.',
  'Ingen visste riktigt vad jag skulle göra där.',
  'Bra lokaler och fika.',
  'Lärde mig använda datorn för att söka jobb.',
  'Jag vill fortsätta med samma utförare.',
  'Byte av coach mitt i perioden var jobbigt.',
  'Fick stöd att starta eget, tack.',
  'För lite individuell tid.',
  'Det hjälpte att någon trodde på mig.',
  'Praktiken passade inte mina intressen.',
  'Bra information om arbetsmarknaden i Uppsala.',
  'Jag blev bättre på att presentera mig själv.',
  'Schemat ändrades ofta.',
  'Handledaren hjälpte mig kontakta "riktiga" arbetsgivare.',
  'Kortare perioder hade räckt för mig.',
  'Fick hjälp med ansökan till komvux.',
  'Lagom mycket att göra varje dag.',
  'Kände mig sedd; inte bara ett nummer.',
  'Mer hjälp för oss som har barn hade varit bra.',
  'Tydliga mål varje vecka.',
  'Hade önskat fler jobbtips inom lager och logistik.',
  'Lite rörigt i början men sedan bra.',
  'Jag fick ett sommarjobb via utföraren.',
  'Bra att kunna välja utförare själv.',
  'Studiebesöken gav mycket.',
  'Det borde finnas mer stöd efter att man fått jobb.',
];
// Invented provider answers: what worked well and less well.
const PROVIDER_COMMENTS = [
  'Fungerade bra: tät kontakt med handläggarna. Mindre bra: korta checkperioder gav lite tid för praktik.',
  'Valfriheten motiverar deltagarna. Administrationen kring förlängningar tar tid.',
  'Bra samarbete med socialtjänsten; sämre informationsöverföring vid byte av utförare.',
  'Deltagare med lång tid utan arbete behöver längre perioder än två månader.',
  'Arbetsgivarkontakterna fungerade väl. Svårt att planera när volymerna varierar.',
  'Uppföljningen efter avslut borde ersättas separat.',
  'Fungerat bra med individuella planer; mindre bra med gruppverksamhet för nya deltagare.',
  'Ersättningsnivån räcker inte för deltagare med stora behov.',
  'Tydliga regler för checken. Önskar snabbare beslut om "förlängning".',
  'Bra dialog med kommunen under året.',
  'Många deltagare valde utförare utan att veta vad som erbjuds; mer information behövs.',
  'Praktikplatser i kommunens egna verksamheter har fungerat bra.',
  'Mindre bra: deltagare som uteblir utan att checken avslutas.',
];
const PROVIDER_COMMENTS_EXPECTED = 13;

function survey(rng: Rng): string[] {
  // Answers lean together: the most satisfied also recommend and say they learnt their strengths.
  const n = 150;
  const sat = repeat(SATISFACTION);
  const score = sat.map((s, i) => ({ i, s: ['Helt missnöjd', 'Ganska missnöjd', 'Ganska nöjd', 'Helt nöjd'].indexOf(s) }));
  const ranked = (counts: Counts<string>): string[] => {
    const order = score.map(({ i, s }) => ({ i, key: s + 2.5 * rng.next() })).sort((a, b) => b.key - a.key);
    const answers = repeat(counts);
    const out: string[] = [];
    order.forEach(({ i }, rank) => (out[i] = answers[rank]!));
    return out;
  };
  const rec = ranked(RECOMMEND);
  const str = ranked(STRENGTHS);
  const comments = rng.shuffle([...PARTICIPANT_COMMENTS, ...Array<string>(n - PARTICIPANT_COMMENTS.length).fill('')]);
  const rows = sat.map((s, i) => ['Deltagare', s, rec[i]!, str[i]!, comments[i]!]);
  invariant(PROVIDER_COMMENTS.length === PROVIDER_COMMENTS_EXPECTED, `Uppsala data: ${PROVIDER_COMMENTS.length} provider comments, expected ${PROVIDER_COMMENTS_EXPECTED}`);
  for (let i = 0; i < SURVEY_PROVIDERS; i++) rows.push(['Utförare', '', '', '', PROVIDER_COMMENTS[i] ?? '']);
  return rng.shuffle(rows).map((r) => line(r));
}

// ---- Output ---------------------------------------------------------------------------------

const line = (fields: readonly (string | number)[]) => fields.map((f) => csvField(String(f))).join(';') + CRLF;
const file = (header: string, lines: string[]) => iconv.encode(header + CRLF + lines.join(''), 'win1252');
/** Thousands separated by a space, as the finance report prints them: 2696400 -> "2 696 400". */
const kr = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** The committed example data: file name -> exact bytes. Deterministic (fixed seed). */
export function generateUppsala(): Record<string, Buffer> {
  const rng = new Rng(SEED);
  const persons = rng.shuffle([...providerSets(rng, 'K'), ...providerSets(rng, 'M')]);
  assignExits(rng, persons, 'K');
  assignExits(rng, persons, 'M');
  assignMonthsWithout(rng, persons);
  assignCategories(rng, persons);
  assignDecisions(rng, persons, 'K');
  assignDecisions(rng, persons, 'M');
  assignLengths(rng, persons);
  for (const p of persons) assignDates(rng, p);

  const exited = persons.filter((p) => p.exited);
  const mean = exited.reduce((s, p) => s + (p.exit! - p.entry) / MONTH_DAYS, 0) / exited.length;
  invariant(mean >= 7 && mean <= 7.5, `Uppsala data: mean time enrolled ${mean.toFixed(2)} months, expected 7–7.5`);
  const in2014 = persons.filter((p) => p.tills.some((t, i) => t >= START_2014 && p.froms[i]! <= END)).length;
  invariant(in2014 >= 630 && in2014 <= 660, `Uppsala data: ${in2014} persons with a voucher in 2014, expected 630–660`);

  // Client numbers run in order of entry, with gaps (other clients of the social services).
  const order = persons.map((p, i) => ({ p, i })).sort((a, b) => a.p.entry - b.p.entry || a.i - b.i).map(({ p }) => p);
  const drng = new Rng(SEED + 1); // details: a separate stream, so the counts above do not move
  const arng = new Rng(SEED + 3); // skill-building activities: their own stream, so nothing else moves
  const leans = new Map<string, number>(); // each provider's own lean (see SKILL_BUILDING)
  let n = 10_000 + drng.int(0, 400);
  const participantLines: string[] = [];
  const voucherLines: string[] = [];
  const followupLines: string[] = [];
  for (const p of order) {
    const id = 'U' + (n += drng.int(1, 70));
    const [lo, hi] = ageBand(drng);
    const year = Number(isoDay(p.entry).slice(0, 4));
    participantLines.push(line([id, p.woman ? 'K' : 'M', year - drng.int(lo, hi), dmy(p.entry), p.exit === null ? '' : dmy(p.exit),
      p.unit, p.monthsWithout, education(drng), p.reason]));
    let provider = 0;
    const spans: { provider: string; from: number; till: number }[] = [];
    p.decisions.forEach((d, i) => {
      if (d === OTHER && i > 0) provider++;
      voucherLines.push(line([id, 'Check', p.providers[provider]!, p.lengths[i]!, dmy(p.froms[i]!), dmy(p.tills[i]!), d]));
      const span = spans.at(-1);
      if (span && span.provider === p.providers[provider]) span.till = p.tills[i]!;
      else spans.push({ provider: p.providers[provider]!, from: p.froms[i]!, till: p.tills[i]! });
    });
    for (const span of spans) voucherLines.push(...skillBuilding(arng, leans, id, p.woman, span));
    if (p.reason === 'Arbete' || p.reason === 'Studier') {
      const status = (self: boolean) => (self ? 'Egen försörjning' : 'Ej egen försörjning');
      followupLines.push(line([id, 3, status(p.self3)]));
      if (p.exit! <= LAST_SIX_MONTH_EXIT) followupLines.push(line([id, 6, status(p.self6)]));
    }
  }
  const costLines = COSTS.map(([name, amount]) => line([2014, name, kr(amount), '']));
  costLines.push(line([2014, 'Budget tjänstekoncession', 0, kr(BUDGET)]));
  return {
    'deltagare.csv': file(PARTICIPANTS_HEADER, participantLines),
    'checkar.csv': file(VOUCHERS_HEADER, voucherLines),
    'uppfoljning.csv': file(FOLLOWUP_HEADER, followupLines),
    'kostnader.csv': file(COSTS_HEADER, costLines),
    'enkat.csv': file(SURVEY_HEADER, survey(new Rng(SEED + 2))),
  };
}
