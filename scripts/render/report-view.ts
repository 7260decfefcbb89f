// Everything a report page shows, prepared for the templates: formatted strings and trusted
// HTML only (narrative from markdown-it with raw HTML off, SVG from the chart renderer).
// Templates only loop and place; no formatting or logic happens there.
import { readFileSync } from 'node:fs';
import { inputFileProblem } from '../read/input-file.ts';
import { dirname, join } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { ChangesView } from './previous-version.ts';
import { DAC_CRITERIA } from '../config/schema.ts';
import { formatCoefficient, formatDate, formatFigure, formatNumber, formatPercent, hiddenMark, isNumericColumn } from '../format.ts';
import type { Figure, GoalResult, Indicators, ModelSummary } from '../publish/indicators-schema.ts';
import { messages, t, type Language, type MessageKey } from '../messages.ts';
import { renderInline, renderNarrative, type Citations, type Part } from './narrative.ts';
import type { Problem } from '../problems.ts';
import { InputError } from '../problems.ts';
import { figureLookup } from '../engine/figure-lookup.ts';
import { figureTableView, type TableView } from './figure-table.ts';
import { escapeHtml } from './html.ts';
import { captionNarrativeTables, printableEmphasis } from './printable-html.ts';
import { esfView, type EsfView } from './esf-view.ts';
import { brandingView, type BrandingView } from './branding.ts';
import { narrativeText } from '../problem-messages.ts';

export interface ChartView {
  id: string;
  number: number;
  title: string;
  description: string;
  svg: string;
  /** The chart drawn for a phone's width, shown instead of `svg` on small screens. */
  svgNarrow: string;
  /** `numeric[i]`: column i holds numbers (aligned right). */
  table: { caption: string; headers: string[]; rows: string[][]; numeric?: boolean[] };
  csvFile: string;
  footnotes: string[];
}

export interface ModelView {
  caption: string;
  /** The estimate column's header: "Koefficient", or the unit of a linear probability model's effects. */
  estimateHeader: string;
  rows: { label: string; estimate: string; se: string; interval: string; p: string }[];
  facts: string[];
  message: string | null;
}

export interface SectionView {
  id: string;
  title: string;
  number: string;
  criterion: { label: string; dac: string | null } | null;
  appendix: boolean;
  parts: Part[];
}

export interface GoalRowView {
  goal: string;
  unit: string;
  target: string;
  result: string;
  interval: string;
  status: string;
  statusClass: 'met' | 'not-met' | 'not-measured' | 'suppressed';
  /** Why a goal is not measured: shown across the value columns. */
  reason: string | null;
  /** First row of a goal: the goal's label spans its rows. */
  first: boolean;
  span: number;
}

export interface ReportView {
  slug: string;
  lang: Language;
  title: string;
  subtitle: string | null;
  facts: { label: string; value: string }[];
  period: string;
  sections: SectionView[];
  toc: { id: string; title: string; number: string }[];
  charts: Record<string, ChartView>;
  models: Record<string, ModelView>;
  tables: Record<string, TableView>;
  goals: GoalRowView[];
  questions: { question: string; criterion: string; answerHtml: string }[];
  /** `total` is null when no method states its hours: the hours column is then left out. */
  methods: { rows: { method: string; description: string; hours: string }[]; total: string | null } | null;
  theoryOfChange: { title: string; boxes: { text: string; goal: string | null; statuses: { text: string; statusClass: string }[]; statusClass: string }[] }[] | null;
  quality: { checks: { severity: string; severityClass: string; message: string }[]; suppressed: { figure: string; category: string; count: string; where: string }[]; suppressedCaption: string };
  about: { inputs: { file: string; table: string; rows: string; encoding: string; sha256: string }[]; built: string; tool: string; threshold: string };
  downloads: { pdf: string; json: string; esf: string; csvs: { file: string; label: string }[] };
  /** Generated appendices after the narrative ones: data quality, and about the data. */
  appendices: { quality: { id: string; title: string }; about: { id: string; title: string }; changes?: { id: string; title: string }; esf: { id: string; title: string } };
  /** The ESF+ indicators (the last appendix). */
  esf: EsfView;
  /** A notice shown above the report, e.g. that the project has no data yet. */
  notice: string | null;
  /** Said on the index, the cover, every page's header and the summary when the data are made up. */
  synthetic: { text: string; short: string } | null;
  /** The page's and the PDF's metadata (<meta> author, description, keywords, generator). */
  meta: { author: string; description: string; keywords: string; generator: string };
  changes: ChangesView | null;
  /** The EU emblem with its statement (ESF+), the logos and the accent colour. */
  branding: BrandingView;
  /** The fixed texts of the report's language, for the templates. */
  m: Readonly<Record<string, string>>;
}


