// .xlsx → the same Records shape as CSV. read-excel-file (maintained, no known CVEs) rather than
// the frozen `xlsx` package. Date cells become ISO dates; numbers keep a decimal point, which the
// value parser accepts alongside the decimal comma.
import { readSheet } from 'read-excel-file/node';
import type { Problem } from '../problems.ts';
import type { Parsed } from './csv.ts';
import { Cells } from './cells.ts';
import { readText } from '../problem-messages.ts';

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

export async function parseXlsx(bytes: Buffer, file: string, sheet?: string): Promise<Parsed> {
  let rows: unknown[][];
  try {
    rows = (await (sheet === undefined ? readSheet(bytes) : readSheet(bytes, sheet))) as unknown[][];
  } catch (err) {
    const problem: Problem = {
      file,
      expected: readText.xlsxReadable(sheet, (err as Error).message),
    };
    return { ok: false, problems: [problem] };
  }
  // The header is the first row with anything in it (sheets often start with blank rows).
  const start = rows.findIndex((cells) => cells.some((c) => cellText(c).trim() !== ''));
  const head = rows[start];
  if (!head) return { ok: false, problems: [{ file, line: 1, expected: readText.headerRow }] };
  const body = rows.slice(start + 1);
  return {
    ok: true,
    records: {
      header: head.map((h) => cellText(h).trim()),
      headerLine: start + 1,
      delimiter: ';',
      forEach(row) {
        const out = new Cells(head.length + 1);
        body.forEach((cells, i) => {
          const fields = cells.map(cellText);
          if (fields.some((f) => f !== '')) row(out.setTexts(fields), start + i + 2);
        });
      },
    },
  };
}
