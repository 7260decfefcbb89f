// Text → records with the line each record starts on. Both reading paths are covered: files
// without any quote take a fast split path, files with quotes go through csv-parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDelimiter, parseCsv, type Parsed } from '../../scripts/read/csv.ts';
import type { Problem } from '../../scripts/problems.ts';

const FILE = 'data/demo/deltagare.csv';

interface Read {
  header: string[];
  headerLine: number;
  delimiter: string;
  /** [first line of the record, fields] */
  rows: [number, string[]][];
}

function read(text: string): Read {
  const parsed: Parsed = parseCsv(text, FILE);
  if (!parsed.ok) assert.fail(`expected records, got problems: ${JSON.stringify(parsed.problems)}`);
  const { header, headerLine, delimiter } = parsed.records;
  const rows: [number, string[]][] = [];
  // Copy the fields: the reader may reuse one array for every record.
  parsed.records.forEach((fields, line) => rows.push([line, [...fields]]));
  return { header, headerLine, delimiter, rows };
}

function problems(text: string): Problem[] {
  const parsed = parseCsv(text, FILE);
  if (parsed.ok) assert.fail('expected problems, got records');
  return parsed.problems;
}

test('detectDelimiter: the most frequent of ; , tab outside quotes in the header', () => {
  assert.equal(detectDelimiter('a;b;c'), ';');
  assert.equal(detectDelimiter('a,b,c'), ',');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('Ort, län;Kön;År'), ';');
  assert.equal(detectDelimiter('"Ort; län";Kön,År,Månad'), ',');
  assert.equal(detectDelimiter('a|b|c'), null);
  assert.equal(detectDelimiter('Deltagare'), null);
});

test('semicolon, comma and tab files are read with the delimiter of their header', () => {
  for (const [d, name] of [[';', 'semicolon'], [',', 'comma'], ['\t', 'tab']] as const) {
    const text = ['id', 'kön', 'år'].join(d) + '\n' + ['P1', 'K', '1980'].join(d) + '\n' + ['P2', 'M', '1975'].join(d) + '\n';
    assert.deepEqual(
      read(text),
      { header: ['id', 'kön', 'år'], headerLine: 1, delimiter: d, rows: [[2, ['P1', 'K', '1980']], [3, ['P2', 'M', '1975']]] },
      name,
    );
  }
});

test('header names are trimmed, data fields are not', () => {
  assert.deepEqual(read(' id ; kön \n P1 ;K\n'), { header: ['id', 'kön'], headerLine: 1, delimiter: ';', rows: [[2, [' P1 ', 'K']]] });
});

test('a leading sep= line names the delimiter and shifts every line number by one', () => {
  assert.deepEqual(read('sep=;\na;b\n1;2\n\n3;4\n'), {
    header: ['a', 'b'],
    headerLine: 2,
    delimiter: ';',
    rows: [[3, ['1', '2']], [5, ['3', '4']]],
  });
  // sep= wins over what the header would suggest; BOM and CRLF before it are fine.
  assert.deepEqual(read('\ufeffSEP=,\r\nOrt; län,Kön\r\n"Ort; län",K\r\n'), {
    header: ['Ort; län', 'Kön'],
    headerLine: 2,
    delimiter: ',',
    rows: [[3, ['Ort; län', 'K']]],
  });
  assert.deepEqual(read('sep=\t\na\tb\n1\t2\n').rows, [[3, ['1', '2']]]);
});

test('a sep= line naming another delimiter is a problem on line 1', () => {
  assert.deepEqual(problems('sep=|\na|b\n1|2\n'), [{ file: FILE, line: 1, value: 'sep=|', expected: 'sep=; or sep=, or a tab after sep=' }]);
});

test('a file holding only a sep= line is empty (header expected on line 2)', () => {
  const empty = [{ file: FILE, line: 2, expected: 'a header line naming the columns (the file is empty)' }];
  assert.deepEqual(problems('sep=;'), empty);
  assert.deepEqual(problems('sep=;\r\n'), empty);
});

test('a BOM left in the text is not part of the first header', () => {
  assert.deepEqual(read('\ufeffid;kön\nP1;K\n').header, ['id', 'kön']);
});

test('quoted fields: embedded delimiters, doubled quotes and newlines; later records keep their first line (LF)', () => {
  const text = [
    'id;namn;kommentar', //                        1
    'P1;"Andersson; Anna";"sa ""hej"""', //        2
    'P2;Berg;"rad ett', //                         3
    'rad två', //                                  4
    '', //                                         5 (inside quotes: kept)
    'rad fyra"', //                                6
    '', //                                         7 (empty line: skipped)
    'P3;"Ceder";', //                              8
    'P4;"a\tb";"x,y"', //                          9
  ].join('\n');
  assert.deepEqual(read(text), {
    header: ['id', 'namn', 'kommentar'],
    headerLine: 1,
    delimiter: ';',
    rows: [
      [2, ['P1', 'Andersson; Anna', 'sa "hej"']],
      [3, ['P2', 'Berg', 'rad ett\nrad två\n\nrad fyra']],
      [8, ['P3', 'Ceder', '']],
      [9, ['P4', 'a\tb', 'x,y']],
    ],
  });
});

