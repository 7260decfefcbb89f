// Step 4 of the pipeline: indicators.json and one CSV per figure. Aggregates only: nothing here
// can see a participant-level row.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvNumber, hiddenMark, suppressionWord } from '../format.ts';
import type { Figure, Indicators } from './indicators-schema.ts';
import { t, type Language, type MessageKey } from '../messages.ts';
import { esfRows, LONG_TERM, type EsfRow } from '../engine/esf.ts';

const CSV_HEADERS = {
  sv: ['Mått', 'Enhet', 'Kön', 'Kategori', 'Typ', 'Värde', 'Täljare', 'Nämnare', 'KI 95 % nedre', 'KI 95 % övre', 'Antal personer', 'Undertryckt'],
  en: ['Figure', 'Unit', 'Gender', 'Category', 'Kind', 'Value', 'Numerator', 'Denominator', 'CI 95 % low', 'CI 95 % high', 'Persons', 'Suppressed'],
} as const;

/** A text cell safe in spreadsheet programs: never read as a formula, quoted when needed. */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function figureCsv(figures: Figure[], lang: Language): string {
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : csvNumber(x, lang));
  const lines = [CSV_HEADERS[lang].join(';')];
  for (const f of figures) {
    lines.push(
      [
        csvText(f.id), csvText(f.unit), f.gender, csvText(f.category_label ?? f.category ?? ''), f.kind,
        num(f.value), num(f.numerator), num(f.denominator), num(f.ci95?.[0]), num(f.ci95?.[1]), num(f.n),
        suppressionWord(f, lang),
      ].join(';'),
    );
  }
  // BOM so that Excel opens Swedish characters correctly; ";" because Swedish Excel expects it.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Writes <dir>/indicators.json, <dir>/data/<figure id>.csv and the ESF file: every published number, from the figures; returns the CSV file names. */
export function writeOutputs(dir: string, indicators: Indicators): string[] {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'indicators.json'), JSON.stringify(indicators, null, 2) + '\n');
  const byId = new Map<string, Figure[]>();
  for (const f of indicators.figures) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const files: string[] = [];
  for (const [id, figs] of byId) {
    const name = `${id}.csv`;
    writeFileSync(join(dir, 'data', name), figureCsv(figs, indicators.report.language));
    files.push(name);
  }
  writeFileSync(join(dir, ESF_FILE), esfCsv(indicators));
  return files;
}

/** esf-indicators.csv: every common indicator of Annex I, read from the protected figures; hidden cells marked as everywhere, empty where the data lack what it needs. */
export function esfCsv(indicators: Indicators): string {
  const lang = indicators.report.language;
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const head = [m('esf.code'), m('esf.name_sv'), m('esf.name_en'), m('esf.women'), m('esf.men'), m('table.col.other'), m('esf.total'), m('esf.note')];
  const lines = [head.map(csvText).join(';')];
  for (const r of esfRows(indicators.figures)) {
    const key = r.indicator.key;
    const cells = r.cells.map((v, i) => (r.empty ? '' : v === null ? hiddenMark({ suppression: r.marks[i] }) : csvNumber(v, lang)));
    lines.push([csvText(r.indicator.code ?? ''), csvText(t('sv', `esf.name.${key}` as MessageKey)), csvText(t('en', `esf.name.${key}` as MessageKey)), ...cells, csvText(esfNote(r, lang))].join(';'));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** An ESF row's definition, and why its cells are empty when they are. */
export function esfNote(r: EsfRow, lang: Language): string {
  const note = t(lang, `esf.note.${r.indicator.key}` as MessageKey, { youth: LONG_TERM.youthMonths, adult: LONG_TERM.adultMonths, age: LONG_TERM.youthBelowAge });
  return r.empty === 'absent' ? `${note} ${t(lang, 'esf.absent', { needs: r.indicator.needs })}` : note;
}

export const ESF_FILE = 'esf-indicators.csv';
