// npm run check [-- <slug> …] [--root <dir>]: validates configuration, data and narrative without
// rendering anything (no charts, no Eleventy, no Chromium), then says what the data hold. Every
// problem at once, grouped by file with line numbers; exit 1 when there is any.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { listProjects } from '../site/projects.ts';
import { formatSummary, summariseData, type DataSummary } from '../engine/data-summary.ts';
import { computeIndicators } from '../engine/compute.ts';
import { noDataIndicators } from '../engine/no-data.ts';
import type { Check } from '../publish/indicators-schema.ts';
import { configPath, loadProject } from '../read/project.ts';
import { loadConfig, type Config } from '../config/load.ts';
import { lintNarrative, printedFigures } from '../render/lint.ts';
import { loadPreviousVersion } from '../publish/diff-indicators.ts';
import { formatProblems, InputError, type Problem } from '../problems.ts';

export interface CheckResult {
  slug: string;
  problems: Problem[];
  summary: DataSummary | null;
  checks: Check[];
}

export async function checkProject(root: string, slug: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const guard = async <T>(f: () => T | Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof InputError) {
        problems.push(...err.problems);
        return null;
      }
      throw err;
    }
  };
  const cfgShown = relative(root, configPath({ root, slug }));
  const loaded = await guard(() => loadProject({ root, slug }));
  // The narrative is linted whenever the configuration itself is valid, even if the data are not.
  let config: Config | null = loaded?.config ?? null;
  if (!config)
    try {
      config = loadConfig(configPath({ root, slug }));
    } catch {
      // its problems were reported by the loader
    }
  const contentDir = join(root, 'content', slug);
  // The lint compares typed numbers with the computed figures as printed, when there are figures.
  const lint = (figures: Parameters<typeof printedFigures>[0]) => {
    const printed = printedFigures(figures, config?.language ?? 'sv');
    for (const s of config?.sections ?? []) {
      const file = join(contentDir, s.file);
      const shown = relative(root, file);
      if (!existsSync(file)) problems.push({ file: shown, expected: `the narrative file named in sections of ${cfgShown}` });
      else problems.push(...lintNarrative(shown, readFileSync(file, 'utf8'), printed));
    }
  };
  if (config) await guard(() => loadPreviousVersion(root, slug, config));
  if (!loaded) {
    lint([]);
    return { slug, problems, summary: null, checks: [] };
  }
  const { dataset } = loaded;
  // Secondary suppression decides what to hide, not whether the data are valid: left out here it
  // keeps check within a second for a report of nineteen providers (the build still applies it).
  const quick = { ...loaded.config, disclosure: { ...loaded.config.disclosure, secondary: false } };
  const computed = await guard(() => (dataset.participants.length === 0 ? noDataIndicators(loaded.config) : computeIndicators(quick, dataset, cfgShown)));
  lint(computed?.figures ?? []);
  return { slug, problems, summary: summariseData(loaded.config, dataset), checks: [...loaded.checks, ...(computed?.checks ?? [])] };
}

/**
 * Values refused because no mapping covers them, grouped by file and column with their counts: a
 * first export typically has a few codes repeated on every line, and this says which to map.
 */
export function unmappedValues(problems: Problem[]): string[] {
  const groups = new Map<string, { where: string; key: string; values: Map<string, number> }>();
  for (const p of problems) {
    const key = /in (tables\.\w+\.values\.\w+)/.exec(p.expected)?.[1];
    if (!key || p.value === undefined) continue;
    const id = `${p.file}\u0000${p.column}`;
    const g = groups.get(id) ?? { where: `${p.file}, column "${p.column}"`, key, values: new Map() };
    g.values.set(p.value, (g.values.get(p.value) ?? 0) + 1);
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => `  ${g.where}: ${[...g.values].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${JSON.stringify(v)} ${n}`).join(', ')} → map them under ${g.key}`);
}

/** The report of one project as terminal text. */
export function formatCheck(r: CheckResult, ms: number): string {
  const out = [`── ${r.slug}`];
  const unmapped = unmappedValues(r.problems);
  if (r.problems.length > 0) out.push(`${r.problems.length} problem(s):`, formatProblems(r.problems), '');
  // The reader keeps a bounded number of problems per file: say so when the counts are partial.
  const capped = r.problems.some((p) => p.expected.startsWith('no further problems'));
  if (unmapped.length > 0) out.push(`unmapped codes (values without a mapping, with the number of rows${capped ? ' among the problems kept' : ''}):`, ...unmapped, '');
  else if (r.problems.length === 0) out.push('No problems found.', '');
  if (r.summary) out.push(...formatSummary(r.summary));
  const notable = r.checks.filter((c) => c.severity !== 'info' || c.id.startsWith('input.'));
  if (notable.length > 0) out.push('checks:', ...notable.map((c) => `  ${c.severity}: ${c.message}`));
  out.push(`(${Math.round(ms)} ms)`);
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: '.' } } });
  const root = values.root!;
  const slugs = positionals.length > 0 ? positionals : listProjects(root);
  if (slugs.length === 0) {
    console.error(`No project in ${join(root, 'content')}: make one with npm run new -- <slug>.`);
    process.exit(1);
  }
  let failed = 0;
  for (const slug of slugs) {
    const started = performance.now();
    if (!existsSync(configPath({ root, slug }))) {
      console.log(`── ${slug}\nNo project "${slug}": ${relative(root, configPath({ root, slug })) } does not exist (projects: ${listProjects(root).join(', ') || 'none'}).`);
      failed++;
      continue;
    }
    const r = await checkProject(root, slug);
    if (r.problems.length > 0) failed++;
    console.log(formatCheck(r, performance.now() - started) + '\n');
  }
  console.log(failed === 0 ? `All ${slugs.length} project(s) passed.` : `${failed} of ${slugs.length} project(s) have problems.`);
  process.exit(failed === 0 ? 0 : 1);
}
