// The canonical tables of the data contract: column names, types and closed code lists, and per
// column its row field, the configuration keys that may name it (ROLES), the code that records
// "not known" and its text for the docs. The one definition of a column: the reader's typed
// columns, the configuration schema's column enums (roleColumns), the engine's accessor
// (columnValue), the row types' agreement (RowsAgree) and the tables of docs/data-contract.md
// (contract-doc.ts, written by `npm run schema`, checked by test/config/data-contract-doc.test.ts)
// are derived from it.

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

/** The closed code lists by the name the docs give them (docs/data-contract.md, "Code list: <name>"). */
export const CODE_LISTS = {
  gender: GENDERS,
  'labour status': LABOUR_STATUSES,
  'yes-no': YES_NO,
  education: EDUCATION,
  'exit reason': EXIT_REASONS,
  outcome: OUTCOME_CODES,
} as const satisfies Record<string, readonly string[]>;

/**
 * The configuration keys that may name a column, and what each does with a code that records
 * "not known" (a column's `notKnown`, such as education `unknown`): `value` treats it as any other
 * code (a share reports it as a category of its own, a rule can match it), `missing` as an empty
 * cell (a model leaves the row out). Today's published figures rest on exactly this split.
 */
export const ROLES = {
  outcome_group: { key: 'outcome_groups[].column', notKnown: 'value', doc: "a code like any other: an outcome group may list it, and an exit with it is in every group's base" },
  entry_group: { key: 'entry_groups[].column', notKnown: 'value', doc: 'a value like any other: the participant is in the base (a member when the group lists the code); only an empty cell is left out' },
  distribution: { key: 'distributions[].column', notKnown: 'value', doc: 'a category of its own, which `categories` must list; only an empty cell is left out' },
  predictor: { key: 'models[].predictors[].column', notKnown: 'missing', doc: 'missing, as an empty cell: the model leaves the row out' },
  correction: { key: 'corrections[].column, corrections[].where.column', notKnown: 'value', doc: 'a value a rule can match (`equals: [unknown]`); `missing: true` matches only an empty cell' },
} as const satisfies Record<string, { key: string; notKnown: 'value' | 'missing'; doc: string }>;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** The definition of one column of the contract: what the reader, the configuration, the engine and the docs derive. */
export interface ColumnDef<T extends ColumnType = ColumnType, F extends string = string, R extends readonly Role[] = readonly Role[]> extends ColumnSpec<T> {
  /** The field of the table's row type the reader fills (participant_id → id; a characteristic → characteristics.<name>). */
  field: F;
  /** The configuration keys that may name the column (ROLES). */
  roles: R;
  /** The code of its closed list that records "not known" (education `unknown`); ROLES says how each use treats it. */
  notKnown?: string;
  /** The docs' "required" cell for a column required in some cases only (otherwise yes or no). */
  requiredWhen?: string;
  /** What the column holds (docs/data-contract.md, "meaning"). */
  meaning: string;
  /** Which figures use it (docs/data-contract.md, "figures that use it"). */
  figures: string;
}

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
const oneOf = <const V extends readonly string[]>(values: V) => ({ kind: 'enum', values }) as const;
const listOf = <const V extends readonly string[]>(values: V) => ({ kind: 'enum-list', values }) as const;

type ColumnText = Partial<Pick<ColumnDef, 'required' | 'notKnown' | 'requiredWhen'>> & Pick<ColumnDef, 'meaning' | 'figures'>;

const col = <const T extends ColumnType, const F extends string, const R extends readonly Role[]>(type: T, field: F, roles: R, text: ColumnText): ColumnDef<T, F, R> => ({
  type, required: text.required ?? false, field, roles, ...text,
});

const CORRECTED = ['correction'] as const;
/** An optional characteristic of the ESF+ indicators: yes/no, read into Participant.characteristics. */
const trait = <const C extends Characteristic>(name: C, meaning: string, figures: string) => col(oneOf(YES_NO), `characteristics.${name}`, CORRECTED, { meaning, figures });

