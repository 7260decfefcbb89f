// npm run new -- <slug> [--root <dir>]: scaffolds a project an evaluator can fill in. The
// templates are files in scripts/scaffold/ (kept in sync with the schema by test/new-project.test.ts);
// this module only copies them, fills in the slug and dates, and writes a header-only CSV per table
// of the data contract, so the scaffold builds at once (a "no data yet" report).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { TABLES, type TableName } from '../config/contract.ts';
import { DAC_CRITERIA } from '../config/schema.ts';
import { maskStdio } from '../privacy/mask.ts';

const SCAFFOLD = join(import.meta.dirname, '..', 'scaffold');

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
  if (!SLUG.test(slug))
    throw new ScaffoldError(`"${slug}" is not a usable project name: use lower-case letters a–z, digits and single hyphens, such as "mitt-projekt-2025".`);
  const contentDir = join(root, 'content', slug);
  const dataDir = join(root, 'data', slug);
  for (const dir of [contentDir, dataDir])
    if (existsSync(dir)) throw new ScaffoldError(`${relative(root, dir) || dir} already exists: choose another name, or remove the folder first. Nothing was written.`);
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  maskStdio(); // every printed line masked (scripts/privacy/mask.ts)
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: '.' } } });
  const [slug] = positionals;
  if (!slug || positionals.length > 1) {
    console.error('Usage: npm run new -- <slug> [--root <dir>]   (one project name, such as "mitt-projekt")');
    process.exit(1);
  }
  try {
    const written = scaffoldProject(values.root!, slug);
    console.log(`Created project "${slug}":\n${written.map((f) => `  ${f}`).join('\n')}\n`);
    console.log(`Next: open content/${slug}/README.md (the checklist), then\n  npm run check -- ${slug}\n  npm run serve\n  npm run build -- ${slug}`);
  } catch (err) {
    if (err instanceof ScaffoldError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
