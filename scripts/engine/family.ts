// What the figure families share, passed to each explicitly: the configuration and data, the
// emitter (grid, threshold, figures and the links declared to the gate), and where problems
// (configuration that does not fit the data, all reported at once) and data-quality checks go.
// Each family (participants.ts, outcome-groups.ts, …) takes this context and the typed results
// of the families before it, and returns what later ones need. Pure.
import type { Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import type { Check } from '../publish/indicators-schema.ts';
import { t, type Language } from '../messages.ts';
import type { Problem } from '../problems.ts';
import type { TableDataset } from './activity-table.ts';
import type { Emitter } from './emit.ts';
import { Acc, makeGrid, type Grid } from './grid.ts';

export interface FamilyContext {
  readonly config: Config;
  readonly data: TableDataset;
  readonly ps: Participant[];
  readonly lang: Language;
  readonly grid: Grid;
  readonly e: Emitter;
  /** Names the configuration file in problems. */
  readonly configFile: string;
  readonly problems: Problem[];
  readonly checks: Check[];
}

export function familyContext(config: Config, data: TableDataset, configFile: string): FamilyContext {
  const ps = data.participants;
  const grid = makeGrid(config.units.items.filter((u) => u.reported).map((u) => u.name), ps);
  const e: Emitter = { grid, minCount: config.disclosure.min_count, figures: [], truth: new Map(), links: [], unpublished: [], linkedIds: new Set(), sums: [] };
  return { config, data, ps, lang: config.language, grid, e, configFile, problems: [], checks: [] };
}

/** An empty accumulator over the context's grid. */
export const accOf = (cx: FamilyContext) => new Acc(cx.grid.size);

export const isExited = (p: Participant) => p.exitDate !== null;

/** A warning that `missing` of `total` have no value in `column` for figure `id`. */
export function missingCheck(lang: Language, id: string, column: string, missing: number, total: number): Check {
  return { id: `missing.${id}`, severity: 'warning', message: t(lang, 'check.missing', { missing, total, column, id, rest: total - missing }) };
}

/** Whether a number lies within optional bounds (an entry group's or a band's min and max, both inclusive). */
export const inRange = (v: string | number, r: { min?: number | undefined; max?: number | undefined }) =>
  typeof v === 'number' && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