test('quoted fields with CRLF line ends and CRLF inside quotes count each line once', () => {
  const text = ['id;kommentar', '', 'P1;"a', '', 'b"', '', '', 'P2;"c"', 'P3;d', ''].join('\r\n');
  assert.deepEqual(read(text), {
    header: ['id', 'kommentar'],
    headerLine: 1,
    delimiter: ';',
    rows: [[3, ['P1', 'a\r\n\r\nb']], [8, ['P2', 'c']], [9, ['P3', 'd']]],
  });
});

test('CRLF and LF files give the same records and lines (both paths)', () => {
  for (const quoted of [false, true]) {
    const rows = [quoted ? '"id";x' : 'id;x', 'P1;1', '', 'P2;2', 'P3;3'];
    const lf = read(rows.join('\n'));
    const crlf = read(rows.join('\r\n') + '\r\n');
    assert.deepEqual(crlf, lf, `quoted: ${quoted}`);
    assert.deepEqual(lf.rows, [[2, ['P1', '1']], [4, ['P2', '2']], [5, ['P3', '3']]]);
  }
});

test('empty lines are skipped anywhere, whitespace-only and delimiter-only lines are records', () => {
  assert.deepEqual(read('a;b\n\n\n1;2\r\n\r\n   \n;\n3;4\n\n\n').rows, [
    [4, ['1', '2']],
    [6, ['   ']],
    [7, ['', '']],
    [8, ['3', '4']],
  ]);
});

/** Quote-free files that exercise the fast path, paired with an otherwise equal quoted file. */
const PARITY: [string, string][] = [
  ['mixed line ends, blank and odd lines', 'Deltagar-ID;Kön;Ort\nP01;K;Malmö\r\n\r\nP02;M;Umeå\n   \n;;\nP03;K;\nP04;;Luleå;extra\n\n\nP05;M;Kiruna'],
  ['sep= line, BOM and CRLF', '\ufeffsep=;\r\nid;år\r\nP01;1980\r\n\r\nP02;1975\r\nP03;1990\r\n'],
  ['comma, trailing empty lines', 'id,belopp\nP01,12.5\nP02,1 200\n\n\n'],
  ['tab, short rows', 'id\tkod\tår\nP01\tK\nP02\nP03\tM\t1975\n'],
  ['header only', 'id;kön\n'],
  ['header without newline', 'id;kön'],
];

test('the fast path and the csv-parse path give identical records and line numbers', () => {
  for (const [name, plain] of PARITY) {
    assert.ok(!plain.includes('"'), name);
    // Quoting the first header name sends the otherwise identical file through csv-parse.
    const quoted = plain.replace(/^(\ufeff?(?:sep=.\r?\n)?)([^;,\t\r\n]+)/, '$1"$2"');
    assert.notEqual(quoted, plain, name);
    assert.deepEqual(read(quoted), read(plain), name);
  }
  assert.deepEqual(read(PARITY[0]![1]).rows, [
    [2, ['P01', 'K', 'Malmö']],
    [4, ['P02', 'M', 'Umeå']],
    [5, ['   ']],
    [6, ['', '', '']],
    [7, ['P03', 'K', '']],
    [8, ['P04', '', 'Luleå', 'extra']],
    [11, ['P05', 'M', 'Kiruna']],
  ]);
});

test('an unterminated quote is a problem on the line where the quote opened', () => {
  const expected = 'a closing quote (") for the quote opened on this line; the rest of the file could not be read';
  assert.deepEqual(problems('id;namn\nP1;"Anna"\nP2;Berg\n\nP3;"Ceder\nP4;Dahl\nP5;Ek\n'), [{ file: FILE, line: 5, expected }]);
  // A multi-line quoted field before it does not shift the count; nor does a sep= line.
  assert.deepEqual(problems('sep=;\r\nid;namn\r\nP1;"a\r\nb"\r\nP2;"c\r\nP3;d\r\n'), [{ file: FILE, line: 5, expected }]);
});

test('a stray quote inside an unquoted field is a problem on its line', () => {
  const [p, ...rest] = problems('id;namn\r\nP1;"a\r\nb"\r\n\r\nP2;Berg\r\nP3;O"Neil\r\n');
  assert.deepEqual(rest, []);
  assert.equal(p!.file, FILE);
  assert.equal(p!.line, 6);
  assert.match(p!.expected, /^well-formed CSV quoting: a field is either fully quoted \("…", with "" for a quote inside\) or has no quotes \(.*\); the rest of the file could not be read$/);
});

test('a header without any known delimiter is a problem on the header line', () => {
  assert.deepEqual(problems('Deltagar-ID|Kön|År\nP1|K|1980\n'), [
    { file: FILE, line: 1, value: 'Deltagar-ID|Kön|År', expected: 'columns separated by ";", "," or tab in the header line (no known delimiter found)' },
  ]);
  assert.deepEqual(problems('\ufeffDeltagare\nP1\n'), [{ file: FILE, line: 1, value: 'Deltagare', expected: 'columns separated by ";", "," or tab in the header line (no known delimiter found)' }]);
});

test('an empty file is a problem', () => {
  const empty = [{ file: FILE, line: 1, expected: 'a header line naming the columns (the file is empty)' }];
  assert.deepEqual(problems(''), empty);
  assert.deepEqual(problems('\ufeff'), empty);
  assert.deepEqual(problems('\r\n\n'), empty);
});
