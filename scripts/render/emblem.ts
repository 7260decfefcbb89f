// The EU emblem, drawn from its published geometric description rather than copied from a file
// (Council of Europe, "Technical characteristics of the European flag"; the same description
// in the annex of Commission Implementing Regulation (EU) No 763/2014):
// - a blue rectangle whose width is one and a half times its height (3:2);
// - twelve gold stars at equal intervals on an invisible circle centred where the diagonals
//   cross, its radius one third of the height;
// - each star five-pointed, its points on an invisible circle of radius one eighteenth of the
//   height, upright (one point straight up), placed like the hours on a clock face;
// - Pantone Reflex Blue (web #003399) and Pantone Yellow (web #FFCC00).
// Regulation (EU) 2021/1060, Article 47 and Annex IX: ESF+ material shows the emblem with the
// statement "Co-funded by the European Union", the emblem at least as large as any other logo.

export const EU_BLUE = '#003399';
export const EU_YELLOW = '#FFCC00';

export interface Star {
  /** Centre of the star (its circumscribed circle). */
  cx: number;
  cy: number;
  /** Ten vertices, outer and inner alternating, the first the upright point. */
  points: [number, number][];
}

export interface FlagGeometry {
  width: number;
  height: number;
  /** Radius of the circle the star centres are on. */
  circleRadius: number;
  /** Radius of each star's circumscribed circle. */
  starRadius: number;
  stars: Star[];
}

/** Inner radius of a regular five-pointed star over its outer radius: cos 72° / cos 36°. */
export const STAR_INNER_RATIO = Math.cos((2 * Math.PI) / 5) / Math.cos(Math.PI / 5);

/** One upright five-pointed star around (cx, cy), y growing downwards as in SVG. */
export function starPoints(cx: number, cy: number, r: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * STAR_INNER_RATIO;
    const angle = (k * Math.PI) / 5; // from straight up, clockwise
    out.push([cx + radius * Math.sin(angle), cy - radius * Math.cos(angle)]);
  }
  return out;
}

/** The flag's geometry for a given height. */
export function flagGeometry(height: number): FlagGeometry {
  const width = height * 1.5;
  const circleRadius = height / 3;
  const starRadius = height / 18;
  const [cx, cy] = [width / 2, height / 2];
  const stars = Array.from({ length: 12 }, (_, hour) => {
    const angle = (hour * Math.PI) / 6; // twelve o'clock first, clockwise
    const sx = cx + circleRadius * Math.sin(angle);
    const sy = cy - circleRadius * Math.cos(angle);
    return { cx: sx, cy: sy, points: starPoints(sx, sy, starRadius) };
  });
  return { width, height, circleRadius, starRadius, stars };
}

const n = (x: number) => String(Math.round(x * 1000) / 1000);

/**
 * The emblem as inline SVG (no script, no external reference, so the pages' CSP holds), drawn
 * at 54 × 36 user units and shown `height` CSS pixels high. `label` is its accessible name.
 */
export function emblemSvg(height: number, label: string): string {
  const g = flagGeometry(36);
  const stars = g.stars.map((s) => `<polygon points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`).join('');
  const safe = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return (
    `<svg class="eu-emblem" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(g.width)} ${n(g.height)}" width="${n(height * 1.5)}" height="${n(height)}" role="img" aria-label="${safe}">` +
    `<title>${safe}</title><rect width="${n(g.width)}" height="${n(g.height)}" fill="${EU_BLUE}"/><g fill="${EU_YELLOW}">${stars}</g></svg>`
  );
}
