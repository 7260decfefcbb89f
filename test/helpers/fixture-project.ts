// Writes a small project folder (content/<slug>/report.yaml + data/<slug>/<files>) into a fresh
// temporary directory and returns its root. Callers remove it with removeProject() (or use
// withProject(), which does). Also holds a small valid configuration and data set that tests
// vary one line at a time.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, type Loaded } from '../../scripts/read/project.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';

export const SLUG = 'demo';

export interface ProjectFiles {
  /** Text of content/<slug>/report.yaml (omitted: no configuration file). */
  config?: string;
  /** File name inside data/<slug>/ → contents (text is written as UTF-8). */
  data?: Record<string, string | Uint8Array>;
  slug?: string;
}

/** Writes one or more projects into one new temporary root and returns the root. */
export function writeProject(...projects: ProjectFiles[]): string {
  const root = mkdtempSync(join(tmpdir(), 'eval-report-fixture-'));
  for (const p of projects) addProject(root, p);
  return root;
}

/** Adds one project to an existing root. */
export function addProject(root: string, p: ProjectFiles): void {
  const slug = p.slug ?? SLUG;
  const content = join(root, 'content', slug);
  const data = join(root, 'data', slug);
  mkdirSync(content, { recursive: true });
  mkdirSync(data, { recursive: true });
  if (p.config !== undefined) writeFileSync(join(content, 'report.yaml'), p.config);
  for (const [name, body] of Object.entries(p.data ?? {})) writeFileSync(join(data, name), body);
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Runs `fn` on a fresh project root and always removes it afterwards. */
export async function withProject<T>(files: ProjectFiles, fn: (root: string) => Promise<T> | T): Promise<T> {
  const root = writeProject(files);
  try {
    return await fn(root);
  } finally {
    removeProject(root);
  }
}

/** Loads the project (slug `demo` unless given) from fresh files. */
export function loadFixture(files: ProjectFiles): Promise<Loaded> {
  return withProject(files, (root) => loadProject({ root, slug: files.slug ?? SLUG }));
}

/** Loads the project and returns the problems of the InputError it must throw. */
export async function problemsOf(files: ProjectFiles): Promise<Problem[]> {
  try {
    await loadFixture(files);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  assert.fail('expected loadProject to throw an InputError');
}

/** Lines joined with `eol`, ending with one. */
export const lines = (rows: string[], eol = '\n'): string => rows.map((r) => r + eol).join('');

export const CONFIG_FILE = `content/${SLUG}/report.yaml`;
export const PARTICIPANTS_FILE = `data/${SLUG}/deltagare.csv`;
export const ACTIVITIES_FILE = `data/${SLUG}/aktiviteter.csv`;

/** A small valid configuration: Swedish headers and codes, two units. */
export const CONFIG = `title: Testprojekt
commissioner: Beställaren
evaluator: Utvärderaren
authors: [Test Testsson]
date: 2022-06-30
period: { from: 2020-01-01, to: 2022-06-30 }
units:
  level: Delprojekt
  items:
    - name: Norr
    - name: Söder
tables:
  participants:
    file: deltagare.csv
    columns:
      participant_id: Deltagar-ID
      unit: Delprojekt
      gender: Kön
      birth_year: Födelseår
      entry_date: Inskrivningsdatum
      exit_date: Utskrivningsdatum
      months_without_work: Månader utan arbete
      exit_status: Status vid avslut
    values:
      gender: { K: woman, M: man }
      exit_status: { Anställning: employed, Studier: studies, Arbetssökande: job_seeking }
  activities:
    file: aktiviteter.csv
    columns:
      participant_id: Deltagar-ID
      activity: Insats
      start_date: Startdatum
      hours: Timmar
    values:
      activity: { Coachning: coaching, Praktik: internship }
`;

export const PARTICIPANTS_HEADER = 'Deltagar-ID;Delprojekt;Kön;Födelseår;Inskrivningsdatum;Utskrivningsdatum;Månader utan arbete;Status vid avslut';

/** Data rows of deltagare.csv; row i is on line i + 2. */
export const PARTICIPANT_ROWS = [
  'P01;Norr;K;1980;2020-03-01;2021-01-15;12;Anställning',
  'P02;Norr;M;1975;2020-04-01;;24;',
  'P03;Söder;K;1990;2020-05-10;2021-06-30;6;Studier|Arbetssökande',
  'P04;Söder;M;1985;2021-01-04;2021-12-20;36;Arbetssökande',
  'P05;Norr;K;1999;2021-02-01;;3;',
  'P06;Söder;K;1970;2021-03-15;2022-03-01;60;Anställning',
];

export const participantsCsv = (rows: string[] = PARTICIPANT_ROWS, header = PARTICIPANTS_HEADER): string => lines([header, ...rows]);

export const ACTIVITIES_HEADER = 'Deltagar-ID;Insats;Startdatum;Timmar';
export const ACTIVITY_ROWS = ['P01;Coachning;2020-03-05;10', 'P03;Praktik;2020-06-01;80,5', 'P06;Coachning;2021-04-01;1 200'];
export const activitiesCsv = (rows: string[] = ACTIVITY_ROWS): string => lines([ACTIVITIES_HEADER, ...rows]);

/** The valid project, with files replaced or added by `data`. */
export function project(data: Record<string, string | Uint8Array> = {}, config = CONFIG): ProjectFiles {
  return { config, data: { 'deltagare.csv': participantsCsv(), 'aktiviteter.csv': activitiesCsv(), ...data } };
}