export const TABLES = {
  participants: {
    participant_id: col(t.string, 'id', [], {
      required: true,
      meaning: 'pseudonymous id, unique within the project; links activities, follow-ups and survey answers. A value that is a Swedish personal identity or coordination number (valid check digit) is refused',
      figures: 'none (never published; the final scan refuses any output holding one)',
    }),
    unit: col(t.string, 'unit', ['predictor', 'correction'], {
      required: true,
      meaning: 'the subproject, workshop, municipality or provider (the configuration names the level, e.g. "Delprojekt"); must be a unit of `units.items`',
      figures: 'the unit breakdown of every participant figure',
    }),
    gender: col(oneOf(GENDERS), 'gender', ['predictor', 'correction'], {
      required: true,
      meaning: "the participant's gender as the case system records it",
      figures: 'the gender breakdown of every participant figure; `participants.women`; ESF breakdowns',
    }),
    birth_year: col(t.integer, 'birthYear', ['correction'], {
      requiredWhen: 'one of the two',
      meaning: 'year of birth; age at entry is the entry year minus it',
      figures: '`entry.<group>` and `dist.<id>` on `age_at_entry`, models, ESF age groups',
    }),
    age_at_entry: col(t.integer, 'ageAtEntry', ['entry_group', 'distribution', 'predictor', 'correction'], {
      requiredWhen: 'one of the two',
      meaning: 'age at entry, when the export gives it instead of a birth year',
      figures: 'as `birth_year`',
    }),
    education: col(oneOf(EDUCATION), 'education', ['entry_group', 'distribution', 'predictor', 'correction'], {
      notKnown: 'unknown',
      meaning: 'highest education at entry',
      figures: '`dist.<id>` and `entry.<group>` on education, models, ESF education',
    }),
    entry_date: col(t.date, 'entryDate', ['correction'], {
      required: true,
      meaning: 'inskrivning: the day the participant started',
      figures: '`participants.enrolled` (within the period), `participants.months_enrolled_mean`',
    }),
    exit_date: col(t.date, 'exitDate', ['correction'], {
      meaning: 'utskrivning; empty while the participant is still enrolled',
      figures: '`participants.exited`, `participants.still_enrolled`, `participants.months_enrolled_mean`, every `exit.<group>`, follow-ups',
    }),
    referral: col(t.code, 'referral', ['entry_group', 'distribution', 'predictor', 'correction'], {
      meaning: 'who referred the participant (e.g. `municipality`, `employment_service`, `social_insurance`, `other`)',
      figures: '`entry.<group>` and `dist.<id>` on referral, models',
    }),
    income_at_entry: col(t.code, 'incomeAtEntry', ['entry_group', 'distribution', 'predictor', 'correction'], {
      meaning: 'primary income at entry (e.g. `social_assistance`, `activity_support`, `sickness_benefit`, `establishment_benefit`, `salary`, `none`, `other`)',
      figures: '`entry.<group>` and `dist.<id>` on income, models',
    }),
    months_without_work: col(t.integer, 'monthsWithoutWork', ['entry_group', 'distribution', 'predictor', 'correction'], {
      meaning: 'months without work or studies (or in public support) at entry',
      figures: '`entry.<group>` with `min`/`max`, `dist.<id>` bands, models, ESF+ long-term unemployed (an unemployed participant with more than 6 months below 25 years of age, more than 12 from 25)',
    }),
    exit_reason: col(oneOf(EXIT_REASONS), 'exitReason', ['outcome_group', 'distribution', 'correction'], {
      meaning: 'why the participation ended',
      figures: '`exit.<group>` of outcome groups with `column: exit_reason`',
    }),
    exit_status: col(listOf(OUTCOME_CODES), 'exitStatus', ['outcome_group', 'correction'], {
      notKnown: 'unknown',
      requiredWhen: 'when `exit_date` is set',
      meaning: 'destination at exit; several codes when the export records several (a participant can be both in an internship and job seeking: shares of different groups may then add up to more than 100 %)',
      figures: '`exit.<group>` of outcome groups with `column: exit_status`, models, comparisons',
    }),
    labour_status_at_entry: col(oneOf(LABOUR_STATUSES), 'labourStatus', CORRECTED, {
      notKnown: 'unknown',
      meaning: "labour market status at entry, as the ESF+ indicators count it; map the case system's codes (see the code list)",
      figures: 'ESF+ EECO02–EECO05 (`esf.labour_status`), EECO03 (`esf.long_term_unemployed`)',
    }),
    qualification_at_exit: col(oneOf(YES_NO), 'qualification', CORRECTED, {
      meaning: 'the participant gained a qualification (a certificate, grade or diploma) on leaving',
      figures: 'ESF+ EECR03 (`esf.qualification_at_exit`)',
    }),
    disability: trait('disability', 'participant with a disability (a special category of personal data: the regulation allows informed estimates)', 'ESF+ EECO12 (`esf.disability`)'),
    third_country_national: trait('third_country_national', 'citizen of a country outside the EU, stateless persons included', 'ESF+ EECO13 (`esf.third_country_national`)'),
    foreign_background: trait('foreign_background', "foreign background by the project's definition (e.g. born abroad, or both parents born abroad)", 'ESF+ EECO14 (`esf.foreign_background`)'),
    minority: trait('minority', 'belongs to a minority, marginalised communities such as the Roma included (a special category of personal data)', 'ESF+ EECO15 (`esf.minority`)'),
    homeless: trait('homeless', 'homeless or affected by housing exclusion', 'ESF+ EECO16 (`esf.homeless`)'),
    rural: trait('rural', 'lives in a rural area', 'ESF+ EECO17 (`esf.rural`)'),
  },
  activities: {
    participant_id: col(t.string, 'participantId', [], { required: true, meaning: 'must exist in participants', figures: 'all activity figures' }),
    activity: col(t.code, 'activity', ['correction'], {
      required: true,
      meaning: 'what the participant took part in (e.g. `work_training`, `coaching`, `matching`, `internship`, `validation`, `language`, `voucher_period`)',
      figures: '`activity.<group>` (share, count or rows), model predictors, comparisons',
    }),
    provider: col(t.string, 'provider', ['correction'], { meaning: 'who delivered it (a provider name, or a setting such as `social_enterprise`)', figures: '`activity.<group>` with `by: provider`' }),
    start_date: col(t.date, 'startDate', ['correction'], { meaning: 'first day', figures: '`costs.per_participant`: a row counts when it overlaps `costs.year`' }),
    end_date: col(t.date, 'endDate', ['correction'], { meaning: 'last day', figures: 'as `start_date`' }),
    months: col(t.number, 'months', ['distribution', 'correction'], { meaning: 'planned or actual length in months (e.g. a voucher of 2, 3, 4, 6 or 8 months)', figures: '`dist.<id>` with `table: activities`' }),
    hours: col(t.number, 'hours', ['correction'], { meaning: 'attended hours', figures: '`activity.<group>.hours_mean`, `activity.<group>.hours_sum`, models (`hours: true`)' }),
    result: col(t.code, 'result', ['correction'], { meaning: 'the outcome of the activity (e.g. `certificate` for a completed validation)', figures: '`activity.<group>` with `result:`' }),
  },
  followups: {
    participant_id: col(t.string, 'participantId', [], { required: true, meaning: 'must exist in participants', figures: 'all follow-up figures' }),
    months_after_exit: col(t.integer, 'monthsAfterExit', ['correction'], {
      required: true,
      meaning: 'when the status was taken, e.g. 3, 6, 12',
      figures: '`followup.<id>` of `followup_groups` with that `months_after_exit`',
    }),
    status: col(oneOf(OUTCOME_CODES), 'status', ['correction'], {
      required: true,
      notKnown: 'unknown',
      meaning: "the participant's status at that point",
      figures: "`followup.<id>` (persons with one of the group's codes), `<id>.of_base`, `<id>.premium`, ESF+ EECR05 (`esf.employed_6m`)",
    }),
    improved_situation: col(oneOf(YES_NO), 'improvedSituation', ['correction'], {
      meaning: 'an improved labour market situation at that point (from precarious to stable employment, from underemployment to full employment, or to a job requiring higher skills)',
      figures: 'ESF+ EECR06 (`esf.improved_6m`)',
    }),
  },
  // Question columns are added from the configuration's survey section.
  survey: {
    respondent_id: col(t.string, 'respondentId', [], { meaning: 'optional link to a participant; never published', figures: 'none' }),
    survey: col(t.string, 'survey', [], { meaning: 'which questionnaire the row answers', figures: '`survey.answered.<questionnaire>` (response rate)' }),
  },
  costs: {
    year: col(t.integer, 'year', [], { required: true, meaning: 'the year the cost belongs to', figures: '`costs.*` of `costs.year`' }),
    item: col(t.string, 'item', [], { required: true, meaning: 'a provider or a cost category; an item named like a unit counts for that unit', figures: '`costs.total` by unit' }),
    amount_sek: col(t.number, 'amountSek', [], { required: true, meaning: 'the cost in kronor', figures: '`costs.total`, `costs.per_participant`' }),
    budget_sek: col(t.number, 'budgetSek', [], { meaning: 'the budgeted amount in kronor', figures: '`costs.budget`' }),
  },
} as const satisfies Record<string, Record<string, ColumnDef>>;

