// Synthetic raw exports for the fourth example, "Nya vägar till arbete": an invented ESF+
// 2021–2027 project in three municipalities, the template for new projects. Nothing here
// reproduces a published evaluation: every row is drawn from plausible distributions with a
// fixed seed. The export has what real exports have and the configuration must handle: a third
// gender, codes of the project's own ("Egen försörjning", "Föräldraledig", "Hälsoskäl"), and
// faults that content/nya-vagar-till-arbete/report.yaml corrects with a reason each: two test
// persons in a test unit, participants of the predecessor project, an impossible exit date, a
// gender miscoded as "X" and cancelled activity bookings.
import { Rng, weighted } from './random.ts';
import { CRLF, day, isoDay } from './format.ts';

export const SEED = 20251128; // the date of the (invented) report

const PARTICIPANTS_HEADER = 'Deltagar-ID;Kommun;Kön;Födelseår;Utbildningsnivå;Anvisad av;Månader utan arbete;Inskriven;Avslutad;Avslutsorsak;Status vid avslut';
const ACTIVITIES_HEADER = 'Deltagar-ID;Insats;Startdatum;Timmar';
const FOLLOWUP_HEADER = 'Deltagar-ID;Månader efter avslut;Sysselsättning';

const FIRST_ENTRY = day('2023-01-09');
const LAST_ENTRY = day('2025-08-29');
/** The export's date: participants exited after it are still enrolled in the data. */
const EXTRACTED = day('2025-10-31');
/** Exits on or before this day were six months ago at the export, and were followed up. */
const FOLLOWED_UP_BY = day('2025-04-30');

interface Unit {
  name: string;
  /** Participants by gender: Kvinna, Man, Annan (non-binary or another gender). */
  women: number;
  men: number;
  other: number;
}

const UNITS: readonly Unit[] = [
  { name: 'Gävle', women: 112, men: 94, other: 9 },
  { name: 'Sandviken', women: 76, men: 70, other: 7 },
  { name: 'Hofors', women: 41, men: 37, other: 5 },
];

// Status at exit as the case system writes it; "Egen försörjning" (self-support without
// benefits) and "Föräldraledig" are the project's own codes (codes.outcome in report.yaml).
const exitStatus = weighted<string>([
  ['Arbete', 26], ['Subventionerad anställning', 9], ['Studier', 13], ['Egen försörjning', 7], ['Föräldraledig', 3],
  ['Arbetssökande', 20], ['Annan insats', 10], ['Sjukskriven', 7], ['Okänd', 5],
]);
const exitReason = weighted<string>([['Fullföljt', 68], ['Avbrott', 18], ['Flyttat', 6], ['Hälsoskäl', 8]]);
const education = weighted<string>([['Förgymnasial', 38], ['Gymnasial', 40], ['Eftergymnasial', 14], ['Uppgift saknas', 8]]);
const referral = weighted<string>([['Arbetsförmedlingen', 55], ['Kommunen', 38], ['Försäkringskassan', 7]]);
const ageBand = weighted<readonly [number, number]>([[[18, 29], 30], [[30, 54], 58], [[55, 64], 12]]);
const activityKind = weighted<string>([['Coachning', 45], ['Praktik', 25], ['Studiemotivation', 18], ['Språkstöd', 12]]);
// At six months a part of those who left for work or studies are still there; some of the others have moved on.
const followupAfter = (rng: Rng, atExit: string): string => {
  const good = ['Arbete', 'Subventionerad anställning', 'Studier', 'Egen försörjning'].includes(atExit);
  return weighted<string>(good ? [['Arbete', 55], ['Studier', 15], ['Egen försörjning', 12], ['Arbetssökande', 12], ['Okänd', 6]] : [['Arbete', 15], ['Studier', 8], ['Egen försörjning', 4], ['Arbetssökande', 48], ['Annan insats', 17], ['Okänd', 8]])(rng);
};

interface Person {
  id: string;
  unit: string;
  gender: string;
  birthYear: number;
  education: string;
  referral: string;
  monthsWithoutWork: number;
  entry: number;
  exit: number | null;
  reason: string;
  status: string;
}

