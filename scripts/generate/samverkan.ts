// Synthetic raw exports for the "Samverkan leder till arbete" example, shaped like a spreadsheet
// export saved as "CSV UTF-8 (comma delimited)" (BOM, commas, CRLF). Every row is invented; the
// counts the published evaluation reports are reproduced exactly (assigned by seeded shuffles of
// exact-count lists), everything else is drawn from plausible distributions. Column names and code
// values follow content/samverkan-leder-till-arbete/report.yaml, which maps these source values to
// canonical codes.
import { invariant } from '../problems.ts';
import { Rng, repeat, weighted, type Counts } from './random.ts';
import { BOM, CRLF, csvField, day, isoDay } from './format.ts';

export const SEED = 20200930; // the date of the evaluation report

const PARTICIPANTS_HEADER = 'Löpnummer,Verkstad,Kön,Ålder,Inskrivningsdatum,Utskrivningsdatum,Avslutskod';
const ACTIVITIES_HEADER = 'Löpnummer,Insats,Startdatum,Resultat';
const FOLLOWUP_HEADER = 'Löpnummer,Månader efter avslut,Sysselsättning';
const ASSESSMENT_HEADER = 'Löpnummer,Bedömare,Steg mot arbete,Ökad motivation,Ökat självförtroende,Kommentar';

const FIRST_ENTRY = day('2017-10-01');
const LAST_ENTRY = day('2020-05-31');
const LAST_EXIT = day('2020-08-31');
const FIRST_OPEN_ENTRY = day('2019-09-01'); // still enrolled at the end: entered during the last year
const LAST_EXITED_ENTRY = day('2020-04-30'); // exited participants stayed at least a month
const MIN_STAY = 30;
const MAX_STAY = 480;
const FIRST_VALIDATION = day('2020-01-15');
const LAST_VALIDATION = day('2020-04-15');

interface Unit {
  code: string; // Verkstad as exported ('?' = not registered)
  // Published figures: reproduced exactly.
  enrolled: number;
  exitedWomen: number;
  exitedMen: number;
  // Not published: still-enrolled women (the rest of the still enrolled are men), about half.
  openWomen: number;
}

const UNITS: readonly Unit[] = [
  { code: 'VV', enrolled: 110, exitedWomen: 52, exitedMen: 36, openWomen: 11 },
  { code: 'OHM', enrolled: 135, exitedWomen: 72, exitedMen: 37, openWomen: 13 },
  { code: 'ET', enrolled: 88, exitedWomen: 46, exitedMen: 25, openWomen: 8 },
  { code: 'MBL', enrolled: 140, exitedWomen: 64, exitedMen: 52, openWomen: 12 },
  { code: 'NY', enrolled: 147, exitedWomen: 44, exitedMen: 76, openWomen: 14 },
  // One exit registered without a workshop: the published per-workshop figures miss her.
  { code: '?', enrolled: 1, exitedWomen: 1, exitedMen: 0, openWomen: 0 },
];

/** Workshops whose participants took part in the validation pilot. */
const VALIDATION_UNITS = new Set(['VV', 'ET']);

/**
 * Exits per gender (published): completed ('F') / left early ('A'), and the destination letter:
 * A anställning, S studier, E eget företag, L lärling, P praktik, J arbetssökande, Ö övrigt.
 */
interface Exits {
  completed: number;
  destinations: Counts<string>;
}
const MEN: Exits = { completed: 118, destinations: [['A', 86], ['S', 40], ['E', 4], ['L', 3], ['P', 5], ['J', 30], ['Ö', 58]] };
const WOMEN: Exits = { completed: 195, destinations: [['A', 81], ['S', 80], ['L', 2], ['P', 3], ['J', 40], ['Ö', 73]] };
// Who completed is ranked by a random key plus this bias: a step into work or studies goes with
// completing more often than "other" or job seeking (the counts stay exact either way).
const COMPLETION_BIAS: Record<string, number> = { A: 0.35, S: 0.35, E: 0.35, L: 0.35, P: 0.2, J: 0, Ö: -0.15 };

