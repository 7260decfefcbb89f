import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { messages, t } from '../scripts/messages.ts';
import { cliText, configText, narrativeText, pdfSyntax, pdfText, privacyText, publishText, readText, renderError, siteText } from '../scripts/problem-messages.ts';

it('has every fixed text in both languages, none empty', () => {
  const sv = Object.keys(messages.sv).sort();
  const en = Object.keys(messages.en).sort();
  assert.deepEqual(sv.filter((k) => !en.includes(k)), [], 'keys missing in English');
  assert.deepEqual(en.filter((k) => !sv.includes(k)), [], 'keys missing in Swedish');
  for (const lang of ['sv', 'en'] as const) for (const [k, v] of Object.entries(messages[lang])) assert.ok(v.length > 0, `${lang}.${k} is empty`);
});

it('fills placeholders and leaves unknown ones visible', () => {
  assert.equal(t('sv', 'legend.primary', { mark: '..', k: 5 }), '.. = färre än 5 personer; värdet visas inte.');
  assert.equal(t('en', 'legend.primary', { mark: '..' }), '.. = fewer than {k} people; the value is not shown.');
});

// The texts of problems and errors live in scripts/problem-messages.ts: the configuration,
// rendering, privacy and publishing stages hold none of their own, nor the site build, the PDF,
// the command line and the portfolio's pages.
const CATALOGUED = ['scripts/config', 'scripts/read', 'scripts/render', 'scripts/privacy', 'scripts/publish', 'scripts/site', 'scripts/pdf', 'scripts/cli', 'scripts/portfolio'];
const INLINE_TEXT: [string, RegExp][] = [
  ['an inline `expected:` text', /\bexpected:\s*['"`]/],
  ['an error thrown with an inline text', /\bnew (?:\w*Error|Syntax)\((?:[\w.]+,\s*)?['"`]/],
  ['a configuration check with an inline text', /\bout\.push\(\[\[.*?\],\s*['"`]/],
  ['a problem or notice pushed as an inline text', /\b(?:problems|errors)\.push\(\s*['"`]/],
  ['a problem made from an inline text', /\bproblem\(\s*['"`]/],
];

/** Lines of `source` that hold a user-facing text of their own, as "line: what". */
export function inlineTexts(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    for (const [what, re] of INLINE_TEXT) if (re.test(line)) found.push(`${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
  });
  return found;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

it('finds an inline text where one is written', () => {
  assert.equal(inlineTexts("problems.push({ file, expected: 'a date' });").length, 1);
  assert.equal(inlineTexts('throw new Error(`Chart "${id}": no figures.`);').length, 1);
  assert.equal(inlineTexts("throw new Syntax(i, 'a closing quote');").length, 1);
  assert.equal(inlineTexts("else problem('no template comment');").length, 1);
  assert.equal(inlineTexts("if (x) out.push([['units', 'items', i, 'name'], 'each unit listed once']);").length, 1);
  assert.equal(inlineTexts('problems.push({ file, expected: configText.validYaml(detail) });\n// expected: \'a comment\'').length, 0);
});

it('holds no inline problem or error text in the stages, the site build, the PDF, the command line and the portfolio', () => {
  const repo = join(import.meta.dirname, '..');
  const found = CATALOGUED.flatMap((d) => sources(join(repo, d)).flatMap((f) => inlineTexts(readFileSync(f, 'utf8')).map((l) => `${relative(repo, f)}:${l}`)));
  assert.deepEqual(found, [], 'move these texts into scripts/problem-messages.ts');
});

it('words every catalogued text as a text: none empty, placeholders filled', () => {
  for (const [group, texts] of Object.entries({ configText, readText, narrativeText, renderError, privacyText, publishText, cliText, siteText, pdfText, pdfSyntax })) {
    for (const [key, text] of Object.entries(texts)) {
      const value = typeof text === 'function' ? (text as (...a: unknown[]) => unknown)(...Array.from({ length: text.length }, () => ['x'])) : text;
      assert.equal(typeof value, 'string', `${group}.${key}`);
      assert.ok((value as string).length > 0 && !/undefined|\[object /.test(value as string), `${group}.${key}: ${String(value)}`);
    }
  }
});
