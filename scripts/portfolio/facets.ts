// The index's filters as static pages: each facet (commissioner, region, year, programme area,
// goal status) has one page per value, listing exactly the reports with that value. Which
// reports have which value is read from each report's published indicators.json alone. Pure.
import type { Indicators } from '../publish/indicators-schema.ts';
import type { MessageKey } from '../messages.ts';
import { slugify } from '../slug.ts';

export const FACETS = ['commissioner', 'region', 'year', 'programme-area', 'goals'] as const;
export type FacetKey = (typeof FACETS)[number];

/** Goal attainment of the whole project, from its goals' published results (unit "total"). */
export const GOAL_STATUSES = ['all_met', 'met_rest_open', 'some_not_met', 'none_assessed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export function goalStatus(ind: Indicators): GoalStatus {
  const met = ind.goals.map((g) => (g.measured ? (g.results.find((r) => r.unit === 'total')?.met ?? null) : null));
  const yes = met.filter((m) => m === true).length;
  if (met.some((m) => m === false)) return 'some_not_met';
  if (yes === 0) return 'none_assessed';
  return yes === met.length ? 'all_met' : 'met_rest_open';
}

/** Every calendar year the project's period touches, as text ("2021"). */
export function periodYears(ind: Indicators): string[] {
  const from = Number(ind.report.period.from.slice(0, 4));
  const to = Number(ind.report.period.to.slice(0, 4));
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The values of one facet that a report has (none when it does not say, several for years). */
export function facetValues(ind: Indicators, facet: FacetKey): string[] {
  switch (facet) {
    case 'commissioner': return [ind.report.commissioner];
    case 'region': return ind.report.region ? [ind.report.region] : [];
    case 'programme-area': return ind.report.programme_area ? [ind.report.programme_area] : [];
    case 'year': return periodYears(ind);
    case 'goals': return [goalStatus(ind)];
  }
}

export interface FacetValue {
  facet: FacetKey;
  /** The value as the reports write it (a goal status's key for `goals`). */
  value: string;
  /** File name (without .html) under portfolio/<facet>/: unique within the facet. */
  file: string;
  slugs: string[];
}

export interface Facet {
  key: FacetKey;
  heading: MessageKey;
  values: FacetValue[];
  /** Reports that state no value for it (region and programme area are optional). */
  missing: number;
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });
export const compareText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Unique file names from values: the slug, with -2, -3 … where two values share one. */
function fileNames(values: string[]): string[] {
  const used = new Set<string>();
  return values.map((v) => {
    const base = slugify(v) || 'v';
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
    used.add(name);
    return name;
  });
}

/** One facet with its values (in reading order) and the reports of each, by slug in name order. */
export function facetOf(listed: readonly Indicators[], key: FacetKey): Facet {
  const bySlug = new Map<string, string[]>();
  let missing = 0;
  for (const ind of listed) {
    const values = facetValues(ind, key);
    if (values.length === 0) missing++;
    for (const v of values) bySlug.set(v, [...(bySlug.get(v) ?? []), ind.report.slug]);
  }
  const order = key === 'goals' ? (a: string, b: string) => GOAL_STATUSES.indexOf(a as GoalStatus) - GOAL_STATUSES.indexOf(b as GoalStatus) : compareText;
  const values = [...bySlug.keys()].sort(order);
  const files = key === 'goals' ? values.map((v) => v.replace(/_/g, '-')) : fileNames(values);
  return {
    key,
    heading: `portfolio.facet.${key}`,
    values: values.map((value, i) => ({ facet: key, value, file: files[i]!, slugs: [...new Set(bySlug.get(value)!)].sort() })),
    missing,
  };
}

export function facetsOf(listed: readonly Indicators[]): Facet[] {
  return FACETS.map((key) => facetOf(listed, key));
}
