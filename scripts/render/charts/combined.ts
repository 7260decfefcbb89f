// A combined share beside its parts (work 43 %, studies 17 %, work or studies 59 %): each share is
// rounded from its own counts, so the printed parts need not add up to the printed whole. When a
// chart shows both and they differ as printed, a footnote says why. Pure: figures in, text out.
import type { Figure } from '../../publish/indicators-schema.ts';
import { formatNumber } from '../../format.ts';
import { msg, type ChartContext } from './common.ts';

/** One figure's cells in a chart, by unit, with its label. */
export interface ShownShare {
  label: string;
  cells: Figure[];
}

const published = (f: Figure | undefined): f is Figure & { value: number; numerator: number; denominator: number } =>
  !!f && !f.suppressed && f.value !== null && typeof f.numerator === 'number' && typeof f.denominator === 'number';
const printedPercent = (x: number) => Math.round(x * 100);
/** The parts' cells for the same unit and gender as `w`. */
const cellsLike = (parts: ShownShare[], w: Figure) => parts.map((p) => p.cells.find((c) => c.unit === w.unit && c.gender === w.gender));

/** Every set of two or three other shares whose counts add up to this one's in every unit shown. */
function partsOf(whole: ShownShare, others: ShownShare[]): ShownShare[][] {
  const sets: ShownShare[][] = [];
  for (let i = 0; i < others.length; i++)
    for (let j = i + 1; j < others.length; j++) {
      sets.push([others[i]!, others[j]!]);
      for (let k = j + 1; k < others.length; k++) sets.push([others[i]!, others[j]!, others[k]!]);
    }
  return sets.filter((parts) => {
    let compared = 0;
    for (const w of whole.cells) {
      const ps = cellsLike(parts, w);
      if (!published(w) || !ps.every(published)) continue;
      if (ps.some((p) => p.denominator !== w.denominator)) return false;
      if (ps.reduce((s, p) => s + p.numerator, 0) !== w.numerator) return false;
      compared++;
    }
    return compared > 0;
  });
}

/** A footnote for each combined share whose printed value differs from the sum of its printed parts somewhere. */
export function combinedShareNotes(shown: ShownShare[], ctx: ChartContext): string[] {
  const notes: string[] = [];
  for (const whole of shown) {
    const parts = partsOf(whole, shown.filter((s) => s !== whole))[0];
    if (!parts) continue;
    const differs = whole.cells.find((w) => {
      const ps = cellsLike(parts, w);
      return published(w) && ps.every(published) && ps.reduce((s, p) => s + printedPercent(p.value), 0) !== printedPercent(w.value);
    });
    if (!differs) continue;
    const ps = cellsLike(parts, differs) as Figure[];
    notes.push(msg(ctx, 'chart.footnote.combined', {
      whole: whole.label,
      parts: parts.map((p) => p.label).join(msg(ctx, 'chart.and')),
      unit: ctx.unitLabel(differs.unit),
      value: formatNumber(printedPercent(differs.value!), ctx.language),
      sum: formatNumber(ps.reduce((s, p) => s + printedPercent(p.value!), 0), ctx.language),
    }));
  }
  return notes;
}
