import assert from 'node:assert/strict';
import { it } from 'node:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { messages, t } from '../scripts/messages.ts';
import { benchText, cliText, configText, generateText, internalText, narrativeText, paletteText, pdfSyntax, pdfText, privacyText, publishText, readText, renderError, siteText, statsText, statusText } from '../scripts/problem-messages.ts';
import { InternalError, invariant } from '../scripts/problems.ts';

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

// The texts of problems and errors live in scripts/problem-messages.ts: no other source of
// scripts/ holds one of its own. An invariant only a bug can break is no text for the person
// building a report: `invariant(ok, detail)` or `new InternalError(detail)` (scripts/problems.ts)
// throws it with the catalogue's wording around a detail for the developer, so neither is
// counted as an inline text.
const CATALOGUED = ['scripts'];
/** The catalogues themselves. */
const CATALOGUES = ['scripts/problem-messages.ts', 'scripts/messages.ts'];
const INLINE_TEXT: [string, RegExp][] = [
  ['an inline `expected:` text', /\bexpected:\s*['"`]/],
  ['an error thrown with an inline text', /\bnew (?!InternalError\()(?:\w*Error|Syntax)\((?:[\w.]+,\s*)?['"`]/],
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

/** The .ts files of a folder (and its subfolders), or the one file named. */
const sources = (path: string): string[] =>
  statSync(path).isFile() ? [path] : readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(path, e.name)) : e.name.endsWith('.ts') ? [join(path, e.name)] : []));

it('finds an inline text where one is written', () => {
  assert.equal(inlineTexts("problems.push({ file, expected: 'a date' });").length, 1);
  assert.equal(inlineTexts('throw new Error(`Chart "${id}": no figures.`);').length, 1);
  assert.equal(inlineTexts("throw new Syntax(i, 'a closing quote');").length, 1);
  assert.equal(inlineTexts("else problem('no template comment');").length, 1);
  assert.equal(inlineTexts("if (x) out.push([['units', 'items', i, 'name'], 'each unit listed once']);").length, 1);
  assert.equal(inlineTexts('problems.push({ file, expected: configText.validYaml(detail) });\n// expected: \'a comment\'').length, 0);
  assert.equal(inlineTexts("throw new RangeError(`wilson: no denominator`);").length, 1);
});

it('counts an internal error\'s detail as no inline text: the catalogue words it', () => {
  assert.equal(inlineTexts("invariant(den > 0, 'wilson: a denominator that is not positive');").length, 0);
  assert.equal(inlineTexts('if (twice.size > 0) throw new InternalError(`conflicting figures for ${ids}`);').length, 0);
  assert.equal(inlineTexts("throw new Error('internal error: conflicting figures');").length, 1, 'an internal error is said with InternalError, not by its text');
});

it('throws an InternalError worded by the catalogue when an invariant fails, and nothing when it holds', () => {
  assert.doesNotThrow(() => invariant(1 + 1 === 2, 'arithmetic'));
  const cause = new Error('the solver gave up');
  assert.throws(() => invariant(false, 'the engine emitted conflicting figures for a.b'), (e: unknown) =>
    e instanceof InternalError && e.name === 'InternalError' && e.detail === 'the engine emitted conflicting figures for a.b'
    && e.message === 'internal error (a bug in eval-report, please report it): the engine emitted conflicting figures for a.b');
  assert.equal(new InternalError('x', { cause }).cause, cause);
  for (const falsy of [0, '', null, undefined, NaN]) assert.throws(() => invariant(falsy, 'falsy'), InternalError);
});

it('holds no inline problem or error text anywhere in scripts/ but the catalogues', () => {
  const repo = join(import.meta.dirname, '..');
  const found = CATALOGUED.flatMap((d) => sources(join(repo, d)).filter((f) => !CATALOGUES.includes(relative(repo, f))).flatMap((f) => inlineTexts(readFileSync(f, 'utf8')).map((l) => `${relative(repo, f)}:${l}`)));
  assert.deepEqual(found, [], 'move these texts into scripts/problem-messages.ts');
});

// What the commands print while they work and when they end is catalogued too (statusText),
// but for the measuring tools' own reports (npm run bench, npm run generate), whose lines are
// tables of their measurements for the developer.
const PRINTED_TEXT = /\b(?:log|say|progress|console\.(?:log|error|warn))\(\s*['"`]/;
const DEVELOPER_REPORTS = ['scripts/cli/bench.ts', 'scripts/bench/', 'scripts/generate/index.ts'];

it('prints no inline text anywhere in scripts/ but the catalogues and the measuring tools', () => {
  assert.ok(PRINTED_TEXT.test("log(`Built ${n} report(s).`);") && PRINTED_TEXT.test("console.error('Cannot compare');") && !PRINTED_TEXT.test('log(statusText.built(n, out, ms));'));
  const repo = join(import.meta.dirname, '..');
  const found = sources(join(repo, 'scripts'))
    .filter((f) => !CATALOGUES.includes(relative(repo, f)) && !DEVELOPER_REPORTS.some((d) => relative(repo, f).startsWith(d)))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (!/^\s*(\/\/|\*)/.test(line) && PRINTED_TEXT.test(line) ? [`${relative(repo, f)}:${i + 1}: ${line.trim().slice(0, 100)}`] : [])));
  assert.deepEqual(found, [], 'move these texts into statusText (scripts/problem-messages.ts)');
});

it('words every catalogued text as a text: none empty, placeholders filled', () => {
  for (const [group, texts] of Object.entries({ configText, readText, narrativeText, renderError, privacyText, publishText, statsText, generateText, benchText, paletteText, internalText, cliText, siteText, pdfText, pdfSyntax, statusText })) {
    for (const [key, text] of Object.entries(texts)) {
      const value = typeof text === 'function' ? (text as (...a: unknown[]) => unknown)(...Array.from({ length: text.length }, () => ['x'])) : text;
      assert.equal(typeof value, 'string', `${group}.${key}`);
      assert.ok((value as string).length > 0 && !/undefined|\[object /.test(value as string), `${group}.${key}: ${String(value)}`);
    }
  }
});