/**
 * Hidden values grouped by figure (and category): how many, and where as "unit (genders)". One
 * row per figure keeps the appendix short when a report with many small units hides hundreds.
 */
function suppressedSummary(figures: Figure[], unitLabel: (u: string) => string, genderLabel: (g: string) => string, lang: Language): { figure: string; category: string; count: string; where: string }[] {
  const groups = new Map<string, { figure: string; category: string; n: number; units: Map<string, string[]> }>();
  for (const f of figures) {
    if (!f.suppressed) continue;
    const key = `${f.id}\u0000${f.category ?? ''}`;
    const g = groups.get(key) ?? groups.set(key, { figure: f.label, category: f.category_label ?? f.category ?? '', n: 0, units: new Map() }).get(key)!;
    g.n++;
    (g.units.get(f.unit) ?? g.units.set(f.unit, []).get(f.unit)!).push(genderLabel(f.gender));
  }
  return [...groups.values()].map((g) => ({
    figure: g.figure,
    category: g.category,
    count: formatNumber(g.n, lang),
    where: [...g.units].map(([u, genders]) => `${unitLabel(u)} (${genders.join(', ')})`).join('; '),
  }));
}

function formatTarget(g: GoalResult, lang: Language, isShare: boolean): string {
  const v = (x: number) => (isShare ? formatPercent(x, lang) : formatNumber(x, lang));
  const tg = g.target!;
  if (tg.op === 'between') return `${t(lang, 'goals.between')} ${v(tg.min!)} ${t(lang, 'goals.and')} ${v(tg.max!)}`;
  return `${t(lang, tg.op === '>=' ? 'goals.at_least' : 'goals.at_most')} ${v(tg.value!)}`;
}

export function makeCitations(ind: Indicators, unitNames: Set<string>): Citations {
  const lang = ind.report.language;
  const find = figureLookup(ind.figures);
  const ids = new Set(ind.figures.map((f) => f.id));
  const goals = new Map(ind.goals.map((g) => [g.id, g]));
  return {
    fig(id, unit = 'total', gender = 'all', part = 'value', category = '') {
      if (!ids.has(id)) throw new Error(narrativeText.figureId(id));
      if (unit !== 'total' && !unitNames.has(unit)) throw new Error(narrativeText.unitOrTotal(unit, unitNames));
      if (!['value', 'numerator', 'denominator', 'percent'].includes(part)) throw new Error(narrativeText.figurePart(part));
      const f = find(id, unit, gender, category);
      if (!f) throw new Error(narrativeText.figureNotComputed(id, unit, gender, category));
      return formatFigure(f, lang, part);
    },
    goal(id, unit = 'total') {
      const g = goals.get(id);
      if (!g) throw new Error(narrativeText.goalIdCited(id, goals.keys()));
      if (!g.measured) return t(lang, 'goals.not_measured');
      const r = g.results.find((x) => x.unit === unit);
      if (!r) throw new Error(narrativeText.goalUnit(id, unit, g.results.map((x) => x.unit)));
      return t(lang, r.met === null ? 'goals.suppressed' : r.met ? 'goals.met' : 'goals.not_met');
    },
  };
}

/** What the report says of a model that could not be estimated, by the estimator's status. */
const MODEL_STATUS = {
  'insufficient-data': 'model.status.insufficient-data',
  separation: 'model.status.separation',
  'not-converged': 'model.status.not-converged',
} as const satisfies Record<string, MessageKey>;

