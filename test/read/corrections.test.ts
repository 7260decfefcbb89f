// Corrections (report.yaml `corrections`) and a project's own codes (`codes`): applied while
// reading, counted in the checks and in indicators.json's provenance, never naming a row or an id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG, loadFixture, participantsCsv, PARTICIPANT_ROWS, problemsOf, project, withProject, SLUG } from '../helpers/fixture-project.ts';
import { matchesRule, ruleText } from '../../scripts/read/corrections.ts';
import { projectData } from '../../scripts/site/data-step.ts';
import { loadProject } from '../../scripts/read/project.ts';
import { summariseData, formatSummary } from '../../scripts/engine/data-summary.ts';
import { indicatorsSchema } from '../../scripts/publish/indicators-schema.ts';

const withCorrections = (yaml: string, config = CONFIG) => `${config}corrections:\n${yaml}`;
const ids = (l: { dataset: { participants: { id: string }[] } }) => l.dataset.participants.map((p) => p.id);

describe('corrections: excluding rows', () => {
  it('excludes participants by id, with their activity rows, and counts both', async () => {
    const l = await loadFixture(project({}, withCorrections('  - { action: exclude, ids: [P01, P03], reason: Testpersoner }\n')));
    assert.deepEqual(ids(l), ['P02', 'P04', 'P05', 'P06']);
    assert.deepEqual(l.dataset.activities.rows().map((a) => a.participantId), ['P06']);
    assert.equal(l.dataset.activities.participant(0), 3, 'activity rows point at the right participant after the exclusion');
    assert.equal(l.corrections[0]!.rows, 2);
    assert.deepEqual(l.corrections[0]!.cascaded, { activities: 2, followups: 0 });
    const check = l.checks.find((c) => c.id === 'corrections.1')!;
    assert.equal(check.severity, 'info');
    assert.match(check.message, /Rättelse 1 i deltagare\.csv enligt regeln participant_id \(2 id\): uteslutna rader 2/);
    assert.match(check.message, /aktivitetsrader 2, uppföljningsrader 0/);
    assert.match(check.message, /Testpersoner/);
    assert.doesNotMatch(check.message, /P01|P03/, 'never the ids');
  });

  it('excludes a row the reader would refuse, by id (it is never read)', async () => {
    const rows = [...PARTICIPANT_ROWS, 'P07;Norr;X;1980;2021-01-01;2020-01-01;2;Anställning'];
    const bad = await problemsOf(project({ 'deltagare.csv': participantsCsv(rows) }));
    assert.ok(bad.length >= 2);
    const l = await loadFixture(project({ 'deltagare.csv': participantsCsv(rows) }, withCorrections('  - { action: exclude, ids: [P07], reason: Dubbelregistrerad }\n')));
    assert.equal(l.dataset.participants.length, 6);
  });

  it('excludes by a rule on a canonical value: a unit, a date, a number, a missing value, a code', async () => {
    const cases: [string, string[]][] = [
      ['{ column: unit, equals: [Söder] }', ['P01', 'P02', 'P05']],
      ['{ column: entry_date, before: 2021-01-01 }', ['P04', 'P05', 'P06']],
      ['{ column: entry_date, after: 2021-01-04 }', ['P01', 'P02', 'P03', 'P04']],
      ['{ column: months_without_work, min: 24 }', ['P01', 'P03', 'P05']],
      ['{ column: exit_date, missing: true }', ['P01', 'P03', 'P04', 'P06']],
      ['{ column: exit_status, equals: [job_seeking] }', ['P01', 'P02', 'P05', 'P06']],
      ['{ column: gender, equals: [woman] }', ['P02', 'P04']],
    ];
    for (const [where, kept] of cases) {
      const l = await loadFixture(project({}, withCorrections(`  - { action: exclude, where: ${where}, reason: Regel }\n`)));
      assert.deepEqual(ids(l), kept, where);
      assert.equal(l.corrections[0]!.rows, 6 - kept.length, where);
    }
  });

  it('ids and a rule together exclude only rows matching both', async () => {
    const l = await loadFixture(project({}, withCorrections('  - { action: exclude, ids: [P01, P04], where: { column: unit, equals: [Norr] }, reason: R }\n')));
    assert.deepEqual(ids(l), ['P02', 'P03', 'P04', 'P05', 'P06']);
  });

  it('excludes activity rows by a rule without touching participants', async () => {
    const l = await loadFixture(project({}, withCorrections('  - { action: exclude, table: activities, where: { column: hours, max: 50 }, reason: Felregistrerade timmar }\n')));
    assert.equal(l.dataset.participants.length, 6);
    assert.deepEqual(l.dataset.activities.rows().map((a) => a.participantId), ['P03', 'P06']);
    assert.match(l.checks.find((c) => c.id === 'corrections.1')!.message, /aktiviteter\.csv enligt regeln hours ≤ 50: uteslutna rader 1\./);
  });

  it('a correction matching nothing is a warning', async () => {
    const l = await loadFixture(project({}, withCorrections('  - { action: exclude, ids: [P99], reason: R }\n')));
    const check = l.checks.find((c) => c.id === 'corrections.1')!;
    assert.equal(check.severity, 'warning');
    assert.match(check.message, /träffade ingen rad/);
  });
});

