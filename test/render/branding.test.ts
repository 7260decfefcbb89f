// The EU emblem drawn from its geometric description, logos as untrusted input, the accent colour.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EU_BLUE, EU_YELLOW, emblemSvg, flagGeometry, STAR_INNER_RATIO } from '../../scripts/render/emblem.ts';
import { EMBLEM_HEIGHT, LOGO_MAX_WIDTH, emblemView, logoSize } from '../../scripts/render/branding.ts';
import { LOGO_MAX_BYTES, logoFromBytes, svgProblem } from '../../scripts/read/logo.ts';
import { parseConfig } from '../../scripts/config/load.ts';
import { InputError } from '../../scripts/problems.ts';
import { CONFIG } from '../helpers/fixture-project.ts';

const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);

describe('the EU emblem', () => {
  const h = 180;
  const g = flagGeometry(h);

  it('is a 3:2 rectangle with twelve stars on a circle of a third of the height, centred', () => {
    close(g.width / g.height, 1.5, 'proportions');
    assert.equal(g.stars.length, 12);
    for (const s of g.stars) close(dist([s.cx, s.cy], [g.width / 2, g.height / 2]), h / 3, 'star centre from the flag centre');
  });

  it('places the stars like the hours of a clock, twelve o’clock first, equally spaced', () => {
    close(g.stars[0]!.cx, g.width / 2, 'first star above the centre');
    close(g.stars[0]!.cy, g.height / 2 - h / 3, 'first star at twelve o’clock');
    close(g.stars[3]!.cx, g.width / 2 + h / 3, 'fourth star at three o’clock');
    close(g.stars[6]!.cy, g.height / 2 + h / 3, 'seventh star at six o’clock');
    for (let i = 0; i < 12; i++) {
      const a = g.stars[i]!;
      const b = g.stars[(i + 1) % 12]!;
      close(dist([a.cx, a.cy], [b.cx, b.cy]), 2 * (h / 3) * Math.sin(Math.PI / 12), `chord between stars ${i} and ${i + 1}`);
    }
  });

  it('draws each star with five points on a circle of an eighteenth of the height, upright', () => {
    for (const s of g.stars) {
      assert.equal(s.points.length, 10);
      const outer = s.points.filter((_, k) => k % 2 === 0);
      const inner = s.points.filter((_, k) => k % 2 === 1);
      for (const p of outer) close(dist(p, [s.cx, s.cy]), h / 18, 'outer point radius');
      for (const p of inner) close(dist(p, [s.cx, s.cy]), (h / 18) * STAR_INNER_RATIO, 'inner point radius');
      close(outer[0]![0], s.cx, 'upright: the first point straight above the centre');
      assert.ok(outer[0]![1] < s.cy);
      // Upright also means two points on a line perpendicular to the upright edge (horizontal).
      close(outer[1]![1], outer[4]![1], 'the two side points level');
      // A regular star: consecutive outer points 72° apart.
      for (let k = 0; k < 5; k++) close(dist(outer[k]!, outer[(k + 1) % 5]!), 2 * (h / 18) * Math.sin(Math.PI / 5), 'regular pentagram');
    }
    // "Their points not touching": neighbouring stars' circles are apart.
    assert.ok(2 * (h / 3) * Math.sin(Math.PI / 12) > 2 * (h / 18));
  });

  it('is inline SVG in Reflex Blue and Yellow, with an accessible name and nothing external', () => {
    const svg = emblemSvg(60, 'Flag of the <EU> & "more"');
    assert.match(svg, /^<svg [^>]*viewBox="0 0 54 36" width="90" height="60" role="img" aria-label="Flag of the &lt;EU> &amp; &quot;more&quot;"/);
    assert.ok(svg.includes(`fill="${EU_BLUE}"`) && svg.includes(`fill="${EU_YELLOW}"`));
    assert.equal(EU_BLUE, '#003399');
    assert.equal(EU_YELLOW, '#FFCC00');
    assert.equal(svg.match(/<polygon /g)?.length, 12);
    assert.doesNotMatch(svg, /href|script|url\(|<image/);
  });

  it('comes with the statement in the report language', () => {
    assert.equal(emblemView('esf_plus', 'sv')!.statement, 'Medfinansieras av Europeiska unionen');
    assert.equal(emblemView('esf_plus', 'en')!.statement, 'Co-funded by the European Union');
    assert.equal(emblemView(undefined, 'sv'), null);
  });
});

/** A minimal PNG header (signature + IHDR with the size): enough for the size check. */
function png(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x01, 0x01, 0x11, 0x00];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

describe('logos', () => {
  it('reads PNG, JPEG and plain SVG, by their bytes', () => {
    const p = logoFromBytes(png(400, 100));
    assert.ok(typeof p !== 'string' && p.mime === 'image/png' && p.width === 400 && p.height === 100);
    const j = logoFromBytes(jpeg(300, 150));
    assert.ok(typeof j !== 'string' && j.mime === 'image/jpeg' && j.width === 300 && j.height === 150, JSON.stringify(j));
    const s = logoFromBytes(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><rect width="200" height="50" fill="#123"/><text x="5" y="30">Logo</text></svg>'));
    assert.ok(typeof s !== 'string' && s.mime === 'image/svg+xml' && s.width === 200 && s.height === 50, JSON.stringify(s));
    assert.match(String(logoFromBytes(Buffer.from('GIF89a....'))), /PNG, JPEG or SVG/);
    assert.match(String(logoFromBytes(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><text>19121212-1212</text></svg>'))), /identity/);
    assert.match(String(logoFromBytes(new Uint8Array(LOGO_MAX_BYTES + 1))), /at most 512 kB/);
  });

  it('refuses an SVG with script, handlers, foreign content, entities or external references', () => {
    const wrap = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>${inner}</svg>`;
    const bad = [
      wrap('<script>alert(1)</script>'),
      wrap('<rect width="1" height="1"/>', ' onload="alert(1)"'),
      wrap('<foreignObject><div>x</div></foreignObject>'),
      wrap('<image href="https://example.org/x.png"/>'),
      wrap('<use href="https://example.org/s.svg#a"/>'),
      wrap('<use xlink:href="other.svg#a"/>'),
      wrap('<rect fill="url(https://example.org/p)" width="1" height="1"/>'),
      wrap('<style>@import "https://example.org/a.css";</style>'),
      '<!DOCTYPE svg [<!ENTITY x "y">]>' + wrap(''),
      wrap('<a href="javascript:alert(1)"><rect/></a>'),
    ];
    for (const b of bad) assert.notEqual(svgProblem(b), null, b);
    assert.equal(svgProblem(wrap('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)" width="1" height="1"/><use href="#g"/>')), null);
  });

  it('is never drawn higher than the emblem, nor wider than the limit', () => {
    for (const [w, h] of [[100, 400], [400, 100], [2000, 100], [60, 60], [10, 10]] as const) {
      const s = logoSize(w, h);
      assert.ok(s.height <= EMBLEM_HEIGHT && s.width <= LOGO_MAX_WIDTH, `${w}×${h} → ${s.width}×${s.height}`);
    }
  });
});

describe('branding configuration', () => {
  const problems = (extra: string) => {
    try {
      parseConfig(CONFIG + extra, 'report.yaml');
    } catch (err) {
      if (err instanceof InputError) return err.problems;
      throw err;
    }
    return [];
  };
  it('accepts funding, logos and an accent colour with enough contrast', () => {
    assert.deepEqual(problems('funding: esf_plus\nbranding:\n  accent: "#7a1f5c"\n  logos: [{ file: logo.png, alt: Projektet }]\n'), []);
  });
  it('refuses an accent colour too light for text, naming its contrast', () => {
    const p = problems('branding:\n  accent: "#66aadd"\n');
    assert.equal(p.length, 1);
    assert.equal(p[0]!.column, 'branding.accent');
    assert.match(p[0]!.expected, /at least 4\.5:1 .* #66aadd has 2\.\d\d:1 against #/);
    assert.ok(p[0]!.line);
  });
  it('refuses an unknown funding, a logo outside the folder or of another type', () => {
    const p = problems('funding: erdf\nbranding:\n  logos: [{ file: ../x.png, alt: X }, { file: logo.gif, alt: Y }]\n').map((x) => x.column);
    assert.deepEqual(p.sort(), ['branding.logos[0].file', 'branding.logos[1].file', 'funding']);
  });
});
