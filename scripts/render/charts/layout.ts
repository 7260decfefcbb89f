// Shared layout for the horizontal bar charts: panels (a header and one bar per row) stacked
// vertically or in a grid, one shared x scale, value labels at the bar ends, and widths computed
// from measured text so the whole chart fits an A4 text column (MAX_WIDTH).
import { barColour, gridColour, inkColour, mutedInk, targetColour, totalColour } from '../../palette.ts';
import { FONT_CSS, textWidth, wrapText } from './fonts.ts';

export const MAX_WIDTH = 640;
/** The narrow drawing shown on phones: it fits a 320 px screen's text column at its own size. */
export const NARROW_WIDTH = 284;
export const PADDING = 4;
export const LABEL_SIZE = 12;
export const VALUE_SIZE = 12;
export const HEADER_SIZE = 13;
export const AXIS_SIZE = 12;
/** Row labels longer than this wrap onto more lines. */
export const LABEL_MAX = 230;
const LABEL_PAD = 8;
const VALUE_GAP = 4;
const LINE_HEIGHT = 14;
const PANEL_SPACING = 16;
export const COLUMN_SPACING = 20;

/** A Vega-Lite spec as plain JSON (validated against the Vega-Lite JSON Schema in the tests). */
export type Spec = Record<string, unknown>;

/**
 * The width a chart is drawn for, and where its row labels wrap. Charts are drawn twice, for the
 * A4 column and the desktop (WIDE) and for phones (NARROW), so that text is never scaled down.
 */
export interface Frame {
  width: number;
  labelMax: number;
}
export const WIDE: Frame = { width: MAX_WIDTH, labelMax: LABEL_MAX };
export const NARROW: Frame = { width: NARROW_WIDTH, labelMax: 110 };

export interface BarRow {
  /** Row label as shown on the axis (may be wrapped into lines). */
  label: string;
  value: number | null;
  lo?: number | null;
  hi?: number | null;
  /** The value label: "22 %", "3,9", or "–" when suppressed. */
  text: string;
  colour?: string;
  /** Bold row label (the total). */
  strong?: boolean;
  /** Goals: "uppnått" / "inte uppnått", in a column right of the plot. */
  status?: string;
}

export interface Target {
  value?: number;
  min?: number;
  max?: number;
  label: string;
}

export interface Panel {
  header?: string;
  rows: BarRow[];
  target?: Target;
}

export type Scale = 'share' | 'number';

export interface BarLayoutOptions {
  panels: Panel[];
  scale: Scale;
  /** Panels side by side (distribution); row labels only in the first column. */
  columns?: number;
  /** Reserve a status column right of the plot (goals). */
  status?: boolean;
  /** Draw the interval (lo–hi) whiskers. */
  intervals?: boolean;
  /** The width drawn for; WIDE unless given. */
  frame?: Frame;
}

/** The text measured for a row label, wrapped at LABEL_MAX. */
export function labelLines(label: string, frame: Frame = WIDE): string[] {
  return wrapText(label, frame.labelMax, LABEL_SIZE);
}

/** The y value of a row: its label wrapped into lines (rowEncoding splits it again). */
export function rowKey(label: string, frame: Frame = WIDE): string {
  return labelLines(label, frame).join('\n');
}

/** Width of the row-label column (labels plus padding). */
export function labelColumn(labels: string[], strong: Set<string> = new Set(), frame: Frame = WIDE): number {
  let w = 0;
  for (const l of labels) for (const line of labelLines(l, frame)) w = Math.max(w, textWidth(line, LABEL_SIZE, strong.has(l)));
  return Math.ceil(w) + LABEL_PAD;
}

/** A round tick step; counts (integer values) step by whole numbers, never 2.5 persons. */
function niceStep(span: number, share: boolean, count = 5, integer = false): number {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = (integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]).map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return share ? Math.max(step, 0.05) : integer ? Math.max(1, Math.round(step)) : step;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

export interface Domain {
  domain: [number, number];
  ticks: number[];
  format: string;
}

interface Anchor {
  at: number;
  width: number;
}

/**
 * An x domain starting at zero (or below, for negative values) that holds every value, interval
 * and target, and leaves room for each value label (text width + gap) inside the plot width.
 */
