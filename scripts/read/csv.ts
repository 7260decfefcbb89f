// Text → records with their line numbers. A file without any quote character takes a fast
// split path (about 4× csv-parse's throughput, which the 1-million-row benchmark needs), read
// from its bytes a piece at a time; any file with quotes goes through csv-parse, which handles
// quoted delimiters, quotes and newlines. test/read/read-csv.test.ts proves the paths agree.
import { parse } from 'csv-parse/sync';
import type { Problem } from '../problems.ts';
import { quoteInput } from '../privacy/mask.ts';
import { detach } from './detach.ts';
import { Cells } from './cells.ts';
import { readText } from '../problem-messages.ts';
import { decodeAs, type Encoding } from './decode.ts';

export type Delimiter = ';' | ',' | '\t';

export interface Records {
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  /**
   * Calls `row` for each data record (empty lines skipped) with its first line number. The
   * cells are reused between calls: take their texts (`texts()`) to keep them.
   */
  forEach(row: (fields: Cells, line: number) => void): void;
}

export type Parsed = { ok: true; records: Records } | { ok: false; problems: Problem[] };

const DELIMITERS: Delimiter[] = [';', ',', '\t'];
const nameOf = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

/** The delimiter that occurs most often outside quotes in the header line, or null. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as string[]).includes(ch)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)!) best = d;
  return best;
}

/** The line at `from` without its line end, as a copy (a slice would keep the whole text alive: detach.ts). */
function firstLine(text: string, from: number): string {
  let end = text.indexOf('\n', from);
  if (end === -1) end = text.length;
  if (end > from && text.charCodeAt(end - 1) === 13) end--;
  return detach(text.slice(from, end));
}

/**
 * LF for every line end: CRLF and LF files pass through untouched (a CR before LF is dropped where
 * a line is cut), a CR without LF (old Mac exports, some survey tools) becomes LF. Without this a
 * CR-only file reads as a single header line whose "column names" are all its rows.
 */
export function lineEndsToLf(text: string): string {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return text.replace(/\r\n?/g, '\n');
  return text;
}

/** Where the header line starts in `text` (after a BOM and a `sep=` line), its line and the delimiter. */
type Head = { ok: true; start: number; headerLine: number; delimiter: Delimiter } | { ok: false; problems: Problem[] };

function headOf(text: string, file: string): Head {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let headerLine = 1;
  let delimiter: Delimiter | null = null;
  // Excel writes a first line "sep=;" to name the delimiter.
  const sep = /^sep=(.)$/i.exec(firstLine(text, start));
  if (sep) {
    if (!(DELIMITERS as string[]).includes(sep[1]!))
      return { ok: false, problems: [{ file, line: 1, value: sep[0], expected: readText.sepLine }] };
    delimiter = sep[1] as Delimiter;
    const eol = text.indexOf('\n', start);
    start = eol === -1 ? text.length : eol + 1;
    headerLine = 2;
  }
  const head = firstLine(text, start);
  if (head.trim() === '') return { ok: false, problems: [{ file, line: headerLine, expected: readText.headerLine }] };
  delimiter ??= detectDelimiter(head);
  if (delimiter === null) return { ok: false, problems: [{ file, line: headerLine, value: quoteInput(head, 80), expected: readText.delimiter }] };
  return { ok: true, start, headerLine, delimiter };
}

export function parseCsv(source: string, file: string): Parsed {
  const text = lineEndsToLf(source);
  const head = headOf(text, file);
  if (!head.ok) return head;
  return text.includes('"', head.start) ? parseQuoted(text.slice(head.start), file, head.headerLine, head.delimiter) : parsePlain(text, head, () => []);
}

/** Bytes a piece of a file decodes at a time (parseCsvFile), cut after the line end before it. */
const PIECE_BYTES = 1 << 18;

/**
 * A file's bytes in `encoding` → records. A UTF-8 or Windows-1252 file without quotes is decoded
 * and split a piece at a time (about PIECE_BYTES, cut after a line end): its text is never one
 * string the size of the file beside the file's bytes. Any other file is decoded whole and read
 * by parseCsv; both give the same records and problems.
 */
export function parseCsvFile(bytes: Buffer, encoding: Encoding, file: string, piece = PIECE_BYTES): Parsed {
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || bytes.indexOf(0x22) !== -1) return parseCsv(decodeAs(bytes, encoding), file);
  // The first piece holds at least a `sep=` line and the header line.
  const firstEnd = pieceEnd(bytes, 0, nthLineEnd(bytes, 2), piece);
  const text = lineEndsToLf(decodeAs(bytes.subarray(0, firstEnd), encoding));
  const head = headOf(text, file);
  if (!head.ok) return head;
  function* rest(): Iterable<string> {
    for (let from = firstEnd; from < bytes.length; ) {
      const end = pieceEnd(bytes, from, from, piece);
      yield lineEndsToLf(decodeAs(bytes.subarray(from, end), encoding, false));
      from = end;
    }
  }
  return parsePlain(text, head, rest);
}

