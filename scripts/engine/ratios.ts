// Ratios of counts: e.g. renewals to another provider among all renewals, per cell, as a share
// (numerator over the sum of the denominator's counts). The counts are the raw cells of the
// count families (participants, activity groups, follow-up groups). Pure.
import { configText } from '../problem-messages.ts';
import { emitShares } from './emit.ts';
import { accOf, type FamilyContext } from './family.ts';
import type { Acc } from './grid.ts';

export function emitRatios(cx: FamilyContext, counts: ReadonlyMap<string, Acc>): void {
  cx.config.ratios.forEach((r, ri) => {
    const parts = [r.numerator, ...r.denominator].map((id) => counts.get(id));
    const missingIds = [r.numerator, ...r.denominator].filter((_, j) => !parts[j]);
    if (missingIds.length > 0) {
      for (const id of missingIds) cx.problems.push({ file: cx.configFile, column: `ratios[${ri}]`, value: id, expected: configText.ratioCountFigure(counts.keys()) });
      return;
    }
    const a = accOf(cx);
    for (let c = 0; c < cx.grid.size; c++) {
      a.num[c] = parts[0]!.num[c]!;
      a.den[c] = parts.slice(1).reduce((sum, p) => sum + p!.num[c]!, 0);
    }
    emitShares(cx.e, { id: r.id, label: r.label }, a);
  });
}
