// The data contract's columns are defined once (scripts/config/contract.ts): the configuration
// schema's column enums are the definition's columns per role, the one accessor reads every
// column of every table out of the rows the reader writes, the "not known" rule is the role's,
// and the configuration checks know a numeric column by its type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { columnDef, columnValue, fieldValue, ROLE_NAMES, ROLES, roleColumns, TABLE_NAMES, TABLES, type ColumnDef, type Participant, type Role, type TableName } from '../../scripts/config/contract.ts';
import { configSchema } from '../../scripts/config/schema.ts';
import { activitiesCsv, CONFIG, lines, loadFixture, problemsOf, project } from '../helpers/fixture-project.ts';

const columnsOf = (table: TableName) => Object.entries(TABLES[table] as Record<string, ColumnDef>);

/** The options of a z.enum under optional, default and array wrappers. */
function enumOptions(schema: z.ZodType): string[] {
  let s = schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> } };
  while (s.def.type !== 'enum') s = (s.def.innerType ?? s.def.element) as unknown as typeof s;
  return Object.values(s.def.entries!);
}

type Shape = Record<string, z.ZodType>;
const element = (key: string): Shape => {
  let s = configSchema.shape[key as keyof typeof configSchema.shape] as unknown as { def: { type: string; innerType?: unknown; element?: unknown; shape?: Shape } };
  while (s.def.type !== 'object') s = (s.def.innerType ?? s.def.element) as typeof s;
  return s.def.shape!;
};

describe('the configuration schema names the columns the definition gives each role', () => {
  const keys: [Role, z.ZodType][] = [
    ['outcome_group', element('outcome_groups').column!],
    ['entry_group', element('entry_groups').column!],
    ['distribution', element('distributions').column!],
    ['predictor', (element('models').predictors as unknown as { def: { element: { shape: Shape } } }).def.element.shape.column!],
  ];
  for (const [role, schema] of keys) {
    it(`${ROLES[role].key}: the columns whose roles include ${role}`, () => {
      const expected = TABLE_NAMES.flatMap((t) => columnsOf(t).filter(([, c]) => c.roles.includes(role)).map(([n]) => n));
      assert.deepEqual(enumOptions(schema), expected);
      assert.ok(expected.length > 0);
    });
  }

  it('every role but correction is a schema enum above; correction columns are per table, checked in load.ts', () => {
    assert.deepEqual([...keys.map(([r]) => r), 'correction'].sort(), [...ROLE_NAMES].sort());
    for (const t of ['participants', 'activities', 'followups'] as const)
      assert.deepEqual(roleColumns('correction', t), columnsOf(t).map(([n]) => n).filter((n) => n !== 'participant_id'));
  });

  it('a column outside the role is refused with the role columns named', async () => {
    const bad = await problemsOf(project({}, `${CONFIG}entry_groups:\n  - { id: g, label: G, column: gender, codes: [woman] }\n`));
    const p = bad.find((x) => x.column === 'entry_groups[0].column')!;
    assert.ok(p, JSON.stringify(bad));
    for (const c of roleColumns('entry_group')) assert.match(p.expected, new RegExp(c));
  });
});

describe('every column has one definition', () => {
  it('each field is one column\'s, a "not known" code is a code of its list, and every column says what it is for the docs', () => {
    for (const t of TABLE_NAMES) {
      const fields = columnsOf(t).map(([, c]) => c.field);
      assert.equal(new Set(fields).size, fields.length, `${t}: one column per field`);
      for (const [n, c] of columnsOf(t)) {
        if (c.notKnown !== undefined) assert.ok('values' in c.type && c.type.values.includes(c.notKnown), `${t}.${n}: ${c.notKnown}`);
        assert.ok(c.meaning.length > 3 && c.figures.length > 3, `${t}.${n} has a meaning and its figures`);
        assert.ok(c.roles.every((r) => r in ROLES), `${t}.${n}: known roles`);
      }
    }
  });

  it('columnDef knows the contract\'s columns only', () => {
    assert.equal(columnDef('participants', 'education'), TABLES.participants.education);
    assert.equal(columnDef('participants', 'months'), undefined);
    assert.equal(columnDef('participants', 'toString'), undefined);
  });
});

