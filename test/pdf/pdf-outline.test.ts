// The PDF's bookmarks are exactly the report's headings as printed (chapters and appendices with
// their number, once each, with their spaces, nothing from inside a diagram), and its information
// dictionary names the report's authors and this tool; pdfinfo finds nothing wrong with it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite, listProjects } from '../../scripts/site/build-site.ts';
import { inspectPdf, type OutlineEntry } from '../../scripts/pdf/inspect.ts';
import { pdfTextString } from '../../scripts/pdf/outline.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';

const root = join(import.meta.dirname, '..', '..');
const slugs = listProjects(root);
let out: string;
before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'outline-')), '_site');
  await buildSite({ root, outDir: out, slugs, now: new Date('2024-01-01T00:00:00Z') });
});
after(() => out && rmSync(join(out, '..'), { recursive: true, force: true }));

const flat = (es: OutlineEntry[]): string[] => es.flatMap((e) => [e.title, ...flat(e.children ?? [])]);
const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

it('writes PDF text strings as UTF-16 with a byte-order mark', () => assert.equal(pdfTextString('Å'), '<FEFF00C5>'));

for (const slug of slugs)
  describe(`${slug}.pdf`, () => {
    it('has one bookmark per printed heading, titled as on the page', async () => {
      const html = readFileSync(join(out, slug, 'index.html'), 'utf8');
      // Every heading but the downloads' (not printed).
      const headings = [...html.matchAll(/<h([1-6])([^>]*)>([\s\S]*?)<\/h\1>/g)].filter((m) => !m[2]!.includes('downloads-title')).map((m) => decode(m[3]!));
      const outline = flat((await inspectPdf(join(out, slug, `${slug}.pdf`))).outline);
      assert.deepEqual(outline, headings);
      assert.equal(new Set(outline.filter((t) => !/^\d+\.|^Bilaga|^Appendix/.test(t))).size > 0, true);
      assert.ok(outline.some((t) => /^Bilaga [A-Z]\. \S/.test(t)), 'appendices keep their prefix');
      assert.ok(!outline.some((t) => /AKTIVITETER|PRESTATIONER|^Aktiviteter$|^Prestationer$/.test(t)), 'no column head of the theory of change');
    });
    it('has no near-empty page but a chapter\'s last', async () => {
      const file = join(out, slug, `${slug}.pdf`);
      // The outline's root is the report's title; its children are the chapters.
      const chapters = (await inspectPdf(file)).outline.flatMap((e) => e.children ?? []).map((e) => e.title.replace(/\s+/g, ' '));
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
      // Each printed page has a running header (first line) and a page number (last line).
      const body = pages.map((p) => p.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(1, -1));
      const nearEmpty = body.flatMap((lines, i) => {
        if (lines.length > 3 || i === 0 || i === body.length - 1) return [];
        const next = body[i + 1]!.slice(0, 3).join(' ');
        return chapters.some((c) => next.includes(c.slice(0, 30))) ? [] : [`page ${i + 1}: ${lines.length} lines, then "${next.slice(0, 60)}"`];
      });
      assert.deepEqual(nearEmpty, []);
    });
    it('names the authors, the report and this tool; pdfinfo reports no error', () => {
      const ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
      const file = join(out, slug, `${slug}.pdf`);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert.match(info, new RegExp(`^Author:\\s+${ind.report.authors.join(', ')}$`, 'm'));
      assert.match(info, new RegExp(`^Title:\\s+${ind.report.title}$`, 'm'));
      assert.match(info, new RegExp(`^Creator:\\s+${ind.report.tool.name} ${ind.report.tool.version.replace(/\./g, '\\.')}$`, 'm'));
      assert.match(info, /^Subject:\s+\S/m);
      assert.match(info, /^Keywords:\s+\S/m);
      const struct = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
      assert.equal(struct.stderr.trim(), '', 'pdfinfo -struct prints no error');
    });
  });
