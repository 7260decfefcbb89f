// A file's bytes read a piece at a time (parseCsvFile) give the records, line numbers and problems
// of the whole file decoded at once (decode + parseCsv), at every piece size: pieces cut after a
// line end never split a character, a CRLF, a sep= line or the header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { parseCsv, parseCsvFile, type Parsed } from '../../scripts/read/csv.ts';
import { decode, detectEncoding } from '../../scripts/read/decode.ts';

const FILE = 'data/demo/deltagare.csv';

/** Header, delimiter and every record with its line, or the problems. */
function outcome(parsed: Parsed): unknown {
  if (!parsed.ok) return parsed.problems;
  const rows: [number, string[]][] = [];
  parsed.records.forEach((fields, line) => rows.push([line, fields.texts()]));
  const { header, headerLine, delimiter } = parsed.records;
  return { header, headerLine, delimiter, rows };
}

function whole(bytes: Buffer): unknown {
  const decoded = decode(bytes, FILE);
  return decoded.ok ? outcome(parseCsv(decoded.text, FILE)) : decoded.problem;
}

function inPieces(bytes: Buffer, piece: number): unknown {
  const detected = detectEncoding(bytes, FILE);
  return detected.ok ? outcome(parseCsvFile(bytes, detected.encoding, FILE, piece)) : detected.problem;
}

const TEXTS: [string, string][] = [
  ['UTF-8, CRLF, blank and odd lines', 'Deltagar-ID;Kön;Ort\r\nP01;K;Malmö\r\n\r\nP02;M;Umeå\r\n   \r\n;;\r\nP03;K;\r\nP04;;Luleå;extra\r\n\r\n\r\nP05;M;Kiruna'],
  ['sep= line and BOM', '\ufeffsep=;\r\nid;år\r\nP01;1980\r\n\r\nP02;1975\r\nP03;1990\r\n'],
  ['lone CRs among LFs', 'id;ort\rP01;Åre\nP02;Ödeshög\r\rP03;Älvdalen\r\nP04;x\r'],
  ['CR only', 'id;ort\rP01;Åre\rP02;Ödeshög\r'],
  ['a BOM inside the file stays a character', 'id;ort\nP01;\ufeffÅre\n\ufeffP02;x\n'],
  ['header only', 'id;kön\n'],
  ['header without newline', 'id;kön'],
  ['sep= line only', 'sep=;\n'],
  ['no delimiter', 'Deltagare\nP1\n'],
  ['empty', ''],
  ['quoted (read whole)', 'id;namn\nP1;"Andersson; Anna"\nP2;"rad ett\nrad två"\n'],
];

test('pieces of every size give what the whole file gives (UTF-8 and Windows-1252, quoted or not)', () => {
  for (const [name, text] of TEXTS) {
    const encodings: [string, Buffer][] = [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['windows-1252', iconv.encode(text.replaceAll('\ufeff', ''), 'win1252')],
    ];
    for (const [encoding, bytes] of encodings) {
      const expected = whole(bytes);
      for (let piece = 1; piece <= bytes.length + 1; piece++) assert.deepEqual(inPieces(bytes, piece), expected, `${name}, ${encoding}, pieces of ${piece} bytes`);
    }
  }
});

test('Windows-1252 pieces with and without bytes 0x80–0x9F decode each by its own bytes', () => {
  const text = `id;ort\n${Array.from({ length: 40 }, (_, i) => `P${i};${i % 7 === 0 ? 'Stöd – €' : 'Umeå'}`).join('\n')}\n`;
  const bytes = iconv.encode(text, 'win1252');
  const read = inPieces(bytes, 64) as { rows: [number, string[]][] };
  assert.deepEqual(read, whole(bytes));
  assert.deepEqual(read.rows[0], [2, ['P0', 'Stöd – €']]);
  assert.deepEqual(read.rows[1], [3, ['P1', 'Umeå']]);
});

test('a line longer than a piece is read whole', () => {
  const long = 'x'.repeat(5000);
  const bytes = Buffer.from(`id;text\nP1;${long}\nP2;å\n`, 'utf8');
  assert.deepEqual(inPieces(bytes, 100), whole(bytes));
  assert.deepEqual((inPieces(bytes, 100) as { rows: unknown[] }).rows, [[2, ['P1', long]], [3, ['P2', 'å']]]);
});

test('UTF-16 files and refused bytes are read as before', () => {
  for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id;ort\nP1;Åre\n', 'utf16le')]), Buffer.from('id;ort\nP1;\u0000\n'), Buffer.from([0x69, 0x64, 0x3b, 0x0a, 0x81, 0x0a])])
    assert.deepEqual(inPieces(bytes, 4), whole(bytes));
});
