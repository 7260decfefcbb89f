// The report's section "ESF+-indikatorer": the rows of esf-indicators.csv (engine/esf.ts reads
// them from the protected figures), formatted for the page. No number of its own.
import type { Config } from '../config/schema.ts';
import { formatDate, formatNumber, hiddenMark } from '../format.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { esfNote } from '../publish/write-outputs.ts';
import { esfRows } from '../engine/esf.ts';
import { t, type Language, type MessageKey } from '../messages.ts';

export interface EsfView {
  intro: string;
  rows: { code: string; name: string; cells: string[]; note: string; empty: boolean }[];
}

export function esfView(config: Config, figures: Figure[], lang: Language): EsfView {
  const extracted = config.tables.followups?.data_extracted ?? config.data_extracted;
  return {
    intro: t(lang, 'esf.intro', { extracted: extracted === undefined ? t(lang, 'esf.no_extraction_date') : formatDate(extracted, lang) }),
    rows: esfRows(figures).map((r) => ({
      code: r.indicator.code ?? '',
      name: t(lang, `esf.name.${r.indicator.key}` as MessageKey),
      cells: r.cells.map((v, i) => (r.empty ? '' : v === null ? hiddenMark({ suppression: r.marks[i] }) : formatNumber(v, lang))),
      note: esfNote(r, lang),
      empty: r.empty !== null,
    })),
  };
}
