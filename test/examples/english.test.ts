// MIA Vidare built in English (language: en in a temp copy of its configuration), through the
// command line: every fixed text from the English catalogue, English number formats, the PDF's
// language and page footer in English; the build's progress lines, and --quiet silencing them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { messages } from '../../scripts/messages.ts';
import { inspectPdf, normaliseText, type PdfInspection } from '../../scripts/pdf/inspect.ts';
import { formatCoefficient, formatFigure } from '../../scripts/format.ts';
import { axeOnSite } from '../axe-helper.ts';

const repo = join(import.meta.dirname, '..', '..');
const en = (key: keyof typeof messages.en) => messages.en[key];
const slug = 'mia-vidare';
const root = mkdtempSync(join(tmpdir(), 'english-'));
const site = join(root, '_site');
const build = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'cli', 'build.ts'), '--root', root, ...args, slug], { encoding: 'utf8', cwd: repo });
let progress: string;
let html: string;
let text: string;
let ind: Indicators;
let pdf: PdfInspection;

before(async () => {
  cpSync(join(repo, 'content', slug), join(root, 'content', slug), { recursive: true });
  cpSync(join(repo, 'data', slug), join(root, 'data', slug), { recursive: true });
  const cfg = join(root, 'content', slug, 'report.yaml');
  const yaml = readFileSync(cfg, 'utf8');
  assert.match(yaml, /^language: sv$/m);
  writeFileSync(cfg, yaml.replace(/^language: sv$/m, 'language: en'));
  const r = build();
  assert.equal(r.status, 0, r.stderr);
  progress = r.stdout;
  html = readFileSync(join(site, slug, 'index.html'), 'utf8');
  text = html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  ind = JSON.parse(readFileSync(join(site, slug, 'indicators.json'), 'utf8')) as Indicators;
  pdf = await inspectPdf(join(site, slug, `${slug}.pdf`));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('MIA Vidare in English', () => {
  it('declares English in the page and in the PDF', () => {
    assert.match(html, /^<!doctype html>\s*<html lang="en">/);
    assert.equal(pdf.lang, 'en');
    assert.equal(ind.report.language, 'en');
    assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /<html lang="en">[\s\S]*Evaluation reports/);
  });

  it('has English headings, labels and page footer', () => {
    const en = messages.en;
    for (const key of ['report.contents', 'report.downloads', 'quality.title', 'about.title', 'goals.goal', 'report.download_esf'] as const)
      assert.ok(text.includes(en[key]), `"${en[key]}" (${key}) on the page`);
    assert.match(text, /Appendix [A-Z]\. Data quality/);
    const pages = pdf.pageTexts.map(normaliseText);
    assert.match(pages[1]!, /Page 2 of \d+/);
    assert.ok(pages.every((p) => !/Sida \d+ av/.test(p)), 'no Swedish footer');
    assert.doesNotMatch(pages[0]!, /Page 1 of/, 'the title page has no footer');
    // Bookmarks: the generated appendices by their English titles.
    const titles = (es: PdfInspection['outline']): string[] => es.flatMap((e) => [e.title, ...titles(e.children)]);
    const outline = titles(pdf.outline);
    assert.ok(outline.some((x) => /^Appendix [A-Z]\. Data quality$/.test(x)), outline.join(' | '));
    assert.ok(outline.every((x) => !/Bilaga|Datakvalitet|Om underlaget/.test(x)), outline.join(' | '));
  });

  it('writes dates the English way', () => {
    const [y, m, d] = ind.report.date.split('-').map(Number);
    const long = `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m! - 1]} ${y}`;
    assert.ok(text.includes(`${en('report.date')} ${long}`), `the report's date as "${long}"`);
    assert.ok(!text.includes(ind.report.date), 'no ISO date on the page');
  });

  it('formats numbers the English way', () => {
    // Thousands separators: the activity file's row count in "About the data".
    const rows = ind.report.inputs.find((i) => i.table === 'activities')!.rows;
    assert.ok(rows >= 1000);
    assert.ok(text.includes(rows.toLocaleString('en-GB')), `${rows.toLocaleString('en-GB')} in the page`);
    // Decimal point: an effect of the linear probability model, in percentage points as its table shows it.
    const coef = ind.figures.find((f) => f.kind === 'coefficient' && f.scale === 'probability' && f.value !== null && Math.abs(f.value) >= 0.01)!;
    const shown = formatCoefficient(coef.value!, coef, 'en');
    assert.match(shown, /^-?\d+\.\d$/);
    assert.match(text, new RegExp(`${coef.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${shown.replace('.', '\\.')} `), `${coef.label} ${shown} in the model table`);
    assert.match(formatFigure(coef, 'en'), /^-?\d+\.\d\spercentage points$/);
    assert.doesNotMatch(text, /\b0,\d{3,4}\b/, 'no Swedish decimal comma');
    // Shares: "22%", no space before the sign.
    const share = ind.figures.find((f) => f.kind === 'share' && f.value !== null && f.unit === 'HBS')!;
    assert.match(formatFigure(share, 'en'), /^\d+%$/);
    assert.match(readFileSync(join(site, slug, 'data', `${share.id}.csv`), 'utf8'), /^\ufeffFigure;Unit;Gender/);
  });

  it('leaves no Swedish fixed text: no fragment of the Swedish catalogue outside the narrative and configuration', () => {
    const dir = join(root, 'content', slug);
    const own = readdirSync(dir).filter((f) => /\.(md|yaml)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const fragments = new Set<string>();
    for (const [k, v] of Object.entries(messages.sv)) {
      if (v === messages.en[k as keyof typeof messages.en]) continue;
      for (const part of v.split(/\{\w+\}/)) {
        const s = part.trim().replace(/[.:,;]$/, '');
        if (s.length >= 6 && !own.includes(s)) fragments.add(s);
      }
    }
    assert.ok(fragments.size > 100, `${fragments.size} fragments checked`);
    const pdfText = pdf.pageTexts.join('\n').replace(/\s+/g, ' ');
    assert.deepEqual([...fragments].filter((f) => text.includes(f)), [], 'Swedish fixed texts on the page');
    assert.deepEqual([...fragments].filter((f) => pdfText.includes(f)), [], 'Swedish fixed texts in the PDF');
    for (const word of ['Innehåll', 'Bilaga', 'Ladda ned', 'Sida', 'uppnått', 'Utvärderingskriterium'])
      assert.ok(!text.includes(word) && !pdfText.includes(word), word);
  });

  it('has no axe-core violations (WCAG 2.1 A and AA)', async () => {
    assert.deepEqual(await axeOnSite(site, `${slug}/index.html`), []);
  });

  it('prints progress for each project, the Chromium start and each PDF pass; --quiet prints nothing', () => {
    assert.match(progress, /^mia-vidare: \d+ figures/m);
    assert.match(progress, /^Starting Chromium for the PDF/m);
    assert.match(progress, /^Chromium started/m);
    assert.match(progress, /^mia-vidare: printing pass 1/m);
    assert.match(progress, /^mia-vidare: mia-vidare\.pdf, \d+ pages/m);
    assert.match(progress, /^Built 1 report\(s\)/m);
    const quiet = build('--quiet');
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stdout, '');
    assert.equal(quiet.stderr, '');
  });
});
