// One masking function for everything printed: every form of a personal identity or
// coordination number, wherever it is in a line (a key, a file or folder name, a path, a value
// split over two messages, an excerpt cut short), and `npm run check` run end to end on a project
// that puts numbers in every place a terminal line can quote.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { maskText, quoteInput, splitNumberParts } from '../../scripts/privacy/mask.ts';
import { formatProblems, InputError } from '../../scripts/problems.ts';
import { lintNarrative } from '../../scripts/render/lint.ts';
import { CONFIG, participantsCsv, PARTICIPANT_ROWS, activitiesCsv, removeProject, writeProject } from '../helpers/fixture-project.ts';

const repo = resolve(import.meta.dirname, '..', '..');

/** The Luhn check digit of nine digits. */
function check(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
/** A valid number for a date YYMMDD and serial NNN: its ten digits. */
const valid = (yymmdd: string, serial: string) => `${yymmdd}${serial}${check(yymmdd + serial)}`;

const TEN = valid('850709', '980'); // 850709980?
const COORD = valid('701063', '239'); // day 03 + 60
const FORMS = [
  `${TEN.slice(0, 6)}-${TEN.slice(6)}`,
  `${TEN.slice(0, 6)}+${TEN.slice(6)}`,
  TEN,
  `19${TEN}`,
  `19${TEN.slice(0, 6)}-${TEN.slice(6)}`,
  `${TEN.slice(0, 6)} ${TEN.slice(6)}`,
  `${COORD.slice(0, 6)}-${COORD.slice(6)}`,
  `19${COORD}`,
  valid('121212', '121'),
  `20${valid('000229', '123')}`,
];

/** Fails if any run of the digits of `n` longer than 8 is readable in `text`. */
function assertNoneReadable(text: string, numbers: string[]): void {
  const digits = text.replace(/[-+ ]/g, '');
  for (const n of numbers) {
    const d = n.replace(/\D/g, '').slice(-10);
    for (let i = 0; i + 9 <= d.length; i++) assert.ok(!digits.includes(d.slice(i, i + 9)), `9 digits of ${n.slice(0, 2)}… readable in: ${text.slice(0, 300)}`);
  }
}

describe('maskText', () => {
  it('masks every form, with a valid check digit', () => {
    for (const f of FORMS) {
      const masked = maskText(`före ${f} efter`);
      assert.equal(masked, `före ${f.replace(/\d/g, '•')} efter`, f);
    }
  });
  it('masks numbers glued to letters, in keys, file names and paths', () => {
    for (const text of [`p${TEN}`, `deltagare_19${TEN}.csv`, `content/${TEN}/report.yaml`, `tables.${TEN}: x`, `"${TEN}"`, `key${TEN}key`])
      assert.doesNotMatch(maskText(text), /\d{10}/, text);
  });
  it('leaves other numbers alone: a wrong check digit, a date, a count, part of a longer number', () => {
    const wrong = `${TEN.slice(0, 9)}${(Number(TEN[9]) + 1) % 10}`;
    for (const text of [wrong, '2022-06-30', '20220630', '1 234 567', `1${TEN}7`, 'sha256 9f86d081884c7d659a2feaa0c55ad015']) assert.equal(maskText(text), text);
  });
});

describe('quoteInput', () => {
  it('cuts at about two hundred characters', () => {
    assert.ok(quoteInput('x'.repeat(5000)).length <= 200);
    assert.equal(quoteInput('kort'), 'kort');
  });
  it('a cut never leaves part of a number readable', () => {
    const number = `19${TEN.slice(0, 6)}-${TEN.slice(6)}`;
    for (let at = 0; at < 40; at++) {
      const line = `${'a'.repeat(at)}${number};Norr;K;1978`;
      for (const max of [20, 30, 40, 60]) {
        const q = quoteInput(line, max);
        assert.ok(q.length <= max, q);
        assert.doesNotMatch(q, /\d{5}/, `${max}: ${q}`);
      }
    }
  });
  it('masks first', () => assert.equal(quoteInput(`id ${FORMS[0]}`), `id ••••••-••••`));
});

describe('problems as printed', () => {
  it('every field is masked: file, column (a YAML key), value and expected', () => {
    const text = formatProblems([{ file: `data/x/${TEN}.csv`, line: 3, column: `tables.${TEN}`, value: `${FORMS[1]}`, expected: `no key "${FORMS[2]}" here` }]);
    assertNoneReadable(text, [TEN]);
    const err = new InputError([{ file: `content/${TEN}/report.yaml`, expected: 'x' }]);
    assertNoneReadable(err.message + JSON.stringify(err.problems), [TEN]);
  });
  it('a number the lint flags in two halves is masked in both', () => {
    const source = `# Rubrik\n\nHen har nummer ${TEN.slice(0, 6)}+${TEN.slice(6)} i texten.\n`;
    const problems = lintNarrative('content/x/a.md', source, new Map());
    assert.ok(problems.length >= 1);
    assertNoneReadable(formatProblems(problems), [TEN]);
    assertNoneReadable(new InputError(problems).message, [TEN]);
  });
  it('parts joined in order, with or without a separator', () => {
    assert.deepEqual([...splitNumberParts([TEN.slice(0, 6), TEN.slice(6)])], [0, 1]);
    assert.deepEqual([...splitNumberParts(['12', '34'])], []);
  });
  it('a value of a few megabytes is cut, the summary survives', () => {
    const text = formatProblems([{ file: 'f.csv', line: 1, value: 'x'.repeat(2_000_000), expected: 'y'.repeat(2_000_000) }]);
    assert.ok(text.length < 2000, String(text.length));
  });
});

describe('npm run check prints no number readable', { timeout: 120_000 }, () => {
  it('in folder and file names, YAML keys, narrative, ragged rows and values', async () => {
    const numbers = [TEN, COORD];
    // One project with an unknown key that is a number; one valid configuration whose data and narrative hold numbers.
    const badKey = CONFIG.replace('title: Testprojekt', `title: Testprojekt\n${COORD}: okänd nyckel`);
    const other = `p-${COORD}`;
    const config = CONFIG.replace('file: deltagare.csv', `file: deltagare-${TEN}.csv`).replace('title: Testprojekt', 'title: Testprojekt\nsections:\n  - file: avsnitt.md\n    criterion: effectiveness');
    const rows = [...PARTICIPANT_ROWS, `${'P07;Norr;K;1980;2020-03-01;'.padEnd(40, ' ')}${FORMS[4]};extra;fält;till;många`, `P08;Norr;${FORMS[1]};1980;2020-03-01;;1;`, `${FORMS[2]};Norr;K;1980;2020-03-01;;1;`];
    const root = writeProject({ slug: TEN, config: badKey, data: { 'deltagare.csv': participantsCsv(), 'aktiviteter.csv': activitiesCsv() } }, { slug: other, config, data: { [`deltagare-${TEN}.csv`]: participantsCsv(rows), 'aktiviteter.csv': activitiesCsv() } });
    try {
      writeFileSync(join(root, 'content', other, 'avsnitt.md'), `# Rubrik\n\nNummer ${TEN.slice(0, 6)}+${TEN.slice(6)} och ${FORMS[4]}.\n`);
      const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(repo, 'scripts/cli/check.ts'), '--root', root], { cwd: repo }).catch((e: { stdout: string; stderr: string; code: number }) => e);
      const out = `${run.stdout}\n${run.stderr}`;
      for (const expected of [/no key/, /avsnitt\.md/, /fields like the header/, /one of woman, man|a value listed in/, /pseudonymous id/]) assert.match(out, expected, 'check found the problem');
      assert.match(out, /••••••/, 'and printed them masked');
      assertNoneReadable(out, numbers);
    } finally {
      removeProject(root);
    }
  });
});
