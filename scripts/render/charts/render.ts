// Vega-Lite spec → SVG string, at build time: real font metrics, a per-language number locale,
// no Vega ARIA on marks (the root <svg> is one role="img" with its own <title> and <desc>), and
// every internal id (clip paths, gradients) renamed chart-<id>-… so charts on one page never collide.
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Language } from '../../messages.ts';
import { baseConfig, type Spec } from './layout.ts';
import { context, measureFont } from './fonts.ts';
import { renderError } from '../../problem-messages.ts';

const NBSP = '\u00a0';

// Here rather than in fonts.ts: the chart builders measure text without loading Vega (check stays fast).
/** vega-scenegraph's text measurement hooks (exported by vega, missing from its typings). */
const scenegraph = vega as unknown as {
  textMetrics: { width: (item: unknown, text?: unknown) => number };
  font: (item: unknown) => string;
};

let installed = false;

/** Makes Vega measure text with the canvas (idempotent). */
export function installTextMetrics(): void {
  if (installed) return;
  context();
  scenegraph.textMetrics.width = (item: unknown, text?: unknown) => {
    const it = item as { fontSize?: number };
    const s = text == null ? '' : String(text).trim();
    if (!s || (it.fontSize != null && +it.fontSize <= 0)) return 0;
    return measureFont(scenegraph.font(item), s);
  };
  installed = true;
}

/** d3-format locales: Swedish decimal comma, no-break space thousands, "22 %" and U+2212 minus. */
export const NUMBER_LOCALES = {
  sv: { decimal: ',', thousands: NBSP, grouping: [3], currency: ['', `${NBSP}kr`], percent: `${NBSP}%`, minus: '\u2212' },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '-' },
} as const;

/** Swedish month names are written in lower case (d3's are capitalised). */
export const TIME_LOCALES = {
  sv: {
    dateTime: '%A den %d %B %Y %X',
    date: '%Y-%m-%d',
    time: '%H:%M:%S',
    periods: ['fm', 'em'],
    days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
    shortDays: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  en: {
    dateTime: '%a %e %b %X %Y',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
} as const;

/** The complete Vega-Lite spec: $schema, shared config, locale for the language, aria off. */
export function completeSpec(body: Spec, language: Language): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...body,
    config: {
      ...baseConfig(),
      aria: false,
      locale: { number: NUMBER_LOCALES[language], time: TIME_LOCALES[language] },
    },
  };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Makes Vega's SVG a single accessible image: role="img" labelled by a <title> and <desc>, no
 * ARIA roles or labels inside, and every id renamed chart-<id>-<n> (with its url(#…) and href
 * references) in order of appearance, so the output does not depend on what was rendered before.
 */
export function finishSvg(svg: string, id: string, title: string, description: string, className = 'chart'): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `chart-${id}-${ids.size + 1}`);
  let out = svg
    .replace(/\sid="([^"]+)"/g, (_, x: string) => ` id="${ids.get(x)}"`)
    .replace(/url\(#([^)]+)\)/g, (m, x: string) => (ids.has(x) ? `url(#${ids.get(x)})` : m))
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (m, attr: string, x: string) => (ids.has(x) ? `${attr}="#${ids.get(x)}"` : m))
    .replace(/\s(?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '');
  const titleId = `chart-${id}-title`;
  const descId = `chart-${id}-desc`;
  out = out.replace(/^<svg([^>]*)>/, (_, attrs: string) => {
    const cleaned = attrs.replace(/\sclass="marks"/, '');
    return (
      `<svg${cleaned} class="${className}" role="img" aria-labelledby="${titleId} ${descId}">` +
      `<title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>`
    );
  });
  if (!out.startsWith('<svg')) throw new Error(renderError.noSvg);
  return out;
}

/**
 * Vega-Lite warns when a faceted independent scale unions one field over layers that filter the
 * same data differently; that is what the bar layers do on purpose, and the sizes are right.
 */
const BENIGN = [/faceted independent scales that union domain of the same fields from different source/];

/** Vega-Lite → Vega, with Vega-Lite's warnings collected instead of printed. */
export function compileSpec(spec: Spec): { vega: object; warnings: string[] } {
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!BENIGN.some((re) => re.test(text))) warnings.push(text);
  };
  const logger = {
    level(): number {
      return 0;
    },
    error: (...a: unknown[]) => (collect(...a), logger),
    warn: (...a: unknown[]) => (collect(...a), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec as never, { logger: logger as never }).spec;
  return { vega: compiled, warnings };
}

/** SVGs already drawn, by their spec: a narrative edit in the preview redraws no chart. */
const drawn = new Map<string, string>();
const DRAWN_MAX = 400;

/** Compiles and renders a complete Vega-Lite spec to an SVG string (Vega's own markup). */
export async function renderSvg(spec: Spec): Promise<string> {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit !== undefined) return hit;
  const svg = await drawSvg(spec);
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
  return svg;
}

async function drawSvg(spec: Spec): Promise<string> {
  installTextMetrics();
  const { vega: compiled, warnings } = compileSpec(spec);
  for (const w of warnings) console.warn(renderError.chartWarning(w));
  const view = new vega.View(vega.parse(compiled as vega.Spec), { renderer: 'none', logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The rendered chart's pixel width (read from the root element). */
export function svgWidth(svg: string): number {
  const m = /^<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  return m ? Number(m[1]) : NaN;
}
