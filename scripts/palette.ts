// Colours for charts. Every categorical colour has a contrast of at least 3:1 against white
// (WCAG 2.1, 1.4.11 non-text contrast), and no chart relies on colour alone: units are read
// from axis text, Likert answers from the legend and the percentages written in the segments.
import { paletteText } from './problem-messages.ts';
import { invariant } from './problems.ts';

/** Categorical palette, in order of use. Each colour ≥ 3:1 against white (tested). */
export const categorical = [
  '#1f5a96', // blue
  '#b5531a', // burnt orange
  '#2d7a4b', // green
  '#7b3f98', // purple
  '#a8323a', // red
  '#4f5b66', // slate
  '#806400', // ochre
  '#00737d', // teal
] as const;

/** The bar colour of reported units, and of the total (set apart, but also named on the axis). */
export const barColour = categorical[0];
export const totalColour = '#4f5b66';
/** Marks a target line: dark enough to read against white and against bars. */
export const targetColour = '#a8323a';
/** Interval whiskers and text. */
export const inkColour = '#1a1a1a';
export const mutedInk = '#555555';
export const gridColour = '#d9d9d9';

/**
 * The backgrounds text sits on in the report pages (white, the table tint and the notice; kept
 * in step with templates/assets/report.css). A project's accent colour, used for links and
 * rules, must reach ACCENT_MIN_CONTRAST against each.
 */
export const pageBackgrounds = ['#ffffff', '#f2f5f8', '#f6f6f2'] as const;
/** WCAG 2.1 AA for normal text (1.4.3): links are text in the accent colour. */
export const ACCENT_MIN_CONTRAST = 4.5;

/** The lowest contrast of an accent colour against the page backgrounds, with that background. */
export function accentContrast(accent: string): { ratio: number; background: string } {
  return pageBackgrounds.map((b) => ({ ratio: contrastRatio(accent, b), background: b })).sort((a, b) => a.ratio - b.ratio)[0]!;
}

/**
 * Ordered diverging palettes for Likert scales, from the first answer of the scale (usually the
 * most positive) to the last. Blue ↔ orange is safe for the common colour-vision deficiencies;
 * an odd-length scale has a neutral grey middle. Segments are separated by white lines and carry
 * their percentage in text, so the light middle tones need not reach 3:1 on white.
 */
export const diverging: Record<number, readonly string[]> = {
  2: ['#1f5a96', '#b5531a'],
  3: ['#1f5a96', '#bdbdbd', '#b5531a'],
  4: ['#1f5a96', '#8fb3dc', '#f0a57a', '#b5531a'],
  5: ['#1f5a96', '#8fb3dc', '#d4d4d4', '#f0a57a', '#b5531a'],
  6: ['#153f6b', '#3f77b5', '#a9c6e6', '#f5c0a0', '#d9773f', '#8c3e12'],
  7: ['#153f6b', '#3f77b5', '#a9c6e6', '#d4d4d4', '#f5c0a0', '#d9773f', '#8c3e12'],
};

/** The diverging palette for a scale of n answers (2–7). */
export function divergingPalette(n: number): readonly string[] {
  const p = diverging[n];
  if (!p) throw new Error(paletteText.noDivergingPalette(n));
  return p;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rgb or #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  invariant(m, `not a hex colour: ${hex} (colours come from this palette or a branding accent the schema checked)`);
  let h = m[1]!;
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(h.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1–21. */
export function contrastRatio(hexA: string, hexB: string): number {
  const [a, b] = [luminance(hexA), luminance(hexB)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

/** Black or white text, whichever contrasts more with the background. */
export function textColourOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, inkColour) ? '#ffffff' : inkColour;
}
