// The CSV downloads as a reader's program sees them: BOM, CRLF and our "" quoting handled.
import { readFileSync } from 'node:fs';

/** Every row of a ';'-separated CSV download, header included, as cells. */
export function readDownloadRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let [row, cell, quoted] = [[] as string[], '', false];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row));
  return rows;
}
