// .xlsx input: a participants sheet with real date and number cells loads to the same canonical
// participants as the equivalent CSV. Workbooks are written here with write-excel-file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { parseXlsx } from '../../scripts/read/xlsx.ts';
import { DATE_EXPECTED } from '../../scripts/read/values.ts';
import { CONFIG, PARTICIPANTS_HEADER, PARTICIPANT_ROWS, loadFixture, problemsOf, project } from '../helpers/fixture-project.ts';

const XLSX_FILE = 'data/demo/deltagare.xlsx';
const xlsxConfig = (extra = '') => CONFIG.replace('    file: deltagare.csv\n', `    file: deltagare.xlsx\n${extra}`);

const date = (iso: string, time = ''): Cell => ({ value: new Date(`${iso}T${time || '00:00'}:00Z`), type: Date, format: time ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' });

/** PARTICIPANT_ROWS as sheet rows: birth year and months as numbers, dates as date cells. */
function sheetRows(rows = PARTICIPANT_ROWS): SheetData {
  const header = PARTICIPANTS_HEADER.split(';');
  return [
    header,
    ...rows.map((r) => {
      const [id, unit, gender, birth, entry, exit, months, status] = r.split(';') as [string, string, string, string, string, string, string, string];
      return [id, unit, gender, Number(birth), date(entry), exit ? date(exit) : null, Number(months), status || null];
    }),
  ];
}

const workbook = (data: SheetData, sheet?: string, more: { data: SheetData; sheet: string }[] = []) =>
  writeXlsxFile([{ data, ...(sheet ? { sheet } : {}) }, ...more]).toBuffer();

test('a participants .xlsx with date and number cells loads to the same participants as the CSV', async () => {
  const fromCsv = await loadFixture(project());
  const buffer = await workbook(sheetRows());
  const fromXlsx = await loadFixture(project({ 'deltagare.xlsx': buffer }, xlsxConfig()));
  assert.equal(fromXlsx.dataset.participants.length, 6);
  assert.deepEqual(fromXlsx.dataset.participants, fromCsv.dataset.participants);
  assert.deepEqual(fromXlsx.dataset.activities, fromCsv.dataset.activities);
  assert.deepEqual(fromXlsx.inputs[0], { table: 'participants', file: 'deltagare.xlsx', sha256: fromXlsx.inputs[0]!.sha256, rows: 6, encoding: 'xlsx' });
  assert.match(fromXlsx.inputs[0]!.sha256, /^[0-9a-f]{64}$/);
});

test('a date cell with a time of day keeps its calendar date; numbers stored as text are read too', async () => {
  const rows = sheetRows(PARTICIPANT_ROWS.slice(0, 1));
  rows[1] = ['P01', 'Norr', 'K', '1980', date('2020-03-01', '23:45'), date('2021-01-15', '00:15'), '12', 'Anställning'];
  const { dataset } = await loadFixture(project({ 'deltagare.xlsx': await workbook(rows), 'aktiviteter.csv': 'Deltagar-ID;Insats\n' }, xlsxConfig()));
  assert.deepEqual(
    dataset.participants.map((p) => [p.id, p.birthYear, p.entryDate, p.exitDate, p.monthsWithoutWork]),
    [['P01', 1980, '2020-03-01', '2021-01-15', 12]],
  );
});

test('problems in a sheet name its row as the line; empty rows are skipped but still counted', async () => {
  const rows = sheetRows();
  rows[3] = ['P03', 'Söder', 'X', 1990, date('2020-05-10'), date('2021-06-30'), 6, 'Studier'];
  rows[5] = ['P05', 'Norr', 'K', 1999, '2021-02-30', null, 3, null];
  rows.splice(4, 0, [null, null, null, null, null, null, null, null]);
  const found = await problemsOf(project({ 'deltagare.xlsx': await workbook(rows) }, xlsxConfig()));
  assert.deepEqual(found, [
    {
      file: XLSX_FILE,
      line: 4,
      column: 'Kön',
      value: 'X',
      expected: 'a value listed in tables.participants.values.gender in content/demo/report.yaml (K, M); add "X: <canonical value>" there if it is valid',
    },
    { file: XLSX_FILE, line: 7, column: 'Inskrivningsdatum', value: '2021-02-30', expected: DATE_EXPECTED.iso },
  ]);
});

test('the sheet named in the configuration is read; a missing sheet is a problem', async () => {
  const other: SheetData = [['Annat'], ['x']];
  const buffer = await workbook(other, 'Info', [{ data: sheetRows(), sheet: 'Deltagare' }]);
  const { dataset } = await loadFixture(project({ 'deltagare.xlsx': buffer }, xlsxConfig('    sheet: Deltagare\n')));
  assert.equal(dataset.participants.length, 6);
  const found = await problemsOf(project({ 'deltagare.xlsx': buffer }, xlsxConfig('    sheet: Deltagarna\n')));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.file, XLSX_FILE);
  assert.match(found[0]!.expected, /^a readable \.xlsx workbook with a sheet named "Deltagarna" \(/);
});

test('a file named .xlsx that is not a workbook is a problem, not a crash', async () => {
  const found = await problemsOf(project({ 'deltagare.xlsx': 'Deltagar-ID;Kön\nP01;K\n' }, xlsxConfig()));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.file, XLSX_FILE);
  assert.match(found[0]!.expected, /^a readable \.xlsx workbook \(/);
});

test('parseXlsx: header trimmed, cells as text, dates as ISO, line = row number', async () => {
  const buffer = await workbook([[' id ', 'när', 'antal'], ['A', date('2014-03-05'), 12.5], [null, null, null], ['B', null, 1200]]);
  const parsed = await parseXlsx(buffer, XLSX_FILE);
  assert.ok(parsed.ok);
  const rows: [number, string[]][] = [];
  parsed.records.forEach((fields, line) => rows.push([line, [...fields]]));
  assert.deepEqual(parsed.records.header, ['id', 'när', 'antal']);
  assert.equal(parsed.records.headerLine, 1);
  assert.deepEqual(rows, [[2, ['A', '2014-03-05', '12.5']], [4, ['B', '', '1200']]]);
});

test('parseXlsx: blank rows above the header are skipped and line numbers stay the sheet rows', async () => {
  const buffer = await workbook([[null, null], [null, null], ['id', 'antal'], ['A', 1], ['B', 2]]);
  const parsed = await parseXlsx(buffer, XLSX_FILE);
  assert.ok(parsed.ok);
  const rows: [number, string[]][] = [];
  parsed.records.forEach((fields, line) => rows.push([line, [...fields]]));
  assert.deepEqual([parsed.records.header, parsed.records.headerLine, rows], [['id', 'antal'], 3, [[4, ['A', '1']], [5, ['B', '2']]]]);
});

test('parseXlsx: an empty sheet is a problem', async () => {
  const parsed = await parseXlsx(await workbook([[null], [null]]), XLSX_FILE);
  assert.deepEqual(parsed, { ok: false, problems: [{ file: XLSX_FILE, line: 1, expected: 'a header row naming the columns (the sheet is empty)' }] });
});
