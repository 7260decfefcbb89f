import type { Figure } from '../publish/indicators-schema.ts';

/**
 * Finds a figure by id, unit, gender and category (none by default: a distribution's
 * categories must be named). Built once over the figures it is given.
 */
export function figureLookup(figures: readonly Figure[]): (id: string, unit?: string, gender?: string, category?: string) => Figure | undefined {
  const index = new Map<string, Figure>();
  for (const f of figures) index.set(`${f.id}\u0000${f.unit}\u0000${f.gender}\u0000${f.category ?? ''}`, f);
  return (id, unit = 'total', gender = 'all', category = '') => index.get(`${id}\u0000${unit}\u0000${gender}\u0000${category}`);
}
