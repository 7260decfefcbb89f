// Step 1 of the pipeline: configuration + raw files of one project → a validated Dataset.
// All problems of all files are collected and thrown together as one InputError.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { loadConfig, projectCodes, type Config } from '../config/load.ts';
import type { TableMapping } from '../config/schema.ts';
import { CHARACTERISTICS, type Activity, type ColumnSpec, type Cost, type Followup, type Participant, type SurveyResponse, type TableName } from '../config/contract.ts';
import { t as message } from '../messages.ts';
import { InputError, type Problem } from '../problems.ts';
import { parseCsv, type Parsed } from './csv.ts';
import { decode } from './decode.ts';
import { FileProblems, tableReader, type ColumnReader, type TableReader } from './table.ts';
import type { Cells } from './cells.ts';
import { parseXlsx } from './xlsx.ts';
import { fileSizeProblem, xlsxSizeProblem } from './limits.ts';
import { inputFileProblem } from './input-file.ts';
import { configTextChecks } from './config-texts.ts';
import type { Check, InputFile } from '../publish/indicators-schema.ts';
import { identityNumberProblem, type Secrets } from '../privacy/secrets.ts';
import { ActivityTable, type TableDataset } from '../engine/activity-table.ts';
import { correctionChecks, Corrections, type CorrectedTable, type CorrectionCount } from './corrections.ts';

/** Where readInto keeps the rows it accepts. */
interface RowSink<T> {
  push(row: T): unknown;
  readonly length: number;
}

export interface ProjectPaths {
  /** Folder holding content/ and data/ (the repository, or a folder outside it). */
  root: string;
  slug: string;
}

export interface Loaded {
  config: Config;
  dataset: TableDataset;
  inputs: InputFile[];
  /** Findings made while reading (unused columns …), passed on to the report's checks. */
  checks: Check[];
  /** What must never reach the output (ids, free-text answers): for the final scan of the site. */
  secrets: Secrets;
  /** What each correction of the configuration did (rows excluded or corrected). */
  corrections: CorrectionCount[];
}

/** participantIndex of a row whose participant a correction excluded: the row is dropped too. */
const EXCLUDED = -0.5;

export const configPath = (p: ProjectPaths) => join(p.root, 'content', p.slug, 'report.yaml');
export const dataDir = (p: ProjectPaths) => join(p.root, 'data', p.slug);

