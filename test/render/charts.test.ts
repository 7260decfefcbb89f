// Charts: Vega-Lite specs per kind, rendered to accessible SVG with Swedish numbers, real font
// metrics, suppression, and golden SVGs (regenerate with UPDATE_GOLDEN=1).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildChart, renderChart, type ChartContext, type RenderedChart } from '../../scripts/render/charts/index.ts';
import { compileSpec, finishSvg, renderSvg, completeSpec, svgWidth } from '../../scripts/render/charts/render.ts';
import { MAX_WIDTH } from '../../scripts/render/charts/layout.ts';
import { wrapText } from '../../scripts/render/charts/fonts.ts';
import type { ChartConfig } from '../../scripts/config/schema.ts';
import type { Figure, GoalResult } from '../../scripts/publish/indicators-schema.ts';
import { messages } from '../../scripts/messages.ts';
import { categorical, contrastRatio, diverging, textColourOn } from '../../scripts/palette.ts';
import { formatInterval } from '../../scripts/format.ts';
import { buildIndicators } from '../../scripts/site/data-step.ts';

const root = join(import.meta.dirname, '..', '..');
const goldenDir = join(import.meta.dirname, '..', 'fixtures', 'charts');
const NBSP = '\u00a0';
const MINUS = '\u2212';
const LONG = 'Oskarshamn-Högsby-Mönsterås';

// ---- hand-made figures ---------------------------------------------------------------------

function share(id: string, label: string, unit: string, numerator: number | null, denominator: number, ci?: [number, number], extra: Partial<Figure> = {}): Figure {
  const suppressed = numerator === null;
  return {
    id, label, unit, gender: 'all', kind: 'share',
    value: suppressed ? null : numerator / denominator,
    numerator, denominator, ci95: suppressed ? null : (ci ?? null), suppressed, ...extra,
  };
}
function mean(id: string, label: string, unit: string, value: number | null, n: number): Figure {
  return { id, label, unit, gender: 'all', kind: 'mean', value, n, suppressed: value === null };
}
const answer = (id: string, label: string, unit: string, a: string, num: number | null, den: number) =>
  share(id, label, unit, num, den, undefined, { category: a, category_label: a });

const WORK = 'Arbete eller studier';
const figures: Figure[] = [
  share('exit.work_or_studies', WORK, 'HBS', 30, 136, [0.159113, 0.297414]),
  share('exit.work_or_studies', WORK, LONG, null, 3),
  share('exit.work_or_studies', WORK, 'total', 360, 2400, [0.136274, 0.164844]),
  share('exit.ordinary_programme', 'Ordinarie insats', 'HBS', 61, 136, [0.3675, 0.5324]),
  share('exit.ordinary_programme', 'Ordinarie insats', LONG, 50, 172, [0.228, 0.3625]),
  share('exit.ordinary_programme', 'Ordinarie insats', 'total', 864, 2400, [0.341, 0.3794]),
  // a figure for another gender must be ignored
  share('exit.work_or_studies', WORK, 'HBS', 1, 2, [0.1, 0.9], { gender: 'woman' }),
  mean('income.change_mean', 'Förändrad månadsinkomst, tusental kronor', 'HBS', -1.46, 38),
  mean('income.change_mean', 'Förändrad månadsinkomst, tusental kronor', LONG, 2.25, 52),
  mean('income.change_mean', 'Förändrad månadsinkomst, tusental kronor', 'total', 0.4, 1008),
  ...(['social_assistance', 'salary', 'none'] as const).flatMap((code, i) =>
    ['HBS', 'total'].map((u) => share('entry.income', 'Försörjning vid inskrivning', u, u === 'HBS' && code === 'salary' ? null : [101, 3, 40][i]! * (u === 'total' ? 10 : 1), u === 'total' ? 2800 : 160, undefined, { category: code, category_label: { social_assistance: 'Försörjningsstöd', salary: 'Lön', none: 'Ingen försörjning' }[code] })),
  ),
  answer('survey.easy', 'Var det lätt eller svårt att arbetsträna?', 'total', 'Mycket lätt', 11, 36),
  answer('survey.easy', 'Var det lätt eller svårt att arbetsträna?', 'total', 'Ganska lätt', 14, 36),
  answer('survey.easy', 'Var det lätt eller svårt att arbetsträna?', 'total', 'Ganska svårt', 8, 36),
  answer('survey.easy', 'Var det lätt eller svårt att arbetsträna?', 'total', 'Mycket svårt', null, 36),
  answer('survey.more', 'Skulle du orka arbetsträna mer?', 'total', 'Ja', 19, 36),
  answer('survey.more', 'Skulle du orka arbetsträna mer?', 'total', 'Kanske', 10, 36),
  answer('survey.more', 'Skulle du orka arbetsträna mer?', 'total', 'Nej', 7, 36),
];