export function computeDomain(values: number[], anchors: Anchor[], plotWidth: number, scale: Scale): Domain {
  const share = scale === 'share';
  const integer = !share && values.every((v) => Number.isInteger(v));
  // About one tick per 70 px, at least two intervals.
  const count = Math.max(2, Math.min(6, Math.floor(plotWidth / 70)));
  let d0 = Math.min(0, ...values);
  let d1 = Math.max(0, ...values, share ? 0.1 : 0);
  if (d1 === d0) d1 = d0 + 1;
  for (let pass = 0; pass < 3; pass++) {
    for (const a of anchors) {
      const room = plotWidth - VALUE_GAP - a.width;
      if (room <= 0) continue;
      if (a.at >= 0) d1 = Math.max(d1, d0 + ((a.at - d0) * plotWidth) / room);
      else d0 = Math.min(d0, d1 - ((d1 - a.at) * plotWidth) / room);
    }
    const step = niceStep(d1 - d0, share, count, integer);
    d1 = round(Math.ceil(round(d1 / step)) * step);
    d0 = round(Math.floor(round(d0 / step)) * step);
  }
  const step = niceStep(d1 - d0, share, count, integer);
  const ticks: number[] = [];
  for (let v = round(Math.ceil(d0 / step) * step); v <= d1 + 1e-9; v = round(v + step)) {
    if (!share || (v >= 0 && v <= 1 + 1e-9)) ticks.push(v);
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) + (Math.abs(step / 10 ** Math.floor(Math.log10(step)) - 2.5) < 1e-9 ? 1 : 0);
  const format = share ? `.${Math.max(0, decimals - 2)}%` : `,.${decimals}~f`;
  return { domain: [d0, d1], ticks, format };
}

/** Vega-Lite `config` common to every chart (locale and aria are added by render.ts). */
export function baseConfig(): Spec {
  return {
    font: FONT_CSS,
    background: 'white',
    padding: PADDING,
    view: { stroke: null },
    axis: { labelFontSize: AXIS_SIZE, labelColor: inkColour, titleFontSize: AXIS_SIZE, gridColor: gridColour, domainColor: mutedInk, tickColor: mutedInk },
    title: { fontSize: HEADER_SIZE, fontWeight: 'bold', color: inkColour, anchor: 'start', frame: 'bounds', offset: 6 },
    text: { fontSize: VALUE_SIZE, color: inkColour },
    legend: { labelFontSize: LABEL_SIZE, labelColor: inkColour, titleFontSize: LABEL_SIZE, symbolType: 'square', symbolSize: 140, symbolStrokeWidth: 0 },
    concat: { spacing: PANEL_SPACING },
  };
}

/** Header of a panel as a Vega-Lite title (wrapped to the panel's width). */
export function header(text: string, width: number): Spec {
  return { text: wrapText(text, width, HEADER_SIZE, true) };
}

/** The y (row) encoding: labels wrapped into lines, the total in bold, no ticks or domain. */
export function rowEncoding(labels: string[], strong: string[], extent: number, showLabels = true, frame: Frame = WIDE): Spec {
  const wrapped = labels.map((l) => rowKey(l, frame));
  const strongWrapped = strong.map((l) => rowKey(l, frame));
  return {
    field: 'row',
    type: 'nominal',
    sort: wrapped,
    title: null,
    scale: { paddingInner: 0.3, paddingOuter: 0.2 },
    axis: {
      labels: showLabels,
      ticks: false,
      domain: false,
      labelFontSize: LABEL_SIZE,
      labelLimit: 0,
      labelPadding: LABEL_PAD,
      labelLineHeight: LINE_HEIGHT,
      labelExpr: "split(datum.label, '\\n')",
      labelFontWeight: { condition: { test: `indexof(${JSON.stringify(strongWrapped)}, datum.value) >= 0`, value: 'bold' }, value: 'normal' },
      minExtent: showLabels ? extent : 0,
      maxExtent: showLabels ? extent : 0,
    },
  };
}

/** Height of one row: taller when a label wraps. */
export function rowStep(labels: string[], frame: Frame = WIDE): number {
  const lines = Math.max(1, ...labels.map((l) => labelLines(l, frame).length));
  return Math.max(24, lines * LINE_HEIGHT + 10);
}

