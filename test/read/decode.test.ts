// Bytes → text: which encodings are accepted, and where the problem is when they are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../scripts/read/decode.ts';

const FILE = 'data/demo/deltagare.csv';
const SWEDISH = 'Kön;Ort\nå;ä\nö;Å Ä Ö – €\n';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

test('UTF-8 without BOM decodes as utf-8', () => {
  assert.deepEqual(decode(Buffer.from(SWEDISH, 'utf8'), FILE), { ok: true, text: SWEDISH, encoding: 'utf-8' });
});

test('UTF-8 with BOM decodes as utf-8-bom and the BOM is dropped', () => {
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SWEDISH, 'utf8')]);
  assert.deepEqual(decode(withBom, FILE), { ok: true, text: SWEDISH, encoding: 'utf-8-bom' });
});

test('Windows-1252: å ä ö Å Ä Ö – € decode to those characters', () => {
  // å=E5 ä=E4 ö=F6 Å=C5 Ä=C4 Ö=D6 –=96 €=80 (0x80–0x9F differ from Latin-1).
  const cp1252 = bytes('Namn;Ort\n', [0xe5, 0xe4, 0xf6, 0x3b, 0xc5, 0xc4, 0xd6], '\n', [0x96, 0x20, 0x80], '\n');
  assert.deepEqual(decode(cp1252, FILE), { ok: true, text: 'Namn;Ort\nåäö;ÅÄÖ\n– €\n', encoding: 'windows-1252' });
});

test('a Uint8Array view into a larger buffer decodes only its own bytes', () => {
  const backing = bytes('XXXX', [0xe5, 0x3b, 0x80], 'YYYY');
  const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, 3);
  assert.deepEqual(decode(view, FILE), { ok: true, text: 'å;€', encoding: 'windows-1252' });
});

test('UTF-16LE with BOM decodes', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SWEDISH, 'utf16le')]);
  assert.deepEqual(decode(utf16, FILE), { ok: true, text: SWEDISH, encoding: 'utf-16le' });
});

test('UTF-16BE with BOM decodes', () => {
  const le = Buffer.from(SWEDISH, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), FILE), { ok: true, text: SWEDISH, encoding: 'utf-16be' });
});

test('NUL bytes without a BOM are a problem on the line of the first NUL', () => {
  const result = decode(bytes('a;b\n1;2\n3;', [0], '4\n5;', [0], '\n'), FILE);
  assert.deepEqual(result, {
    ok: false,
    problem: {
      file: FILE,
      line: 3,
      expected: 'a text file in UTF-8 or Windows-1252 (this file has NUL bytes: UTF-16 without a byte order mark, UTF-32 or not text at all; save it again as "CSV UTF-8")',
    },
  });
});

test('UTF-16LE without BOM (NUL bytes) is refused on line 1', () => {
  const result = decode(Buffer.from('Kön;Ort\nå;ä\n', 'utf16le'), FILE);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.problem.line, 1);
});

test('a byte Windows-1252 leaves undefined (0x81) in non-UTF-8 text is a problem naming the byte and its line', () => {
  const result = decode(bytes('a;b\n', [0xe5], ';1\n2;', [0x81], '\n'), FILE);
  assert.deepEqual(result, {
    ok: false,
    problem: {
      file: FILE,
      line: 3,
      value: 'byte 0x81',
      expected: 'UTF-8 or Windows-1252 text (this byte is neither; save the file again as "CSV UTF-8")',
    },
  });
});

test('a valid UTF-8 file that happens to contain U+0081 stays UTF-8', () => {
  // The 0x81 byte here is a UTF-8 continuation byte (C2 81), not an undefined CP1252 byte.
  assert.deepEqual(decode(Buffer.from('a\u0081;b\n', 'utf8'), FILE), { ok: true, text: 'a\u0081;b\n', encoding: 'utf-8' });
});

test('an empty file decodes to empty UTF-8 text', () => {
  assert.deepEqual(decode(new Uint8Array(0), FILE), { ok: true, text: '', encoding: 'utf-8' });
});
