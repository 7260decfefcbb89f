// A project with no participant rows yet (a fresh scaffold): instead of failing on goals and
// narrative that cite figures which cannot exist without data, the data step publishes the three
// participant counts (all zero) and one warning check, and the page shows a "no data yet" notice.
import { PARTICIPANTS } from '../config/figure-ids.ts';
import type { Config } from '../config/schema.ts';
import type { Computed } from './compute.ts';
import { emitCounts, type Emitter } from './emit.ts';
import { Acc, makeGrid } from './grid.ts';
import type { Indicators } from '../publish/indicators-schema.ts';
import { t } from '../messages.ts';

/** Id of the check that marks an empty project; the page model keys its notice on it. */
export const NO_DATA_CHECK = 'data.no_participants';

export function noDataIndicators(config: Config): Computed {
  const lang = config.language;
  const grid = makeGrid(config.units.items.filter((u) => u.reported).map((u) => u.name), []);
  const e: Emitter = { grid, minCount: config.disclosure.min_count, figures: [], truth: new Map() };
  for (const [id, key] of [[PARTICIPANTS.enrolled, 'enrolled'], [PARTICIPANTS.exited, 'exited'], [PARTICIPANTS.stillEnrolled, 'still_enrolled']] as const)
    emitCounts(e, { id, label: t(lang, `figure.participants.${key}`) }, new Acc(grid.size));
  return { figures: e.figures, truth: e.truth, goals: [], models: [], checks: [{ id: NO_DATA_CHECK, severity: 'warning', message: t(lang, 'nodata.check') }] };
}

export const hasNoData = (ind: Indicators) => ind.checks.some((c) => c.id === NO_DATA_CHECK);
