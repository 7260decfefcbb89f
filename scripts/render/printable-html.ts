// Narrative HTML made printable. Tables written in narrative markdown, made like the report's own: a caption, a focusable scroll
// region named by it, numbers right-aligned. The caption is the paragraph right above the table
// that starts "Tabell:" (or "Table:"); the prefix is dropped.
import { isNumericColumn } from '../format.ts';

const CAPTIONED = /<p>(?:Tabell|Table):\s*([\s\S]*?)<\/p>\s*<table>([\s\S]*?)<\/table>/g;
const TABLE = /<table>[\s\S]*?<\/table>/g;

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&').trim();
const attr = (html: string) => textOf(html).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Right-aligns the columns of a markdown-it table body whose cells all hold numbers. */
function alignNumbers(inner: string): string {
  const rows = [...inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t([hd])(?: [^>]*)?>([\s\S]*?)<\/t\1>/g)].map((c) => c[2]!));
  const body = rows.slice(1);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const numeric = Array.from({ length: width }, (_, i) => i > 0 && isNumericColumn(body.map((r) => textOf(r[i] ?? ''))));
  return inner.replace(/<tr>([\s\S]*?)<\/tr>/g, (_, cells: string) => {
    let i = 0;
    return `<tr>${cells.replace(/<(t[hd])((?: [^>]*)?)>/g, (m, tag: string, rest: string) => (numeric[i++] ? `<${tag}${rest.replace(/\s*style="[^"]*"/, '')} class="num">` : m))}</tr>`;
  });
}

/**
 * The narrative HTML with each captioned table wrapped and aligned, and how many tables have no
 * caption (a problem for the build to report).
 */
export function captionNarrativeTables(html: string): { html: string; uncaptioned: number } {
  const out = printableEmphasis(html).replace(CAPTIONED, (_, caption: string, inner: string) =>
    `<div class="table-wrap" role="region" tabindex="0" aria-label="${attr(caption)}"><table><caption>${caption}</caption>${alignNumbers(inner)}</table></div>`);
  const uncaptioned = [...out.matchAll(TABLE)].filter((m) => !m[0].includes('<caption>')).length;
  return { html: out, uncaptioned };
}

/**
 * Emphasis as <b> and <i>: Chromium tags <strong> and <em> as the PDF 2.0 types Strong and Em,
 * which PDF 1.7 readers (poppler's pdfinfo) report as structure errors; <b> and <i> look the same
 * and are tagged as plain text.
 */
export function printableEmphasis(html: string): string {
  return html.replace(/<(\/?)strong>/g, '<$1b>').replace(/<(\/?)em>/g, '<$1i>');
}
