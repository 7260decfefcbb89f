// Two published versions of a report compared: every figure whose value changed, was added or was
// removed, and every goal whose assessment changed. One pure module used by the report's appendix
// "Ändringar sedan föregående version" and by `npm run diff`, so both always say the same.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from '../config/schema.ts';
import { z } from 'zod';
import { figureSchema, type Figure, type Indicators } from './indicators-schema.ts';
import { InputError, type Problem } from '../problems.ts';
import { configText, publishText } from '../problem-messages.ts';

export interface FigureChange {
  change: 'changed' | 'added' | 'removed';
  id: string;
  label: string;
  unit: string;
  gender: Figure['gender'];
  category: string | null;
  old: Figure | null;
  new: Figure | null;
}

export interface GoalChange {
  id: string;
  label: string;
  unit: string;
  /** met as published: true, false, null (suppressed); undefined when the goal or unit was not judged. */
  old: boolean | null | undefined;
  new: boolean | null | undefined;
}

export interface IndicatorsDiff {
  figures: FigureChange[];
  goals: GoalChange[];
}

/**
 * What a comparison needs of an indicators.json. Deliberately looser than indicatorsSchema: a
 * version published by an earlier release of the tool must stay comparable after the schema grows.
 */
const comparableSchema = z.looseObject({
  report: z.looseObject({ language: z.enum(['sv', 'en']) }),
  figures: z.array(z.looseObject({ ...figureSchema.pick({ id: true, label: true, unit: true, gender: true, kind: true, category: true, category_label: true, value: true }).shape })),
  goals: z.array(z.looseObject({ id: z.string(), label: z.string(), results: z.array(z.looseObject({ unit: z.string(), met: z.boolean().nullable() })) })),
});
export type Comparable = Pick<Indicators, 'figures' | 'goals'> & { report: Pick<Indicators['report'], 'language'> };

const keyOf = (f: Figure) => [f.id, f.unit, f.gender, f.category ?? ''].join('\u0000');

/** Figures compare by value (a suppressed value is null): a change of interval alone is not listed. */
export function diffIndicators(before: Comparable, after: Comparable): IndicatorsDiff {
  const old = new Map(before.figures.map((f) => [keyOf(f), f]));
  const now = new Map(after.figures.map((f) => [keyOf(f), f]));
  const figures: FigureChange[] = [];
  const entry = (change: FigureChange['change'], o: Figure | null, n: Figure | null): FigureChange => {
    const f = (n ?? o)!;
    return { change, id: f.id, label: f.label, unit: f.unit, gender: f.gender, category: f.category_label ?? f.category ?? null, old: o, new: n };
  };
  // In the new version's order, removed figures after them in the old order.
  for (const [k, n] of now) {
    const o = old.get(k);
    if (!o) figures.push(entry('added', null, n));
    else if (o.value !== n.value) figures.push(entry('changed', o, n));
  }
  for (const [k, o] of old) if (!now.has(k)) figures.push(entry('removed', o, null));

  const goals: GoalChange[] = [];
  const results = (ind: Comparable) => new Map(ind.goals.flatMap((g) => g.results.map((r) => [`${g.id}\u0000${r.unit}`, { g, met: r.met }] as const)));
  const go = results(before);
  const gn = results(after);
  for (const k of new Set([...gn.keys(), ...go.keys()])) {
    const o = go.get(k);
    const n = gn.get(k);
    if (o?.met === n?.met) continue;
    const g = (n ?? o)!.g;
    goals.push({ id: g.id, label: g.label, unit: k.split('\u0000')[1]!, old: o?.met, new: n?.met });
  }
  return { figures, goals };
}

/** Reads and validates an indicators.json; every schema problem is reported with its key path. */
export function readIndicators(file: string, shown = file): Comparable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError([{ file: shown, expected: e.code === 'ENOENT' ? publishText.indicatorsFile : publishText.validJson(e.message) }], { cause: err });
  }
  const parsed = comparableSchema.safeParse(json);
  if (parsed.success) return parsed.data as unknown as Comparable;
  const problems: Problem[] = parsed.error.issues.slice(0, 20).map((i) => ({
    file: shown,
    column: i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || configText.topLevel,
    expected: publishText.asInIndicators(i.code === 'invalid_type' ? configText.valueOfType(i.expected) : i.code === 'invalid_value' ? configText.oneOfValues(i.values) : i.message),
  }));
  throw new InputError(problems);
}

/** The previous version's indicators, or null when the configuration names none. Throws an InputError naming the key. */
export function loadPreviousVersion(root: string, slug: string, config: Config): Comparable | null {
  const pv = config.previous_version;
  if (!pv) return null;
  const file = join(root, 'content', slug, pv.indicators);
  const shown = relative(root, file) || file;
  if (!existsSync(file))
    throw new InputError([{ file: relative(root, join(root, 'content', slug, 'report.yaml')), column: 'previous_version.indicators', value: pv.indicators, expected: publishText.previousVersion(slug, shown) }]);
  return readIndicators(file, shown);
}