export function xEncoding(field: string, d: Domain, showLabels: boolean): Spec {
  return {
    field,
    type: 'quantitative',
    title: null,
    scale: { domain: d.domain, nice: false, zero: false },
    axis: {
      values: d.ticks,
      format: d.format,
      labels: showLabels,
      ticks: false,
      domain: false,
      grid: true,
      labelFlush: true,
      labelPadding: 4,
    },
  };
}

const anchorOf = (r: BarRow) => (r.value === null ? 0 : r.value >= 0 ? Math.max(r.value, r.hi ?? r.value) : Math.min(r.value, r.lo ?? r.value));

/** Measured width of each value label and where it starts, for the domain. */
function anchors(panels: Panel[]): Anchor[] {
  return panels.flatMap((p) => p.rows.map((r) => ({ at: anchorOf(r), width: textWidth(r.text, VALUE_SIZE) })));
}

/** All panels' rows as one inline data set; the first row of a panel carries its header and target. */
function rowData(panels: Panel[], headerWidth: number, frame: Frame, headerLines = 0): Record<string, unknown>[] {
  return panels.flatMap((p, i) =>
    p.rows.map((r, j) => {
      const t = j === 0 ? p.target : undefined;
      return {
        panel: i,
        panelLabel: panelKey(p, headerWidth),
        row: rowKey(r.label, frame),
        value: r.value,
        lo: r.lo ?? null,
        hi: r.hi ?? null,
        colour: r.colour ?? (r.strong ? totalColour : barColour),
        text: r.text,
        // Where the value label starts: past the bar and its interval (at zero when suppressed).
        at: anchorOf(r),
        status: r.status ?? '',
        first: j === 0,
        // Vega writes a text's further lines below the first: shorter headers are padded at the
        // top so that every header's last line sits on the same baseline above its panel.
        header: j === 0 && p.header ? padTop(wrapText(p.header, headerWidth, HEADER_SIZE, true), headerLines) : null,
        t: t?.value ?? null,
        tmin: t?.min ?? null,
        tmax: t?.max ?? null,
        tmid: t ? (t.value ?? ((t.min ?? 0) + (t.max ?? 0)) / 2) : null,
        tlabel: t?.label ?? null,
      };
    }),
  );
}

const padTop = (lines: string[], n: number) => [...Array<string>(Math.max(0, n - lines.length)).fill(''), ...lines];

/** A panel's facet value (columns layout): its header wrapped to the panel's width. */
function panelKey(p: Panel, width: number): string {
  return p.header ? wrapText(p.header, width, HEADER_SIZE, true).join('\n') : '';
}

const HEADER_LINE = 16;
/** Bars keep one thickness when a wrapped label makes the rows taller. */
const BAR_HEIGHT = 16;
const TARGET_LABEL = 16;

/**
 * A bar chart of panels as one faceted Vega-Lite view (compiled once whatever the number of
 * panels, which keeps rendering near 15 ms): the shared x scale, a row per bar, and
 *  - one column of panels (shares, means, goals): each panel's header is a text mark above it,
 *    flush with the chart's left edge, and a goal's target is drawn in its panel;
 *  - several columns (distribution): the unit is the facet header, row labels on the left only.
 */
/** The bar chart's geometry: columns, row labels (and the strong ones), label and status columns, the plot's width. */
interface BarGeometry { frame: Frame; columns: number; labels: string[]; strong: string[]; labelW: number; statusW: number; plotW: number }

function barGeometry(o: BarLayoutOptions): BarGeometry {
  const frame = o.frame ?? WIDE;
  const columns = Math.max(1, Math.min(o.columns ?? 1, o.panels.length));
  const allRows = o.panels.flatMap((p) => p.rows);
  const labels = [...new Set(allRows.map((r) => r.label))];
  const strong = [...new Set(allRows.filter((r) => r.strong).map((r) => r.label))];
  const labelW = labelColumn(labels, new Set(strong), frame);
  const statusW = o.status ? Math.ceil(Math.max(0, ...allRows.map((r) => textWidth(r.status ?? '', VALUE_SIZE, true)))) + 14 : 0;
  // 2 px spare: bar strokes and rounding must not push the SVG past the frame's width.
  const inner = frame.width - 2 - 2 * PADDING - labelW - statusW - (columns - 1) * COLUMN_SPACING;
  return { frame, columns, labels, strong, labelW, statusW, plotW: Math.floor(inner / columns) };
}

