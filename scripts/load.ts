// Step 1 of the pipeline: configuration + raw files of one project → a validated Dataset.
// All problems of all files are collected and thrown together as one InputError.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { loadConfig, type Config } from './config.ts';
import type { TableMapping } from './config-schema.ts';
import type { Activity, ColumnSpec, Cost, Dataset, Followup, Participant, SurveyResponse, TableName } from './contract.ts';
import { InputError, type Problem } from './problems.ts';
import { parseCsv, type Parsed } from './read/csv.ts';
import { decode } from './read/decode.ts';
import { FileProblems, tableReader, type TableReader } from './read/table.ts';
import { parseXlsx } from './read/xlsx.ts';
import type { Check, InputFile } from './indicators-schema.ts';

export interface ProjectPaths {
  /** Folder holding content/ and data/ (the repository, or a folder outside it). */
  root: string;
  slug: string;
}

export interface Loaded {
  config: Config;
  dataset: Dataset;
  inputs: InputFile[];
  /** Findings made while reading (unused columns …), passed on to the report's checks. */
  checks: Check[];
}

export const configPath = (p: ProjectPaths) => join(p.root, 'content', p.slug, 'report.yaml');
export const dataDir = (p: ProjectPaths) => join(p.root, 'data', p.slug);

export async function loadProject(paths: ProjectPaths): Promise<Loaded> {
  const cfgFile = configPath(paths);
  const shown = (f: string) => relative(paths.root, f) || f;
  if (!existsSync(cfgFile)) throw new InputError([{ file: shown(cfgFile), expected: 'a report configuration file (see docs/config.md)' }]);
  let config: Config;
  try {
    config = loadConfig(cfgFile);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.problems.map((p) => ({ ...p, file: shown(p.file) })));
    throw err;
  }
  const cfgShown = shown(cfgFile);
  const problems: Problem[] = [];
  const inputs: InputFile[] = [];
  const checks: Check[] = [];

  async function open(table: TableName, mapping: TableMapping): Promise<{ records: Parsed; problems: FileProblems; file: string } | null> {
    const path = join(dataDir(paths), mapping.file);
    const file = shown(path);
    if (!existsSync(path)) {
      problems.push({ file, expected: `the ${table} file named in tables.${table}.file of ${cfgShown}` });
      return null;
    }
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let parsed: Parsed;
    let encoding = 'xlsx';
    if (extname(path).toLowerCase() === '.xlsx') {
      parsed = await parseXlsx(bytes, file, mapping.sheet);
    } else {
      const text = decode(bytes, file);
      if (!text.ok) {
        problems.push(text.problem);
        return null;
      }
      encoding = text.encoding;
      parsed = parseCsv(text.text, file);
    }
    const input: InputFile = { table, file: mapping.file, sha256, rows: 0, encoding };
    inputs.push(input);
    return { records: parsed, problems: new FileProblems(file), file };
  }

  /** Runs `build` over every record of a table file; returns its rows and collects problems. */
  async function readTable<T>(
    table: TableName,
    mapping: TableMapping | undefined,
    build: (r: TableReader, fields: string[], line: number) => T | null,
    extra?: Record<string, ColumnSpec & { header: string; scale?: string[] }>,
    check?: (r: TableReader) => void,
  ): Promise<T[]> {
    if (!mapping) return [];
    const opened = await open(table, mapping);
    if (!opened) return [];
    if (!opened.records.ok) {
      problems.push(...opened.records.problems);
      return [];
    }
    const { records } = opened.records;
    const reader = tableReader(table, records, mapping, opened.problems, cfgShown, extra);
    check?.(reader);
    const rows: T[] = [];
    let count = 0;
    if (!reader.problems.any) {
      records.forEach((fields, line) => {
        count++;
        if (!reader.fieldCountOk(fields, line)) return;
        const before = reader.problems.items.length;
        const row = build(reader, fields, line);
        if (row !== null && reader.problems.items.length === before) rows.push(row);
      });
    }
    inputs[inputs.length - 1]!.rows = count;
    problems.push(...reader.problems.all());
    const unused = reader.unused();
    if (unused.length > 0)
      checks.push({ id: `input.unused_columns.${table}`, severity: 'info', message: `${mapping.file}: ${unused.length} column(s) not used by the report and never published: ${unused.join(', ')}` });
    return rows;
  }

  const unitNames = new Set(config.units.items.map((u) => u.name));
  const allIds = new Set<string>();
  const firstLine = new Map<string, number>();
  const t = config.tables;

  const participants = await readTable<Participant>(
    'participants',
    t.participants,
    (r, f, line) => {
      const id = r.column('participant_id').get(f, line) as string | null;
      const unit = r.column('unit').get(f, line) as string | null;
      const gender = r.column('gender').get(f, line) as Participant['gender'] | null;
      const birthYear = r.column('birth_year').get(f, line) as number | null;
      let ageAtEntry = r.column('age_at_entry').get(f, line) as number | null;
      const entryDate = r.column('entry_date').get(f, line) as string | null;
      const exitDate = r.column('exit_date').get(f, line) as string | null;
      const exitStatus = (r.column('exit_status').get(f, line) as Participant['exitStatus'] | null) ?? [];
      const p = r.problems;
      if (id !== null) {
        allIds.add(id);
        const first = firstLine.get(id);
        if (first !== undefined) p.add({ line, column: r.column('participant_id').header, value: id, expected: `a participant id used only once (already on line ${first})` });
        else firstLine.set(id, line);
      }
      if (unit !== null && !unitNames.has(unit))
        p.add({ line, column: r.column('unit').header, value: unit, expected: `one of the units in units.items of ${cfgShown} (${[...unitNames].join(', ')}), or a mapping in tables.participants.values.unit` });
      if (entryDate !== null && exitDate !== null && exitDate < entryDate)
        p.add({ line, column: r.column('exit_date').header, value: exitDate, expected: `an exit date on or after the entry date (${entryDate})` });
      if (exitDate !== null && exitStatus.length === 0 && r.column('exit_status').present)
        p.add({ line, column: r.column('exit_status').header, value: '', expected: 'a status at exit for a participant with an exit date' });
      if (exitDate === null && exitStatus.length > 0)
        p.add({ line, column: r.column('exit_date').header, value: '', expected: 'an exit date, since a status at exit is given' });
      if (ageAtEntry === null && birthYear !== null && entryDate !== null) ageAtEntry = Number(entryDate.slice(0, 4)) - birthYear;
      if (ageAtEntry !== null && (ageAtEntry < 10 || ageAtEntry > 100))
        p.add({ line, column: r.column(r.column('age_at_entry').present ? 'age_at_entry' : 'birth_year').header, value: String(birthYear ?? ageAtEntry), expected: 'an age at entry between 10 and 100 years' });
      if (id === null || unit === null || gender === null || entryDate === null) return null;
      return {
        id, unit, gender, birthYear, ageAtEntry, entryDate, exitDate, exitStatus,
        education: r.column('education').get(f, line) as Participant['education'],
        referral: r.column('referral').get(f, line) as string | null,
        incomeAtEntry: r.column('income_at_entry').get(f, line) as string | null,
        monthsWithoutWork: r.column('months_without_work').get(f, line) as number | null,
        exitReason: r.column('exit_reason').get(f, line) as Participant['exitReason'],
      };
    },
    undefined,
    (r) => {
      if (!r.column('birth_year').present && !r.column('age_at_entry').present)
        r.problems.add({ line: 1, column: r.column('birth_year').header, expected: `a birth year or an age-at-entry column (map birth_year or age_at_entry in tables.participants.columns of ${cfgShown})` });
    },
  );

  const knownParticipant = (r: TableReader, id: string | null, line: number) => {
    if (id !== null && !allIds.has(id))
      r.problems.add({ line, column: r.column('participant_id').header, value: id, expected: 'the id of a participant in the participants file' });
  };

  const activities = await readTable<Activity>('activities', t.activities, (r, f, line) => {
    const participantId = r.column('participant_id').get(f, line) as string | null;
    knownParticipant(r, participantId, line);
    const activity = r.column('activity').get(f, line) as string | null;
    const startDate = r.column('start_date').get(f, line) as string | null;
    const endDate = r.column('end_date').get(f, line) as string | null;
    if (startDate !== null && endDate !== null && endDate < startDate)
      r.problems.add({ line, column: r.column('end_date').header, value: endDate, expected: `an end date on or after the start date (${startDate})` });
    const months = r.column('months').get(f, line) as number | null;
    const hours = r.column('hours').get(f, line) as number | null;
    for (const [name, v] of [['months', months], ['hours', hours]] as const)
      if (v !== null && v < 0) r.problems.add({ line, column: r.column(name).header, value: String(v), expected: 'a number of zero or more' });
    if (participantId === null || activity === null) return null;
    return {
      participantId, activity, startDate, endDate, months, hours,
      provider: r.column('provider').get(f, line) as string | null,
      result: r.column('result').get(f, line) as string | null,
    };
  });

  const followups = await readTable<Followup>('followups', t.followups, (r, f, line) => {
    const participantId = r.column('participant_id').get(f, line) as string | null;
    knownParticipant(r, participantId, line);
    const monthsAfterExit = r.column('months_after_exit').get(f, line) as number | null;
    const status = r.column('status').get(f, line) as Followup['status'] | null;
    if (participantId === null || monthsAfterExit === null || status === null) return null;
    return { participantId, monthsAfterExit, status };
  });

  const questions = config.survey?.questions ?? [];
  const surveyColumns: Record<string, ColumnSpec & { header: string; scale?: string[] }> = {};
  for (const q of questions) surveyColumns[`q:${q.id}`] = { type: { kind: 'string' }, required: false, header: q.column, scale: q.scale };
  for (const h of config.survey?.free_text ?? []) surveyColumns[`free:${h}`] = { type: { kind: 'string' }, required: false, header: h };
  const survey = await readTable<SurveyResponse>(
    'survey',
    t.survey,
    (r, f, line) => {
      const answers: Record<string, string | null> = {};
      for (const q of questions) answers[q.id] = r.column(`q:${q.id}`).get(f, line) as string | null;
      return { respondentId: r.column('respondent_id').get(f, line) as string | null, survey: r.column('survey').get(f, line) as string | null, answers };
    },
    surveyColumns,
    (r) => {
      for (const q of questions)
        if (!r.column(`q:${q.id}`).present)
          r.problems.add({ line: 1, column: q.column, expected: `a column for survey question "${q.id}" (survey.questions[].column of ${cfgShown})` });
    },
  );

  const costs = await readTable<Cost>('costs', t.costs, (r, f, line) => {
    const year = r.column('year').get(f, line) as number | null;
    const item = r.column('item').get(f, line) as string | null;
    const amountSek = r.column('amount_sek').get(f, line) as number | null;
    if (year === null || item === null || amountSek === null) return null;
    return { year, item, amountSek, budgetSek: r.column('budget_sek').get(f, line) as number | null };
  });

  if (problems.length > 0) throw new InputError(problems);
  return { config, dataset: { participants, activities, followups, survey, costs }, inputs, checks };
}
