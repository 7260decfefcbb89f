// The canonical tables of the data contract (documented in docs/data-contract.md, kept in step
// by test/config/data-contract-doc.test.ts): column names, types and closed code lists. One place, so the reader,
// the configuration check and the docs agree.

export const GENDERS = ['woman', 'man', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATION = ['primary', 'secondary', 'tertiary', 'unknown'] as const;
export type Education = (typeof EDUCATION)[number];

export const EXIT_REASONS = ['completed', 'early', 'moved', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/**
 * Labour market status at entry, as the ESF+ common indicators count it (Regulation (EU)
 * 2021/1057, Annex I): unemployed (long-term or not), inactive, employed or self-employed.
 * `long_term_unemployed` is for case systems that record it; otherwise an unemployed
 * participant is long-term unemployed by `months_without_work` and age (esf.ts).
 */
export const LABOUR_STATUSES = ['unemployed', 'long_term_unemployed', 'inactive', 'employed', 'self_employed', 'unknown'] as const;
export type LabourStatus = (typeof LABOUR_STATUSES)[number];

/** Yes/no characteristics (a qualification gained, a disability …); empty = not known. */
export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

/** The optional characteristics of the ESF+ "other" common output indicators, by contract column. */
export const CHARACTERISTICS = ['disability', 'third_country_national', 'foreign_background', 'minority', 'homeless', 'rural'] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];

export const OUTCOME_CODES = [
  'employed', 'subsidised_employment', 'self_employed', 'apprenticeship', 'internship', 'studies',
  'job_seeking', 'ordinary_programme', 'sick_leave', 'other', 'unknown',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** How a raw text field becomes a typed value. `code` is an open code list; `enum` a closed one. */
export type ColumnType =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'code' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enum-list'; values: readonly string[] };

export interface ColumnSpec<T extends ColumnType = ColumnType> {
  type: T;
  required: boolean;
}

/** The value a column of a type reads into: numbers, a code of its closed list (a list of them), or text. */
export type ValueOf<C extends ColumnSpec> = C['type'] extends { kind: 'integer' | 'number' }
  ? number
  : C['type'] extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : C['type'] extends { kind: 'enum-list'; values: readonly (infer V)[] }
      ? readonly V[]
      : string;

/** A project's own codes (report.yaml `codes`), added to the closed lists they extend. */
export interface ProjectCodes {
  /** Further codes of the outcome list: participants.exit_status and followups.status. */
  outcome: readonly string[];
  /** Further codes of the exit reason list: participants.exit_reason. */
  exit_reason: readonly string[];
}

/** The most codes the outcome list may have in all (the engine keeps a participant's codes in one 31-bit mask). */
export const MAX_OUTCOME_CODES = 31;

const t = {
  string: { kind: 'string' },
  integer: { kind: 'integer' },
  number: { kind: 'number' },
  date: { kind: 'date' },
  code: { kind: 'code' },
} as const satisfies Record<string, ColumnType>;

const col = <T extends ColumnType>(type: T, required = false): ColumnSpec<T> => ({ type, required });

export const TABLES = {
  participants: {
    participant_id: col(t.string, true),
    unit: col(t.string, true),
    gender: col({ kind: 'enum', values: GENDERS }, true),
    birth_year: col(t.integer),
    age_at_entry: col(t.integer),
    education: col({ kind: 'enum', values: EDUCATION }),
    entry_date: col(t.date, true),
    exit_date: col(t.date),
    referral: col(t.code),
    income_at_entry: col(t.code),
    months_without_work: col(t.integer),
    exit_reason: col({ kind: 'enum', values: EXIT_REASONS }),
    exit_status: col({ kind: 'enum-list', values: OUTCOME_CODES }),
    labour_status_at_entry: col({ kind: 'enum', values: LABOUR_STATUSES }),
    qualification_at_exit: col({ kind: 'enum', values: YES_NO }),
    disability: col({ kind: 'enum', values: YES_NO }),
    third_country_national: col({ kind: 'enum', values: YES_NO }),
    foreign_background: col({ kind: 'enum', values: YES_NO }),
    minority: col({ kind: 'enum', values: YES_NO }),
    homeless: col({ kind: 'enum', values: YES_NO }),
    rural: col({ kind: 'enum', values: YES_NO }),
  },
  activities: {
    participant_id: col(t.string, true),
    activity: col(t.code, true),
    provider: col(t.string),
    start_date: col(t.date),
    end_date: col(t.date),
    months: col(t.number),
    hours: col(t.number),
    result: col(t.code),
  },
  followups: {
    participant_id: col(t.string, true),
    months_after_exit: col(t.integer, true),
    status: col({ kind: 'enum', values: OUTCOME_CODES }, true),
    improved_situation: col({ kind: 'enum', values: YES_NO }),
  },
  // Question columns are added from the configuration's survey section.
  survey: {
    respondent_id: col(t.string),
    survey: col(t.string),
  },
  costs: {
    year: col(t.integer, true),
    item: col(t.string, true),
    amount_sek: col(t.number, true),
    budget_sek: col(t.number),
  },
} as const satisfies Record<string, Record<string, ColumnSpec>>;

export type TableName = keyof typeof TABLES;
/** The contract's column names of a table. */
export type ColumnName<T extends TableName> = keyof (typeof TABLES)[T] & string;
/** What a column of the contract reads into. */
export type ColumnValue<T extends TableName, N extends ColumnName<T>> = (typeof TABLES)[T][N] extends ColumnSpec ? ValueOf<(typeof TABLES)[T][N]> : never;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The closed outcome list with a project's own codes after the built-in ones. */
export const outcomeCodes = (codes?: ProjectCodes): readonly string[] => (codes && codes.outcome.length > 0 ? [...OUTCOME_CODES, ...codes.outcome] : OUTCOME_CODES);
/** The closed exit reason list with a project's own codes after the built-in ones. */
export const exitReasons = (codes?: ProjectCodes): readonly string[] => (codes && codes.exit_reason.length > 0 ? [...EXIT_REASONS, ...codes.exit_reason] : EXIT_REASONS);

/**
 * The columns of a table as a project reads them: the contract's, with the closed lists that
 * the project's own codes extend (exit_status, exit_reason, follow-up status).
 */
export function tableSpec(table: TableName, codes?: ProjectCodes): Record<string, ColumnSpec> {
  const spec: Record<string, ColumnSpec> = { ...TABLES[table] };
  if (!codes) return spec;
  const outcome = outcomeCodes(codes);
  if (table === 'participants') {
    spec.exit_status = { ...spec.exit_status!, type: { kind: 'enum-list', values: outcome } };
    spec.exit_reason = { ...spec.exit_reason!, type: { kind: 'enum', values: exitReasons(codes) } };
  }
  if (table === 'followups') spec.status = { ...spec.status!, type: { kind: 'enum', values: outcome } };
  return spec;
}

export interface Participant {
  id: string;
  unit: string;
  gender: Gender;
  birthYear: number | null;
  ageAtEntry: number | null;
  education: Education | null;
  entryDate: string;
  exitDate: string | null;
  referral: string | null;
  incomeAtEntry: string | null;
  monthsWithoutWork: number | null;
  /** A code of the exit reason list, or one of the project's own (`codes.exit_reason`). */
  exitReason: ExitReason | (string & {}) | null;
  /** Codes of the outcome list, or the project's own (`codes.outcome`). */
  exitStatus: (OutcomeCode | (string & {}))[];
  /** Optional columns of the ESF+ indicators (absent: not known, as an empty cell). */
  labourStatus?: LabourStatus | null;
  qualification?: boolean | null;
  characteristics?: Partial<Record<Characteristic, boolean | null>>;
}

export interface Activity {
  participantId: string;
  /** Index of the participant in Dataset.participants, resolved by the loader. */
  participant: number;
  activity: string;
  provider: string | null;
  startDate: string | null;
  endDate: string | null;
  months: number | null;
  hours: number | null;
  result: string | null;
}

export interface Followup {
  participantId: string;
  /** Index of the participant in Dataset.participants, resolved by the loader. */
  participant: number;
  monthsAfterExit: number;
  /** A code of the outcome list, or one of the project's own (`codes.outcome`). */
  status: OutcomeCode | (string & {});
  /** An improved labour market situation at this point (ESF+ EECR06); absent or null: not known. */
  improvedSituation?: boolean | null;
}

export interface SurveyResponse {
  respondentId: string | null;
  survey: string | null;
  /** Question id → answer (an entry of the question's scale) or null when unanswered. */
  answers: Record<string, string | null>;
  /** Whether the row holds any answer, free text included (an invited respondent who did not answer has none). */
  answered: boolean;
}

export interface Cost {
  year: number;
  item: string;
  amountSek: number;
  budgetSek: number | null;
}

/** Everything the engine computes from: validated, canonical, no file names left. */
export interface Dataset {
  participants: Participant[];
  activities: Activity[];
  followups: Followup[];
  survey: SurveyResponse[];
  costs: Cost[];
}
