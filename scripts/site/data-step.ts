// One project's data step: load → validate → compute → the Indicators document.
import { readFileSync } from 'node:fs';
import { computeIndicators } from '../engine/compute.ts';
import { noDataIndicators } from '../engine/no-data.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { configPath, loadProject, type ProjectPaths } from '../read/project.ts';
import { relative } from 'node:path';
import { secretsOf } from '../privacy/secrets.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export async function buildIndicators(paths: ProjectPaths, builtAt: Date): Promise<Indicators> {
  return (await buildProjectData(paths, builtAt)).indicators;
}

/** The data step: every figure computed from the Dataset, the ESF breakdowns among them. */
export async function buildProjectData(paths: ProjectPaths, builtAt: Date): Promise<{ indicators: Indicators }> {
  const { config, dataset, inputs, checks, secrets } = await loadProject(paths);
  // No participant rows yet (a fresh scaffold): a "no data yet" report rather than a failure.
  const computed = dataset.participants.length === 0 ? noDataIndicators(config) : computeIndicators(config, dataset, relative(paths.root, configPath(paths)));
  const report: Indicators['report'] = {
    slug: paths.slug,
    title: config.title,
    language: config.language,
    period: config.period,
    date: config.date,
    commissioner: config.commissioner,
    evaluator: config.evaluator,
    authors: config.authors,
    unit_level: config.units.level,
    units: config.units.items.map((u) => ({ name: u.name, reported: u.reported, ...(u.status ? { status: u.status } : {}) })),
    disclosure: config.disclosure,
    inputs,
    built_at: builtAt.toISOString(),
    tool: { name: pkg.name, version: pkg.version },
  };
  if (config.subtitle) report.subtitle = config.subtitle;
  if (config.reference) report.reference = config.reference;
  const indicators: Indicators = { report, figures: computed.figures, goals: computed.goals, models: computed.models, checks: [...checks, ...computed.checks] };
  secretsOf.set(indicators, secrets);
  return { indicators };
}
