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

export function likertChart({ chart, figures, ctx }: Inputs): BuiltChart {
  const questions: Question[] = chart.figures.map((id) => {
    const figs = figuresOf(figures, id, chart.id).filter((f) => f.category !== undefined);
    if (figs.length === 0) throw new Error(renderError.chart(chart.id, renderError.noAnswerCategories(id)));
    const answers: string[] = [];
    for (const f of figs) if (!answers.includes(f.category!)) answers.push(f.category!);
    divergingPalette(answers.length); // throws for an unsupported scale length
    return { id, label: figs[0]!.label, answers, figs };
  });
  const units = chartUnits(chart, ctx).filter((u) => questions.some((q) => q.figs.some((f) => f.unit === u)));
  const answerLabel = (q: Question, a: string) => q.figs.find((f) => f.category === a)?.category_label ?? a;
  const cell = (q: Question, unit: string, a: string) => q.figs.find((f) => f.unit === unit && f.category === a);

  // Panels: questions grouped by identical scale (one unit), or one per question (several).
  const scaleKey = (q: Question) => JSON.stringify(q.answers);
  const groups: { header?: string; rows: Row[] }[] = [];
  if (units.length === 1) {
    for (const q of questions) {
      const last = groups.at(-1);
      const row = { label: q.label, strong: false, question: q, unit: units[0]! };
      if (last && scaleKey(last.rows[0]!.question) === scaleKey(q)) last.rows.push(row);
      else groups.push({ rows: [row] });
    }
  } else {
    for (const q of questions) groups.push({ header: q.label, rows: units.map((u) => ({ label: ctx.unitLabel(u), strong: u === 'total', question: q, unit: u })) });
  }

  const allLabels = groups.flatMap((g) => g.rows.map((r) => r.label));
  const strong = [...new Set(groups.flatMap((g) => g.rows.filter((r) => r.strong).map((r) => r.label)))];
  const frame = frameOf(ctx);
  const labelW = labelColumn(allLabels, new Set(strong), frame);
  const plotW = frame.width - 2 - 2 * PADDING - labelW;
  let suppressed = false;

  const panels = groups.map((g, gi) => {
    const q0 = g.rows[0]!.question;
    const colours = divergingPalette(q0.answers.length);
    const segments: Record<string, unknown>[] = [];
    const ends: Record<string, unknown>[] = [];
    for (const r of g.rows) {
      let x = 0;
      let hidden: Figure | undefined;
      for (const [i, a] of r.question.answers.entries()) {
        const f = cell(r.question, r.unit, a);
        if (!f || f.suppressed || f.value === null) {
          hidden ??= f;
          continue;
        }
        const text = pct(f.value, ctx);
        const colour = colours[i]!;
        const fits = f.value * plotW >= textWidth(text, VALUE_SIZE) + 6;
        segments.push({ row: rowKey(r.label, frame), answer: a, x0: x, x1: x + f.value, mid: x + f.value / 2, text: fits ? text : '', ink: textColourOn(colour) });
        x += f.value;
      }
      if (hidden) {
        suppressed = true;
        ends.push({ row: rowKey(r.label, frame), at: x, text: hiddenMark(hidden) });
      }
    }
    const labels = g.rows.map((r) => r.label);
    const showX = gi === groups.length - 1;
    const layers: Spec[] = [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: xEncoding('x0', DOMAIN, showX),
          x2: { field: 'x1' },
          color: {
            field: 'answer',
            type: 'nominal',
            scale: { domain: q0.answers, range: colours },
            legend: {
              title: null,
              orient: 'top',
              direction: 'horizontal',
              columns: legendColumns(q0.answers.map((a) => answerLabel(q0, a)), plotW),
              labelExpr: legendLabels(q0, answerLabel),
              offset: 6,
            },
          },
        },
      },
      {
        mark: { type: 'text', align: 'center', baseline: 'middle' },
        encoding: { x: xEncoding('mid', DOMAIN, showX), text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ];
    const values = [...segments];
    if (ends.length) {
      layers.push({
        data: { values: ends },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: inkColour },
        encoding: { x: xEncoding('at', DOMAIN, showX), text: { field: 'text' } },
      });
    }
    const spec: Spec = {
      width: plotW,
      height: { step: rowStep(labels, frame) },
      data: { values },
      encoding: { y: rowEncoding(labels, strong.filter((s) => labels.includes(s)), labelW, true, frame) },
      layer: layers,
    };
    if (g.header) spec.title = header(g.header, labelW + plotW);
    return spec;
  });

  // Table and CSV: one row per question, unit and answer (one per mark).
  const multi = units.length > 1;
  const table: string[][] = [];
  const csv: BuiltChart['csv']['rows'] = [];
  for (const q of questions) {
    for (const u of units) {
      for (const a of q.answers) {
        const f = cell(q, u, a);
        if (!f) continue;
        const hidden = f.suppressed || f.value === null;
        table.push([q.label, ...(multi ? [ctx.unitLabel(u)] : []), answerLabel(q, a), hidden ? hiddenMark(f) : pct(f.value!, ctx), f.denominator !== undefined ? num(f.denominator, ctx, 0) : '']);
        csv.push([q.id, q.label, ctx.unitLabel(u), answerLabel(q, a), hidden ? null : f.value, hidden ? null : f.numerator, f.denominator, suppressedCell(f, ctx)]);
      }
    }
  }

  // Description: the most common answer to the first two questions (total, else the first unit).
  const focus = units.includes('total') ? 'total' : units[0];
  const sentences: string[] = [];
  for (const q of questions.slice(0, 2)) {
    const known = q.answers.map((a) => cell(q, focus ?? '', a)).filter((f): f is Figure => !!f && !f.suppressed && f.value !== null);
    const best = known.reduce<Figure | undefined>((m, f) => (!m || f.value! > m.value! ? f : m), undefined);
    if (best) sentences.push(msg(ctx, 'chart.desc.likert.top', { label: q.label.replace(/[?.!:]+$/, ''), answer: answerLabel(q, best.category!), value: pct(best.value!, ctx) }));
  }

  return {
    // One panel per scale, each with its own legend (a single panel needs no concatenation).
    spec: panels.length === 1 ? panels[0]! : { vconcat: panels, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } },
    width: frame.width,
    description: [msg(ctx, 'chart.desc.likert', { n: questions.length, level: levelWord(ctx) }), ...sentences],
    table: {
      headers: [msg(ctx, 'chart.col.question'), ...(multi ? [unitHeader(ctx)] : []), msg(ctx, 'chart.col.answer'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.respondents')],
      rows: table,
    },
    csv: {
      headers: ['id', msg(ctx, 'chart.col.question'), unitHeader(ctx), msg(ctx, 'chart.col.answer'), msg(ctx, 'chart.col.share'), msg(ctx, 'chart.col.numerator'), msg(ctx, 'chart.col.respondents'), msg(ctx, 'chart.col.suppressed')],
      rows: csv,
    },
    suppressed,
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