/** The x domain over every value, interval end and target, leaving room for the labels past the bars. */
function barDomain(o: BarLayoutOptions, plotW: number): Domain {
  const targetLabels: Anchor[] = [];
  const values: number[] = [];
  for (const p of o.panels) {
    for (const r of p.rows) values.push(...[r.value, o.intervals ? r.lo : null, o.intervals ? r.hi : null].filter((v): v is number => typeof v === 'number'));
    if (p.target) {
      const tv = [p.target.value, p.target.min, p.target.max].filter((v): v is number => v !== undefined);
      values.push(...tv);
      // The centred target label must not run off the right edge.
      targetLabels.push({ at: Math.max(...tv), width: textWidth(p.target.label, AXIS_SIZE) / 2 });
    }
  }
  return computeDomain(values, [...anchors(o.panels), ...targetLabels], plotW, o.scale);
}

/** The interval whiskers: a 2 px bar outlined in white, so it reads on the bar and off it, and one layer of end caps. */
function intervalLayers(y: Spec, x: (field: string) => Spec): Spec[] {
  const withCi = { filter: 'isValid(datum.lo) && isValid(datum.hi) && isValid(datum.value)' };
  return [
    { transform: [withCi], mark: { type: 'bar', height: 2, color: inkColour, stroke: 'white', strokeWidth: 1 }, encoding: { y, x: x('lo'), x2: { field: 'hi' } } },
    // Caps as a vertical-line point symbol (10 px): a tick mark here costs twice the render time.
    {
      transform: [withCi, { fold: ['lo', 'hi'], as: ['end', 'x'] }],
      mark: { type: 'point', shape: 'M0,-1L0,1', size: 100, filled: false, opacity: 1, color: inkColour, strokeWidth: 1.5 },
      encoding: { y, x: x('x') },
    },
  ];
}

/** A dashed rule at the target (both ends of a band), over the bars, and its label above the panel. */
function targetLayers(x: (field: string) => Spec): Spec[] {
  return [
    {
      transform: [{ filter: 'datum.first' }, { fold: ['t', 'tmin', 'tmax'], as: ['kind', 'target'] }, { filter: 'isValid(datum.target)' }],
      mark: { type: 'rule', color: targetColour, strokeWidth: 2, strokeDash: [5, 3] },
      encoding: { x: x('target') },
    },
    {
      transform: [{ filter: 'datum.first && isValid(datum.tlabel)' }],
      mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -3, y: 0, color: targetColour, fontSize: AXIS_SIZE, fontWeight: 'bold' },
      encoding: { x: x('tmid'), text: { field: 'tlabel' } },
    },
  ];
}

/** Value labels past the bar end (with a white halo where a target line may cross them); negative values get a right-aligned layer. */
function valueLabelLayers(negative: boolean, halo: boolean, y: Spec, x: (field: string) => Spec): Spec[] {
  const layers: Spec[] = [];
  const positive = negative ? { transform: [{ filter: 'datum.at >= 0' }] } : {};
  if (halo) layers.push({ ...positive, mark: { type: 'text', align: 'left', baseline: 'middle', dx: VALUE_GAP, color: 'white', stroke: 'white', strokeWidth: 4, strokeJoin: 'round' }, encoding: { y, x: x('at'), text: { field: 'text' } } });
  layers.push({ ...positive, mark: { type: 'text', align: 'left', baseline: 'middle', dx: VALUE_GAP }, encoding: { y, x: x('at'), text: { field: 'text' } } });
  if (negative) layers.push({ transform: [{ filter: 'datum.at < 0' }], mark: { type: 'text', align: 'right', baseline: 'middle', dx: -VALUE_GAP }, encoding: { y, x: x('at'), text: { field: 'text' } } });
  return layers;
}