// Validation pilot (published): 21 participants, 4 certificates, status at the evaluation, and
// the workshop leaders' assessment.
const VALIDATION_WOMEN = 14;
const VALIDATION_MEN = 7;
const CERTIFICATES = 4;
const FOLLOWUP: Counts<string> = [['Anställning heltid', 7], ['Anställning deltid', 5], ['Praktik', 7], ['Okänd', 2]];
const FOLLOWUP_SCORE: Record<string, number> = { 'Anställning heltid': 2, 'Anställning deltid': 2, Praktik: 1, Okänd: 0 };
// Answers in rank order: the participants the assessment ranks highest get the first answers.
const STEP: Counts<string> = [['Ja', 14], ['Delvis', 4], ['Nej', 3]];
const MOTIVATION: Counts<string> = [['Ja', 12], ['Delvis', 7], ['Nej', 2]];
const CONFIDENCE: Counts<string> = [['Ja', 11], ['Delvis', 8], ['Nej', 2]];
// Invented comments (no names, no identity numbers); several need RFC 4180 quoting.
const COMMENTS = [
  'Valideringen visade att deltagaren redan kunde mycket.',
  'Har varit noggrann och punktlig under hela perioden.',
  'Språket är fortfarande ett hinder, men det går framåt.',
  'Bra samarbete med handledaren på praktikplatsen.',
  'Hade nytta av att få sina kunskaper beskrivna på papper.',
  'Behöver mer tid i verkstaden innan nästa steg.',
  'Tar egna initiativ i arbetet.',
  'Frånvaro i perioder, främst på grund av hälsan.',
  'Har yrkeserfarenhet från hemlandet som nu synliggjorts.',
  'Sa själv att "det här är första gången någon frågar vad jag kan", och det märktes.',
  'Svetsning och enklare reparationer, bra resultat.',
  'Stöd med körkortsteori skulle underlätta.',
  'Har blivit tryggare i gruppen.',
  'Vill gå vidare till studier inom vård.',
];
const ASSESSMENTS = VALIDATION_WOMEN + VALIDATION_MEN;

/** One participant: what the counts fix first, then the drawn details. */
interface Person {
  unit: string;
  woman: boolean;
  exited: boolean;
  code: string; // Avslutskod, '' while enrolled
  validation: boolean;
  age: number;
  entry: number;
  exit: number | null;
  validationStart: number | null;
}

// Age at entry: mostly adults of working age, fewer close to retirement.
const ageBand = weighted<readonly [number, number]>([[[18, 24], 18], [[25, 34], 32], [[35, 49], 35], [[50, 64], 15]]);

/** Participants with the published counts: unit, gender, exited and exit code fixed, the rest blank. */
function people(rng: Rng): Person[] {
  const all: Person[] = [];
  for (const u of UNITS) {
    const open = u.enrolled - u.exitedWomen - u.exitedMen;
    const groups: [boolean, boolean, number][] = [
      [true, true, u.exitedWomen], [false, true, u.exitedMen], [true, false, u.openWomen], [false, false, open - u.openWomen],
    ];
    for (const [woman, exited, n] of groups) {
      for (let i = 0; i < n; i++) {
        all.push({ unit: u.code, woman, exited, code: '', validation: false, age: 0, entry: 0, exit: null, validationStart: null });
      }
    }
  }
  for (const [woman, exits] of [[false, MEN], [true, WOMEN]] as const) {
    const exited = all.filter((p) => p.exited && p.woman === woman);
    const destinations = rng.shuffle(repeat(exits.destinations));
    invariant(destinations.length === exited.length, `Samverkan data: destinations (${destinations.length}) do not sum to the exited (${exited.length})`);
    const ranked = exited
      .map((p, i) => ({ p, dest: destinations[i]!, key: rng.next() + COMPLETION_BIAS[destinations[i]!]! }))
      .sort((a, b) => b.key - a.key);
    ranked.forEach(({ p, dest }, rank) => (p.code = (rank < exits.completed ? 'F' : 'A') + dest));
  }
  for (const [woman, n] of [[true, VALIDATION_WOMEN], [false, VALIDATION_MEN]] as const) {
    const candidates = rng.shuffle(all.filter((p) => VALIDATION_UNITS.has(p.unit) && p.woman === woman));
    for (const p of candidates.slice(0, n)) p.validation = true;
  }
  return all;
}

