// LF, CRLF and CR-only files read the same, through the fast split path and through csv-parse
// (a file with quotes); a CR-only file is no longer one header line whose "column names" are its
// rows. No message that reaches the report quotes a header or a cell.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, lineEndsToLf } from '../../scripts/read/csv.ts';
import { headerList } from '../../scripts/read/table.ts';
import { checkProject } from '../../scripts/cli/check.ts';
import { ACTIVITY_ROWS, ACTIVITIES_HEADER, CONFIG, PARTICIPANTS_HEADER, PARTICIPANT_ROWS, lines, loadFixture, problemsOf, project, withProject } from '../helpers/fixture-project.ts';

const recordsOf = (text: string) => {
  const parsed = parseCsv(text, 'f.csv');
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const out: Array<[string[], number]> = [];
  parsed.records.forEach((f, line) => out.push([[...f], line]));
  return { header: parsed.records.header, out };
};

describe('line ends', () => {
  const rows = ['a;b;c', '1;2;3', '', '4;5;6'];
  for (const quoted of [false, true]) {
    it(`LF, CRLF and CR give the same records and lines (${quoted ? 'csv-parse' : 'fast path'})`, () => {
      const body = quoted ? [...rows, '"7;x";8;9'] : rows;
      const lf = recordsOf(lines(body, '\n'));
      assert.deepEqual(recordsOf(lines(body, '\r\n')), lf);
      assert.deepEqual(recordsOf(lines(body, '\r')), lf);
      assert.deepEqual(recordsOf(body.join('\r')), lf, 'without a final line end');
      assert.deepEqual(lf.header, ['a', 'b', 'c']);
      assert.deepEqual(lf.out.map(([, l]) => l), quoted ? [2, 4, 5] : [2, 4]);
    });
  }
  it('leaves LF and CRLF text as it is (no copy of a large file)', () => {
    const text = 'a;b\r\n1;2\r\n';
    assert.equal(lineEndsToLf(text), text);
    assert.equal(lineEndsToLf('a\rb\r\nc'), 'a\nb\nc');
  });
  it('a CR-only export loads like the LF one', async () => {
    const lf = await loadFixture(project());
    const cr = await loadFixture(project({ 'deltagare.csv': lines([PARTICIPANTS_HEADER, ...PARTICIPANT_ROWS], '\r'), 'aktiviteter.csv': lines([ACTIVITIES_HEADER, ...ACTIVITY_ROWS], '\r') }));
    assert.deepEqual(cr.dataset, lf.dataset);
    assert.deepEqual(cr.checks, lf.checks);
  });
  it('a CR-only file with a bad row: the problem is found by the loader and by check alike', async () => {
    const rows = [...PARTICIPANT_ROWS, 'P09;Norr;X;1980;2020-03-01;;1;'];
    const files = project({ 'deltagare.csv': lines([PARTICIPANTS_HEADER, ...rows], '\r') });
    const problems = await problemsOf(files);
    assert.deepEqual(problems.map((p) => [p.line, p.column, p.value]), [[8, 'Kön', 'X']]);
    await withProject(files, async (root) => {
      const r = await checkProject(root, 'demo');
      assert.deepEqual(r.problems.map((p) => [p.line, p.column, p.value]), [[8, 'Kön', 'X']]);
    });
  });
});

describe('no message publishes raw input', () => {
  it('the unused-columns check states a count, never header names', async () => {
    const extra = lines([`${PARTICIPANTS_HEADER};Anteckning;Personnummer`, ...PARTICIPANT_ROWS.map((r) => `${r};hemlig anteckning;x`)]);
    const loaded = await loadFixture(project({ 'deltagare.csv': extra }));
    const unused = loaded.checks.find((c) => c.id === 'input.unused_columns.participants');
    assert.ok(unused);
    assert.match(unused.message, /2 kolumner används inte/);
    assert.doesNotMatch(unused.message, /Anteckning|Personnummer/);
  });
  it('a header list is quoted only when it looks like column names', () => {
    assert.equal(headerList(['Deltagar-ID', 'Kön']), 'the header has: Deltagar-ID, Kön');
    for (const header of [['Anteckning\rAX0001', 'Norr'], ['a'.repeat(500)], Array.from({ length: 1000 }, (_, i) => `k${i}`), ['id', '8507099805']]) {
      const text = headerList(header);
      assert.match(text, /not shown/, JSON.stringify(header).slice(0, 80));
    }
  });
  it('a 2 MB single-line file gives short problems, whatever is wrong with it', async () => {
    const line = Array.from({ length: 200_000 }, (_, i) => `AX${String(i).padStart(6, '0')}`).join(';');
    const problems = await problemsOf(project({ 'deltagare.csv': line }));
    assert.ok(problems.length > 0);
    const size = JSON.stringify(problems).length;
    assert.ok(size < 4000 * problems.length && size < 50_000, `${size} characters of problems`);
    assert.ok(problems.every((p) => !p.expected.includes('AX000100')), 'no cell of the line is quoted');
  });
  it('a file without a header line, whose first row holds an identity number, is refused', async () => {
    const rows = ['8507099805;Norr;K;1980;2020-03-01;;1;', ...PARTICIPANT_ROWS].map((r, i) => (i === 0 ? r.replace('8507099805', '850709-9805') : r));
    const problems = await problemsOf({ config: CONFIG, data: { 'deltagare.csv': lines(rows), 'aktiviteter.csv': lines([ACTIVITIES_HEADER, ...ACTIVITY_ROWS]) } });
    assert.ok(problems.some((p) => p.line === 1 && /looks like a data row/.test(p.expected)), JSON.stringify(problems));
    assert.ok(!JSON.stringify(problems).includes('850709'), 'the number is never quoted');
  });
});
