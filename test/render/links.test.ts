// Links that could launch a program (ms-msdt:, search-ms:, javascript: …) never become links:
// narrative renders them as text with a warning naming the file and line; the same rule decides
// what the PDF print accepts (scripts/pdf/print.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allowedLink } from '../../scripts/render/links.ts';
import { launchBrowser } from '../../scripts/pdf/chromium.ts';
import { printPdf, refusedLinkActions } from '../../scripts/pdf/print.ts';
import { lightLinks } from '../../scripts/pdf/light.ts';
import { narrativeWarnings, renderInline, renderNarrative, type Citations } from '../../scripts/render/narrative.ts';

const cite: Citations = { fig: () => 'F', goal: () => 'G' };
const html = (source: string): string => {
  const r = renderNarrative('content/x/a.md', `# Rubrik\n\n${source}\n`, cite, new Set(), new Set());
  assert.ok(!('problems' in r), JSON.stringify(r));
  return r.parts.map((p) => ('html' in p ? p.html : '')).join('');
};

const HOSTILE = [
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=x&crumb=location:\\\\evil.example\\share',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'ms-word:ofe|u|https://evil.example/x.docx',
  'ms-officecmd:{}',
  'jar:https://evil.example/x.jar!/',
  'smb://evil.example/share',
  '//evil.example/x',
  'relative/page.html',
];

describe('which links are allowed', () => {
  it('https, http, mailto and anchors only', () => {
    for (const ok of ['https://example.org/a?b=c#d', 'HTTP://example.org', 'mailto:a@example.org', '#resultat']) assert.equal(allowedLink(ok), true, ok);
    for (const bad of HOSTILE) assert.equal(allowedLink(bad), false, bad);
  });
  it('sees through whitespace and control characters that browsers drop', () => {
    for (const bad of ['java\tscript:alert(1)', 'java\nscript:alert(1)', ' \u0001javascript:alert(1)', 'ms-\rmsdt:x', '\u0000search-ms:x']) assert.equal(allowedLink(bad), false, JSON.stringify(bad));
  });
});

describe('links in narrative', () => {
  it('an allowed link is a link', () => {
    assert.match(html('[Läs mer](https://example.org/x)'), /<a href="https:\/\/example.org\/x">Läs mer<\/a>/);
    assert.match(html('<mailto:a@example.org> och <a@example.org>'), /href="mailto:a@example.org"/);
    assert.match(html('[upp](#rubrik)'), /<a href="#rubrik">/);
  });
  for (const url of HOSTILE) {
    it(`${url.slice(0, 24)}…: text, never an href`, () => {
      for (const source of [`[Läs mer](${url})`, `<${url}>`, `[Läs mer][r]\n\n[r]: ${url}`, `![bild](${url})`]) {
        const out = html(source);
        assert.doesNotMatch(out, /<a |<img /, source);
      }
    });
  }
  it('entity- and percent-obfuscated schemes stay text', () => {
    for (const source of ['[x](&#106;avascript:alert(1))', '[x](&#x6A;avascript&colon;alert(1))', '[x](ms&#45;msdt:/id)', '[x](java&#9;script:alert(1))', '[x](%6Aavascript:alert(1))', '[x](<search-ms:query=x>)'])
      assert.doesNotMatch(html(source), /<a /, source);
  });
  it('every refused link is a warning naming the file, the line and the character', () => {
    const source = '# Rubrik\n\nEn rad.\nOch [Läs mer](ms-msdt:/id) här, <search-ms:x>.\n\n[ref]: javascript:alert(1)\n\n[ok](https://example.org)\n';
    const warnings = narrativeWarnings('content/x/a.md', source);
    assert.deepEqual(warnings.map((w) => [w.file, w.line, w.column]), [['content/x/a.md', 6, 'character 1'], ['content/x/a.md', 4, 'character 5'], ['content/x/a.md', 4, 'character 33']]);
    for (const w of warnings) {
      assert.equal(w.value, undefined, 'the link itself is never quoted');
      assert.match(w.expected, /https:, http:, mailto:/);
    }
  });
  it('answers of report.yaml follow the same rule', () => {
    assert.doesNotMatch(renderInline('Se [här](ms-msdt:/id) och <search-ms:x>', cite), /<a /);
    assert.match(renderInline('Se [här](https://example.org)', cite), /<a href="https:\/\/example.org">/);
  });
});

describe('links in the PDF', { timeout: 120_000 }, () => {
  it('the print refuses a page with a link the rule refuses, and reads every link action of a PDF back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-pdf-'));
    const browser = await launchBrowser();
    try {
      const page = (body: string) => {
        const file = join(dir, `p${Math.random().toString(36).slice(2)}.html`);
        writeFileSync(file, `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>t</title></head><body><h1 id="a">Rubrik</h1>${body}</body></html>`);
        return pathToFileURL(file).href;
      };
      for (const bad of ['ms-msdt:/id PCWDiagnostic', 'search-ms:query=x', 'javascript:alert(1)', 'file:///etc/passwd'])
        await assert.rejects(printPdf(browser, { url: page(`<p><a href="${bad}">x</a></p>`), pdfFile: join(dir, 'x.pdf') }), /links that a PDF must not hold/, bad);
      const ok = await printPdf(browser, { url: page('<p><a href="https://example.org/">x</a> <a href="#a">upp</a> <a href="mailto:a@example.org">m</a></p>'), pdfFile: join(dir, 'ok.pdf') });
      assert.ok(ok.pages >= 1);
      // A PDF with a bad link action, printed past the check: the read-back finds it.
      const tab = await browser.newPage();
      await tab.goto(page('<p><a href="ms-msdt:/id">x</a> <a href="https://example.org/">y</a></p>'));
      const pdf = await tab.pdf();
      await tab.close();
      assert.deepEqual(await refusedLinkActions(pdf), ['page 1: ms-msdt:']);
      // …by the light reader, without pdfjs: both actions, on their page.
      assert.deepEqual(lightLinks(pdf), [{ page: 1, uri: 'ms-msdt:/id' }, { page: 1, uri: 'https://example.org/' }]);
      assert.deepEqual(await refusedLinkActions(new Uint8Array(readFileSync(join(dir, 'ok.pdf')))), []);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