function person(rng: Rng, unit: string, gender: string): Omit<Person, 'id'> {
  const entry = rng.int(FIRST_ENTRY, LAST_ENTRY);
  const [lo, hi] = ageBand(rng);
  const stay = rng.int(45, 420);
  const exit = entry + stay <= EXTRACTED ? entry + stay : null;
  return {
    unit, gender, birthYear: Number(isoDay(entry).slice(0, 4)) - rng.int(lo, hi), education: education(rng), referral: referral(rng),
    monthsWithoutWork: rng.chance(0.6) ? rng.int(12, 72) : rng.int(0, 11), entry, exit,
    reason: exit === null ? '' : exitReason(rng), status: exit === null ? '' : exitStatus(rng),
  };
}

const line = (fields: readonly (string | number)[]) => fields.join(';') + CRLF;
const file = (header: string, lines: string[]) => Buffer.from(header + CRLF + lines.join(''), 'utf8');

/** The committed example data: file name -> exact bytes. Deterministic (fixed seed). */
export function generateNyaVagar(): Record<string, Buffer> {
  const rng = new Rng(SEED);
  const drawn: Omit<Person, 'id'>[] = [];
  for (const u of UNITS) for (const [g, n] of [['Kvinna', u.women], ['Man', u.men], ['Annan', u.other]] as const) for (let i = 0; i < n; i++) drawn.push(person(rng, u.name, g));
  // Participants of the predecessor project, registered in the new one by mistake (a correction excludes them by their entry date).
  for (let i = 0; i < 9; i++) drawn.push({ ...person(rng, rng.pick(UNITS).name, rng.pick(['Kvinna', 'Man'])), entry: rng.int(day('2022-03-01'), day('2022-12-16')) });
  rng.shuffle(drawn);
  drawn.sort((a, b) => a.entry - b.entry);
  const people: Person[] = drawn.map((p, i) => ({ ...p, id: `NV-${String(i + 1).padStart(5, '0')}` }));
  // Exits of the predecessor's participants stay after their entry.
  for (const p of people) if (p.exit !== null && p.exit < p.entry) p.exit = p.entry + 60;

  const rows = people.map((p) => [p.id, p.unit, p.gender, p.birthYear, p.education, p.referral, p.monthsWithoutWork, isoDay(p.entry), p.exit === null ? '' : isoDay(p.exit), p.reason, p.status]);
  // Faults the configuration corrects: an impossible exit date and a gender coded "X".
  const exited2024 = people.findIndex((p) => p.exit !== null && isoDay(p.exit).startsWith('2024-03') && p.entry >= FIRST_ENTRY && p.entry < day('2024-02-01'));
  rows[exited2024]![8] = '2024-02-30';
  rows[people.findIndex((p, i) => i > 40 && p.gender === 'Man')]![2] = 'X';
  // Two test persons of the case system, in a unit that does not exist.
  const tests = [['TEST-0001', 'Testenhet', 'Kvinna', 1990, 'Gymnasial', 'Kommunen', 0, '2023-02-01', '2023-02-02', 'Fullföljt', 'Arbete'], ['TEST-0002', 'Testenhet', 'Man', 1985, 'Gymnasial', 'Kommunen', 0, '2023-02-01', '', '', '']];
  const participantLines = [...rows.slice(0, 20), ...tests, ...rows.slice(20)].map(line);

  const activityLines: string[] = [];
  const arng = new Rng(SEED + 1);
  for (const p of people) {
    const n = arng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const start = p.entry + arng.int(0, 30) + k * 40;
      activityLines.push(line([p.id, activityKind(arng), isoDay(start), arng.int(4, 120)]));
    }
    // A booking cancelled before it started, exported as an activity (excluded by a correction).
    if (arng.chance(0.03)) activityLines.push(line([p.id, 'Avbokad', isoDay(p.entry + 10), 0]));
  }
  activityLines.push(line(['TEST-0001', 'Coachning', '2023-02-01', 1]));

  const followupLines: string[] = [];
  const frng = new Rng(SEED + 2);
  for (const p of people) {
    if (p.exit === null || p.exit > FOLLOWED_UP_BY || p.entry < day('2023-01-01')) continue;
    if (frng.chance(0.88)) followupLines.push(line([p.id, 6, followupAfter(frng, p.status)]));
  }
  return {
    'deltagare.csv': file(PARTICIPANTS_HEADER, participantLines),
    'insatser.csv': file(ACTIVITIES_HEADER, activityLines),
    'uppfoljning.csv': file(FOLLOWUP_HEADER, followupLines),
  };
}