export function modelView(mod: ModelSummary, ind: Indicators, lang: Language): ModelView {
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const coefs = ind.figures.filter((f) => f.id.startsWith(`model.${mod.id}.`) && f.id !== `model.${mod.id}.r2`);
  const facts = [
    m('model.n', { n: formatNumber(mod.n, lang), dropped: formatNumber(mod.dropped.rows, lang) }),
    ...(mod.r2 === null ? [] : [m(mod.estimator === 'logit' ? 'model.pseudo_r2' : 'model.r2', { r2: formatNumber(mod.r2, lang, 3) })]),
    m(mod.estimator === 'logit' ? 'model.se_ml' : 'model.se_robust', { se: mod.se }),
    ...mod.excluded.map((e) => m('model.excluded', { name: e.name, reason: m(e.reason === 'constant' ? 'model.constant' : 'model.collinear') })),
  ];
  return {
    caption: `${mod.label} (${m(mod.estimator === 'logit' ? 'model.logit' : 'model.lpm')})`,
    estimateHeader: m(coefs.some((f) => f.scale === 'probability') ? 'model.estimate_pp' : 'model.estimate'),
    rows: coefs.map((f) => ({
      label: f.label,
      estimate: formatCoefficient(f.value!, f, lang),
      se: formatCoefficient(f.se!, f, lang),
      interval: `${formatCoefficient(f.ci95![0], f, lang)} – ${formatCoefficient(f.ci95![1], f, lang)}`,
      p: f.p! < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : formatNumber(f.p!, lang, 3),
    })),
    facts,
    // In the report's language; the estimator's own English detail stays in indicators.json.
    message: mod.status === 'ok' ? null : m(MODEL_STATUS[mod.status as keyof typeof MODEL_STATUS] ?? 'model.status.insufficient-data'),
  };
}

export interface ViewInputs {
  config: Config;
  indicators: Indicators;
  /** Folder of the project's narrative (content/<slug>/) and how to name it in messages. */
  contentDir: string;
  contentShown: string;
  charts: Omit<ChartView, 'number' | 'csvFile'>[];
  csvFiles: string[];
  /** A notice shown above the report (no data yet). */
  notice?: string | null;
  /** The appendix of changes since the previous version, when the configuration names one. */
  changes?: ChangesView | null;
}

/** What every step of the page model uses: the language's texts, unit labels, citations and criteria. */
interface ViewContext {
  lang: Language;
  m: (key: MessageKey, params?: Record<string, string | number>) => string;
  unitLabel: (u: string) => string;
  citations: Citations;
  criterionView: (id: string | undefined) => { label: string; dac: string | null } | null;
}

function viewContext(config: Config, ind: Indicators): ViewContext {
  const lang = ind.report.language;
  const m = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const reported = new Set(ind.report.units.filter((u) => u.reported).map((u) => u.name));
  const criteria = new Map(
    (config.criteria ?? DAC_CRITERIA.map((id) => ({ id, label: m(`criterion.${id}` as MessageKey), dac: id }))).map((c) => [c.id, c]),
  );
  const criterionView = (id: string | undefined) => {
    const c = id ? criteria.get(id) : undefined;
    return c ? { label: c.label, dac: c.dac ? m(`criterion.${c.dac}` as MessageKey) : null } : null;
  };
  return { lang, m, unitLabel: (u) => (u === 'total' ? m('unit.total') : u), citations: makeCitations(ind, reported), criterionView };
}

/** Sections are numbered 1, 2, … and appendices A, B, …; the generated appendices go on from the narrative's. */
interface Numbering { main: number; appendix: number }

