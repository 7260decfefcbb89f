// Bytes → text. UTF-8 (with or without BOM) first; if the bytes are not valid UTF-8, Windows-1252
// through iconv-lite (Node's own windows-1252 decoder maps 0x80–0x9F wrongly on Node ≥ 20.18.3).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Problem } from '../problems.ts';
import { readText } from '../problem-messages.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; problem: Problem };

/** Bytes that Windows-1252 leaves undefined: their presence means some other encoding. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The C1 controls, where Windows-1252 and Latin-1 differ. */
// eslint-disable-next-line no-control-regex
const C1 = /[\u0080-\u009f]/;

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function decode(bytes: Uint8Array, file: string): Decoded {
  // Excel's "Unicode text" export is UTF-16 with a BOM: accepted (an extension of the contract).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      problem: {
        file,
        line: lineAt(bytes, nul),
        expected: readText.nulBytes,
      },
    };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Checked before decoding (simdutf, one pass): a failed strict decode of a large Windows-1252
  // export costs as much as the decode itself.
  if (isUtf8(buffer)) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  const bad = Math.min(...[...CP1252_UNDEFINED].map((b) => bytes.indexOf(b)).filter((i) => i !== -1));
  if (bad !== Infinity) {
    return {
      ok: false,
      problem: {
        file,
        line: lineAt(bytes, bad),
        value: `byte 0x${bytes[bad]!.toString(16).toUpperCase()}`,
        expected: readText.undefinedByte,
      },
    };
  }
  // Without bytes 0x80–0x9F, Windows-1252 is Latin-1, which Node decodes natively and fast (and
  // a Latin-1 text shows its C1 bytes as the characters U+0080–U+009F: one scan finds them).
  const latin1 = buffer.toString('latin1');
  if (!C1.test(latin1)) return { ok: true, text: latin1, encoding: 'windows-1252' };
  return { ok: true, text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
}
