// kind "likert": survey questions (each survey.<q> figure with its answers in scale order) as
// 100 % stacked horizontal bars on an ordered diverging palette. A legend names the answers and
// each segment wide enough carries its percentage, so colour is never the only carrier.
// Questions sharing a scale share a panel and a legend. With one unit (usually only the total
// has enough respondents) the rows are the questions; with several, a panel per question holds
// a row per unit.
import type { Figure } from '../../publish/indicators-schema.ts';
import { divergingPalette, inkColour, textColourOn } from '../../palette.ts';
import { chartUnits, figuresOf, levelWord, msg, num, pct, unitHeader, frameOf, type BuiltChart, type Inputs, suppressedCell } from './common.ts';
import { hiddenMark } from '../../format.ts';
import { textWidth } from './fonts.ts';
import { header, labelColumn, rowKey, LABEL_SIZE, PADDING, rowEncoding, rowStep, VALUE_SIZE, xEncoding, type Domain, type Spec } from './layout.ts';
import { renderError } from '../../problem-messages.ts';

const DOMAIN: Domain = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], format: '.0%' };

interface Question {
  id: string;
  label: string;
  answers: string[];
  figs: Figure[];
}

interface Row {
  label: string;
  strong: boolean;
  question: Question;
  unit: string;
}

type Ctx = Inputs['ctx'];
type Frame = ReturnType<typeof frameOf>;
type Group = { header?: string; rows: Row[] };

/** What the panels share: the figures by question, unit and answer, the label column and the plot's width. */
interface Layout {
  cell: (q: Question, unit: string, a: string) => Figure | undefined;
  answerLabel: (q: Question, a: string) => string;
  frame: Frame;
  strong: string[];
  labelW: number;
  plotW: number;
}

/** Each chart figure as a question: its answers in scale order (a supported scale length). */
function questionsOf(chart: Inputs['chart'], figures: Figure[]): Question[] {
  return chart.figures.map((id) => {
    const figs = figuresOf(figures, id, chart.id).filter((f) => f.category !== undefined);
    if (figs.length === 0) throw new Error(renderError.chart(chart.id, renderError.noAnswerCategories(id)));
    const answers: string[] = [];
    for (const f of figs) if (!answers.includes(f.category!)) answers.push(f.category!);
    divergingPalette(answers.length); // throws for an unsupported scale length
    return { id, label: figs[0]!.label, answers, figs };
  });
}

/** Panels: questions grouped by identical scale (one unit), or one per question (several). */
function panelGroups(questions: Question[], units: string[], ctx: Ctx): Group[] {
  const scaleKey = (q: Question) => JSON.stringify(q.answers);
  const groups: Group[] = [];
  if (units.length !== 1) return questions.map((q) => ({ header: q.label, rows: units.map((u) => ({ label: ctx.unitLabel(u), strong: u === 'total', question: q, unit: u })) }));
  for (const q of questions) {
    const last = groups.at(-1);
    const row = { label: q.label, strong: false, question: q, unit: units[0]! };
    if (last && scaleKey(last.rows[0]!.question) === scaleKey(q)) last.rows.push(row);
    else groups.push({ rows: [row] });
  }
  return groups;
}

/** A panel's bar segments (with their percentage where it fits) and the hidden marks at the rows' ends. */
function panelMarks(g: Group, colours: readonly string[], layout: Layout, ctx: Ctx): { segments: Record<string, unknown>[]; ends: Record<string, unknown>[] } {
  const segments: Record<string, unknown>[] = [];
  const ends: Record<string, unknown>[] = [];
  for (const r of g.rows) {
    let x = 0;
    let hidden: Figure | undefined;
    for (const [i, a] of r.question.answers.entries()) {
      const f = layout.cell(r.question, r.unit, a);
      if (!f || f.suppressed || f.value === null) {
        hidden ??= f;
        continue;
      }
      const text = pct(f.value, ctx);
      const colour = colours[i]!;
      const fits = f.value * layout.plotW >= textWidth(text, VALUE_SIZE) + 6;
      segments.push({ row: rowKey(r.label, layout.frame), answer: a, x0: x, x1: x + f.value, mid: x + f.value / 2, text: fits ? text : '', ink: textColourOn(colour) });
      x += f.value;
    }
    if (hidden) ends.push({ row: rowKey(r.label, layout.frame), at: x, text: hiddenMark(hidden) });
  }
  return { segments, ends };
}

/** The layers of a panel: coloured segments with the legend, their percentages, and the hidden marks. */
function panelLayers(q0: Question, colours: readonly string[], layout: Layout, showX: boolean, ends: Record<string, unknown>[]): Spec[] {
  const legend = { title: null, orient: 'top', direction: 'horizontal', columns: legendColumns(q0.answers.map((a) => layout.answerLabel(q0, a)), layout.plotW), labelExpr: legendLabels(q0, layout.answerLabel), offset: 6 };
  const layers: Spec[] = [
    {
      mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
      encoding: { x: xEncoding('x0', DOMAIN, showX), x2: { field: 'x1' }, color: { field: 'answer', type: 'nominal', scale: { domain: q0.answers, range: colours }, legend } },
    },
    {
      mark: { type: 'text', align: 'center', baseline: 'middle' },
      encoding: { x: xEncoding('mid', DOMAIN, showX), text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } },
    },
  ];
  if (ends.length) layers.push({ data: { values: ends }, mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: inkColour }, encoding: { x: xEncoding('at', DOMAIN, showX), text: { field: 'text' } } });
  return layers;
}