/** One narrative section: read, rendered, its tables captioned, its heading numbered and tagged with its criterion; undefined after a problem. */
function sectionView(input: ViewInputs, s: Config['sections'][number], ctx: ViewContext, usedIds: Set<string>, numbering: Numbering, problems: Problem[]): SectionView | undefined {
  const { m } = ctx;
  const file = join(input.contentDir, s.file);
  const shown = `${input.contentShown}/${s.file}`;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    // A folder where the file should be is named as such (the same problem check reports).
    problems.push(inputFileProblem(file, dirname(dirname(input.contentDir)), shown) ?? { file: shown, expected: narrativeText.sectionFile });
    return undefined;
  }
  const chartIds = new Set(input.charts.map((c) => c.id));
  const r = renderNarrative(shown, source, ctx.citations, chartIds, usedIds, '', new Set(input.indicators.models.map((x) => x.id)), new Set(input.config.figure_tables.map((x) => x.id)));
  if ('problems' in r) {
    problems.push(...r.problems);
    return undefined;
  }
  for (const part of r.parts)
    if (part.kind === 'html') {
      const t = captionNarrativeTables(part.html);
      part.html = t.html;
      if (t.uncaptioned > 0) problems.push({ file: shown, value: `${t.uncaptioned} table(s)`, expected: narrativeText.tableCaption });
    }
  const number = s.appendix ? String.fromCharCode(65 + numbering.appendix++) : String(++numbering.main);
  const criterion = ctx.criterionView(s.criterion);
  const [first] = r.parts;
  // An appendix's heading carries its prefix ("Bilaga A."), as the generated appendices and the
  // table of contents do, so the page, its PDF bookmark and the contents read alike.
  if (s.appendix && first?.kind === 'html') first.html = first.html.replace(/(<h2[^>]*>)/, `$1${escapeHtml(`${m('report.appendix')} ${number}.`)} `);
  // The criterion tag goes right under the section heading (the first part always starts with it).
  if (criterion && first?.kind === 'html')
    first.html = first.html.replace('</h2>', `</h2>\n<p class="criterion"><span class="label">${escapeHtml(m('report.criterion'))}:</span> ${escapeHtml(criterion.label)}${criterion.dac ? ` <span class="dac">(${escapeHtml(m('report.dac'))}: ${escapeHtml(criterion.dac.toLowerCase())})</span>` : ''}</p>`);
  return { id: r.headings[0]!.id, title: r.title, number, criterion, appendix: s.appendix, parts: r.parts };
}

/** The evaluation questions with their answers rendered; an answer that fails is a problem at its key. */
function questionViews(input: ViewInputs, ctx: ViewContext, problems: Problem[]): ReportView['questions'] {
  return input.config.evaluation_questions.map((q, i) => {
    try {
      return { question: q.question, criterion: ctx.criterionView(q.criterion)?.label ?? q.criterion, answerHtml: printableEmphasis(renderInline(q.answer, ctx.citations)) };
    } catch (err) {
      problems.push({ file: `${input.contentShown}/report.yaml`, column: `evaluation_questions[${i}].answer`, expected: (err as Error).message.replace(/^\(unknown path\) \[Line \d+, Column \d+\]\s*(\w*Error:\s*)?/, '') });
      return { question: q.question, criterion: '', answerHtml: '' };
    }
  });
}

/** Charts and figure tables, each numbered in the order the narrative places them. */
function placedChartsAndTables(input: ViewInputs, sections: SectionView[], lang: Language): Pick<ReportView, 'charts' | 'tables'> {
  let chartNumber = 0;
  const charts: Record<string, ChartView> = {};
  const tables: Record<string, TableView> = {};
  for (const s of sections)
    for (const p of s.parts) {
      if (p.kind === 'chart' && !charts[p.id]) {
        const c = input.charts.find((x) => x.id === p.id)!;
        const numeric = c.table.headers.map((_, i) => i > 0 && isNumericColumn(c.table.rows.map((row) => row[i] ?? '')));
        charts[p.id] = { ...c, table: { ...c.table, numeric }, number: ++chartNumber, csvFile: `data/chart-${c.id}.csv` };
      }
      if (p.kind === 'table' && !tables[p.id]) tables[p.id] = figureTableView(input.config.figure_tables.find((x) => x.id === p.id)!, Object.keys(tables).length + 1, input.indicators.figures, input.config, lang);
    }
  return { charts, tables };
}

/** The goals table: a row per goal and unit (one row for a goal not measured). */
function goalRows(ind: Indicators, ctx: ViewContext): GoalRowView[] {
  const { m, lang } = ctx;
  return ind.goals.flatMap((g) => {
    if (!g.measured) return [{ goal: g.label, unit: m('unit.total'), target: '–', result: '–', interval: '–', status: m('goals.not_measured'), statusClass: 'not-measured' as const, reason: g.reason ?? '', first: true, span: 1 }];
    const isShare = ind.figures.find((f) => f.id === g.figure)?.kind === 'share';
    return g.results.map((r, i): GoalRowView => ({
      goal: g.label,
      unit: ctx.unitLabel(r.unit),
      target: formatTarget(g, lang, isShare),
      result: r.value === null ? hiddenMark(r) : isShare ? formatPercent(r.value, lang) : formatNumber(r.value, lang),
      interval: r.ci95 ? `${formatPercent(r.ci95[0], lang)} – ${formatPercent(r.ci95[1], lang)}` : '–',
      status: m(r.met === null ? 'goals.suppressed' : r.met ? 'goals.met' : 'goals.not_met'),
      statusClass: r.met === null ? 'suppressed' : r.met ? 'met' : 'not-met',
      reason: null,
      first: i === 0,
      span: g.results.length,
    }));
  });
}

