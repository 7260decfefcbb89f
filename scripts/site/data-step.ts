// One project's data step: load → validate → compute → the Indicators document.
import { readFileSync } from 'node:fs';
import { computeIndicators, type Computed } from '../engine/compute.ts';
import { noDataIndicators } from '../engine/no-data.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { configPath, loadProject, type Loaded, type ProjectPaths } from '../read/project.ts';
import { relative } from 'node:path';
import { secretsOf } from '../privacy/secrets.ts';
import { withKeyLines } from '../config/load.ts';
import { InputError } from '../problems.ts';
import { correctionProvenance } from '../read/corrections.ts';
import { textIn } from '../config/schema.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export async function buildIndicators(paths: ProjectPaths, builtAt: Date): Promise<Indicators> {
  return (await buildProjectData(paths, builtAt)).indicators;
}

/** The data step: every figure computed from the Dataset, the ESF breakdowns among them. */
export async function buildProjectData(paths: ProjectPaths, builtAt: Date): Promise<ProjectData> {
  return projectData(paths, await loadProject(paths), builtAt);
}

/** The data step's result: the Indicators document, and the unrounded values behind its figures (engine/truth.ts), which only the attack tests read. */
export interface ProjectData {
  indicators: Indicators;
  truth: Computed['truth'];
}

/**
 * The data step on a loaded project. `secondary: false` leaves secondary suppression out: it
 * decides what to hide, not whether the input is valid, so `check` skips it to stay fast.
 */
export function projectData(paths: ProjectPaths, loaded: Loaded, builtAt: Date, { secondary = true } = {}): ProjectData {
  const { dataset, inputs, checks, secrets } = loaded;
  const config = secondary ? loaded.config : { ...loaded.config, disclosure: { ...loaded.config.disclosure, secondary: false } };
  // No participant rows yet (a fresh scaffold): a "no data yet" report rather than a failure.
  const cfgShown = relative(paths.root, configPath(paths));
  let computed: Computed;
  try {
    computed = dataset.participants.length === 0 ? noDataIndicators(config) : computeIndicators(config, dataset, cfgShown);
  } catch (err) {
    // The engine names the configuration key of a problem (goals[0].figure); the line is found here.
    if (err instanceof InputError) throw new InputError(withKeyLines(err.problems, readFileSync(configPath(paths), 'utf8'), cfgShown));
    throw err;
  }
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
    disclosure: loaded.config.disclosure,
    inputs,
    built_at: builtAt.toISOString(),
    tool: { name: pkg.name, version: pkg.version },
  };
  if (config.corrections.length > 0) report.corrections = correctionProvenance(loaded.corrections);
  if (config.codes) {
    const own = (list: 'outcome' | 'exit_reason') => config.codes![list].map((c) => ({ list, code: c.code, label: textIn(c.label, config.language) }));
    const codes = [...own('outcome'), ...own('exit_reason')];
    if (codes.length > 0) report.codes = codes;
  }
  if (config.subtitle) report.subtitle = config.subtitle;
  if (config.synthetic) report.synthetic = true;
  if (config.funding) report.funding = config.funding;
  if (config.reference) report.reference = config.reference;
  if (config.region) report.region = config.region;
  if (config.programme_area) report.programme_area = config.programme_area;
  const indicators: Indicators = { report, figures: computed.figures, goals: computed.goals, models: computed.models, checks: [...checks, ...computed.checks] };
  secretsOf.set(indicators, secrets);
  return { indicators, truth: computed.truth };
}