export type TableName = keyof typeof TABLES;
type Tables = typeof TABLES;
/** The contract's column names of a table. */
export type ColumnName<T extends TableName> = keyof Tables[T] & string;
/** What a column of the contract reads into. */
export type ColumnValue<T extends TableName, N extends ColumnName<T>> = ValueOf<DefOf<T, N>>;
/** The definition of a column of the contract. */
export type DefOf<T extends TableName, N extends ColumnName<T>> = Tables[T][N] extends infer C extends ColumnDef ? C : never;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The columns (of any table) that a configuration key of the role may name. */
export type RoleColumn<R extends Role> = { [T in TableName]: { [N in ColumnName<T>]: R extends DefOf<T, N>['roles'][number] ? N : never }[ColumnName<T>] }[TableName];

/** A column's definition, or undefined for a name that is none of the table's columns. */
export const columnDef = (table: TableName, name: string): ColumnDef | undefined => (Object.hasOwn(TABLES[table], name) ? (TABLES[table] as Record<string, ColumnDef>)[name] : undefined);
export const isColumnOf = <T extends TableName>(table: T, name: string): name is ColumnName<T> => columnDef(table, name) !== undefined;
export const isNumeric = (c: ColumnSpec) => c.type.kind === 'integer' || c.type.kind === 'number';
/** A column of codes (open or closed): what groups, categories and coded predictors select on. */
export const isCoded = (c: ColumnSpec) => c.type.kind === 'code' || c.type.kind === 'enum' || c.type.kind === 'enum-list';