/** Every layer of a panel but the headers: target band, bars, whiskers, target, value labels, status. */
function barLayers(o: BarLayoutOptions, g: BarGeometry, d: Domain): Spec[] {
  const allRows = o.panels.flatMap((p) => p.rows);
  const x = (field: string) => xEncoding(field, d, true);
  const y = rowEncoding(g.labels, g.strong, g.labelW, true, g.frame);
  const hasTarget = o.panels.some((p) => p.target);
  const layers: Spec[] = [];
  if (o.panels.some((p) => p.target?.min !== undefined && p.target?.max !== undefined)) {
    layers.push({ transform: [{ filter: 'datum.first && isValid(datum.tmin) && isValid(datum.tmax)' }], mark: { type: 'rect', color: targetColour, opacity: 0.12 }, encoding: { x: x('tmin'), x2: { field: 'tmax' } } });
  }
  layers.push({ mark: { type: 'bar', height: BAR_HEIGHT }, encoding: { y, x: x('value'), color: { field: 'colour', type: 'nominal', scale: null } } });
  if (o.intervals && allRows.some((r) => r.lo != null && r.hi != null)) layers.push(...intervalLayers(y, x));
  if (hasTarget) layers.push(...targetLayers(x));
  layers.push(...valueLabelLayers(allRows.some((r) => r.value !== null && r.value < 0), hasTarget, y, x));
  if (o.status) layers.push({ mark: { type: 'text', align: 'left', baseline: 'middle', x: g.plotW + 14, fontWeight: 'bold' }, encoding: { y, text: { field: 'status' } } });
  return layers;
}

/** Panels side by side: the unit is the facet header, row labels on the left only. */
function columnFacets(o: BarLayoutOptions, g: BarGeometry, data: Spec, cell: Spec): Spec {
  const header = {
    labelFontSize: HEADER_SIZE,
    labelFontWeight: 'bold',
    labelColor: inkColour,
    labelAnchor: 'start',
    labelAlign: 'left',
    labelBaseline: 'bottom',
    labelPadding: 6,
    labelLimit: 0,
    labelLineHeight: HEADER_LINE,
    labelExpr: "split(datum.label, '\\n')",
  };
  return {
    data,
    facet: { field: 'panelLabel', type: 'nominal', sort: o.panels.map((p) => panelKey(p, g.plotW)), title: null, header },
    columns: g.columns,
    spacing: { row: PANEL_SPACING, column: COLUMN_SPACING },
    spec: cell,
  };
}

export function barChart(o: BarLayoutOptions): { spec: Spec; width: number } {
  const g = barGeometry(o);
  const { frame, columns, labelW, statusW, plotW } = g;
  const stacked = columns === 1;
  const layers = barLayers(o, g, barDomain(o, plotW));
  const headerWidth = labelW + plotW + statusW;
  const headerLines = Math.max(0, ...o.panels.map((p) => (p.header ? wrapText(p.header, headerWidth, HEADER_SIZE, true).length : 0)));
  const above = (o.panels.some((p) => p.target) ? TARGET_LABEL : 0) + 4;
  if (stacked && headerLines > 0) {
    layers.push({
      transform: [{ filter: 'datum.first && isValid(datum.header)' }],
      mark: { type: 'text', align: 'left', baseline: 'bottom', x: -labelW, y: -above - (headerLines - 1) * HEADER_LINE, fontSize: HEADER_SIZE, fontWeight: 'bold', lineHeight: HEADER_LINE },
      encoding: { text: { field: 'header' } },
    });
  }
  const cell: Spec = { width: plotW, height: { step: rowStep(g.labels, frame) }, layer: layers };
  const data = { values: rowData(o.panels, stacked ? headerWidth : plotW, frame, stacked ? headerLines : 0) };
  // Stacked panels: Vega lays them out by their full bounds, headers and target labels included.
  const spec: Spec = stacked ? { data, facet: { row: { field: 'panel', type: 'ordinal', header: null } }, spacing: { row: PANEL_SPACING }, spec: cell, resolve: { scale: { y: 'independent' } } } : columnFacets(o, g, data, cell);
  const width = 2 + 2 * PADDING + labelW + columns * plotW + (columns - 1) * COLUMN_SPACING + statusW;
  return { spec, width };
}
