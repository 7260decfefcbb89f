// npm run new -- <slug> [--root <dir>]: scaffolds a project an evaluator can fill in. The
// templates are files in scripts/scaffold/ (kept in sync with the schema by test/cli/new-project.test.ts);
// this module only copies them, fills in the slug and dates, and writes a header-only CSV per table
// of the data contract, so the scaffold builds at once (a "no data yet" report).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TABLES, type TableName } from '../config/contract.ts';
import { DAC_CRITERIA } from '../config/schema.ts';
import { commandLine, EXIT, QUIET, ROOT, runIfMain, UsageError, type Command } from './command.ts';
import { cliText, statusText } from '../problem-messages.ts';

// From the repository, not from this file: compiled, the module sits in .build/cli-<hash>/.
const SCAFFOLD = join(import.meta.dirname, '..', '..', 'scripts', 'scaffold');

/** Narrative file (Swedish name, as the examples) per DAC criterion. */
export const NARRATIVE_FILES: Record<(typeof DAC_CRITERIA)[number], string> = {
  relevance: 'relevans.md',
  coherence: 'samstammighet.md',
  effectiveness: 'maluppfyllelse.md',
  efficiency: 'effektivitet.md',
  impact: 'effekter.md',
  sustainability: 'hallbarhet.md',
};

/** Data file per table, as named in scaffold/report.yaml; the survey template carries its example question. */
export const DATA_FILES: Record<TableName, { file: string; extra?: string[] }> = {
  participants: { file: 'deltagare.csv' },
  activities: { file: 'aktiviteter.csv' },
  followups: { file: 'uppfoljning.csv' },
  survey: { file: 'enkat.csv', extra: ['fraga_1'] },
  costs: { file: 'kostnader.csv' },
};

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ScaffoldError extends Error {}

/** Writes content/<slug>/ and data/<slug>/ under root; returns the files written. */
export function scaffoldProject(root: string, slug: string, today = new Date()): string[] {
  if (!SLUG.test(slug)) throw new ScaffoldError(cliText.unusableProjectName(slug));
  const contentDir = join(root, 'content', slug);
  const dataDir = join(root, 'data', slug);
  for (const dir of [contentDir, dataDir])
    if (existsSync(dir)) throw new ScaffoldError(cliText.folderExists(relative(root, dir) || dir));
  const date = today.toISOString().slice(0, 10);
  const files = Object.values(NARRATIVE_FILES);
  const fill = (text: string) =>
    text.replace(/\{\{(slug|today|year|sections|files)\}\}/g, (_, k: string) =>
      k === 'slug' ? slug
      : k === 'today' ? date
      : k === 'year' ? date.slice(0, 4)
      : k === 'files' ? files.map((f) => `\`${f}\``).join(', ')
      : DAC_CRITERIA.map((c) => `  - { file: ${NARRATIVE_FILES[c]}, criterion: ${c} }`).join('\n'),
    );
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    written.push(relative(root, file));
  };
  mkdirSync(contentDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  write(join(contentDir, 'report.yaml'), fill(readFileSync(join(SCAFFOLD, 'report.yaml'), 'utf8')));
  write(join(contentDir, 'README.md'), fill(readFileSync(join(SCAFFOLD, 'README.md'), 'utf8')));
  for (const c of DAC_CRITERIA) write(join(contentDir, NARRATIVE_FILES[c]), readFileSync(join(SCAFFOLD, 'narrative', `${c}.md`), 'utf8'));
  for (const [table, { file, extra }] of Object.entries(DATA_FILES) as [TableName, (typeof DATA_FILES)[TableName]][])
    write(join(dataDir, file), [...Object.keys(TABLES[table]), ...(extra ?? [])].join(';') + '\n');
  return written;
}

export const command: Command = {
  name: 'new',
  summary: 'Scaffolds a project: content/<slug>/ (a commented report.yaml, one narrative file per evaluation criterion, a checklist) and data/<slug>/ (a header-only CSV per table of the data contract). An existing project is never overwritten.',
  operands: '<slug>',
  arity: [1, 1],
  options: { root: ROOT, quiet: { ...QUIET, description: 'print nothing but errors' } },
  notes: ['The slug may hold lower-case letters a–z, digits and single hyphens, such as "mitt-projekt-2025".'],
  async run({ values, positionals }) {
    const root = values.root as string;
    const slug = positionals[0]!;
    let written: string[];
    try {
      written = scaffoldProject(root, slug);
    } catch (err) {
      if (err instanceof ScaffoldError) throw new UsageError(err.message, { cause: err });
      throw err;
    }
    if (values.quiet !== true) {
      console.log(statusText.created(slug, written));
      console.log(statusText.nextSteps(join(root, 'content', slug, 'README.md'), ['check', 'serve', 'build'].map((c) => commandLine(c, [slug], root))));
    }
    return EXIT.ok;
  },
};

runIfMain(import.meta.url, command);
