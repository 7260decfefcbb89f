// A logo file of branding.logos: untrusted input. Only PNG, JPEG and SVG, recognised by their
// bytes (not their names), at most LOGO_MAX_BYTES. An SVG is refused unless it is plain drawing:
// no script, no event handler, no foreign content, no entity or DTD, no reference outside the
// file. The logo is placed as a data: URL in an <img>, where a browser runs no script and loads
// nothing else anyway, so the pages' Content-Security-Policy (img-src 'self' data:) holds.
import { readFileSync, statSync } from 'node:fs';
import type { Problem } from '../problems.ts';
import { inputFileProblem } from './input-file.ts';
import { maskText } from '../privacy/mask.ts';
import { readText } from '../problem-messages.ts';

export const LOGO_MAX_BYTES = 512 * 1024;

export interface Logo {
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  dataUrl: string;
  /** Intrinsic size in pixels (an SVG's from its viewBox, or width/height). */
  width: number;
  height: number;
}

const SVG_ELEMENTS = new Set([
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc',
  'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'symbol', 'use', 'metadata',
]);

/** Why an SVG text is refused, or null when it is plain drawing. */
export function svgProblem(text: string): string | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'no DOCTYPE or ENTITY declaration';
  if (/<\?(?!xml\s)/i.test(text)) return 'no processing instruction other than <?xml …?>';
  for (const m of text.matchAll(/<\s*([a-zA-Z][\w:.-]*)/g)) {
    const name = m[1]!.toLowerCase().replace(/^svg:/, '');
    if (!SVG_ELEMENTS.has(name)) return `only drawing elements (found <${m[1]}>)`;
  }
  if (/\son[a-z]+\s*=/i.test(text)) return 'no event handler attribute (on…=)';
  for (const m of text.matchAll(/(?:href|src)\s*=\s*(["'])(.*?)\1/gi)) if (!m[2]!.trim().startsWith('#')) return `no reference outside the file (found href "${m[2]!.slice(0, 40)}")`;
  for (const m of text.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) if (!m[2]!.trim().startsWith('#')) return 'no url() outside the file';
  if (/javascript:|data:|@import/i.test(text)) return 'no javascript:, data: or @import';
  return null;
}

function svgSize(text: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return null;
  const vb = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  if (vb) return { width: Number(vb[1]), height: Number(vb[2]) };
  const w = /\swidth\s*=\s*["']([\d.]+)/i.exec(root);
  const h = /\sheight\s*=\s*["']([\d.]+)/i.exec(root);
  return w && h ? { width: Number(w[1]), height: Number(h[1]) } : null;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) hold the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    i += 2 + len;
  }
  return null;
}

/** The logo from its bytes, or what was expected of it. */
export function logoFromBytes(bytes: Uint8Array): Logo | string {
  if (bytes.length > LOGO_MAX_BYTES) return `a logo of at most ${LOGO_MAX_BYTES / 1024} kB (this one has ${Math.ceil(bytes.length / 1024)} kB)`;
  const b64 = () => Buffer.from(bytes).toString('base64');
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes.length > 24) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = v.getUint32(16);
    const height = v.getUint32(20);
    if (width === 0 || height === 0) return 'a PNG with a width and a height';
    return { mime: 'image/png', dataUrl: `data:image/png;base64,${b64()}`, width, height };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (!size || size.width === 0 || size.height === 0) return 'a JPEG whose frame gives its width and height';
    return { mime: 'image/jpeg', dataUrl: `data:image/jpeg;base64,${b64()}`, ...size };
  }
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) {
    // Base64 hides the text from the personal-data scan of the output: look for identity numbers here.
    if (maskText(text) !== text) return 'an SVG logo without personal identity or coordination numbers in its text';
    const refused = svgProblem(text);
    if (refused) return `an SVG logo of plain drawing: ${refused}`;
    const size = svgSize(text);
    if (!size || !(size.width > 0) || !(size.height > 0)) return 'an SVG with a viewBox (or width and height) giving its proportions';
    return { mime: 'image/svg+xml', dataUrl: `data:image/svg+xml;base64,${b64()}`, ...size };
  }
  return 'a PNG, JPEG or SVG image (the file is none of them)';
}

/** Reads and checks a logo file of the project folder; `shown` names it in problems. */
export function readLogo(path: string, root: string, shown: string, key: string): Logo | Problem {
  const refused = inputFileProblem(path, root, shown);
  if (refused) return refused;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { file: shown, expected: readText.logoFile(key) };
  }
  if (size > LOGO_MAX_BYTES) return { file: shown, expected: readText.logoSize(LOGO_MAX_BYTES / 1024, Math.ceil(size / 1024)) };
  const logo = logoFromBytes(readFileSync(path));
  return typeof logo === 'string' ? { file: shown, expected: logo } : logo;
}
