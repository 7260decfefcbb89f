// Narrative and the texts of report.yaml are data, never code: known Nunjucks escapes (the
// template engine the narrative used to go through) must run nothing and be reported with the
// file, the line and the character. The first test proves the payloads are live: Nunjucks itself
// runs them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import { renderInline, renderNarrative, type Citations } from '../../scripts/render/narrative.ts';
import { blockTag, parseCitations } from '../../scripts/render/citations.ts';
import { CONFIG, CONFIG_FILE, problemsOf as loadProblems, project } from '../helpers/fixture-project.ts';

const dir = mkdtempSync(join(tmpdir(), 'untrusted-narrative-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A fresh path and JavaScript that would write it. */
const target = () => {
  const file = join(dir, `pwned-${n++}`);
  return { file, js: `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(file)}, 'pwned')` };
};

/** Each payload writes its file if it ever runs. */
const PAYLOADS: Array<[string, (js: string) => string]> = [
  ['range.constructor', (js) => `{{ range.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['cycler.constructor', (js) => `{{ cycler.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['joiner.constructor', (js) => `{{ joiner.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['namespace.constructor', (js) => `{{ namespace.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['"".constructor.constructor', (js) => `{{ "".constructor.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['fig.constructor', (js) => `{{ fig.constructor("${js.replace(/"/g, '\\"')}")() }}`],
  ['argument expression', (js) => `{{ fig(range.constructor("${js.replace(/"/g, '\\"')}")()) }}`],
  ['filter', (js) => `{{ "x" | replace("x", range.constructor("${js.replace(/"/g, '\\"')}")()) }}`],
  ['set', (js) => `{% set x = range.constructor("${js.replace(/"/g, '\\"')}")() %}`],
  ['nested braces', (js) => `{{ {{ range.constructor("${js.replace(/"/g, '\\"')}")() }} }}`],
];

const cite: Citations = {
  fig: (id) => {
    if (id !== 'a.b') throw new Error(`a figure id: "${id}" is not one of a.b`);
    return 'FIG';
  },
  goal: () => 'uppnått',
};
const render = (source: string) => renderNarrative('content/x/avsnitt.md', source, cite, new Set(['c1']), new Set());
const problemsOf = (source: string) => {
  const r = render(source);
  assert.ok('problems' in r, `expected problems for ${source}`);
  return r.problems;
};

describe('template escapes in narrative', () => {
  it('the payloads are live: Nunjucks runs them', () => {
    const { file, js } = target();
    new nunjucks.Environment(null).renderString(PAYLOADS[0]![1](js), {});
    assert.ok(existsSync(file), 'the range.constructor payload wrote its file under Nunjucks');
  });
  for (const [name, payload] of PAYLOADS) {
    it(`${name}: nothing runs, a problem names the file, line and character`, () => {
      const { file, js } = target();
      const problems = problemsOf(`# Rubrik\n\nText ${payload(js)} mer text.\n`);
      assert.equal(existsSync(file), false, 'the payload must not run');
      assert.ok(problems.length >= 1);
      assert.equal(problems[0]!.file, 'content/x/avsnitt.md');
      assert.equal(problems[0]!.line, 3);
      assert.match(problems[0]!.column ?? '', /^character \d+$/);
    });
    it(`${name} in an answer of report.yaml: nothing runs, the error says where`, () => {
      const { file, js } = target();
      assert.throws(() => renderInline(`Ja, ${payload(js)}`, cite), /at character \d+/);
      assert.equal(existsSync(file), false);
    });
  }
  it('refuses include, import, extends, raw, macro, comments and unterminated tags', () => {
    for (const tag of ['{% include "/etc/passwd" %}', '{% import "x.njk" as x %}', '{% extends "/etc/hosts" %}', '{% raw %}x{% endraw %}', '{% macro m() %}x{% endmacro %}', '{# a comment #}', '{{ fig("a.b")', '{% chart "c1"', '{{ }}', '{{ fig }}', '{{ fig("a.b") | safe }}', '{{ fig("a.b").constructor }}', '{{ fig(\'a.b\', x) }}', '{{ fig("a.b",) }}', '{{ fig("a\\x41") }}', '{{ fig() }}', '{{ goal("a", "b", "c") }}'])
      assert.ok(problemsOf(`# Rubrik\n\nText ${tag} slut.\n`).length >= 1, tag);
  });
  it('reports every bad tag at once, each at its own line and character', () => {
    const problems = problemsOf('# Rubrik\n\nA {{ x }} och {{ y.z }}\n\n{% set q = 1 %}\n{% chart "nope" %}\n');
    assert.deepEqual(problems.map((p) => [p.line, p.column]), [[3, 'character 3'], [3, 'character 15'], [5, 'character 1'], [6, 'chart']]);
  });
  it('a block tag inside a line is a problem, not a component', () => {
    const [p] = problemsOf('# Rubrik\n\nText {% goals %} mer.\n');
    assert.equal(p!.line, 3);
    assert.match(p!.expected, /alone on its line/);
  });
  it('accepts the grammar: both quotes, escapes, spaces, line breaks inside a call', () => {
    const r = render('# Rubrik\n\nA {{ fig("a.b") }}, {{fig(\'a.b\',"total")}}, {{ fig(\n  "a.b"\n) }}, {{ goal("g") }}.\n\n{% chart "c1" %}\n  {%goals%}\n');
    assert.ok(!('problems' in r), JSON.stringify(r));
    assert.match((r.parts[0] as { html: string }).html, /A FIG, FIG, FIG, uppnått\./);
    assert.deepEqual(r.parts.slice(1), [{ kind: 'chart', id: 'c1' }, { kind: 'component', name: 'goals' }]);
    assert.deepEqual(parseCitations('{{ fig("a\\"b\\\\") }}').pieces, [{ name: 'fig', args: ['a"b\\'], line: 1, column: 1 }]);
  });
  it('an unknown id is a problem at the call, with the message of the citation', () => {
    const [p] = problemsOf('# Rubrik\n\nA\nB {{ fig("x.y") }}\n');
    assert.deepEqual([p!.line, p!.column, p!.expected], [4, 'character 3', 'a figure id: "x.y" is not one of a.b']);
  });
  it('block tags: known names with the right arguments only', () => {
    assert.deepEqual(blockTag('{% chart "c1" %}', 1), { name: 'chart', arg: 'c1' });
    for (const bad of ['{% chart %}', '{% goals "x" %}', '{% chart c1 %}', '{% chart "c1" "c2" %}', '{% include "x" %}', '{% chart "c1" %} text'])
      assert.ok('expected' in blockTag(bad, 1), bad);
  });
  it('literal braces that open no tag stay text', () => {
    const r = render('# Rubrik\n\nEn mängd { a } och }} och %} och {x}.\n');
    assert.ok(!('problems' in r));
    assert.match((r.parts[0] as { html: string }).html, /En mängd \{ a \} och \}\} och %\} och \{x\}\./);
  });
});

describe('template escapes in report.yaml', () => {
  it('an answer with a payload: the loader refuses it at its line in report.yaml, and nothing runs', async () => {
    const { file, js } = target();
    const payload = PAYLOADS[0]![1](js);
    const config = `${CONFIG}evaluation_questions:
  - question: Fungerade det?
    criterion: effectiveness
    answer: Ja.
  - question: Och sedan?
    criterion: effectiveness
    answer: |
      Första raden.
      Andra ${payload.replace(/\\"/g, '\\"')}
`;
    const problems = await loadProblems(project({}, config));
    assert.equal(existsSync(file), false);
    const lines = config.split('\n');
    const line = lines.findIndex((l) => l.includes('Andra')) + 1;
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.column]), [[CONFIG_FILE, line, 'evaluation_questions[1].answer']]);
    assert.match(problems[0]!.expected, /at character 7 of the answer's text/);
  });
});