const goals: GoalResult[] = [
  {
    id: 'goal.work_or_studies', label: 'Minst 25 % i arbete eller studier vid avslut', figure: 'exit.work_or_studies', target: { op: '>=', value: 0.25 }, measured: true,
    results: [
      { unit: 'HBS', value: 0.220588, ci95: [0.159113, 0.297414], met: false },
      { unit: LONG, value: null, ci95: null, met: null },
      { unit: 'total', value: 0.36, ci95: [0.341, 0.3794], met: true },
    ],
  },
  {
    id: 'goal.women', label: 'Mellan 40 och 60 % kvinnor', figure: 'participants.women', target: { op: 'between', min: 0.4, max: 0.6 }, measured: true,
    results: [
      { unit: 'HBS', value: 0.625, ci95: [0.5479, 0.6963], met: false },
      { unit: LONG, value: 0.52, ci95: [0.45, 0.59], met: true },
      { unit: 'total', value: 0.55, ci95: [0.53, 0.57], met: true },
    ],
  },
  { id: 'goal.other_steps', label: 'Stegförflyttningar', figure: null, target: null, measured: false, reason: 'Registreras inte.', results: [] },
];

function context(language: 'sv' | 'en' = 'sv'): ChartContext {
  return { language, units: ['HBS', LONG, 'total'], unitLabel: (u) => (u === 'total' ? (language === 'sv' ? 'Totalt' : 'Total') : u), minCount: 5, unitLevel: language === 'sv' ? 'Delprojekt' : 'Subproject' };
}

const chart = (c: Partial<ChartConfig> & Pick<ChartConfig, 'id' | 'kind'>): ChartConfig => ({ title: `Diagram ${c.id}`, figures: [], ...c });

const CHARTS: ChartConfig[] = [
  chart({ id: 'shares', kind: 'shares', title: 'Status vid avslut', figures: ['exit.work_or_studies', 'exit.ordinary_programme'] }),
  chart({ id: 'distribution', kind: 'distribution', title: 'Försörjning vid inskrivning', figures: ['entry.income'] }),
  chart({ id: 'means', kind: 'means', title: 'Inkomstförändring', figures: ['income.change_mean'] }),
  chart({ id: 'likert', kind: 'likert', title: 'Enkäten', figures: ['survey.easy', 'survey.more'] }),
  chart({ id: 'goals', kind: 'goals', title: 'Måluppfyllelse', goals: ['goal.work_or_studies', 'goal.women', 'goal.other_steps'] }),
];

