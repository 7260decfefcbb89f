// The files of one project's tables: each opened (refused before reading when it is missing, a
// link out of the project or too large), decoded, parsed and read row by row into its table,
// with every problem of every file collected. What the files were (name, SHA-256, rows,
// encoding) is recorded for indicators.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Config, TableMapping } from '../config/schema.ts';
import { projectCodes } from '../config/schema.ts';
import type { ColumnSpec, TableName } from '../config/contract.ts';
import { t as message } from '../messages.ts';
import type { Problem } from '../problems.ts';
import type { Check, InputFile } from '../publish/indicators-schema.ts';
import type { Cells } from './cells.ts';
import { parseCsvFile, type Parsed } from './csv.ts';
import { detectEncoding } from './decode.ts';
import { inputFileProblem } from './input-file.ts';
import { fileSizeProblem, xlsxSizeProblem } from './limits.ts';
import { FileProblems, tableReader, type TableReader } from './table.ts';
import { parseXlsx } from './xlsx.ts';
import type { CorrectedTable, Corrections } from './corrections.ts';
import { readText } from '../problem-messages.ts';

/** Where a table's accepted rows go: an array, or a column store like ActivityTable. */
export interface RowSink<T> {
  push(row: T): unknown;
  readonly length: number;
}

/** Columns a project's configuration adds to a table (survey questions and free-text answers). */
export type ExtraColumns = Record<string, ColumnSpec & { header: string; scale?: string[] }>;

/**
 * How a table's rows are read: `prepare` looks up its column readers once and returns the
 * builder of one row (run millions of times), null for a row it refuses; `check` looks at the
 * header before any row; `excluded` hears of each row a correction's rule leaves out.
 */
export interface RowReader<R, T extends TableName> {
  prepare: (r: TableReader<T>) => (fields: Cells, line: number, index: number) => R | null;
  check?: (r: TableReader<T>) => void;
  extra?: ExtraColumns;
  excluded?: (row: R, line: number) => void;
}

export interface ProjectFiles {
  root: string;
  dataDir: string;
  /** A path as messages show it (relative to the root). */
  shown: (path: string) => string;
  /** report.yaml as messages show it. */
  configShown: string;
}

export class TableFiles {
  readonly problems: Problem[] = [];
  readonly inputs: InputFile[] = [];
  readonly checks: Check[] = [];

  constructor(
    private readonly files: ProjectFiles,
    private readonly config: Config,
    private readonly corrections: Corrections,
  ) {}

  /** Reads every record of `table`'s file (if the configuration names one) into `rows`. */
  async read<R, T extends TableName>(rows: RowSink<R>, table: T, mapping: TableMapping | undefined, how: RowReader<R, T>): Promise<void> {
    if (!mapping) return;
    const opened = await this.open(table, mapping);
    if (!opened) return;
    if (!opened.records.ok) {
      this.problems.push(...opened.records.problems);
      return;
    }
    const { records } = opened.records;
    const reader = tableReader(table, records, mapping, opened.problems, this.files.configShown, how.extra, projectCodes(this.config));
    how.check?.(reader);
    const fix = table === 'participants' || table === 'activities' || table === 'followups' ? this.corrections.forTable(table as CorrectedTable, reader, this.files.configShown) : null;
    let count = 0;
    if (!reader.problems.any) {
      const build = how.prepare(reader);
      records.forEach((fields, line) => {
        count++;
        if (!reader.fieldCountOk(fields, line)) return;
        const input = fix ? fix.raw(fields) : fields;
        if (input === null) return;
        const before = reader.problems.total;
        const row = build(input, line, rows.length);
        if (row === null || reader.problems.total !== before) return;
        if (fix?.excludes(row as object)) return how.excluded?.(row, line);
        rows.push(row);
      });
    }
    this.inputs[this.inputs.length - 1]!.rows = count;
    this.problems.push(...reader.problems.all());
    const unused = reader.unused();
    if (unused.length > 0)
      // Published (page, PDF, indicators.json): the count only. Header names are input, and a file
      // without a header, or read as one line, would publish its rows as "column names".
      this.checks.push({ id: `input.unused_columns.${table}`, severity: 'info', message: message(this.config.language, 'check.unused_columns', { file: mapping.file, n: unused.length }) });
  }

  /** The table's file parsed into records, or null (its problem collected) when it cannot be read. */
  private async open(table: TableName, mapping: TableMapping): Promise<{ records: Parsed; problems: FileProblems } | null> {
    const path = join(this.files.dataDir, mapping.file);
    const file = this.files.shown(path);
    if (!existsSync(path)) return this.refuse({ file, expected: readText.tableFile(table, this.files.configShown) });
    const refused = inputFileProblem(path, this.files.root, file) ?? fileSizeProblem(statSync(path).size, file);
    // Refused before reading: a file past the size limit would exhaust memory (read/limits.ts).
    if (refused) return this.refuse(refused);
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let parsed: Parsed;
    let encoding = 'xlsx';
    if (extname(path).toLowerCase() === '.xlsx') {
      const bomb = xlsxSizeProblem(bytes, file);
      if (bomb) return this.refuse(bomb);
      parsed = await parseXlsx(bytes, file, mapping.sheet);
    } else {
      const detected = detectEncoding(bytes, file);
      if (!detected.ok) return this.refuse(detected.problem);
      encoding = detected.encoding;
      parsed = parseCsvFile(bytes, detected.encoding, file);
    }
    this.inputs.push({ table, file: mapping.file, sha256, rows: 0, encoding });
    return { records: parsed, problems: new FileProblems(file) };
  }

  private refuse(problem: Problem): null {
    this.problems.push(problem);
    return null;
  }
}
