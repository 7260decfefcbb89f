// The last check of a build, over the temporary output before it replaces the site: no file
// (HTML, JSON, CSV, SVG, the PDF's text) may hold a participant or respondent id of any project,
// a personal identity or coordination number with a valid check digit, or a free-text survey
// answer. A finding names the output file and, where it can be found, the input it came from.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { findIdentityNumbers, maskIdentityNumber } from './personnummer.ts';
import { normaliseText, openPdf, pageText } from '../pdf/inspect.ts';
import type { Problem } from '../problems.ts';
import type { Secrets } from './secrets.ts';
import { privacyText } from '../problem-messages.ts';
import { Needles } from './needles.ts';

export interface ScanProject {
  slug: string;
  secrets: Secrets;
  /** The project's content folder (narrative and report.yaml), to say where a leak came from. */
  contentDir: string;
  /** How to show paths in messages: relative to this folder. */
  root: string;
}

const TEXT = new Set(['.html', '.htm', '.json', '.csv', '.svg', '.txt', '.xml', '.js', '.css', '.md']);

/**
 * Only ids distinctive enough to be looked for: 6 characters or more, or 3 or more with both a
 * letter and a digit. Ids like "1" or "17" would match every page number and count.
 */
export const distinctiveId = (id: string) => id.length >= 6 || (id.length >= 3 && /\p{L}/u.test(id) && /\p{N}/u.test(id));
/** Free-text answers shorter than this ("Nej", "Bra") are ordinary words, not a leak. */
export const MIN_FREE_TEXT = 12;

const squashNormalised = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const squash = (s: string) => squashNormalised(normaliseText(s));
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

async function textOf(file: string, known: string | undefined): Promise<string | null> {
  const ext = extname(file).toLowerCase();
  if (known !== undefined) return known;
  if (ext === '.pdf') {
    const doc = await openPdf(readFileSync(file));
    try {
      const pages: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) pages.push(await pageText(doc, p));
      return pages.join('\n');
    } finally {
      await doc.destroy();
    }
  }
  if (!TEXT.has(ext)) return null;
  const raw = readFileSync(file, 'utf8');
  return ext === '.html' || ext === '.htm' || ext === '.svg' || ext === '.xml' ? `${raw}\n${decodeEntities(raw)}` : raw;
}

/** Where in the project's content a string is written (narrative, report.yaml), if anywhere. */
function sourceOf(needle: string, p: ScanProject): string | undefined {
  if (!existsSync(p.contentDir)) return undefined;
  for (const file of walk(p.contentDir)) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(needle));
    if (i >= 0) return `${relative(p.root, file) || file} line ${i + 1}`;
  }
  return undefined;
}

/**
 * Every leak in `outDir`; empty when the site is clean. `pdfTexts` holds text already extracted
 * from PDFs (by output path relative to `outDir`, pages joined by newlines), read here otherwise.
 */
export async function scanSite(outDir: string, projects: ScanProject[], pdfTexts: ReadonlyMap<string, string> = new Map(), skip: ReadonlySet<string> = new Set()): Promise<Problem[]> {
  const ids = new Map<string, ScanProject>();
  for (const p of projects) for (const id of p.secrets.ids) if (distinctiveId(id)) ids.set(id, p);
  const answers = new Needles(projects.flatMap((p) => p.secrets.freeText.map((a) => ({ text: squash(a.text), value: { ...a, project: p } }))), MIN_FREE_TEXT);
  const problems: Problem[] = [];
  for (const file of walk(outDir)) {
    const shown = relative(outDir, file);
    if (skip.has(shown.split(/[\\/]/)[0]!)) continue; // a project kept from the last good site, scanned when it was built
    const text = await textOf(file, pdfTexts.get(shown));
    if (text === null) continue;
    const where = privacyText.comesFrom;
    const normalised = normaliseText(text);
    for (const n of findIdentityNumbers(normalised)) {
      const source = projects.map((p) => sourceOf(n.match, p)).find(Boolean);
      problems.push({ file: shown, value: maskIdentityNumber(n.match), expected: privacyText.identityNumberPublished(where(source)) });
    }
    const seen = new Set<string>();
    // Ids are matched as whole tokens: letters, digits and the joiners ids are written with.
    for (const m of normalised.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?/gu)) {
      const token = m[0];
      const p = ids.get(token);
      if (!p || seen.has(token)) continue;
      seen.add(token);
      problems.push({ file: shown, value: `${token.slice(0, 1)}…`, expected: privacyText.idPublished(p.slug, where(sourceOf(token, p))) });
    }
    for (const a of answers.foundIn(squashNormalised(normalised)))
      problems.push({ file: shown, expected: privacyText.freeTextPublished(a.line, `data/${a.project.slug}/${a.file}`, a.column, where(sourceOf(a.text, a.project))) });
  }
  return problems;
}