/** The offset of the `n`th byte 0x0A (LF), or the length when there are fewer. */
function nthLineEnd(bytes: Buffer, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) if ((at = bytes.indexOf(10, at + 1)) === -1) return bytes.length;
  return at;
}

/** The end (after its line end) of the piece from `from`: the last LF within `piece` bytes, none before `atLeast` (≥ `from`). */
function pieceEnd(bytes: Buffer, from: number, atLeast: number, piece: number): number {
  if (from + piece >= bytes.length) return bytes.length;
  const cut = bytes.lastIndexOf(10, from + piece - 1);
  if (cut >= atLeast) return cut + 1;
  const next = bytes.indexOf(10, Math.max(from + piece, atLeast));
  return next === -1 ? bytes.length : next + 1;
}

/**
 * Records split from `text` after its header line and then from each of `rest`'s pieces, which
 * start and end at line ends.
 */
function parsePlain(text: string, { start, headerLine, delimiter }: Head & { ok: true }, rest: () => Iterable<string>): Parsed {
  const headEnd = text.indexOf('\n', start);
  const header = firstLine(text, start).split(delimiter).map((h) => h.trim());
  return {
    ok: true,
    records: {
      header,
      headerLine,
      delimiter,
      forEach(row) {
        if (headEnd === -1) return;
        // One Cells for all records, its fields ranges of the text: no line string, no field
        // string and no new array per record (a million-row file otherwise spends its time in GC).
        // Callers must not keep the cells past their callback.
        const fields = new Cells(header.length + 1);
        let line = splitLines(text, headEnd + 1, headerLine + 1, delimiter, fields, row);
        for (const piece of rest()) line = splitLines(piece, 0, line, delimiter, fields, row);
      },
    },
  };
}

/** Calls `row` for each non-empty line of `text` from `pos` on; returns the number of the line after the text. */
function splitLines(text: string, pos: number, line: number, delimiter: Delimiter, fields: Cells, row: (fields: Cells, line: number) => void): number {
  const n = text.length;
  fields.source = text;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > pos) {
      let count = 0;
      let from = pos;
      for (let d = text.indexOf(delimiter, from); d !== -1 && d < stop; d = text.indexOf(delimiter, from)) {
        fields.ensure(count);
        fields.start[count] = from;
        fields.end[count++] = d;
        from = d + 1;
      }
      fields.ensure(count);
      fields.start[count] = from;
      fields.end[count++] = stop;
      fields.length = count;
      row(fields, line);
    }
    pos = end + 1;
    line++;
  }
  return line;
}

function parseQuoted(body: string, file: string, headerLine: number, delimiter: Delimiter): Parsed {
  const bytes = Buffer.from(body, 'utf8');
  const out: { fields: string[]; line: number }[] = [];
  // Line numbers are counted here from the byte offset where each record ends (info.bytes):
  // csv-parse's own line count counts a "\r\n" inside a quoted field as two lines.
  let pos = 0;
  let line = headerLine;
  /** Skips empty lines from `pos`; returns the line the next record starts on. */
  const recordStart = (): number => {
    for (let b = bytes[pos]; b === 13 || b === 10; b = bytes[++pos]) if (b === 10) line++;
    return line;
  };
  try {
    parse(bytes, {
      delimiter,
      // Both line endings, as the plain path accepts them, even mixed in one file.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: false,
      on_record: (record: string[], info) => {
        const first = recordStart();
        for (let i = bytes.indexOf(10, pos); i !== -1 && i < info.bytes; i = bytes.indexOf(10, i + 1)) line++;
        pos = info.bytes;
        out.push({ fields: record, line: first });
        return null;
      },
    });
  } catch (err) {
    const e = err as { code?: string; message: string };
    // csv-parse stops at its first error; the records before it are lost with it, so report the
    // error where its record starts and say that the rest of the file could not be read.
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? headerLine - 1 + guessOpenQuoteLine(body, delimiter) : recordStart();
    const expected = e.code === 'CSV_QUOTE_NOT_CLOSED' ? readText.closingQuote : readText.quoting(e.message);
    return { ok: false, problems: [{ file, line, expected }] };
  }
  const [first, ...rest] = out;
  if (!first) return { ok: false, problems: [{ file, line: headerLine, expected: readText.headerLine }] };
  return {
    ok: true,
    records: {
      header: first.fields.map((h) => h.trim()),
      headerLine,
      delimiter,
      forEach(row) {
        const cells = new Cells(first.fields.length + 1);
        for (const r of rest) row(cells.setTexts(r.fields), r.line);
      },
    },
  };
}

/** Line (1-based, in `body`) of the quote that is never closed: scan quote state line by line. */
function guessOpenQuoteLine(body: string, delimiter: Delimiter): number {
  let quoted = false;
  let openedAt = 1;
  let line = 1;
  let atFieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      openedAt = line;
    }
    if (ch === '\n') line++;
    atFieldStart = ch === delimiter || ch === '\n';
  }
  return openedAt;
}

export { nameOf as delimiterName };
