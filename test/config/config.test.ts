// The report configuration: the example loads; every mistake is reported with file, line, key
// path, value and what was expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, parseConfig } from '../../scripts/config/load.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';

const EXAMPLE_FILE = fileURLToPath(new URL('../../content/mia-vidare/report.yaml', import.meta.url));
const EXAMPLE = readFileSync(EXAMPLE_FILE, 'utf8');
const FILE = 'content/demo/report.yaml';

/** The example with `from` replaced by `to` (which must occur exactly once). */
function edit(from: string, to: string, text = EXAMPLE): string {
  assert.equal(text.split(from).length, 2, `"${from}" must occur once in the example`);
  return text.replace(from, to);
}

/** 1-based line of the only line that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const hits = text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  assert.equal(hits.length, 1, `"${needle}" must be on exactly one line`);
  return hits[0]!;
}

function problems(text: string): Problem[] {
  try {
    parseConfig(text, FILE);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  assert.fail('expected an InputError');
}

test('the example configuration loads with its defaults filled in', () => {
  const config = loadConfig(EXAMPLE_FILE);
  assert.equal(config.title, 'Utvärdering av arbetsträning i arbetsintegrerande sociala företag');
  assert.equal(config.date, '2022-06-30');
  assert.deepEqual(config.period, { from: '2020-01-01', to: '2022-06-30' });
  assert.equal(config.language, 'sv');
  assert.deepEqual(config.disclosure, { min_count: 5, secondary: true });
  assert.deepEqual(
    config.units.items.map((u) => [u.name, u.reported]),
    [['HBS', true], ['Södertälje', true], ['Övriga delprojekt', false]],
  );
  assert.equal(config.tables.participants.file, 'deltagare.csv');
  assert.equal(config.tables.participants.date_format, 'iso');
  assert.equal(config.tables.participants.multi_separator, '|');
  assert.deepEqual(config.tables.participants.values.gender, { K: 'woman', M: 'man' });
  assert.equal(config.tables.followups, undefined);
  assert.deepEqual(config.goals.map((g) => g.id), ['goal.work_or_studies', 'goal.ordinary_programme', 'goal.other_steps', 'goal.women']);
  assert.equal(config.gender_share_of, 'enrolled');
});

test('an unknown key names the file, its line, the key path and "unknown key"', () => {
  const text = edit('subtitle:', 'titel: Fel nyckel\nsubtitle:');
  assert.deepEqual(problems(text), [
    {
      file: FILE,
      line: lineOf(text, 'titel:'),
      column: 'titel',
      value: 'titel',
      expected: 'no key "titel" here (unknown key: check the spelling against docs/config.md)',
    },
  ]);
});

test('an unknown key with an empty or block value is reported on the key\'s own line', () => {
  const text = edit('disclosure:\n  min_count: 5\n', 'disclosure:\n  min_count: 5\n  max_count:\n    - 10\nfotnot:\n');
  assert.deepEqual(
    problems(text).map((p) => [p.line, p.column, p.expected.includes('unknown key')]),
    [
      [lineOf(text, 'max_count:'), 'disclosure.max_count', true],
      [lineOf(text, 'fotnot:'), 'fotnot', true],
    ],
  );
});

test('an unknown key inside a table mapping names the full key path', () => {
  const text = edit('    file: deltagare.csv\n', '    file: deltagare.csv\n    fil: deltagare2.csv\n');
  const [p, ...rest] = problems(text);
  assert.deepEqual(rest, []);
  assert.equal(p!.line, lineOf(text, 'fil: deltagare2'));
  assert.equal(p!.column, 'tables.participants.fil');
  assert.match(p!.expected, /unknown key/);
});

test('a value of the wrong type', () => {
  const text = edit('authors: [Andrea Utas]', 'authors: Andrea Utas');
  assert.deepEqual(problems(text), [
    { file: FILE, line: lineOf(text, 'authors:'), column: 'authors', value: 'Andrea Utas', expected: 'a value of type array' },
  ]);
});

test('a number where text is expected, deep inside a list', () => {
  const text = edit('    - name: HBS', '    - name: 12');
  assert.deepEqual(problems(text), [
    { file: FILE, line: lineOf(text, 'name: 12'), column: 'units.items[0].name', value: '12', expected: 'a value of type string' },
  ]);
});

test('an invalid enum value lists the allowed ones', () => {
  const text = edit('language: sv', 'language: de');
  assert.deepEqual(problems(text), [{ file: FILE, line: lineOf(text, 'language:'), column: 'language', value: 'de', expected: 'one of "sv", "en"' }]);
});

test('an invalid goal operator', () => {
  const text = edit('target: { op: ">=", value: 0.60 }', 'target: { op: ">", value: 0.60 }');
  assert.deepEqual(problems(text), [
    { file: FILE, line: lineOf(text, 'op: ">"'), column: 'goals[3].target.op', value: '>', expected: 'one of ">=", "<=", "between"' },
  ]);
});

test('a goal with op between needs min and max', () => {
  const text = edit('target: { op: ">=", value: 0.60 }', 'target: { op: between, min: 0.4 }');
  assert.deepEqual(problems(text), [
    {
      file: FILE,
      line: lineOf(text, 'op: between'),
      column: 'goals[3].target',
      value: '{"op":"between","min":0.4}',
      expected: 'min and max (and no value) with op "between"',
    },
  ]);
  // With both it loads.
  const ok = parseConfig(edit('target: { op: ">=", value: 0.60 }', 'target: { op: between, min: 0.4, max: 0.6 }'), FILE);
  assert.deepEqual(ok.goals[3]!.target, { op: 'between', min: 0.4, max: 0.6 });
});

test('a value map whose target is not a canonical code names the map entry', () => {
  const text = edit('gender: { K: woman, M: man }', 'gender: { K: kvinna, M: man }');
  assert.deepEqual(problems(text), [
    {
      file: FILE,
      line: lineOf(text, 'K: kvinna'),
      column: 'tables.participants.values.gender.K',
      value: 'kvinna',
      expected: 'one of woman, man, other (or "" for a missing value)',
    },
  ]);
});

test('a value map for a list column (exit_status) is checked against the outcome codes', () => {
  const text = edit('        Lärling: apprenticeship', '        Lärling: laerling');
  const [p, ...rest] = problems(text);
  assert.deepEqual(rest, []);
  assert.equal(p!.column, 'tables.participants.values.exit_status.Lärling');
  assert.equal(p!.line, lineOf(text, 'Lärling: laerling'));
  assert.equal(p!.value, 'laerling');
  assert.match(p!.expected, /^one of employed, subsidised_employment, .*, unknown \(or "" for a missing value\)$/);
});

test('a missing required key is reported with its path', () => {
  const text = edit('evaluator: Oxford Research\n', '');
  assert.deepEqual(
    problems(text).map((p) => [p.column, p.expected]),
    [['evaluator', 'a value of type string (the key is missing)']],
  );
});

test('several mistakes are all reported at once, in file order', () => {
  let text = edit('language: sv', 'language: de');
  text = edit('subtitle:', 'titel: x\nsubtitle:', text);
  text = edit('authors: [Andrea Utas]', 'authors: Andrea Utas', text);
  const got = problems(text).map((p) => p.column).sort();
  assert.deepEqual(got, ['authors', 'language', 'titel']);
});

test('cross-field checks: a goal for a unit that does not exist, a reserved unit name', () => {
  let text = edit('    figure: participants.women\n', '    figure: participants.women\n    units: [Södertälje, Norrtälje]\n');
  text = edit('    - name: HBS\n', '    - name: total\n', text);
  assert.deepEqual(
    problems(text).map((p) => [p.line, p.column, p.value]),
    [
      [lineOf(text, 'name: total'), 'units.items[0].name', 'total'],
      [lineOf(text, 'units: [Södertälje, Norrtälje]'), 'goals[3].units[1]', 'Norrtälje'],
    ],
  );
});

test('invalid YAML is reported with its line', () => {
  const dup = edit('language: sv', 'language: sv\nlanguage: en');
  assert.deepEqual(problems(dup), [{ file: FILE, line: lineOf(dup, 'language: en'), expected: 'valid YAML (Map keys must be unique)' }]);
  const unclosed = edit('language: sv', 'language: [sv');
  const [p, ...rest] = problems(unclosed);
  assert.deepEqual(rest, []);
  assert.equal(p!.file, FILE);
  assert.ok(p!.line !== undefined && p!.line >= lineOf(unclosed, 'language: [sv'), `line ${p!.line}`);
  assert.match(p!.expected, /^valid YAML \(Flow sequence/);
});

test('a group counted by provider takes no breakdown; a group by participant does', () => {
  const byProvider = edit('    provider: [external_employer]\n', '    provider: [external_employer]\n    by: provider\n    measure: count\n    breakdown: total\n');
  assert.deepEqual(
    problems(byProvider).map((p) => [p.line, p.column, p.value]),
    [[lineOf(byProvider, 'breakdown: total'), 'activity_groups[1].breakdown', 'total']],
  );
  const byParticipant = edit('    provider: [external_employer]\n', '    provider: [external_employer]\n    breakdown: total\n');
  assert.doesNotThrow(() => parseConfig(byParticipant, FILE));
});