/**
 * The columns a configuration key of the role may name, in the contract's order (one table's
 * only, if given): the lists the configuration schema's enums are made of.
 */
export function roleColumns<R extends Role>(role: R, table?: TableName): [RoleColumn<R>, ...RoleColumn<R>[]] {
  const names = (table ? [table] : TABLE_NAMES).flatMap((tb) => Object.entries(TABLES[tb] as Record<string, ColumnDef>).filter(([, c]) => c.roles.includes(role)).map(([n]) => n));
  return [...new Set(names)] as [RoleColumn<R>, ...RoleColumn<R>[]];
}

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

/** The rows of each table, as the reader gives them to the engine. */
export interface Rows {
  participants: Participant;
  activities: Activity;
  followups: Followup;
  survey: SurveyResponse;
  costs: Cost;
}

/** The type of a row's field at a path (`characteristics.disability` is a field of a field). */
type FieldAt<Row, F extends string> = F extends keyof Row ? Row[F] : F extends `${infer A}.${infer B}` ? (A extends keyof Row ? FieldAt<NonNullable<Row[A]>, B> : never) : never;
/** A field's value as the contract types it: a yes/no field's boolean as its code, absent as null. */
type AsCode<V> = Exclude<V, boolean | undefined> | (boolean extends V ? YesNo : never) | (undefined extends V ? null : never);
/** What a column of a table holds in a row, read through its field (the project's own codes included). */
export type FieldValue<T extends TableName, N extends ColumnName<T>> = AsCode<FieldAt<Rows[T], DefOf<T, N>['field']>>;

