// Step 1 of the pipeline: configuration + raw files of one project → a validated Dataset.
// Each table has its own reader (participant-rows.ts, linked-rows.ts, survey-rows.ts), run over
// its file by table-files.ts; all problems of all files are collected and thrown together as
// one InputError.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig, type Config } from '../config/load.ts';
import type { Cost, Followup, Participant, SurveyResponse } from '../config/contract.ts';
import { InputError } from '../problems.ts';
import { inputFileProblem } from './input-file.ts';
import { configTextChecks } from './config-texts.ts';
import type { Check, InputFile } from '../publish/indicators-schema.ts';
import type { Secrets } from '../privacy/secrets.ts';
import { ActivityTable, type TableDataset } from '../engine/activity-table.ts';
import { correctionChecks, Corrections, type CorrectionCount } from './corrections.ts';
import { TableFiles } from './table-files.ts';
import { ParticipantIds } from './participant-ids.ts';
import { participantRows } from './participant-rows.ts';
import { activityRows, followupRows } from './linked-rows.ts';
import { costRows, surveyRows } from './survey-rows.ts';
import { readText } from '../problem-messages.ts';

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

export const configPath = (p: ProjectPaths) => join(p.root, 'content', p.slug, 'report.yaml');
export const dataDir = (p: ProjectPaths) => join(p.root, 'data', p.slug);

export async function loadProject(paths: ProjectPaths): Promise<Loaded> {
  const shown = (f: string) => relative(paths.root, f) || f;
  const cfgFile = configPath(paths);
  const config = readConfig(paths, cfgFile, shown);
  const configShown = shown(cfgFile);
  const corrections = new Corrections(config.corrections);
  const files = new TableFiles({ root: paths.root, dataDir: dataDir(paths), shown, configShown }, config, corrections);
  // Texts rendered as markdown with citations are checked against the grammar, with their lines.
  files.problems.push(...configTextChecks(config, () => readFileSync(cfgFile, 'utf8'), configShown).problems);
  const secrets: Secrets = { ids: [], freeText: [] };
  const t = config.tables;
  const participants: Participant[] = [];
  const ids = new ParticipantIds(corrections, participants);
  await files.read(participants, 'participants', t.participants, participantRows(config, ids, configShown));
  // Kept by column (millions of rows in a register); each row's object lives only while it is checked.
  const activities = new ActivityTable();
  await files.read(activities, 'activities', t.activities, activityRows(ids, participants));
  const followups: Followup[] = [];
  await files.read(followups, 'followups', t.followups, followupRows(ids));
  const survey: SurveyResponse[] = [];
  await files.read(survey, 'survey', t.survey, surveyRows(config, secrets, configShown));
  const costs: Cost[] = [];
  await files.read(costs, 'costs', t.costs, costRows());
  if (files.problems.length > 0) throw new InputError(files.problems);
  const checks = [...files.checks, ...correctionChecks(corrections.counts, t, config.language)];
  // Loops, not push(...spread): a million ids as arguments overflow the call stack.
  for (const p of participants) secrets.ids.push(p.id);
  for (const r of survey) if (r.respondentId !== null) secrets.ids.push(r.respondentId);
  return { config, dataset: { participants, activities, followups, survey, costs }, inputs: files.inputs, checks, secrets, corrections: corrections.counts };
}

/** report.yaml, refused before it is read when it is missing or a link out of the project; problems name files as shown. */
function readConfig(paths: ProjectPaths, cfgFile: string, shown: (f: string) => string): Config {
  if (!existsSync(cfgFile)) throw new InputError([{ file: shown(cfgFile), expected: readText.configFile }]);
  const refused = inputFileProblem(cfgFile, paths.root, shown(cfgFile));
  if (refused) throw new InputError([refused]);
  try {
    return loadConfig(cfgFile);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.problems.map((p) => ({ ...p, file: shown(p.file) })));
    throw err;
  }
}