/** One panel's spec; `suppressed` when a row has a hidden answer. */
function panelSpec(g: Group, last: boolean, layout: Layout, ctx: Ctx): { spec: Spec; suppressed: boolean } {
  const q0 = g.rows[0]!.question;
  const colours = divergingPalette(q0.answers.length);
  const { segments, ends } = panelMarks(g, colours, layout, ctx);
  const labels = g.rows.map((r) => r.label);
  const spec: Spec = {
    width: layout.plotW,
    height: { step: rowStep(labels, layout.frame) },
    data: { values: [...segments] },
    encoding: { y: rowEncoding(labels, layout.strong.filter((s) => labels.includes(s)), layout.labelW, true, layout.frame) },
    layer: panelLayers(q0, colours, layout, last, ends),
  };
  if (g.header) spec.title = header(g.header, layout.labelW + layout.plotW);
  return { spec, suppressed: ends.length > 0 };
}

/** Table and CSV: one row per question, unit and answer (one per mark). */
function likertRows(questions: Question[], units: string[], layout: Layout, ctx: Ctx): { table: string[][]; csv: BuiltChart['csv']['rows'] } {
  const multi = units.length > 1;
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  for (const q of questions)
    for (const u of units)
      for (const a of q.answers) {
        const f = layout.cell(q, u, a);
        if (!f) continue;
        const hidden = f.suppressed || f.value === null;
        const label = layout.answerLabel(q, a);
        table.push([q.label, ...(multi ? [ctx.unitLabel(u)] : []), label, hidden ? hiddenMark(f) : pct(f.value!, ctx), f.denominator !== undefined ? num(f.denominator, ctx, 0) : '']);
        csv.push([q.id, q.label, ctx.unitLabel(u), label, hidden ? null : f.value, hidden ? null : f.numerator, f.denominator, suppressedCell(f, ctx)]);
      }
  return { table, csv };
}

/** Description: the most common answer to the first two questions (total, else the first unit). */
function topAnswers(questions: Question[], units: string[], layout: Layout, ctx: Ctx): string[] {
  const focus = units.includes('total') ? 'total' : units[0];
  const sentences: string[] = [];
  for (const q of questions.slice(0, 2)) {
    const known = q.answers.map((a) => layout.cell(q, focus ?? '', a)).filter((f): f is Figure => !!f && !f.suppressed && f.value !== null);
    const best = known.reduce<Figure | undefined>((m, f) => (!m || f.value! > m.value! ? f : m), undefined);
    if (best) sentences.push(msg(ctx, 'chart.desc.likert.top', { label: q.label.replace(/[?.!:]+$/, ''), answer: layout.answerLabel(q, best.category!), value: pct(best.value!, ctx) }));
  }
  return sentences;
}

export function likertChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const questions = questionsOf(chart, figures);
  const units = chartUnits(chart, ctx).filter((u) => questions.some((q) => q.figs.some((f) => f.unit === u)));
  const groups = panelGroups(questions, units, ctx);
  const allLabels = groups.flatMap((g) => g.rows.map((r) => r.label));
  const strong = [...new Set(groups.flatMap((g) => g.rows.filter((r) => r.strong).map((r) => r.label)))];
  const frame = frameOf(ctx);
  const labelW = labelColumn(allLabels, new Set(strong), frame);
  const layout: Layout = {
    cell: (q, unit, a) => q.figs.find((f) => f.unit === unit && f.category === a),
    answerLabel: (q, a) => q.figs.find((f) => f.category === a)?.category_label ?? a,
    frame,
    strong,
    labelW,
    plotW: frame.width - 2 - 2 * PADDING - labelW,
  };
  const panels = groups.map((g, gi) => panelSpec(g, gi === groups.length - 1, layout, ctx));
  const { table, csv } = likertRows(questions, units, layout, ctx);
  const multi = units.length > 1;
  return {
    // One panel per scale, each with its own legend (a single panel needs no concatenation).
    spec: panels.length === 1 ? panels[0]!.spec : { vconcat: panels.map((p) => p.spec), resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } },
    width: frame.width,
    description: [msg(ctx, 'chart.desc.likert', { n: questions.length, level: levelWord(ctx) }), ...topAnswers(questions, units, layout, ctx)],
    table: {
      headers: [msg(ctx, 'chart.col.question'), ...(multi ? [unitHeader(ctx)] : []), msg(ctx, 'chart.col.answer'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.respondents')],
      rows: table,
    },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.question'), unitHeader(ctx), msg(ctx, 'chart.col.answer'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.respondents'), msg(ctx, 'chart.col.suppressed')],
      rows: csv,
    },
    suppressed: panels.some((p) => p.suppressed),
  };
}

/** Answer codes → their labels in the legend. */
function legendLabels(q: Question, label: (q: Question, a: string) => string): string {
  const map = Object.fromEntries(q.answers.map((a) => [a, label(q, a)]));
  return `${JSON.stringify(map)}[datum.label] || datum.label`;
}

/** As many legend entries per line as fit the width (the legend starts at the plot, right of the row labels). */
function legendColumns(labels: string[], width: number): number {
  const entry = Math.max(...labels.map((l) => textWidth(l, LABEL_SIZE))) + 16 + 10;
  return Math.max(1, Math.min(labels.length, Math.floor(width / entry)));
}
