// Golden reports: what every example and a few small fixture projects publish, committed under
// test/golden/<case>/ and compared by test/golden/golden.test.ts; `npm run golden` (regen.ts) writes
// them anew. Each case is built as `build` builds it, without the PDF (pages and data only), with
// the build date pinned and the tool's version stripped, so the files depend on the input alone.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../scripts/site/build-site.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { addProject, CONFIG, project, type ProjectFiles } from '../helpers/fixture-project.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const GOLDEN_DIR = import.meta.dirname;
export const REGENERATE = 'npm run golden';
/** The build date written into every golden report. */
export const PINNED_NOW = new Date('2024-01-01T00:00:00Z');

/** The examples of content/ (every one is a case) and the fixture projects, by case name. */
export const EXAMPLES = ['mia-vidare', 'nya-vagar-till-arbete', 'samverkan-leder-till-arbete', 'uppsala-upphandlade-insatser'] as const;

/** A small project with a goal, a chart, a figure table, a narrative section and an evaluation answer. */
const FIXTURE_CONFIG = `${CONFIG}outcome_groups:
  - { id: work, label: Arbete eller studier, column: exit_status, codes: [employed, studies] }
goals:
  - { id: goal.work, label: Minst en fjärdedel i arbete, figure: exit.work, target: { op: '>=', value: 0.25 } }
charts:
  - { id: work, kind: shares, title: Arbete eller studier, figures: [exit.work] }
figure_tables:
  - { id: enrolled, title: Deltagare, figures: [participants.enrolled] }
sections:
  - { file: resultat.md, criterion: effectiveness }
evaluation_questions:
  - { question: Nådde projektet målet?, criterion: effectiveness, answer: 'Målet är {{ goal("goal.work") }}.' }
`;
const FIXTURE_NARRATIVE = '# Resultat\n\nAv de avslutade gick {{ fig("exit.work") }} till arbete eller studier.\n\n{% chart "work" %}\n\n{% table "enrolled" %}\n';

/** Fixture projects: their files (content/<slug>/ gets the narrative beside report.yaml). */
export const FIXTURES: Record<string, { files: ProjectFiles; narrative: Record<string, string> }> = {
  // The default threshold (5) on six participants: most cells hidden, the appendix lists them.
  'fixture-small': { files: { ...project({}, FIXTURE_CONFIG), slug: 'fixture-small' }, narrative: { 'resultat.md': FIXTURE_NARRATIVE } },
  // The same project with a threshold of 1 (nothing hidden) and English texts.
  'fixture-english': {
    files: { ...project({}, `language: en\ndisclosure: { min_count: 1, secondary: true }\n${FIXTURE_CONFIG}`), slug: 'fixture-english' },
    narrative: { 'resultat.md': FIXTURE_NARRATIVE.replace('# Resultat\n\nAv de avslutade gick', '# Results\n\nOf those who left,').replace('till arbete eller studier', 'went to work or studies') },
  },
};

export const CASES: string[] = [...EXAMPLES, ...Object.keys(FIXTURES)];

/** What one case publishes, as compared. */
export interface GoldenReport {
  indicators: Indicators;
  /** Fragment name → HTML, one tag a line (see splitTags). */
  fragments: Record<string, string>;
}

/** indicators.json as compared: the build date is pinned by the build, the tool's version is stripped. */
export function normaliseIndicators(ind: Indicators): Indicators {
  return { ...ind, report: { ...ind.report, built_at: PINNED_NOW.toISOString(), tool: { ...ind.report.tool, version: '<version>' } } };
}

/** indicators.json as written under test/golden/: one figure a line, so that a change reads as a one-line diff. */
export function serialiseIndicators(ind: Indicators): string {
  const { figures, ...rest } = ind;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  return `${head},\n  "figures": [\n${figures.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}

/** The element starting at `start` (an opening tag of `tag`) up to its matching closing tag. */
function elementAt(html: string, start: number, tag: string): string {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, re.lastIndex);
  }
  throw new Error(`unclosed <${tag}> at ${start}`);
}

/** The first element of `tag` whose opening tag matches `opening`, or undefined. */
function firstElement(html: string, tag: string, opening: RegExp): string | undefined {
  const re = new RegExp(`<${tag}\\b[^>]*>`, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) if (opening.test(m[0])) return elementAt(html, m.index, tag);
  return undefined;
}

/** HTML with one tag a line: fragments diff line by line. */
export const splitTags = (html: string): string => `${html.replace(/>\s*</g, '>\n<').trim()}\n`;

/**
 * The key fragments of a report page, each by a stable selector: the first narrative section
 * (the summary), the goals table, the first figure table and the data-quality appendix (its
 * checks and the table of hidden values). A fragment the page lacks is left out.
 */
export function fragmentsOf(html: string): Record<string, string> {
  const main = firstElement(html, 'main', /id="main"/) ?? '';
  const quality = /<section class="section appendix" aria-labelledby="([^"]+)">\s*<h2 id="\1">[^<]*<\/h2>\s*<p>[^<]*<\/p>\s*<div class="table-wrap"[^>]*>\s*<table class="checks">/.exec(main);
  const found: Record<string, string | undefined> = {
    summary: firstElement(main, 'section', /^<section class="section"/),
    goals: firstElement(main, 'table', /class="goals"/),
    'figure-table': firstElement(main, 'table', /class="figure-table"/),
    'quality-appendix': quality ? elementAt(main, quality.index, 'section') : undefined,
  };
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [k, splitTags(v)]));
}

/** Builds every case (pages and data, no PDF) into a temporary folder and returns what each publishes. */
export async function buildGoldens(cases: string[] = CASES): Promise<Map<string, GoldenReport>> {
  const tmp = mkdtempSync(join(tmpdir(), 'golden-'));
  try {
    const out = new Map<string, GoldenReport>();
    const examples = cases.filter((c) => (EXAMPLES as readonly string[]).includes(c));
    if (examples.length) await buildInto(REPO, join(tmp, 'examples'), examples, out);
    const fixtures = cases.filter((c) => c in FIXTURES);
    if (fixtures.length) {
      const root = join(tmp, 'fixtures');
      for (const c of fixtures) writeFixture(root, c);
      await buildInto(root, join(root, '_site'), fixtures, out);
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Writes a fixture project into `root`: report.yaml and data by the helper, the narrative beside report.yaml. */
function writeFixture(root: string, name: string): void {
  const { files, narrative } = FIXTURES[name]!;
  addProject(root, files);
  for (const [file, text] of Object.entries(narrative)) writeFileSync(join(root, 'content', files.slug!, file), text);
}

async function buildInto(root: string, outDir: string, slugs: string[], out: Map<string, GoldenReport>): Promise<void> {
  await buildSite({ root, outDir, slugs, now: PINNED_NOW, pdf: false });
  for (const slug of slugs) {
    const read = (f: string) => readFileSync(join(outDir, slug, f), 'utf8');
    out.set(slug, { indicators: normaliseIndicators(JSON.parse(read('indicators.json')) as Indicators), fragments: fragmentsOf(read('index.html')) });
  }
}

/** The committed golden of one case, or undefined where none was written. */
export function readGolden(name: string): GoldenReport | undefined {
  const dir = join(GOLDEN_DIR, name);
  if (!existsSync(join(dir, 'indicators.json'))) return undefined;
  const fragments: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) fragments[f.replace(/\.html$/, '')] = readFileSync(join(dir, f), 'utf8');
  return { indicators: JSON.parse(readFileSync(join(dir, 'indicators.json'), 'utf8')) as Indicators, fragments };
}