describe('corrections: setting values', () => {
  it('sets a value as the export writes it: mapped and checked like the file, and it mends a refused row', async () => {
    const rows = PARTICIPANT_ROWS.map((r) => (r.startsWith('P04') ? 'P04;Söder;M;1985;2021-01-04;2020-12-20;36;Arbetssökande' : r));
    const bad = await problemsOf(project({ 'deltagare.csv': participantsCsv(rows) }));
    assert.ok(bad.some((p) => p.line === 5 && p.value === '2020-12-20'));
    const fixed = withCorrections('  - { action: set, ids: [P04], column: exit_date, value: 2021-12-20, reason: Fel år }\n  - { action: set, ids: [P02], column: gender, value: K, reason: Fel kön }\n');
    const l = await loadFixture(project({ 'deltagare.csv': participantsCsv(rows) }, fixed));
    assert.equal(l.dataset.participants[3]!.exitDate, '2021-12-20');
    assert.equal(l.dataset.participants[1]!.gender, 'woman');
    const msg = l.checks.find((c) => c.id === 'corrections.2')!.message;
    assert.match(msg, /värdet i gender har ändrats 1\. Skäl: Fel kön/);
    assert.doesNotMatch(msg, /"K"|P02/, 'neither the value set nor the id');
  });

  it('a value the column cannot take is a problem on the data line', async () => {
    const problems = await problemsOf(project({}, withCorrections('  - { action: set, ids: [P02], column: gender, value: Q, reason: R }\n')));
    assert.ok(problems.some((p) => p.line === 3 && p.value === 'Q'), JSON.stringify(problems));
  });
});

describe('corrections: configuration checks', () => {
  const check = async (yaml: string) => (await problemsOf(project({}, withCorrections(yaml)))).map((p) => `${p.column}: ${p.expected}`).join('\n');
  it('refuses what a correction cannot mean, each problem at its key', async () => {
    assert.match(await check('  - { action: exclude, reason: R }\n'), /corrections\[0\]: ids, where or both/);
    assert.match(await check('  - { action: set, ids: [P01], column: unit, reason: R }\n'), /column and value/);
    assert.match(await check('  - { action: set, where: { column: unit, equals: [Norr] }, column: unit, value: Söder, reason: R }\n'), /ids: the participants/);
    assert.match(await check('  - { action: exclude, where: { column: participant_id, equals: [P01] }, reason: R }\n'), /other than participant_id/);
    assert.match(await check('  - { action: exclude, where: { column: unit, before: 2020-01-01 }, reason: R }\n'), /a date column/);
    assert.match(await check('  - { action: exclude, where: { column: unit, equals: [A], missing: true }, reason: R }\n'), /one kind of rule/);
    assert.match(await check('  - { action: exclude, table: followups, ids: [P01], reason: R }\n'), /tables\.followups is not set/);
    assert.match(await check('  - { action: exclude, ids: [P01] }\n'), /corrections\[0\]\.reason/);
  });

  it('refuses an identity number among the ids, masked', async () => {
    const problems = await problemsOf(project({}, withCorrections('  - { action: exclude, ids: ["19121212-1212"], reason: R }\n')));
    const p = problems.find((x) => x.column === 'corrections[0].ids[0]')!;
    assert.ok(p);
    assert.doesNotMatch(JSON.stringify(problems), /1212/);
  });
});

