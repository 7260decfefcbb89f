import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { renderInline, renderNarrative, type Citations } from '../../scripts/render/narrative.ts';
import { slugify } from '../../scripts/slug.ts';
import { formatFigure } from '../../scripts/format.ts';
import { makeCitations } from '../../scripts/render/report-view.ts';

const NBSP = '\u00a0';
const ind = {
  report: { language: 'sv' },
  figures: [
    { id: 'exit.work_or_studies', label: 'Arbete eller studier', unit: 'HBS', gender: 'all', kind: 'share', value: 0.220588, numerator: 30, denominator: 136, ci95: [0.16, 0.3], suppressed: false },
    { id: 'exit.work_or_studies', label: 'Arbete eller studier', unit: 'HBS', gender: 'man', kind: 'share', value: null, numerator: null, ci95: null, suppressed: true },
    { id: 'participants.enrolled', label: 'Inskrivna', unit: 'total', gender: 'all', kind: 'count', value: 2800, suppressed: false },
    { id: 'training.x.months_mean', label: 'Månader', unit: 'total', gender: 'all', kind: 'mean', value: 3.456, n: 40, suppressed: false },
  ],
  goals: [{ id: 'goal.w', label: 'Mål', figure: 'exit.work_or_studies', target: { op: '>=', value: 0.25 }, measured: true, results: [{ unit: 'HBS', value: 0.22, met: false }] }],
  checks: [],
} as unknown as Indicators;
const cite: Citations = makeCitations(ind, new Set(['HBS']));

describe('citing figures', () => {
  it('formats shares, counts, means and parts in Swedish', () => {
    assert.equal(cite.fig('exit.work_or_studies', 'HBS'), `22${NBSP}%`);
    assert.equal(cite.fig('participants.enrolled'), `2${NBSP}800`);
    assert.equal(cite.fig('training.x.months_mean'), '3,5');
    assert.equal(cite.fig('exit.work_or_studies', 'HBS', 'all', 'numerator'), '30');
    assert.equal(cite.fig('exit.work_or_studies', 'HBS', 'all', 'denominator'), '136');
    assert.equal(cite.fig('exit.work_or_studies', 'HBS', 'man'), '..', 'a value resting on few persons shows as ".." (official statistics: "–" is nil)');
    assert.equal(cite.goal('goal.w', 'HBS'), 'inte uppnått');
    assert.equal(formatFigure(ind.figures[0]!, 'en'), '22%');
  });
  it('refuses unknown ids, units and parts with a message that names them', () => {
    assert.throws(() => cite.fig('exit.nothing', 'HBS'), /"exit\.nothing" is not one/);
    assert.throws(() => cite.fig('exit.work_or_studies', 'Malmö'), /"Malmö" is not one \(HBS\)/);
    assert.throws(() => cite.fig('exit.work_or_studies', 'HBS', 'all', 'median'), /not "median"/);
    assert.throws(() => cite.goal('goal.none'), /"goal\.none" is not one/);
  });
});

describe('renderNarrative', () => {
  const charts = new Set(['exit_by_unit']);
  it('renders markdown with citations, shifts headings below the report title and gives them ids', () => {
    const r = renderNarrative('content/x/resultat.md', '# Måluppfyllelse och resultat\n\nI HBS gick {{ fig("exit.work_or_studies", "HBS") }} vidare.\n\n## Per delprojekt\n', cite, charts, new Set());
    assert.ok(!('problems' in r));
    assert.equal(r.title, 'Måluppfyllelse och resultat');
    assert.deepEqual(r.headings.map((h) => [h.id, h.level]), [['maluppfyllelse-och-resultat', 2], ['per-delprojekt', 3]]);
    assert.equal(r.parts.length, 1);
    const html = (r.parts[0] as { html: string }).html;
    assert.match(html, /<h2 id="maluppfyllelse-och-resultat">/);
    assert.match(html, new RegExp(`I HBS gick 22${NBSP}% vidare\\.`));
  });
  it('splits block components and charts out of the text, in order', () => {
    const r = renderNarrative('f.md', '# A\n\ntext\n{% chart "exit_by_unit" %}\nmore\n  {% goals %}  \n', cite, charts, new Set());
    assert.ok(!('problems' in r));
    assert.deepEqual(r.parts.map((p) => (p.kind === 'html' ? 'html' : p.kind === 'chart' || p.kind === 'model' || p.kind === 'table' ? `${p.kind}:${p.id}` : `component:${p.name}`)), ['html', 'chart:exit_by_unit', 'html', 'component:goals']);
  });
  it('reports an unknown figure with the file and the line it is on', () => {
    const r = renderNarrative('content/x/resultat.md', '# Rubrik\n\nFörsta stycket.\n\nHär: {{ fig("exit.wrok", "HBS") }}.\n', cite, charts, new Set());
    assert.ok('problems' in r);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.file, 'content/x/resultat.md');
    assert.equal(r.problems[0]!.line, 5);
    assert.match(r.problems[0]!.expected, /"exit\.wrok" is not one/);
  });
  it('reports the line after a block component correctly, and an unknown chart', () => {
    const r = renderNarrative('f.md', '# A\n{% chart "nope" %}\ntext\n{{ fig("zz") }}\n', cite, charts, new Set());
    assert.ok('problems' in r);
    assert.deepEqual(r.problems.map((p) => p.line), [2, 4]);
    assert.equal(r.problems[0]!.value, 'nope');
  });
  it('escapes raw HTML: narrative cannot inject markup or script', () => {
    const r = renderNarrative('f.md', '# A <b>x</b>\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n', cite, charts, new Set());
    assert.ok(!('problems' in r));
    const html = (r.parts[0] as { html: string }).html;
    assert.ok(!html.includes('<script') && !html.includes('<img') && !html.includes('<b>'));
    assert.match(html, /&lt;script&gt;/);
  });
  it('keeps heading ids unique across the report', () => {
    const used = new Set<string>();
    renderNarrative('a.md', '# Resultat\n', cite, charts, used);
    const r = renderNarrative('b.md', '# Resultat\n', cite, charts, used);
    assert.ok(!('problems' in r));
    assert.equal(r.headings[0]!.id, 'resultat-2');
  });
  it('needs a heading first', () => {
    const r = renderNarrative('f.md', 'Text utan rubrik.\n', cite, charts, new Set());
    assert.ok('problems' in r);
    assert.match(r.problems[0]!.expected, /start with a "# Heading"/);
  });
  it('renders inline answers with citations', () => {
    assert.equal(renderInline('HBS *når* {{ fig("exit.work_or_studies", "HBS") }}', cite), `HBS <em>når</em> 22${NBSP}%`);
  });
  it('slugifies Swedish text to ASCII ids', () => assert.equal(slugify('Om underlaget – Åtgärder i Mörbylånga'), 'om-underlaget-atgarder-i-morbylanga'));
});