/** The theory of change's four columns, each box with the status of the goal it names. */
function theoryOfChangeView(config: Config, ind: Indicators, ctx: ViewContext): ReportView['theoryOfChange'] {
  const { m } = ctx;
  const goalById = new Map(ind.goals.map((g) => [g.id, g]));
  const resultClass = (met: boolean | null) => (met === null ? 'suppressed' : met ? 'met' : 'not-met');
  // Each unit's status carries its own mark; the box is coloured by the project's (total) result.
  const boxStatus = (goalId: string | undefined) => {
    const g = goalId ? goalById.get(goalId) : undefined;
    if (!g) return { goal: null, statuses: [], statusClass: '' };
    if (!g.measured) return { goal: g.label, statuses: [{ text: m('goals.not_measured'), statusClass: 'not-measured' }], statusClass: 'not-measured' };
    const statuses = g.results.map((r) => ({ text: `${ctx.unitLabel(r.unit)}: ${m(r.met === null ? 'goals.suppressed' : r.met ? 'goals.met' : 'goals.not_met')}`, statusClass: resultClass(r.met) }));
    const total = g.results.find((r) => r.unit === 'total') ?? g.results.at(-1);
    return { goal: g.label, statuses, statusClass: total ? resultClass(total.met) : '' };
  };
  const toc = config.theory_of_change;
  return toc ? (['activities', 'outputs', 'outcomes', 'impacts'] as const).map((col) => ({ title: m(`toc.${col}`), boxes: toc[col].map((b) => ({ text: b.text, ...boxStatus(b.goal) })) })) : null;
}

/** The generated appendices, lettered on from the narrative's. */
function generatedAppendices(ctx: ViewContext, numbering: Numbering, changes: boolean): ReportView['appendices'] {
  const appendixTitle = (key: 'quality.title' | 'about.title' | 'changes.title' | 'esf.title') => `${ctx.m('report.appendix')} ${String.fromCharCode(65 + numbering.appendix++)}. ${ctx.m(key)}`;
  return {
    quality: { id: 'bilaga-datakvalitet', title: appendixTitle('quality.title') },
    about: { id: 'bilaga-om-underlaget', title: appendixTitle('about.title') },
    ...(changes ? { changes: { id: 'bilaga-andringar', title: appendixTitle('changes.title') } } : {}),
    esf: { id: 'bilaga-esf', title: appendixTitle('esf.title') },
  };
}

/** The title page's facts: who commissioned, evaluated and wrote the report, when, and the period. */
function titleFacts(ind: Indicators, ctx: ViewContext): ReportView['facts'] {
  const { m, lang } = ctx;
  const r = ind.report;
  return [
    { label: m('report.commissioner'), value: r.commissioner },
    { label: m('report.evaluator'), value: r.evaluator },
    { label: m('report.authors'), value: r.authors.join(', ') },
    { label: m('report.date'), value: formatDate(r.date, lang) },
    ...(r.reference ? [{ label: m('report.reference'), value: r.reference }] : []),
    { label: m('report.period'), value: `${formatDate(r.period.from, lang)} – ${formatDate(r.period.to, lang)}` },
  ];
}

/** The methods table, with the hours summed where any are given. */
function methodsView(config: Config, lang: Language): ReportView['methods'] {
  if (!config.methods.length) return null;
  const total = config.methods.reduce((s, x) => s + (x.hours ?? 0), 0);
  return {
    rows: config.methods.map((x) => ({ method: x.method, description: x.description ?? '', hours: x.hours === undefined ? '–' : formatNumber(x.hours, lang) })),
    total: config.methods.some((x) => x.hours !== undefined) ? formatNumber(total, lang) : null,
  };
}