describe('corrections: rules and provenance', () => {
  it('ruleText names the rule and the number of ids, never the ids', () => {
    assert.equal(ruleText({ action: 'exclude', table: 'participants', ids: ['A1', 'B2'], reason: 'r' }), 'participant_id (2 id)');
    assert.equal(ruleText({ action: 'exclude', table: 'participants', where: { column: 'entry_date', before: '2021-01-01' }, reason: 'r' }), 'entry_date < 2021-01-01');
  });
  it('matchesRule: missing values match only missing', () => {
    assert.equal(matchesRule({ column: 'x', min: 1 }, null), false);
    assert.equal(matchesRule({ column: 'x', missing: true }, []), true);
    assert.equal(matchesRule({ column: 'x', equals: ['3'] }, 3), true);
    assert.equal(matchesRule({ column: 'x', min: 2, max: 4 }, 4), true);
    assert.equal(matchesRule({ column: 'x', min: 2, max: 4 }, 5), false);
  });

  it('indicators.json keeps each correction (rule, reason, counts) and the figures follow it', async () => {
    // min_count 1: the six-row fixture's counts are below the default threshold.
    const config = 'disclosure: { min_count: 1 }\n' + withCorrections('  - { action: exclude, ids: [P01], reason: Testperson }\n  - { action: exclude, where: { column: unit, equals: [Söder] }, reason: Avbruten enhet }\n');
    await withProject(project({}, config), async (root) => {
      const loaded = await loadProject({ root, slug: SLUG });
      const { indicators } = projectData({ root, slug: SLUG }, loaded, new Date('2026-01-01'));
      assert.ok(indicatorsSchema.safeParse(indicators).success);
      assert.deepEqual(indicators.report.corrections, [
        { table: 'participants', action: 'exclude', rule: 'participant_id (1 id)', reason: 'Testperson', rows: 1, cascaded: { activities: 1, followups: 0 } },
        { table: 'participants', action: 'exclude', rule: 'unit = Söder', reason: 'Avbruten enhet', rows: 3, cascaded: { activities: 2, followups: 0 } },
      ]);
      const enrolled = indicators.figures.find((f) => f.id === 'participants.enrolled' && f.unit === 'total' && f.gender === 'all')!;
      assert.equal(enrolled.value, 2, 'P02 and P05 remain');
      assert.doesNotMatch(JSON.stringify(indicators), /P01/);
    });
  });
});

describe('project codes', () => {
  const CODES = `codes:
  outcome:
    - { code: self_support, label: { sv: Egen försörjning, en: Self-support } }
  exit_reason:
    - { code: relocated_abroad, label: Flyttat utomlands }
outcome_groups:
  - { id: self_support, label: Egen försörjning, codes: [self_support, employed] }
`;
  const config = 'disclosure: { min_count: 1 }\n' + CONFIG.replace('Arbetssökande: job_seeking }', 'Arbetssökande: job_seeking, Egen försörjning: self_support }') + CODES;
  const rows = PARTICIPANT_ROWS.map((r) => (r.startsWith('P04') ? r.replace(';Arbetssökande', ';Egen försörjning') : r));

  it('reads a project code like a built-in one and groups it', async () => {
    await withProject(project({ 'deltagare.csv': participantsCsv(rows) }, config), async (root) => {
      const loaded = await loadProject({ root, slug: SLUG });
      assert.deepEqual(loaded.dataset.participants[3]!.exitStatus, ['self_support']);
      const { indicators } = projectData({ root, slug: SLUG }, loaded, new Date('2026-01-01'));
      const g = indicators.figures.find((f) => f.id === 'exit.self_support' && f.unit === 'total' && f.gender === 'all')!;
      assert.equal(g.denominator, 4);
      assert.equal(g.numerator, 3, 'P01 and P06 employed, P04 self-support');
      assert.deepEqual(indicators.report.codes, [
        { list: 'outcome', code: 'self_support', label: 'Egen försörjning' },
        { list: 'exit_reason', code: 'relocated_abroad', label: 'Flyttat utomlands' },
      ]);
      const summary = formatSummary(summariseData(loaded.config, loaded.dataset)).join('\n');
      assert.match(summary, /self_support \(Egen försörjning\) 1/);
    });
  });

  it('without the declaration the code is refused, naming codes.outcome', async () => {
    const problems = await problemsOf(project({ 'deltagare.csv': participantsCsv(rows) }, config.replace(CODES, 'outcome_groups:\n  - { id: s, label: S, codes: [self_support] }\n')));
    const text = problems.map((p) => p.expected).join('\n');
    assert.match(text, /codes\.outcome/);
  });

  it('refuses a built-in code declared again, a code twice and a label without the report language', async () => {
    const bad = `codes:
  outcome:
    - { code: employed, label: Anställd }
    - { code: own, label: { en: Own } }
    - { code: own, label: Eget }
`;
    const problems = await problemsOf(project({}, CONFIG + bad));
    const text = problems.map((p) => `${p.column}: ${p.expected}`).join('\n');
    assert.match(text, /codes\.outcome\[0\]\.code: a code that is not built in/);
    assert.match(text, /codes\.outcome\[1\]\.label: a label in the report's language \(sv\)/);
    assert.match(text, /codes\.outcome\[2\]\.code: each code once/);
  });

  it('a follow-up group may use a project code', async () => {
    const problems = await problemsOf(project({}, CONFIG + 'followup_groups:\n  - { id: followup.x_6m, label: X, months_after_exit: 6, codes: [nonexistent] }\n'));
    assert.ok(problems.some((p) => p.column === 'followup_groups[0].codes[0]'));
  });
});
