import type { Figure } from '../indicators-schema.ts';

/**
 * Finds a figure by id, unit and gender, among figures without a category (a distribution's
 * categories are looked up by their own fields). Built once over the figures it is given.
 */
export function figureLookup(figures: readonly Figure[]): (id: string, unit?: string, gender?: string) => Figure | undefined {
  const index = new Map<string, Figure>();
  for (const f of figures) if (f.category === undefined) index.set(`${f.id}\u0000${f.unit}\u0000${f.gender}`, f);
  return (id, unit = 'total', gender = 'all') => index.get(`${id}\u0000${unit}\u0000${gender}`);
}