type Reader = (row: object) => unknown;

/** A column's field read from a row: the field at its path, a yes/no field as its code, absent as null. */
function fieldReader(c: ColumnDef): Reader {
  const [top, sub] = c.field.split('.') as [string, string | undefined];
  const read: Reader = sub === undefined ? (row) => (row as Record<string, unknown>)[top] ?? null : (row) => ((row as Record<string, Record<string, unknown> | undefined>)[top]?.[sub]) ?? null;
  if (c.type.kind !== 'enum' || c.type.values !== YES_NO) return read;
  return (row) => {
    const v = read(row);
    return v === null ? null : v === true ? 'yes' : 'no';
  };
}

const READERS = Object.fromEntries(TABLE_NAMES.map((tb) => [tb, new Map(Object.entries(TABLES[tb] as Record<string, ColumnDef>).map(([n, c]) => [n, fieldReader(c)]))])) as Record<TableName, Map<string, Reader>>;

/**
 * The one accessor of a column's value in a row (participant_id → id, a characteristic →
 * characteristics.<name>, a yes/no field as its code), as a use of the role sees it: for a role
 * whose ROLES entry says `missing`, the column's "not known" code reads as null (an empty cell).
 * Without a role, the value as recorded. A name that is no column of the table reads as undefined.
 */
export function fieldValue<T extends TableName, N extends ColumnName<T>>(table: T, column: N, role?: Role): (row: Rows[T]) => FieldValue<T, N>;
export function fieldValue(table: TableName, column: string, role?: Role): (row: object) => unknown;
export function fieldValue(table: TableName, column: string, role?: Role): Reader {
  const read = READERS[table].get(column) ?? (() => undefined);
  const notKnown = role !== undefined && ROLES[role].notKnown === 'missing' ? columnDef(table, column)?.notKnown : undefined;
  if (notKnown === undefined) return read;
  return (row) => {
    const v = read(row);
    return v === notKnown ? null : v;
  };
}

/** A participant's value in a column (fieldValue of participants): what every engine family selects on. */
export const columnValue = <N extends ColumnName<'participants'>>(column: N, role?: Role) => fieldValue('participants', column, role);

/** What the reader reads from a column, a list as the row's (mutable) array. */
type Read<C extends ColumnSpec> = ValueOf<C> extends readonly (infer E)[] ? E[] : ValueOf<C>;
/** Columns whose field is missing from the row type or cannot hold what the reader reads. */
type Disagreeing<T extends TableName> = { [N in ColumnName<T>]: Read<DefOf<T, N>> extends NonNullable<FieldValue<T, N>> ? never : N }[ColumnName<T>];
/** Fields of a row that no column fills, beside the ones the reader computes. */
type Unfilled<T extends TableName, Computed extends string = never> = Exclude<keyof Rows[T], Computed | { [N in ColumnName<T>]: DefOf<T, N>['field'] extends `${infer A}.${string}` ? A : DefOf<T, N>['field'] }[ColumnName<T>]>;
/**
 * Compiles only while the row types agree with the column definitions: a column whose field the
 * row type lacks or types otherwise, or a field no column fills, is a type error naming it.
 */
export const ROWS_AGREE: Record<
  | Disagreeing<'participants'> | Unfilled<'participants'>
  | Disagreeing<'activities'> | Unfilled<'activities', 'participant'>
  | Disagreeing<'followups'> | Unfilled<'followups', 'participant'>
  | Disagreeing<'survey'> | Unfilled<'survey', 'answers' | 'answered'>
  | Disagreeing<'costs'> | Unfilled<'costs'>,
  never
> = {};