// Every column of a table as a canonical header, with a value of its type; read by the reader,
// then each column's value through the accessor must be the cell's.
const CELLS: Record<string, Record<string, string>> = {
  participants: {
    participant_id: 'P01', unit: 'Norr', gender: 'woman', birth_year: '1980', age_at_entry: '41', education: 'tertiary', entry_date: '2021-03-01',
    exit_date: '2021-09-30', referral: 'municipality', income_at_entry: 'salary', months_without_work: '14', exit_reason: 'completed', exit_status: 'studies',
    labour_status_at_entry: 'inactive', qualification_at_exit: 'yes', disability: 'no', third_country_national: 'yes', foreign_background: 'no', minority: 'yes', homeless: 'no', rural: 'yes',
  },
  activities: { participant_id: 'P01', activity: 'coaching', provider: 'Lärkan', start_date: '2021-04-01', end_date: '2021-05-31', months: '2', hours: '12.5', result: 'certificate' },
  followups: { participant_id: 'P01', months_after_exit: '6', status: 'employed', improved_situation: 'yes' },
  costs: { year: '2021', item: 'Norr', amount_sek: '1000', budget_sek: '1200' },
  survey: { respondent_id: 'R1', survey: 'Deltagarenkät' },
};

const typed = (c: ColumnDef, cell: string): unknown =>
  c.type.kind === 'integer' || c.type.kind === 'number' ? Number(cell) : c.type.kind === 'enum-list' ? [cell] : cell;

/** The table's cells as a file; the survey's with a question column too (a survey needs one). */
const csv = (table: string) => {
  const extra = table === 'survey' ? { Fråga: 'Ja' } : {};
  const cells = { ...CELLS[table]!, ...extra };
  return lines([Object.keys(cells).join(';'), Object.values(cells).join(';')]);
};

describe('the one accessor reads every column of every table out of the rows the reader writes', () => {
  it('participants, activities, follow-ups, costs and survey rows: each column\'s value is its cell\'s', async () => {
    const tables = `tables:\n${['participants', 'activities', 'followups', 'costs', 'survey'].map((t) => `  ${t}:\n    file: ${t}.csv\n`).join('')}`;
    const config = CONFIG.slice(0, CONFIG.indexOf('tables:')) + tables + 'survey:\n  questions:\n    - { id: q, column: Fråga, label: Fråga, scale: [Ja, Nej] }\n';
    const data = Object.fromEntries(Object.keys(CELLS).map((t) => [`${t}.csv`, csv(t)]));
    const l = await loadFixture({ config, data });
    const rows: Record<TableName, object> = {
      participants: l.dataset.participants[0]!, activities: l.dataset.activities.rows()[0]!, followups: l.dataset.followups[0]!, costs: l.dataset.costs[0]!, survey: l.dataset.survey[0]!,
    };
    for (const t of TABLE_NAMES) {
      assert.deepEqual(Object.keys(CELLS[t]!), columnsOf(t).map(([n]) => n), `${t}: the test has every column`);
      for (const [n, c] of columnsOf(t)) assert.deepEqual(fieldValue(t, n)(rows[t]), typed(c, CELLS[t]![n]!), `${t}.${n} (field ${c.field})`);
    }
  });

  it('an empty cell, an absent optional field and a name of no column', () => {
    const p = { id: 'P', unit: 'A', gender: 'man', birthYear: null, ageAtEntry: null, education: null, entryDate: '2021-01-01', exitDate: null, referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: [] } satisfies Participant;
    assert.equal(columnValue('education')(p), null);
    assert.equal(columnValue('labour_status_at_entry')(p), null, 'the ESF+ column absent from the file');
    assert.equal(columnValue('disability')(p), null);
    assert.equal(columnValue('disability')({ ...p, characteristics: { disability: false } }), 'no');
    assert.equal(fieldValue('participants', 'no_such_column')(p), undefined);
  });
});