export async function loadProject(paths: ProjectPaths): Promise<Loaded> {
  const cfgFile = configPath(paths);
  const shown = (f: string) => relative(paths.root, f) || f;
  if (!existsSync(cfgFile)) throw new InputError([{ file: shown(cfgFile), expected: 'a report configuration file (see docs/config.md)' }]);
  const refused = inputFileProblem(cfgFile, paths.root, shown(cfgFile));
  if (refused) throw new InputError([refused]);
  let config: Config;
  try {
    config = loadConfig(cfgFile);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.problems.map((p) => ({ ...p, file: shown(p.file) })));
    throw err;
  }
  const cfgShown = shown(cfgFile);
  // Texts rendered as markdown with citations are checked against the grammar, with their lines.
  const problems: Problem[] = [...configTextChecks(config, () => readFileSync(cfgFile, 'utf8'), cfgShown).problems];
  const inputs: InputFile[] = [];
  const checks: Check[] = [];

  async function open(table: TableName, mapping: TableMapping): Promise<{ records: Parsed; problems: FileProblems; file: string } | null> {
    const path = join(dataDir(paths), mapping.file);
    const file = shown(path);
    if (!existsSync(path)) {
      problems.push({ file, expected: `the ${table} file named in tables.${table}.file of ${cfgShown}` });
      return null;
    }
    const refused = inputFileProblem(path, paths.root, file);
    if (refused) {
      problems.push(refused);
      return null;
    }
    // Refused before reading: a file past the size limit would exhaust memory (read/limits.ts).
    const tooBig = fileSizeProblem(statSync(path).size, file);
    if (tooBig) {
      problems.push(tooBig);
      return null;
    }
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let parsed: Parsed;
    let encoding = 'xlsx';
    if (extname(path).toLowerCase() === '.xlsx') {
      const bomb = xlsxSizeProblem(bytes, file);
      if (bomb) {
        problems.push(bomb);
        return null;
      }
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

  /**
   * Reads every record of a table file; returns its rows and collects problems. `prepare` looks
   * up the column readers once and returns the per-record builder (this runs millions of times).
   */
  async function readTable<T>(
    table: TableName,
    mapping: TableMapping | undefined,
    prepare: (r: TableReader) => (fields: Cells, line: number, index: number) => T | null,
    extra?: Record<string, ColumnSpec & { header: string; scale?: string[] }>,
    check?: (r: TableReader) => void,
  ): Promise<T[]> {
    const rows: T[] = [];
    await readInto(rows, table, mapping, prepare, extra, check);
    return rows;
  }

  /** readTable, keeping the rows in `rows` (an array, or a column store like ActivityTable). */
  async function readInto<T>(
    rows: RowSink<T>,
    table: TableName,
    mapping: TableMapping | undefined,
    prepare: (r: TableReader) => (fields: Cells, line: number, index: number) => T | null,
    extra?: Record<string, ColumnSpec & { header: string; scale?: string[] }>,
    check?: (r: TableReader) => void,
  ): Promise<void> {
    if (!mapping) return;
    const opened = await open(table, mapping);
    if (!opened) return;
    if (!opened.records.ok) {
      problems.push(...opened.records.problems);
      return;
    }
    const { records } = opened.records;
    const reader = tableReader(table, records, mapping, opened.problems, cfgShown, extra, projectCodes(config));
    check?.(reader);
    const fix = table === 'participants' || table === 'activities' || table === 'followups' ? corrections.forTable(table as CorrectedTable, reader, cfgShown) : null;
    let count = 0;
    if (!reader.problems.any) {
      const build = prepare(reader);
      records.forEach((fields, line) => {
        count++;
        if (!reader.fieldCountOk(fields, line)) return;
        const input = fix ? fix.raw(fields) : fields;
        if (input === null) return;
        const before = reader.problems.total;
        const row = build(input, line, rows.length);
        if (row === null || reader.problems.total !== before) return;
        // A participant excluded by a rule keeps its line for the duplicate check, and no index.
        if (fix?.excludes(row as object)) {
          if (table === 'participants') seen.set((row as Participant).id, -line);
          return;
        }
        rows.push(row);
      });
    }
    inputs[inputs.length - 1]!.rows = count;
    problems.push(...reader.problems.all());
    const unused = reader.unused();
    if (unused.length > 0)
      // Published (page, PDF, indicators.json): the count only. Header names are input, and a file
      // without a header, or read as one line, would publish its rows as "column names".
      checks.push({ id: `input.unused_columns.${table}`, severity: 'info', message: message(config.language, 'check.unused_columns', { file: mapping.file, n: unused.length }) });
  }

  const secrets: Secrets = { ids: [], freeText: [] };
  const corrections = new Corrections(config.corrections);
  const unitNames = new Set(config.units.items.map((u) => u.name));
  /**
   * Participant id → its index in the participants array, or −line when its first row was refused.
   * Serves duplicate checks and resolves references from other tables in one lookup.
   */
  const seen = new Map<string, number>();
  const lineOf: number[] = [];
  const t = config.tables;

  const participants = await readTable<Participant>(
    'participants',
    t.participants,
    (r) => {
      const [cId, cUnit, cGender, cBirth, cAge, cEntry, cExit, cStatus, cEdu, cRef, cIncome, cMonths, cReason] = (
        ['participant_id', 'unit', 'gender', 'birth_year', 'age_at_entry', 'entry_date', 'exit_date', 'exit_status', 'education', 'referral', 'income_at_entry', 'months_without_work', 'exit_reason'] as const
      ).map((c) => r.column(c));
      const p = r.problems;
      // The optional ESF+ columns, read only when the file has them.
      const cLabour = r.column('labour_status_at_entry');
      const cQual = r.column('qualification_at_exit');
      const cTraits = CHARACTERISTICS.map((c) => [c, r.column(c)] as const).filter(([, col]) => col.present);
      const yes = (v: unknown) => (v === null ? null : v === 'yes');
      return (f, line, index) => {
        const before = p.total;
        const id = cId!.get(f, line) as string | null;
        const unit = cUnit!.get(f, line) as string | null;
        const gender = cGender!.get(f, line) as Participant['gender'] | null;
        const birthYear = cBirth!.get(f, line) as number | null;
        let ageAtEntry = cAge!.get(f, line) as number | null;
        const entryDate = cEntry!.get(f, line) as string | null;
        const exitDate = cExit!.get(f, line) as string | null;
        const exitStatus = (cStatus!.get(f, line) as Participant['exitStatus'] | null) ?? [];
        const pnr = identityNumberProblem(id, line, cId!.header);
        if (pnr) p.add(pnr);
        const first = id === null ? undefined : seen.get(id);
        if (first !== undefined) p.add({ line, column: cId!.header, value: id!, expected: `a participant id used only once (already on line ${first >= 0 ? lineOf[first] : -first})` });
        if (unit !== null && !unitNames.has(unit))
          p.add({ line, column: cUnit!.header, value: unit, expected: `one of the units in units.items of ${cfgShown} (${[...unitNames].join(', ')}), or a mapping in tables.participants.values.unit` });
        if (entryDate !== null && exitDate !== null && exitDate < entryDate)
          p.add({ line, column: cExit!.header, value: exitDate, expected: `an exit date on or after the entry date (${entryDate})` });
        // Only when the other field is really empty: an invalid value was reported already.
        if (exitDate !== null && exitStatus.length === 0 && cStatus!.present && cStatus!.raw(f) === '')
          p.add({ line, column: cStatus!.header, value: '', expected: 'a status at exit for a participant with an exit date' });
        if (exitDate === null && exitStatus.length > 0 && cExit!.raw(f) === '')
          p.add({ line, column: cExit!.header, value: '', expected: 'an exit date, since a status at exit is given' });
        if (ageAtEntry === null && birthYear !== null && entryDate !== null) ageAtEntry = Number(entryDate.slice(0, 4)) - birthYear;
        if (ageAtEntry !== null && (ageAtEntry < 10 || ageAtEntry > 100))
          p.add({ line, column: (cAge!.present ? cAge! : cBirth!).header, value: String(birthYear ?? ageAtEntry), expected: 'an age at entry between 10 and 100 years' });
        if (id !== null && first === undefined) seen.set(id, p.total === before ? index : -line);
        if (id === null || unit === null || gender === null || entryDate === null) return null;
        lineOf[index] = line;
        const row: Participant = {
          id, unit, gender, birthYear, ageAtEntry, entryDate, exitDate, exitStatus,
          education: cEdu!.get(f, line) as Participant['education'],
          referral: cRef!.get(f, line) as string | null,
          incomeAtEntry: cIncome!.get(f, line) as string | null,
          monthsWithoutWork: cMonths!.get(f, line) as number | null,
          exitReason: cReason!.get(f, line) as Participant['exitReason'],
        };
        // The optional columns are assigned, not spread: every row of a file gets the same keys in
        // the same order (one object shape), without a temporary object per row.
        if (cLabour.present) row.labourStatus = cLabour.get(f, line) as Participant['labourStatus'];
        if (cQual.present) row.qualification = yes(cQual.get(f, line));
        if (cTraits.length > 0) {
          const traits: NonNullable<Participant['characteristics']> = {};
          for (const [c, col] of cTraits) traits[c] = yes(col.get(f, line));
          row.characteristics = traits;
        }
        return row;
      };
    },
    undefined,
    (r) => {
      if (!r.column('birth_year').present && !r.column('age_at_entry').present)
        r.problems.add({ line: r.headerLine, column: r.column('birth_year').header, expected: `a birth year or an age-at-entry column (map birth_year or age_at_entry in tables.participants.columns of ${cfgShown})` });
    },
  );

  /**
   * The participant's index, or −1 (after reporting an unknown id). Rows come grouped by
   * participant in most exports: the last id's index is kept, and a repeated id found without a
   * lookup (its problems, if any, are still reported on each line).
   */
  let lastId: string | null = null;
  let lastIndex: number | undefined;
  const participantIndex = (r: TableReader, c: ColumnReader, id: string | null, line: number, table: 'activities' | 'followups'): number => {
    if (corrections.cascade(id, table)) return EXCLUDED;
    if (id !== null && id === lastId && lastIndex !== undefined && lastIndex >= 0) return lastIndex;
    const i = id === null ? undefined : seen.get(id);
    lastId = id;
    lastIndex = i;
    const pnr = identityNumberProblem(id, line, c.header);
    if (pnr) r.problems.add(pnr);
    // Without readable participants every reference would look unknown: say nothing then.
    else if (id !== null && i === undefined && seen.size > 0)
      r.problems.add({ line, column: c.header, value: id, expected: 'the id of a participant in the participants file' });
    return i ?? -1;
  };

  // Kept by column (millions of rows in a register); each row's object lives only while it is checked.
  const activities = new ActivityTable();
  await readInto<Activity>(activities, 'activities', t.activities, (r) => {
    const [cId, cAct, cStart, cEnd, cMonths, cHours, cProvider, cResult] = (
      ['participant_id', 'activity', 'start_date', 'end_date', 'months', 'hours', 'provider', 'result'] as const
    ).map((c) => r.column(c));
    return (f, line) => {
      const participantId = cId!.get(f, line) as string | null;
      const participant = participantIndex(r, cId!, participantId, line, 'activities');
      if (participant === EXCLUDED) return null;
      const activity = cAct!.get(f, line) as string | null;
      const startDate = cStart!.get(f, line) as string | null;
      const endDate = cEnd!.get(f, line) as string | null;
      if (startDate !== null && endDate !== null && endDate < startDate)
        r.problems.add({ line, column: cEnd!.header, value: endDate, expected: `an end date on or after the start date (${startDate})` });
      const months = cMonths!.get(f, line) as number | null;
      const hours = cHours!.get(f, line) as number | null;
      if (months !== null && months < 0) r.problems.add({ line, column: cMonths!.header, value: String(months), expected: 'a number of zero or more' });
      if (hours !== null && hours < 0) r.problems.add({ line, column: cHours!.header, value: String(hours), expected: 'a number of zero or more' });
      if (participantId === null || activity === null) return null;
      return {
        // The participant's own id string, not a second copy per row (millions of rows).
        participantId: (participant >= 0 ? participants[participant]?.id : undefined) ?? participantId,
        participant, activity, startDate, endDate, months, hours,
        provider: cProvider!.get(f, line) as string | null,
        result: cResult!.get(f, line) as string | null,
      };
    };
  });

  const followups = await readTable<Followup>('followups', t.followups, (r) => {
    const [cId, cMonths, cStatus, cImproved] = (['participant_id', 'months_after_exit', 'status', 'improved_situation'] as const).map((c) => r.column(c));
    return (f, line) => {
      const participantId = cId!.get(f, line) as string | null;
      const participant = participantIndex(r, cId!, participantId, line, 'followups');
      if (participant === EXCLUDED) return null;
      const monthsAfterExit = cMonths!.get(f, line) as number | null;
      const status = cStatus!.get(f, line) as Followup['status'] | null;
      if (participantId === null || monthsAfterExit === null || status === null) return null;
      const improved = cImproved!.present ? cImproved!.get(f, line) : undefined;
      return { participantId, participant, monthsAfterExit, status, ...(improved === undefined ? {} : { improvedSituation: improved === null ? null : improved === 'yes' }) };
    };
  });

  const questions = config.survey?.questions ?? [];
  const surveyColumns: Record<string, ColumnSpec & { header: string; scale?: string[] }> = {};
  for (const q of questions) surveyColumns[`q:${q.id}`] = { type: { kind: 'string' }, required: false, header: q.column, scale: q.scale };
  for (const h of config.survey?.free_text ?? []) surveyColumns[`free:${h}`] = { type: { kind: 'string' }, required: false, header: h };
  const survey = await readTable<SurveyResponse>(
    'survey',
    t.survey,
    (r) => {
      const cols = questions.map((q) => [q.id, r.column(`q:${q.id}`)] as const);
      const [cId, cSurvey] = [r.column('respondent_id'), r.column('survey')];
      // Free-text answers are read only to make sure that none of them reaches the output.
      const free = (config.survey?.free_text ?? []).map((h) => r.column(`free:${h}`));
      return (f, line) => {
        const answers: Record<string, string | null> = {};
        let answered = false;
        for (const [id, c] of cols) answered = (answers[id] = c.get(f, line) as string | null) !== null || answered;
        for (const c of free) {
          const text = c.get(f, line) as string | null;
          if (text !== null) {
            answered = true;
            secrets.freeText.push({ text, file: t.survey!.file, line, column: c.header });
          }
        }
        const respondentId = cId.get(f, line) as string | null;
        const pnr = identityNumberProblem(respondentId, line, cId.header);
        if (pnr) r.problems.add(pnr);
        return { respondentId, survey: cSurvey.get(f, line) as string | null, answers, answered };
      };
    },
    surveyColumns,
    (r) => {
      for (const q of questions)
        if (!r.column(`q:${q.id}`).present)
          r.problems.add({ line: r.headerLine, column: q.column, expected: `a column for survey question "${q.id}" (survey.questions[].column of ${cfgShown})` });
    },
  );

  const costs = await readTable<Cost>('costs', t.costs, (r) => {
    const [cYear, cItem, cAmount, cBudget] = (['year', 'item', 'amount_sek', 'budget_sek'] as const).map((c) => r.column(c));
    return (f, line) => {
      const year = cYear!.get(f, line) as number | null;
      const item = cItem!.get(f, line) as string | null;
      const amountSek = cAmount!.get(f, line) as number | null;
      if (year === null || item === null || amountSek === null) return null;
      return { year, item, amountSek, budgetSek: cBudget!.get(f, line) as number | null };
    };
  });

  if (problems.length > 0) throw new InputError(problems);
  checks.push(...correctionChecks(corrections.counts, t, config.language));
  // Loops, not push(...spread): a million ids as arguments overflow the call stack.
  for (const p of participants) secrets.ids.push(p.id);
  for (const r of survey) if (r.respondentId !== null) secrets.ids.push(r.respondentId);
  return { config, dataset: { participants, activities, followups, survey, costs }, inputs, checks, secrets, corrections: corrections.counts };
}
