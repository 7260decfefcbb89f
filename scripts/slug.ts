// A module of its own so that the engine can use it without importing the narrative renderer:
// importing nunjucks (through narrative.ts) made the million-row data step about a quarter
// slower in CPU time, even though the engine never calls it.
/** Lower-case ASCII slug for ids: "Måluppfyllelse och resultat" → "maluppfyllelse-och-resultat". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A part of a dotted figure id from text: "Svar från utförare" → "svar_fran_utforare". */
export const idPart = (text: string): string => slugify(text).replace(/-/g, '_');