function drawDetails(rng: Rng, p: Person): void {
  const [lo, hi] = ageBand(rng);
  p.age = rng.int(lo, hi);
  if (p.validation) {
    // Enrolled on the day validation started, and some weeks before it.
    const v = rng.int(FIRST_VALIDATION, LAST_VALIDATION);
    p.validationStart = v;
    p.entry = rng.int(Math.max(FIRST_ENTRY, v - (p.exited ? 420 : 300)), v - 21);
    p.exit = p.exited ? rng.int(v + 14, Math.min(LAST_EXIT, p.entry + MAX_STAY + 60)) : null;
  } else if (p.exited) {
    p.entry = rng.int(FIRST_ENTRY, LAST_EXITED_ENTRY);
    const end = p.entry + rng.int(MIN_STAY, MAX_STAY);
    // Stays that would run past the project's end are cut somewhere before it, not all on the last day.
    p.exit = end <= LAST_EXIT ? end : rng.int(p.entry + MIN_STAY, LAST_EXIT);
  } else {
    p.entry = rng.int(FIRST_OPEN_ENTRY, LAST_ENTRY);
    p.exit = null;
  }
}

const line = (fields: readonly (string | number)[]) => fields.map((f) => csvField(String(f), ',')).join(',') + CRLF;
const file = (header: string, lines: string[]) => Buffer.from(BOM + header + CRLF + lines.join(''), 'utf8');

/** The committed example data: file name -> exact bytes. Deterministic (fixed seed). */
export function generateSamverkan(): Record<string, Buffer> {
  const rng = new Rng(SEED);
  // Interleave the workshops, draw the details, then number in order of entry (a running number).
  const persons = rng.shuffle(people(rng));
  for (const p of persons) drawDetails(rng, p);
  const order = persons.map((p, i) => ({ p, i })).sort((a, b) => a.p.entry - b.p.entry || a.i - b.i).map(({ p }) => p);
  const id = (n: number) => 'SLA-' + String(n).padStart(4, '0');

  // Validation results: a separate stream, so the participant rows do not depend on them.
  const vrng = new Rng(SEED + 1);
  const validated = order.flatMap((p, i) => (p.validation ? [{ p, id: id(i + 1) }] : []));
  invariant(validated.length === ASSESSMENTS, `Samverkan data: ${validated.length} validation participants, expected ${ASSESSMENTS}`);
  const certificate = vrng.shuffle(repeat([[true, CERTIFICATES], [false, ASSESSMENTS - CERTIFICATES]]));
  const status = vrng.shuffle(repeat(FOLLOWUP));
  // The leaders' answers lean towards the participants who got work and a certificate.
  const answers = (counts: Counts<string>): string[] => {
    const sorted = validated
      .map((_, i) => ({ i, key: FOLLOWUP_SCORE[status[i]!]! + (certificate[i] ? 0.5 : 0) + 2 * vrng.next() }))
      .sort((a, b) => b.key - a.key);
    const ranked = repeat(counts);
    const out: string[] = [];
    sorted.forEach(({ i }, rank) => (out[i] = ranked[rank]!));
    return out;
  };
  const step = answers(STEP);
  const motivation = answers(MOTIVATION);
  const confidence = answers(CONFIDENCE);
  const comments = vrng.shuffle([...COMMENTS, ...Array<string>(ASSESSMENTS - COMMENTS.length).fill('')]);
  const certified = new Map(validated.map(({ p }, i) => [p, certificate[i]!]));

  const participantLines: string[] = [];
  const activityLines: string[] = [];
  order.forEach((p, i) => {
    participantLines.push(line([id(i + 1), p.unit, p.woman ? 'Kvinna' : 'Man', p.age, isoDay(p.entry),
      p.exit === null ? '' : isoDay(p.exit), p.code]));
    activityLines.push(line([id(i + 1), 'Verkstad', isoDay(p.entry), '']));
    if (p.validationStart !== null) {
      activityLines.push(line([id(i + 1), 'Validering', isoDay(p.validationStart), certified.get(p) ? 'Kompetensintyg' : '']));
    }
  });
  return {
    'deltagare.csv': file(PARTICIPANTS_HEADER, participantLines),
    'insatser.csv': file(ACTIVITIES_HEADER, activityLines),
    'uppfoljning.csv': file(FOLLOWUP_HEADER, validated.map((v, i) => line([v.id, 0, status[i]!]))),
    'bedomning.csv': file(ASSESSMENT_HEADER, validated.map((v, i) =>
      line([v.id, 'Verkstadsledare', step[i]!, motivation[i]!, confidence[i]!, comments[i]!]))),
  };
}
