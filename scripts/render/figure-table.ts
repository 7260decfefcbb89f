// A table of computed figures, placed in the narrative with {% table "id" %}: one row per unit
// (with its status when the configuration gives one, so a provider's status is read as text),
// one column per gender under each figure's label. Cells are formatted like citations; a
// suppressed cell shows the suppression mark. Pure: figures in, strings out.
import type { Config, FigureTableConfig } from '../config/schema.ts';
import type { Figure } from '../publish/indicators-schema.ts';
import { t, type Language } from '../messages.ts';
import { formatFigure, legendLines } from '../format.ts';
import { renderError } from '../problem-messages.ts';

export interface TableView {
  id: string;
  caption: string;
  /** Header of the unit column: what a unit is called in this project. */
  unitHeader: string;
  /** First header row: the unit column(s), then each figure's label spanning its gender columns. */
  groups: { label: string; span: number }[];
  /** Second header row (gender names), under the groups. */
  headers: string[];
  /** Row header (unit), optional status, then the cells. */
  rows: { unit: string; status: string | null; cells: string[]; total: boolean }[];
  hasStatus: boolean;
  /** What the marks in the cells mean (suppressed, few persons). */
  notes: string[];
}

const GENDERS = ['woman', 'man', 'other', 'all'] as const;

export function figureTableView(table: FigureTableConfig, number: number, figures: Figure[], config: Config, lang: Language): TableView {
  const reported = config.units.items.filter((u) => u.reported);
  const units = table.units ?? [...reported.map((u) => u.name), 'total'];
  const status = new Map(config.units.items.map((u) => [u.name, u.status ?? null]));
  const hasStatus = units.some((u) => status.get(u));
  const byId = new Map<string, Figure[]>();
  for (const f of figures) if (table.figures.includes(f.id) && f.category === undefined) (byId.get(f.id) ?? byId.set(f.id, []).get(f.id)!).push(f);
  const columns = table.figures.map((id) => {
    const figs = byId.get(id);
    if (!figs) throw new Error(renderError.tableFigure(table.id, id));
    // Gender columns the figure has (e.g. no "other" column when nobody has that gender).
    const genders = GENDERS.filter((g) => figs.some((f) => f.gender === g));
    return { id, label: figs[0]!.label, genders, figs };
  });
  const genderLabel = (g: (typeof GENDERS)[number]) => t(lang, g === 'woman' ? 'table.col.women' : g === 'man' ? 'table.col.men' : g === 'other' ? 'table.col.other' : 'table.col.all');
  const unitLabel = (u: string) => (u === 'total' ? t(lang, 'unit.total') : u);
  let flagged = false;
  const view: Omit<TableView, 'notes'> = {
    id: table.id,
    caption: t(lang, 'table.caption', { n: number, title: table.title }),
    unitHeader: config.units.level,
    groups: columns.map((c) => ({ label: c.label, span: c.genders.length })),
    // No gender row when every figure is for all genders only (e.g. costs).
    headers: columns.every((c) => c.genders.length === 1 && c.genders[0] === 'all') ? [] : columns.flatMap((c) => c.genders.map(genderLabel)),
    rows: units.map((u) => ({
      unit: unitLabel(u),
      status: status.get(u) ?? null,
      total: u === 'total',
      cells: columns.flatMap((c) =>
        c.genders.map((g) => {
          const f = c.figs.find((x) => x.unit === u && x.gender === g);
          if (!f) return ''; // not computed: nobody in the base, or no cost row
          const base = f.kind === 'share' ? f.denominator : f.kind === 'mean' || f.kind === 'quantile' ? f.n : undefined;
          const few = table.min_n !== undefined && f.value !== null && base !== undefined && base < table.min_n;
          flagged ||= few;
          return few ? `${formatFigure(f, lang)} ${t(lang, 'chart.intervals.small_mark')}` : formatFigure(f, lang);
        }),
      ),
    })),
    hasStatus,
  };
  const notes = [
    ...legendLines(view.rows.flatMap((r) => r.cells), lang, config.disclosure.min_count),
    ...(flagged ? [t(lang, 'table.small_note', { mark: t(lang, 'chart.intervals.small_mark'), min: table.min_n! })] : []),
  ];
  return { ...view, notes };
}
