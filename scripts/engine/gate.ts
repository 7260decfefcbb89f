// The publication gate's step in the engine: after every family has emitted its figures, the
// primary cells are marked, secondary suppression protects them (secondary.ts, within the
// caller's work bound), and the checks say how many values each rule hid. Also the engine's own
// assertion that no two figures share (id, unit, gender, category): the configuration's
// cross-checks refuse ids that would, so a duplicate here is a bug. Pure.
import type { Config } from '../config/schema.ts';
import type { Check, Figure } from '../publish/indicators-schema.ts';
import { t, type Language } from '../messages.ts';
import { configText } from '../problem-messages.ts';
import { InputError, invariant } from '../problems.ts';
import type { Emitter } from './emit.ts';
import { WorkBoundError } from './protect.ts';
import { applySecondarySuppression, hideDifferences, type Declared } from './secondary.ts';

/** What the engine may spend: the bound on secondary suppression's linear programs. */
export interface Budget {
  maxSolves: number;
}

/** Marks primary cells, applies secondary suppression (unless the configuration turns it off) and returns the gate's checks. */
export function protectFigures(e: Emitter, config: Config, configFile: string, budget: Budget): Check[] {
  for (const f of e.figures) if (f.suppressed) f.suppression = 'primary';
  const declared = { truth: e.truth, links: e.links ?? [], unpublished: e.unpublished ?? [], linkedIds: e.linkedIds ?? new Set<string>(), sums: e.sums ?? [] };
  const secondary = config.disclosure.secondary === false ? { suppressed: hideDifferences(e.figures), unprotected: [] } : secondarySuppression(e.figures, config, configFile, budget, declared);
  if (secondary.unprotected.length > 0)
    throw new InputError(secondary.unprotected.map((u) => ({ file: configFile, column: 'disclosure.min_count', value: `${u.id} ${u.unit} ${u.gender}${u.category ? ` ${u.category}` : ''}`, expected: configText.unprotectable })));
  return suppressionChecks(config.language, e.figures, config.disclosure.min_count);
}

/** Secondary suppression, with a bound on its work that ends in a clear error rather than a long build. */
function secondarySuppression(figures: Figure[], config: Config, configFile: string, budget: Budget, declared: Declared) {
  try {
    return applySecondarySuppression(figures, declared, config.disclosure.min_count, config, budget.maxSolves);
  } catch (err) {
    if (!(err instanceof WorkBoundError)) throw err;
    throw new InputError([{ file: configFile, column: 'disclosure', value: err.message, expected: configText.workBound(budget.maxSolves) }]);
  }
}

/** How many values each rule hid: those resting on fewer than k persons, and those hidden so that no such value can be worked out. */
function suppressionChecks(lang: Language, figures: Figure[], k: number): Check[] {
  const primary = figures.filter((f) => f.suppression === 'primary').length;
  const secondary = figures.filter((f) => f.suppression === 'secondary').length;
  const out: Check[] = [];
  if (primary > 0) out.push({ id: 'disclosure.suppressed', severity: 'info', message: t(lang, primary === 1 ? 'check.suppressed_one' : 'check.suppressed', { n: primary, k }) });
  if (secondary > 0) out.push({ id: 'disclosure.secondary', severity: 'info', message: t(lang, secondary === 1 ? 'check.secondary_one' : 'check.secondary', { n: secondary }) });
  return out;
}

/**
 * Throws (an internal error: the configuration's cross-checks refuse ids that would do this) if
 * two figures share id, unit, gender and category, or one id is used for figures of two shapes
 * (kinds, or with and without categories: an entry group uni beside a distribution entry.uni).
 */
export function assertUniqueFigures(figures: readonly Figure[]): void {
  const seen = new Set<string>();
  const shapeOf = new Map<string, string>();
  const twice = new Set<string>();
  for (const f of figures) {
    const key = [f.id, f.unit, f.gender, f.category ?? ''].join(' ');
    const shape = `${f.kind}${f.category === undefined ? '' : ' by category'}`;
    if (seen.has(key)) twice.add(key);
    if ((shapeOf.get(f.id) ?? shape) !== shape) twice.add(`${f.id} (${shapeOf.get(f.id)} and ${shape})`);
    seen.add(key);
    shapeOf.set(f.id, shapeOf.get(f.id) ?? shape);
  }
  invariant(twice.size === 0, `the engine emitted conflicting figures for ${[...twice].slice(0, 5).join('; ')}${twice.size > 5 ? ` and ${twice.size - 5} more` : ''} (a figure id defined twice that the configuration's cross-checks let through)`);
}
