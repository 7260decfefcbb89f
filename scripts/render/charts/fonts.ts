// Real text measurement for the charts (render.ts hands it to Vega): the report's font (Source Sans 3, self-hosted TTFs from
// @expo-google-fonts/source-sans-3) registered with @napi-rs/canvas, and a canvas measureText
// plugged into vega.textMetrics.width. Without it Vega estimates 0.8 × characters × size, pads
// axes needlessly and truncates Swedish labels early. The site and the PDF use the same family.
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { FONT_FAMILY, FONT_FILES } from '../../fonts.ts';
import { renderError } from '../../problem-messages.ts';

export { FONT_FAMILY };

/** The family as CSS: quoted, because an unquoted "3" makes the name invalid in CSS and SVG. */
export const FONT_CSS = `"${FONT_FAMILY}", "Source Sans Pro", sans-serif`;

/** The TTF files the charts are measured with: the same files the site and the PDF use. */
export function fontFiles(): { path: string }[] {
  return [FONT_FILES['SourceSans3-Regular.ttf']!, FONT_FILES['SourceSans3-Bold.ttf']!].map((path) => ({ path }));
}

let ctx: SKRSContext2D | undefined;
const cache = new Map<string, number>();

export function context(): SKRSContext2D {
  if (ctx) return ctx;
  for (const f of fontFiles()) {
    const key = GlobalFonts.registerFromPath(f.path, FONT_FAMILY);
    if (!key) throw new Error(renderError.chartFont(f.path));
  }
  ctx = createCanvas(1, 1).getContext('2d');
  return ctx;
}

export function measureFont(font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    const c = context();
    c.font = font;
    w = c.measureText(text).width;
    cache.set(key, w);
  }
  return w;
}

/** Width in px of `text` in the chart font. */
export function textWidth(text: string, size: number, bold = false): number {
  return measureFont(`${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`, text);
}

/**
 * Splits text into lines no wider than maxWidth (at spaces, then after hyphens); a single word
 * wider than maxWidth stays whole rather than being cut.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  if (textWidth(text, size, bold) <= maxWidth) return [text];
  // Each piece knows whether it follows a space (a new word) or a hyphen inside a word.
  const pieces = text.split(/\s+/).flatMap((w) => {
    const parts = textWidth(w, size, bold) > maxWidth ? w.split(/(?<=-)/) : [w];
    return parts.map((p, i) => ({ text: p, space: i === 0 }));
  });
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    const next = line === '' ? p.text : line + (p.space ? ' ' : '') + p.text;
    if (line !== '' && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = p.text;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