/** The text content of every <text> element, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}
const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

const rendered = new Map<string, RenderedChart>();
const renderedEn = new Map<string, RenderedChart>();
before(async () => {
  for (const c of CHARTS) {
    rendered.set(c.kind, await renderChart(c, figures, goals, context('sv')));
    renderedEn.set(c.kind, await renderChart(c, figures, goals, context('en')));
  }
});
const get = (kind: string, en = false) => (en ? renderedEn : rendered).get(kind)!;

// ---- specs ---------------------------------------------------------------------------------

describe('chart specs', () => {
  const schema = JSON.parse(readFileSync(join(root, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8')) as object;
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
  const validate = ajv.compile(schema);

  for (const c of CHARTS) {
    it(`${c.kind}: validates against the Vega-Lite JSON Schema and compiles without warnings`, () => {
      const spec = get(c.kind).spec;
      assert.ok(validate(spec), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
      assert.deepEqual(compileSpec(spec as Record<string, unknown>).warnings, []);
    });
  }

  it('the schema check can fail', () => {
    const bad = structuredClone(get('shares').spec) as Record<string, unknown>;
    (bad as { facet: unknown }).facet = { row: { field: 'panel', type: 'wrong-type' } };
    assert.equal(validate(bad), false);
  });

  it('the spec sets the font, aria off and the Swedish number locale', () => {
    const config = (get('shares').spec as { config: Record<string, unknown> }).config;
    assert.match(String(config.font), /^"Source Sans 3", /);
    assert.equal(config.aria, false);
    assert.deepEqual((config.locale as { number: { decimal: string; minus: string; percent: string } }).number.decimal, ',');
    assert.equal((config.locale as { number: { minus: string } }).number.minus, MINUS);
    assert.equal((config.locale as { number: { percent: string } }).number.percent, `${NBSP}%`);
  });

  it('unknown figure ids are errors that name the chart', () => {
    assert.throws(() => buildChart(chart({ id: 'x', kind: 'shares', figures: ['exit.nothing'] }), figures, goals, context()), /Chart "x".*exit\.nothing/);
    assert.throws(() => buildChart(chart({ id: 'y', kind: 'goals', goals: ['goal.nope'] }), figures, goals, context()), /goal\.nope/);
    assert.throws(() => buildChart(chart({ id: 'z', kind: 'shares', figures: ['entry.income'] }), figures, goals, context()), /kind distribution/);
    assert.throws(() => buildChart(chart({ id: 'w', kind: 'means', figures: ['exit.work_or_studies'] }), figures, goals, context()), /is a share \(use kind shares/);
  });
});

// ---- palette -------------------------------------------------------------------------------

describe('palette', () => {
  it('every categorical colour has at least 3:1 contrast on white', () => {
    assert.ok(categorical.length >= 6);
    for (const c of categorical) assert.ok(contrastRatio(c, '#ffffff') >= 3, `${c}: ${contrastRatio(c, '#ffffff').toFixed(2)}`);
  });

  it('contrastRatio matches WCAG reference values', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#fff', '#ffffff'), 1);
    assert.ok(Math.abs(contrastRatio('#767676', '#ffffff') - 4.54) < 0.01);
    assert.equal(contrastRatio('#1f5a96', '#ffffff'), contrastRatio('#ffffff', '#1f5a96'));
  });

  it('diverging palettes for 3–5 answers are ordered and their segment text is readable', () => {
    for (const n of [3, 4, 5]) {
      const p = diverging[n]!;
      assert.equal(p.length, n);
      assert.notEqual(p[0], p[n - 1]);
      for (const c of p) assert.ok(contrastRatio(c, textColourOn(c)) >= 4.5, `text on ${c}`);
      // Ordered: lightness falls from the middle outwards on both sides.
      const lum = p.map((c) => contrastRatio(c, '#000000'));
      const mid = Math.floor((n - 1) / 2);
      for (let i = 0; i < mid; i++) assert.ok(lum[i]! < lum[i + 1]!, `palette ${n} is not ordered at ${i}`);
      for (let i = n - 1; i > Math.ceil((n - 1) / 2); i--) assert.ok(lum[i]! < lum[i - 1]!, `palette ${n} is not ordered at ${i}`);
    }
  });
});

// ---- SVG -----------------------------------------------------------------------------------

describe('SVG output', () => {
  // The build's axe-core check leaves text inside a role="img" SVG to this test (verify-site.ts):
  // chart text gets its colours from the palette, never from the input.
  it('every chart text is readable: ink or target colour at 4.5:1 on white, a halo under a label, or Likert segment text', () => {
    const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
    const hex = (c: string) => named[c] ?? c;
    const onSegments = new Set(Object.values(diverging).flat().map(textColourOn));
    let seen = 0;
    for (const c of CHARTS) {
      for (const [, attrs] of get(c.kind).svg.matchAll(/<text([^>]*)>/g)) {
        const fill = hex(/\sfill="([^"]+)"/.exec(attrs!)?.[1] ?? 'black');
        const stroke = /\sstroke="([^"]+)"/.exec(attrs!)?.[1];
        seen++;
        if (stroke !== undefined && hex(stroke) === fill) continue;
        if (c.kind === 'likert' && onSegments.has(fill)) continue;
        assert.ok(contrastRatio(fill, '#ffffff') >= 4.5, `${c.kind}: text in ${fill} has ${contrastRatio(fill, '#ffffff').toFixed(2)}:1 on white`);
      }
    }
    assert.ok(seen > 50, `${seen} texts`);
  });

  it('is one labelled image: role="img", <title> and <desc> with the chart ids', () => {
    for (const c of CHARTS) {
      const { svg, description, title } = get(c.kind);
      const rootTag = /^<svg[^>]*>/.exec(svg)![0];
      assert.match(rootTag, /\srole="img"/);
      assert.match(rootTag, new RegExp(`aria-labelledby="chart-${c.id}-title chart-${c.id}-desc"`));
      assert.ok(svg.includes(`<title id="chart-${c.id}-title">${title}</title>`));
      assert.ok(svg.includes(`<desc id="chart-${c.id}-desc">`));
      assert.ok(description.length > 40 && description.split(/[.!?](\s|$)/).filter((s) => s.trim()).length <= 4, description);
      assert.ok(!/aria-roledescription|aria-label=|role="graphics/.test(svg), `${c.kind} has Vega ARIA on marks`);
      assert.equal((svg.match(/role=/g) ?? []).length, 1);
    }
  });

  it('names the font family quoted, so "3" does not make the CSS family invalid', () => {
    const families = new Set([...get('shares').svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    assert.deepEqual([...families], ['&quot;Source Sans 3&quot;, &quot;Source Sans Pro&quot;, sans-serif']);
  });

  it('fits an A4 text column (≤ 640 px wide)', () => {
    for (const c of CHARTS) {
      const w = svgWidth(get(c.kind).svg);
      assert.ok(w > 300 && w <= MAX_WIDTH, `${c.kind}: ${w}`);
    }
  });

  it('prefixes every id with chart-<id>- and keeps references working, unique across charts', async () => {
    // Clipped marks make Vega write clip paths with process-global ids.
    const spec = completeSpec({ data: { values: [{ a: 'x', b: 2 }] }, mark: { type: 'bar', clip: true }, encoding: { y: { field: 'a', type: 'nominal' }, x: { field: 'b', type: 'quantitative', scale: { domain: [0, 1] } } } }, 'sv');
    const one = finishSvg(await renderSvg(spec), 'one', 'Ett', 'Första.');
    const two = finishSvg(await renderSvg(spec), 'two', 'Två', 'Andra.');
    for (const [svg, id] of [[one, 'one'], [two, 'two']] as const) {
      const own = ids(svg);
      assert.ok(own.length >= 3, 'a clip path id besides title and desc');
      for (const x of own) assert.ok(x.startsWith(`chart-${id}-`), x);
      for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) assert.ok(own.includes(ref!), `dangling reference ${ref}`);
    }
    // Renumbered from 1 per chart: the same spec gives the same markup apart from the prefix.
    assert.equal(one.replace(/chart-one-/g, 'chart-X-').replace(/Ett|Första/g, ''), two.replace(/chart-two-/g, 'chart-X-').replace(/Två|Andra/g, ''));
    const all = [...ids(one), ...ids(two), ...CHARTS.flatMap((c) => ids(get(c.kind).svg))];
    assert.equal(new Set(all).size, all.length);
  });

  it('writes Swedish numbers: "22 %" with a no-break space, decimal comma, U+2212 minus', () => {
    const shares = svgTexts(get('shares').svg);
    assert.ok(shares.includes(`22${NBSP}%`), shares.join(' | '));
    assert.ok(shares.includes(`0${NBSP}%`)); // axis tick from the Vega locale
    assert.ok(!shares.some((t) => /\d %|\d\.\d/.test(t)), 'no ordinary space before % and no decimal point');
    const means = svgTexts(get('means').svg);
    assert.ok(means.includes(`${MINUS}1,5`), means.join(' | ')); // value label
    assert.ok(means.includes('2,3') || means.includes('2,2'));
    assert.ok(means.some((t) => t.startsWith(MINUS) && t !== `${MINUS}1,5`), 'a negative axis tick with U+2212');
    assert.ok(!means.some((t) => /^-\d/.test(t)), 'no hyphen-minus');
  });

  it('writes English numbers in an English report', () => {
    const texts = svgTexts(get('shares', true).svg);
    assert.ok(texts.includes('22%'));
    assert.ok(svgTexts(get('means', true).svg).includes('-1.5'));
    assert.ok(svgTexts(get('goals', true).svg).includes('met'));
  });

  it('a suppressed value has no bar, a ".." label and a legend', () => {
    const r = get('shares');
    const texts = svgTexts(r.svg);
    assert.equal(texts.filter((t) => t === '..').length, 1);
    // Bars: 2 figures × 3 units, one suppressed → 5 bars (2 totals in grey, 3 others in blue).
    const blue = (r.svg.match(/<path[^>]*fill="#1f5a96"/g) ?? []).length;
    const grey = (r.svg.match(/<path[^>]*fill="#4f5b66"/g) ?? []).length;
    assert.equal(blue + grey, 5);
    assert.deepEqual(r.footnotes, ['.. = färre än 5 personer; värdet visas inte.']);
    assert.deepEqual(r.table.rows[1], [WORK, LONG, '..', '..', '3']);
    assert.deepEqual(get('means').footnotes, []);
    // Likert: the suppressed answer leaves no segment and a ".." at the bar end.
    assert.ok(svgTexts(get('likert').svg).includes('..'));
    assert.equal(get('likert').footnotes.length, 1);
  });

  it('measures text with the real font: a long Swedish label is whole, nothing truncated', () => {
    for (const c of CHARTS) {
      const { svg } = get(c.kind);
      assert.ok(!svg.includes('…'), `${c.kind} truncates text`);
    }
    assert.ok(svgTexts(get('shares').svg).includes(LONG));
    assert.ok(svgTexts(get('goals').svg).includes(LONG));
    // Real metrics: "iiii" is much narrower than "MMMM" (the fallback estimate makes them equal).
    assert.deepEqual(wrapText('iiii iiii', 30, 12), ['iiii iiii']);
    assert.deepEqual(wrapText('MMMM MMMM', 30, 12), ['MMMM', 'MMMM']);
  });

  it('likert: legend with every answer, percentages inside the segments', () => {
    const texts = svgTexts(get('likert').svg);
    for (const a of ['Mycket lätt', 'Ganska lätt', 'Ganska svårt', 'Mycket svårt', 'Ja', 'Kanske', 'Nej']) assert.ok(texts.includes(a), a);
    for (const p of ['31', '39', '22', '53', '28', '19']) assert.ok(texts.includes(`${p}${NBSP}%`), p);
  });

  it('goals: target labelled, "uppnått" / "inte uppnått" beside the bars, unmeasured goal in a footnote', () => {
    const r = get('goals');
    const texts = svgTexts(r.svg);
    assert.ok(texts.includes(`Mål: minst 25${NBSP}%`), texts.join(' | '));
    assert.ok(texts.includes(`Mål: 40–60${NBSP}%`));
    assert.equal(texts.filter((t) => t === 'uppnått').length, 3);
    assert.equal(texts.filter((t) => t === 'inte uppnått').length, 2);
    assert.ok(texts.includes('kan inte bedömas'));
    assert.deepEqual(r.footnotes, ['.. = färre än 5 personer; värdet visas inte.', 'Stegförflyttningar: inte mätt. Registreras inte.']);
  });
});

// ---- table, CSV, description ---------------------------------------------------------------

describe('table, CSV and description', () => {
  it('table cells are formatted strings; intervals as "16–30 %"', () => {
    const t = get('shares').table;
    assert.equal(t.caption, 'Data i diagrammet: Status vid avslut');
    assert.deepEqual(t.headers, ['Mått', 'Delprojekt', 'Andel', '95 % konfidensintervall', 'Underlag (antal personer)']);
    assert.deepEqual(t.rows[0], [WORK, 'HBS', `22${NBSP}%`, `16–30${NBSP}%`, '136']);
    assert.deepEqual(t.rows[2], [WORK, 'Totalt', `15${NBSP}%`, `14–16${NBSP}%`, `2${NBSP}400`]);
    assert.equal(formatInterval(0.15, 0.31, 'en'), '15–31%');
    const d = get('distribution').table;
    assert.deepEqual(d.headers, ['Kategori', 'HBS', 'Totalt']);
    assert.deepEqual(d.rows[1], ['Lön', '..', `1${NBSP}%`]);
  });

  it('CSV: BOM, ";", decimal comma, one row per mark, suppressed values empty', () => {
    const csv = get('shares').csv;
    assert.ok(csv.startsWith('\ufeff'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 6);
    assert.equal(lines[0], 'id;Mått;Delprojekt;Andel;KI 95 % nedre;KI 95 % övre;Antal;Underlag (antal personer);Undertryckt');
    assert.match(lines[1]!, /^exit\.work_or_studies;Arbete eller studier;HBS;0,22058\d*;0,159113;0,297414;30;136;$/);
    assert.equal(lines[2], `exit.work_or_studies;Arbete eller studier;${LONG};;;;;3;primär`);
    const en = get('shares', true).csv;
    assert.match(en, /;0\.159113;/);
    assert.equal(get('likert').csv.trimEnd().split('\r\n').length, 1 + 7);
  });

  it('descriptions summarise the figures in the report language', () => {
    const plain = (kind: string, en = false) => get(kind, en).description.replace(/\u00a0/g, ' ');
    assert.match(plain('shares'), /Arbete eller studier: HBS 22 %, Totalt 15 %\./);
    assert.match(get('shares').description, /^Liggande stapeldiagram med andelar per delprojekt/);
    assert.match(plain('shares'), /Ordinarie insats: högst för HBS \(45 %\) och lägst för Oskarshamn-Högsby-Mönsterås \(29 %\)\./);
    assert.match(plain('means'), /högst för Oskarshamn-Högsby-Mönsterås \(2,3\) och lägst för HBS \(−1,5\)/);
    assert.match(plain('likert'), /Var det lätt eller svårt att arbetsträna: vanligaste svaret är Ganska lätt \(39 %\)\./);
    assert.match(plain('goals'), /Minst 25 % i arbete eller studier vid avslut: uppnått för 1 av 2\./);
    assert.match(get('shares', true).description, /^Horizontal bar chart of shares per subproject/);
  });

  it('every chart message exists in both languages', () => {
    const sv = Object.keys(messages.sv).filter((k) => k.startsWith('chart.'));
    const en = Object.keys(messages.en).filter((k) => k.startsWith('chart.'));
    assert.ok(sv.length > 20);
    assert.deepEqual(sv.sort(), en.sort());
  });
});

// ---- golden SVGs ---------------------------------------------------------------------------

describe('golden SVGs', () => {
  const update = process.env.UPDATE_GOLDEN === '1';
  for (const [kind, en] of [['shares', false], ['likert', false], ['goals', true]] as const) {
    const file = join(goldenDir, `${kind}-${en ? 'en' : 'sv'}.svg`);
    it(`${kind} (${en ? 'en' : 'sv'}) is byte-for-byte ${file.split('/').slice(-3).join('/')}`, () => {
      const svg = get(kind, en).svg;
      if (update || !existsSync(file)) {
        if (!update) assert.fail(`missing golden ${file}: run UPDATE_GOLDEN=1 node --import tsx --test test/render/charts.test.ts`);
        writeFileSync(file, svg);
      }
      assert.equal(svg, readFileSync(file, 'utf8'));
    });
  }
});

// ---- MIA Vidare ----------------------------------------------------------------------------

describe('MIA Vidare: every kind from the real indicators', () => {
  it('renders each kind with a description naming the units', async () => {
    const ind = await buildIndicators({ root, slug: 'mia-vidare' }, new Date('2024-01-01T00:00:00Z'));
    const ctx: ChartContext = { language: 'sv', units: ['HBS', 'Södertälje', 'total'], unitLabel: (u) => (u === 'total' ? 'Totalt' : u), minCount: ind.report.disclosure.min_count };
    const mia: ChartConfig[] = [
      chart({ id: 'mia_exit', kind: 'shares', figures: ['exit.work_or_studies', 'exit.ordinary_programme'] }),
      chart({ id: 'mia_income', kind: 'distribution', figures: ['entry.income'] }),
      chart({ id: 'mia_months', kind: 'means', figures: ['training.social_enterprise.months_mean', 'training.external_employer.months_mean'] }),
      chart({ id: 'mia_survey', kind: 'likert', figures: ['survey.easy', 'survey.continue', 'survey.more'] }),
      chart({ id: 'mia_goals', kind: 'goals' }),
    ];
    for (const c of mia) {
      const r = await renderChart(c, ind.figures, ind.goals, ctx);
      assert.ok(svgWidth(r.svg) <= MAX_WIDTH, c.id);
      assert.ok(!r.svg.includes('…'), c.id);
      assert.ok(r.table.rows.length > 0, c.id);
      // The income distribution per subproject is hidden by secondary suppression (issue 8).
      if (c.kind !== 'likert' && c.kind !== 'goals' && c.id !== 'mia_income') assert.match(r.description, /HBS/, c.id);
    }
    const exit = await renderChart(mia[0]!, ind.figures, ind.goals, ctx);
    assert.match(exit.description.replace(/\u00a0/g, ' '), /Arbete eller studier: högst för HBS \(22 %\) och lägst för Södertälje \(11 %\)/);
    const months = await renderChart(mia[2]!, ind.figures, ind.goals, ctx);
    assert.ok(svgTexts(months.svg).includes('3,9'));
  });
});

describe('goals on counts', () => {
  it('leaves a goal on a count out of the percent axis, with a footnote', async () => {
    const count: Figure = { id: 'participants.enrolled', label: 'Inskrivna', unit: 'total', gender: 'all', kind: 'count', value: 621, suppressed: false };
    const g: GoalResult = { id: 'goal.enrolled', label: 'Minst 418 deltagare', figure: 'participants.enrolled', target: { op: '>=', value: 418 }, measured: true, results: [{ unit: 'total', value: 621, met: true }] };
    const r = await renderChart(chart({ id: 'g', kind: 'goals', goals: ['goal.enrolled', 'goal.work_or_studies'] }), [...figures, count], [...goals, g], context());
    assert.ok(!svgTexts(r.svg).some((t) => t.includes('41') && t.includes('800')), 'no target drawn as a percentage');
    assert.ok(r.footnotes.includes('Målet "Minst 418 deltagare" gäller ett antal och redovisas i måltabellen.'));
  });
});