describe('a "not known" code, as each role says', () => {
  const p = (education: Participant['education']): Participant => ({ id: 'P', unit: 'A', gender: 'man', birthYear: null, ageAtEntry: 40, education, entryDate: '2021-01-01', exitDate: null, referral: null, incomeAtEntry: null, monthsWithoutWork: null, exitReason: null, exitStatus: [] });

  it('is missing for a model predictor and a value for every other role', () => {
    for (const role of ROLE_NAMES) assert.equal(columnValue('education', role)(p('unknown')), ROLES[role].notKnown === 'missing' ? null : 'unknown', role);
    assert.deepEqual(ROLE_NAMES.filter((r) => ROLES[r].notKnown === 'missing'), ['predictor']);
    for (const role of ROLE_NAMES) assert.equal(columnValue('education', role)(p('primary')), 'primary');
  });

  it('leaves columns without such a code alone', () => {
    assert.equal(columnValue('age_at_entry', 'predictor')(p(null)), 40);
    assert.equal(columnValue('referral', 'predictor')({ ...p(null), referral: 'unknown' }), 'unknown', 'an open code list has no "not known" code');
  });
});

describe('the configuration checks know a numeric column by its type', () => {
  const withDist = (d: string) => project({}, `${CONFIG}distributions:\n  - ${d}\n`);
  it('bands for a number, categories for a code, the column of the table it names', async () => {
    const numeric = await problemsOf(withDist('{ id: dist.age, label: A, column: age_at_entry, categories: { "30": x } }'));
    assert.match(numeric.find((x) => x.column === 'distributions[0]')!.expected, /bands .* numeric column age_at_entry/);
    const coded = await problemsOf(withDist('{ id: dist.edu, label: E, column: education, bands: [{ id: low, label: L, max: 1 }] }'));
    assert.match(coded.find((x) => x.column === 'distributions[0]')!.expected, /categories .* coded column education/);
    const wrongTable = await problemsOf(withDist('{ id: dist.m, label: M, column: months, categories: { "2": x } }'));
    assert.ok(wrongTable.some((x) => x.column === 'distributions[0].column' && x.value === 'months'));
  });

  it('activity months (a number) may be cut into bands as well as given as categories', async () => {
    const l = await loadFixture(withDist('{ id: dist.length, label: L, table: activities, column: months, bands: [{ id: short, label: S, max: 2 }, { id: long, label: Lo, min: 3 }] }'));
    assert.equal(l.config.distributions[0]!.bands!.length, 2);
  });
});

describe('correction rules read a column through its field', () => {
  const header = 'Deltagar-ID;Delprojekt;Kön;Födelseår;Inskrivningsdatum;Utskrivningsdatum;Månader utan arbete;Status vid avslut;disability;labour_status_at_entry;qualification_at_exit';
  const rows = [
    'P01;Norr;K;1980;2020-03-01;2021-01-15;12;Anställning;yes;inactive;yes',
    'P02;Norr;M;1975;2020-04-01;;24;;no;unemployed;',
    'P03;Söder;K;1990;2020-05-10;2021-06-30;6;Studier;;inactive;no',
  ];
  const cases: [string, string[]][] = [
    ['{ column: disability, equals: [yes] }', ['P02', 'P03']],
    ['{ column: disability, missing: true }', ['P01', 'P02']],
    ['{ column: labour_status_at_entry, equals: [inactive] }', ['P02']],
    ['{ column: qualification_at_exit, equals: [no] }', ['P01', 'P02']],
  ];
  for (const [where, kept] of cases) {
    it(`excludes by ${where}`, async () => {
      const l = await loadFixture(project({ 'deltagare.csv': lines([header, ...rows]), 'aktiviteter.csv': activitiesCsv([]) }, `${CONFIG}corrections:\n  - { action: exclude, where: ${where}, reason: R }\n`));
      assert.deepEqual(l.dataset.participants.map((x) => x.id), kept);
    });
  }
});
