// Bytes → text. UTF-8 (with or without BOM) first; if the bytes are not valid UTF-8, Windows-1252
// through iconv-lite (Node's own windows-1252 decoder maps 0x80–0x9F wrongly on Node ≥ 20.18.3).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Problem } from '../problems.ts';
import { readText } from '../problem-messages.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; problem: Problem };
export type Detected = { ok: true; encoding: Encoding } | { ok: false; problem: Problem };

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

/** The encoding of a file's bytes, or the problem that refuses them (NUL bytes, bytes Windows-1252 leaves undefined). */
export function detectEncoding(bytes: Uint8Array, file: string): Detected {
  // Excel's "Unicode text" export is UTF-16 with a BOM: accepted (an extension of the contract).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, problem: { file, line: lineAt(bytes, nul), expected: readText.nulBytes } };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Checked before decoding (simdutf, one pass): a failed strict decode of a large Windows-1252
  // export costs as much as the decode itself.
  if (isUtf8(bytes)) return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  const bad = Math.min(...[...CP1252_UNDEFINED].map((b) => bytes.indexOf(b)).filter((i) => i !== -1));
  if (bad !== Infinity) {
    return {
      ok: false,
      problem: { file, line: lineAt(bytes, bad), value: `byte 0x${bytes[bad]!.toString(16).toUpperCase()}`, expected: readText.undefinedByte },
    };
  }
  return { ok: true, encoding: 'windows-1252' };
}

const utf8AtStart = new TextDecoder('utf-8', { ignoreBOM: false });
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Bytes in `encoding` as text: a whole file, or (UTF-8 and Windows-1252, whose line ends are the
 * byte 0x0A and never part of a character) a piece of one cut after a line end. A UTF-8 BOM is
 * dropped only at the file's start (`atStart`); UTF-16 is decoded whole files only.
 */
export function decodeAs(bytes: Uint8Array, encoding: Encoding, atStart = true): string {
  switch (encoding) {
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    case 'utf-16be':
      return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    case 'utf-8':
    case 'utf-8-bom':
      return (atStart ? utf8AtStart : utf8).decode(bytes);
    case 'windows-1252': {
      // Without bytes 0x80–0x9F, Windows-1252 is Latin-1, which Node decodes natively and fast
      // (and a Latin-1 text shows its C1 bytes as the characters U+0080–U+009F: one scan finds them).
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const latin1 = buffer.toString('latin1');
      return C1.test(latin1) ? iconv.decode(buffer, 'win1252') : latin1;
    }
  }
}

/** A whole file's bytes as text, or the problem that refuses them. */
export function decode(bytes: Uint8Array, file: string): Decoded {
  const detected = detectEncoding(bytes, file);
  return detected.ok ? { ok: true, text: decodeAs(bytes, detected.encoding), encoding: detected.encoding } : detected;
}
