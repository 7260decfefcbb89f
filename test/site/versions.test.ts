// Versions: the comparison of two indicators.json (pure), the appendix "Ändringar sedan föregående
// version" in a rebuilt MIA Vidare whose data changed, npm run diff, and a clear error for a bad file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { diffIndicators } from '../../scripts/publish/diff-indicators.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';
import { InputError } from '../../scripts/problems.ts';
import { formatFigure } from '../../scripts/format.ts';
import { axeOnSite } from '../axe-helper.ts';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';
const fig = (id: string, value: number | null, unit = 'total'): Figure => ({ id, label: id, unit, gender: 'all', kind: 'count', value, suppressed: value === null });

describe('diffIndicators', () => {
  it('lists changed, added and removed figures and goals whose assessment changed', () => {
    const goal = (met: boolean | null) => ({ id: 'goal.x', label: 'X', figure: 'a.b', target: { op: '>=' as const, value: 1 }, measured: true, results: [{ unit: 'total', value: 1, met }] });
    const a = { report: { language: 'sv' as const }, figures: [fig('a.same', 10), fig('a.changed', 10), fig('a.hidden', 10), fig('a.gone', 1)], goals: [goal(true)] };
    const b = { report: { language: 'sv' as const }, figures: [fig('a.same', 10), fig('a.changed', 11), fig('a.hidden', null), fig('a.new', 3)], goals: [goal(false)] };
    const d = diffIndicators(a, b);
    assert.deepEqual(d.figures.map((f) => [f.change, f.id, f.old?.value, f.new?.value]), [
      ['changed', 'a.changed', 10, 11], ['changed', 'a.hidden', 10, null], ['added', 'a.new', undefined, 3], ['removed', 'a.gone', 1, undefined],
    ]);
    assert.deepEqual(d.goals, [{ id: 'goal.x', label: 'X', unit: 'total', old: true, new: false }]);
    assert.deepEqual(diffIndicators(a, a), { figures: [], goals: [] });
  });
});

describe('a second version of MIA Vidare', () => {
  const root = mkdtempSync(join(tmpdir(), 'versions-'));
  const out = join(root, '_site');
  let v1: Indicators;
  let v2: Indicators;
  let html: string;
  before(async () => {
    cpSync(join(repo, 'content', slug), join(root, 'content', slug), { recursive: true });
    cpSync(join(repo, 'data', slug), join(root, 'data', slug), { recursive: true });
    await buildSite({ root, outDir: out, slugs: [slug], now: new Date('2024-01-01T00:00:00Z'), pdf: false });
    mkdirSync(join(root, 'content', slug, 'versions'));
    cpSync(join(out, slug, 'indicators.json'), join(root, 'content', slug, 'versions', 'v1.json'));
    v1 = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
    // The revised data: forty job seekers at exit found work after all.
    const file = join(root, 'data', slug, 'deltagare.csv');
    let n = 0;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/;Arbetssökande\r\n/g, (m) => (n++ < 40 ? ';Anställning\r\n' : m)));
    assert.equal(n > 40, true);
    appendFileSync(join(root, 'content', slug, 'report.yaml'), '\nprevious_version:\n  indicators: versions/v1.json\n  label: delrapporten\n  published: 2023-06-30\n');
    await buildSite({ root, outDir: out, slugs: [slug], now: new Date('2024-02-01T00:00:00Z'), pdf: false });
    v2 = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
    html = readFileSync(join(out, slug, 'index.html'), 'utf8');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('gains the appendix, in the table of contents, with one row per figure whose value changed', () => {
    // Independently of the module: the figures whose value differs between the two files.
    const key = (f: Figure) => `${f.id}|${f.unit}|${f.gender}|${f.category ?? ''}`;
    const old = new Map(v1.figures.map((f) => [key(f), f.value]));
    const changed = v2.figures.filter((f) => old.has(key(f)) && old.get(key(f)) !== f.value);
    assert.ok(changed.length > 5);
    assert.match(html, /<a href="#bilaga-andringar"><span class="toc-title">Bilaga [A-Z]\. Ändringar sedan föregående version<\/span>/);
    const section = html.slice(html.indexOf('<section class="section appendix" aria-labelledby="bilaga-andringar">'));
    assert.match(section, /Jämförelse med delrapporten \(publicerad 2023-06-30\)/);
    const rows = section.slice(0, section.indexOf('</table>')).match(/<tr><th scope="row">/g) ?? [];
    assert.equal(rows.length, changed.length);
    // The employed share of the total, old and new values as the report formats them.
    const now = v2.figures.find((f) => f.id === 'exit.employed' && f.unit === 'total' && f.gender === 'all')!;
    const was = v1.figures.find((f) => f.id === 'exit.employed' && f.unit === 'total' && f.gender === 'all')!;
    assert.notEqual(now.value, was.value);
    assert.ok(section.includes(`<td class="num">${formatFigure(was, 'sv')}</td><td class="num">${formatFigure(now, 'sv')}</td><td>ändrat</td>`));
  });

  it('has no axe-core violations on the page with the appendix', async () => {
    assert.deepEqual(await axeOnSite(out, `${slug}/index.html`), []);
  });

  it('npm run diff prints the same changes and exits 0', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'diff.ts'), join(root, 'content', slug, 'versions', 'v1.json'), join(out, slug, 'indicators.json')], { encoding: 'utf8', cwd: repo });
    assert.equal(r.status, 0, r.stderr);
    const n = (html.match(/<td>ändrat<\/td>/g) ?? []).length;
    assert.match(r.stdout, new RegExp(`^${n} changed, 0 added, 0 removed figures`));
    assert.match(r.stdout, /changed +exit\.employed +total +all/);
  });

  it('refuses a previous version that is missing or not an indicators.json, naming the key or the file', async () => {
    const cfg = join(root, 'content', slug, 'report.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('versions/v1.json', 'versions/v0.json'));
    await assert.rejects(buildSite({ root, outDir: out, slugs: [slug], pdf: false }), (e: InputError) => /previous_version\.indicators: value "versions\/v0\.json"/.test(e.message.replace(/line \d+, /, '').replace(/column "([^"]+)"/, '$1')));
    writeFileSync(join(root, 'content', slug, 'versions', 'v0.json'), JSON.stringify({ report: { language: 'sv' }, figures: [{ id: 'a.b' }], goals: [] }));
    await assert.rejects(buildSite({ root, outDir: out, slugs: [slug], pdf: false }), (e: InputError) => e instanceof InputError && /content\/mia-vidare\/versions\/v0\.json: \d+ problems?\n {2}column "figures\[0\]\.label"/.test(e.message));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'diff.ts'), join(root, 'content', slug, 'versions', 'v0.json'), join(out, slug, 'indicators.json')], { encoding: 'utf8', cwd: repo });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Cannot compare the two files/);
  });
});