/** The data-quality and about-the-data appendices. */
function qualityAndAbout(ind: Indicators, ctx: ViewContext): Pick<ReportView, 'quality' | 'about'> {
  const { m, lang } = ctx;
  const k = ind.report.disclosure.min_count;
  return {
    quality: {
      checks: ind.checks.map((c) => ({ severity: m(`quality.${c.severity}`), severityClass: c.severity, message: c.message })),
      suppressed: suppressedSummary(ind.figures, ctx.unitLabel, (g) => m(`gender.${g}` as MessageKey), lang),
      suppressedCaption: m('quality.suppressed_caption', { n: k }),
    },
    about: {
      inputs: ind.report.inputs.map((i) => ({ file: i.file, table: i.table, rows: formatNumber(i.rows, lang), encoding: i.encoding, sha256: i.sha256 })),
      built: formatDate(ind.report.built_at, lang),
      tool: `${ind.report.tool.name} ${ind.report.tool.version}`,
      threshold: m('about.threshold_text', { n: k }),
    },
  };
}

/** The page's metadata (and the PDF's information dictionary). */
function metaView(config: Config, ind: Indicators, ctx: ViewContext): ReportView['meta'] {
  const { m, lang } = ctx;
  const r = ind.report;
  const description = m('report.description', { title: [r.title, r.subtitle].filter(Boolean).join(': '), kind: m('report.kind'), evaluator: r.evaluator, commissioner: r.commissioner, date: formatDate(r.date, lang) });
  return {
    author: r.authors.join(', '),
    description: [description, ...(config.synthetic ? [m('report.synthetic')] : [])].join(' '),
    keywords: [...config.keywords, r.commissioner, r.evaluator].join(', '),
    generator: `${r.tool.name} ${r.tool.version}`,
  };
}

/** Builds the page model; throws every narrative problem of the report at once. */
export function buildReportView(input: ViewInputs): ReportView {
  const { config, indicators: ind } = input;
  const ctx = viewContext(config, ind);
  const { lang, m } = ctx;
  const problems: Problem[] = [];
  const usedIds = new Set<string>(['innehall', 'main']);
  const numbering: Numbering = { main: 0, appendix: 0 };
  const sections = config.sections.flatMap((s) => sectionView(input, s, ctx, usedIds, numbering, problems) ?? []);
  const questions = questionViews(input, ctx, problems);
  const branding = brandingView(config, lang, input.contentDir, input.contentShown, problems);
  if (problems.length > 0) throw new InputError(problems);
  const appendices = generatedAppendices(ctx, numbering, Boolean(input.changes));
  const period = `${formatDate(ind.report.period.from, lang)} – ${formatDate(ind.report.period.to, lang)}`;
  return {
    slug: ind.report.slug,
    lang,
    title: ind.report.title,
    subtitle: ind.report.subtitle ?? null,
    facts: titleFacts(ind, ctx),
    period,
    sections,
    toc: [
      ...sections.map((s) => ({ id: s.id, title: s.appendix ? `${m('report.appendix')} ${s.number}. ${s.title}` : `${s.number}. ${s.title}`, number: s.number })),
      ...Object.values(appendices).map((a) => ({ id: a.id, title: a.title, number: '' })),
    ],
    appendices,
    ...placedChartsAndTables(input, sections, lang),
    models: Object.fromEntries(ind.models.map((mod) => [mod.id, modelView(mod, ind, lang)])),
    goals: goalRows(ind, ctx),
    questions,
    methods: methodsView(config, lang),
    theoryOfChange: theoryOfChangeView(config, ind, ctx),
    ...qualityAndAbout(ind, ctx),
    downloads: { pdf: `${ind.report.slug}.pdf`, json: 'indicators.json', esf: 'esf-indicators.csv', csvs: input.csvFiles.map((f) => ({ file: `data/${f}`, label: f })) },
    notice: input.notice ?? null,
    synthetic: config.synthetic ? { text: m('report.synthetic'), short: m('report.synthetic_short') } : null,
    meta: metaView(config, ind, ctx),
    changes: input.changes ?? null,
    esf: esfView(config, ind.figures, lang),
    branding,
    m: messages[lang],
  };
}
