// Wrong input through loadProject on small fixture projects: every problem names the file, the
// line, the column, the value and what was expected; all problems are reported at once; and a
// failed build leaves the previous output untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { buildSite } from '../../scripts/site/build-site.ts';
import { InputError, type Problem } from '../../scripts/problems.ts';
import { DATE_EXPECTED } from '../../scripts/read/values.ts';
import { VALUE_CACHE_LIMIT } from '../../scripts/read/table.ts';
import {
  ACTIVITIES_FILE,
  CONFIG,
  CONFIG_FILE,
  PARTICIPANTS_FILE,
  PARTICIPANTS_HEADER,
  PARTICIPANT_ROWS,
  activitiesCsv,
  lines,
  loadFixture,
  participantsCsv,
  problemsOf,
  project,
  removeProject,
  writeProject,
} from '../helpers/fixture-project.ts';

/** PARTICIPANT_ROWS with row `i` (0-based; file line i + 2) replaced. */
function withRow(i: number, row: string, rows = PARTICIPANT_ROWS): string[] {
  assert.ok(i < rows.length);
  return rows.map((r, j) => (j === i ? row : r));
}

const participants = (rows: string[]) => project({ 'deltagare.csv': participantsCsv(rows) });

test('the fixture project itself loads', async () => {
  const { dataset, inputs } = await loadFixture(project());
  assert.deepEqual(dataset.participants.map((p) => p.id), ['P01', 'P02', 'P03', 'P04', 'P05', 'P06']);
  assert.deepEqual(dataset.participants[2], {
    id: 'P03', unit: 'Söder', gender: 'woman', birthYear: 1990, ageAtEntry: 30, entryDate: '2020-05-10', exitDate: '2021-06-30',
    exitStatus: ['studies', 'job_seeking'], education: null, referral: null, incomeAtEntry: null, monthsWithoutWork: 6, exitReason: null,
  });
  assert.deepEqual(dataset.activities.rows().map((a) => [a.participantId, a.activity, a.hours]), [['P01', 'coaching', 10], ['P03', 'internship', 80.5], ['P06', 'coaching', 1200]]);
  assert.deepEqual(inputs.map((i) => [i.table, i.file, i.rows, i.encoding]), [['participants', 'deltagare.csv', 6, 'utf-8'], ['activities', 'aktiviteter.csv', 3, 'utf-8']]);
});

test('the same data as Windows-1252 with CRLF and a sep= line loads to the same participants', async () => {
  const utf8 = await loadFixture(project());
  const cp1252 = iconv.encode(lines(['sep=;', PARTICIPANTS_HEADER, ...PARTICIPANT_ROWS], '\r\n'), 'win1252');
  const loaded = await loadFixture(project({ 'deltagare.csv': cp1252 }));
  assert.deepEqual(loaded.dataset.participants, utf8.dataset.participants);
  assert.equal(loaded.inputs[0]!.encoding, 'windows-1252');
});

test('a file in an unsupported encoding (UTF-16 without BOM)', async () => {
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': Buffer.from(participantsCsv(), 'utf16le') })), [
    {
      file: PARTICIPANTS_FILE,
      line: 1,
      expected: 'a text file in UTF-8 or Windows-1252 (this file has NUL bytes: UTF-16 without a byte order mark, UTF-32 or not text at all; save it again as "CSV UTF-8")',
    },
  ]);
});

test('a file with a byte that is neither UTF-8 nor Windows-1252', async () => {
  const bytes = Buffer.concat([Buffer.from(participantsCsv(), 'latin1'), Buffer.from([0x8d, 0x0a])]);
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': bytes })), [
    { file: PARTICIPANTS_FILE, line: 8, value: 'byte 0x8D', expected: 'UTF-8 or Windows-1252 text (this byte is neither; save the file again as "CSV UTF-8")' },
  ]);
});

test('an unknown delimiter', async () => {
  const text = participantsCsv().replaceAll(';', '|');
  const header = PARTICIPANTS_HEADER.replaceAll(';', '|');
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': text })), [
    { file: PARTICIPANTS_FILE, line: 1, value: `${header.slice(0, 79)}…`, expected: 'columns separated by ";", "," or tab in the header line (no known delimiter found)' },
  ]);
});

test('a ragged row: one field too many, one too few', async () => {
  // (P02 and P05 have no activities: a skipped ragged row's id is unknown to other tables.)
  let rows = withRow(1, 'P02;Norr;M;1975;2020-04-01;;24;;extra');
  rows = withRow(4, 'P05;Norr;K;1999;2021-02-01', rows);
  assert.deepEqual(await problemsOf(participants(rows)), [
    { file: PARTICIPANTS_FILE, line: 3, value: 'P02;Norr;M;1975;2020-04-01;;24;;extra', expected: '8 fields like the header (found 9); check for a stray delimiter or a missing quote' },
    { file: PARTICIPANTS_FILE, line: 6, value: 'P05;Norr;K;1999;2021-02-01', expected: '8 fields like the header (found 5); check for a stray delimiter or a missing quote' },
  ]);
});

test('an unterminated quote names the line where it opened', async () => {
  const rows = withRow(3, 'P04;"Söder;M;1985;2021-01-04;2021-12-20;36;Arbetssökande');
  assert.deepEqual(await problemsOf(participants(withRow(0, '"P01";Norr;K;1980;2020-03-01;2021-01-15;12;Anställning', rows))), [
    { file: PARTICIPANTS_FILE, line: 5, expected: 'a closing quote (") for the quote opened on this line; the rest of the file could not be read' },
  ]);
});

test('a header missing a required column', async () => {
  const header = PARTICIPANTS_HEADER.replace('Kön', 'Kon');
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': participantsCsv(PARTICIPANT_ROWS, header) })), [
    {
      file: PARTICIPANTS_FILE,
      line: 1,
      column: 'Kön',
      expected: `a column named "Kön" (canonical column gender; rename it in tables.participants.columns of ${CONFIG_FILE} if the export calls it something else); the header has: Deltagar-ID, Delprojekt, Kon, Födelseår, Inskrivningsdatum, Utskrivningsdatum, Månader utan arbete, Status vid avslut`,
    },
  ]);
});

test('neither birth year nor age: reported on the header line, which a sep= line moves to 2', async () => {
  const header = PARTICIPANTS_HEADER.replace('Födelseår', 'Född');
  const text = lines(['sep=;', header, ...PARTICIPANT_ROWS]);
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': text })), [
    {
      file: PARTICIPANTS_FILE,
      line: 2,
      column: 'Födelseår',
      expected: `a birth year or an age-at-entry column (map birth_year or age_at_entry in tables.participants.columns of ${CONFIG_FILE})`,
    },
  ]);
});

test('a duplicate participant id mentions the line of its first use', async () => {
  assert.deepEqual(await problemsOf(participants(withRow(3, 'P02;Söder;M;1985;2021-01-04;2021-12-20;36;Arbetssökande'))), [
    { file: PARTICIPANTS_FILE, line: 5, column: 'Deltagar-ID', value: 'P02', expected: 'a participant id used only once (already on line 3)' },
  ]);
});

test('an unmapped code names the value and the mapping key path to extend', async () => {
  let rows = withRow(1, 'P02;Norr;X;1975;2020-04-01;;24;');
  rows = withRow(2, 'P03;Söder;K;1990;2020-05-10;2021-06-30;6;Studier|Praktik', rows);
  assert.deepEqual(await problemsOf(participants(rows)), [
    {
      file: PARTICIPANTS_FILE,
      line: 3,
      column: 'Kön',
      value: 'X',
      expected: `a value listed in tables.participants.values.gender in ${CONFIG_FILE} (K, M); add "X: <canonical value>" there if it is valid`,
    },
    {
      file: PARTICIPANTS_FILE,
      line: 4,
      column: 'Status vid avslut',
      value: 'Praktik',
      expected: `a value listed in tables.participants.values.exit_status in ${CONFIG_FILE} (Anställning, Studier, Arbetssökande); add "Praktik: <canonical value>" there if it is valid`,
    },
  ]);
});

test('a unit that is not configured', async () => {
  assert.deepEqual(await problemsOf(participants(withRow(0, 'P01;Väster;K;1980;2020-03-01;2021-01-15;12;Anställning'))), [
    {
      file: PARTICIPANTS_FILE,
      line: 2,
      column: 'Delprojekt',
      value: 'Väster',
      expected: `one of the units in units.items of ${CONFIG_FILE} (Norr, Söder), or a mapping in tables.participants.values.unit`,
    },
  ]);
});

test('an impossible date', async () => {
  assert.deepEqual(await problemsOf(participants(withRow(3, 'P04;Söder;M;1985;2021-02-30;2021-12-20;36;Arbetssökande'))), [
    { file: PARTICIPANTS_FILE, line: 5, column: 'Inskrivningsdatum', value: '2021-02-30', expected: DATE_EXPECTED.iso },
  ]);
});

test('a D/M/YYYY date only passes when the table says date_format: d/m/yyyy', async () => {
  const rows = withRow(0, 'P01;Norr;K;1980;1/3/2020;15/1/2021;12;Anställning', PARTICIPANT_ROWS.slice(0, 1));
  const iso = await problemsOf(project({ 'deltagare.csv': participantsCsv(rows), 'aktiviteter.csv': activitiesCsv([]) }));
  assert.deepEqual(iso.map((p) => [p.line, p.column, p.value]), [[2, 'Inskrivningsdatum', '1/3/2020'], [2, 'Utskrivningsdatum', '15/1/2021']]);
  const config = CONFIG.replace('    file: deltagare.csv\n', '    file: deltagare.csv\n    date_format: d/m/yyyy\n');
  const { dataset } = await loadFixture(project({ 'deltagare.csv': participantsCsv(rows), 'aktiviteter.csv': activitiesCsv([]) }, config));
  assert.deepEqual(dataset.participants.map((p) => [p.entryDate, p.exitDate]), [['2020-03-01', '2021-01-15']]);
});

test('an exit before the entry', async () => {
  assert.deepEqual(await problemsOf(participants(withRow(5, 'P06;Söder;K;1970;2021-03-15;2021-03-01;60;Anställning'))), [
    { file: PARTICIPANTS_FILE, line: 7, column: 'Utskrivningsdatum', value: '2021-03-01', expected: 'an exit date on or after the entry date (2021-03-15)' },
  ]);
});

test('an activity whose participant does not exist', async () => {
  const activities = activitiesCsv(['P01;Coachning;2020-03-05;10', 'P03;Praktik;2020-06-01;80,5', 'P99;Coachning;2021-01-01;5']);
  assert.deepEqual(await problemsOf(project({ 'aktiviteter.csv': activities })), [
    { file: ACTIVITIES_FILE, line: 4, column: 'Deltagar-ID', value: 'P99', expected: 'the id of a participant in the participants file' },
  ]);
});

test('an unreadable participants file does not make every activity an unknown participant', async () => {
  const found = await problemsOf(project({ 'deltagare.csv': participantsCsv().replaceAll(';', '|') }));
  assert.deepEqual(found.map((p) => p.file), [PARTICIPANTS_FILE]);
});

test('a configuration key that does not exist', async () => {
  const config = CONFIG.replace('title: Testprojekt\n', 'title: Testprojekt\ntitel: Testprojekt\n');
  assert.deepEqual(await problemsOf(project({}, config)), [
    { file: CONFIG_FILE, line: 2, column: 'titel', value: 'titel', expected: 'no key "titel" here (unknown key: check the spelling against docs/config.md)' },
  ]);
});

test('a missing configuration file and a missing data file', async () => {
  assert.deepEqual(await problemsOf({ data: {} }), [{ file: CONFIG_FILE, expected: 'a report configuration file (see docs/config.md)' }]);
  assert.deepEqual(await problemsOf({ config: CONFIG, data: { 'deltagare.csv': participantsCsv() } }), [
    { file: ACTIVITIES_FILE, expected: `the activities file named in tables.activities.file of ${CONFIG_FILE}` },
  ]);
});

test('a number with letters in it', async () => {
  const activities = activitiesCsv(['P01;Coachning;2020-03-05;10 h', 'P03;Praktik;2020-06-01;80,5']);
  assert.deepEqual(await problemsOf(project({ 'deltagare.csv': participantsCsv(withRow(0, 'P01;Norr;K;1980;2020-03-01;2021-01-15;12a;Anställning')), 'aktiviteter.csv': activities })), [
    { file: PARTICIPANTS_FILE, line: 2, column: 'Månader utan arbete', value: '12a', expected: 'a whole number' },
    { file: ACTIVITIES_FILE, line: 2, column: 'Timmar', value: '10 h', expected: 'a number (decimal comma or point, spaces allowed between thousands)' },
  ]);
});

test('several problems in one file are all reported at once', async () => {
  let rows = withRow(0, 'P01;Norr;K;1980;2020-03-01;2021-01-15;tolv;Anställning');
  rows = withRow(2, 'P03;Söder;Q;1990;2020-05-10;2021-06-30;6;Studier', rows);
  rows = withRow(5, 'P06;Söder;K;1970;2021-03-15;2021-13-01;60;Anställning', rows);
  const found = await problemsOf(participants(rows));
  assert.deepEqual(found.map((p) => [p.file, p.line, p.column, p.value]), [
    [PARTICIPANTS_FILE, 2, 'Månader utan arbete', 'tolv'],
    [PARTICIPANTS_FILE, 4, 'Kön', 'Q'],
    [PARTICIPANTS_FILE, 7, 'Utskrivningsdatum', '2021-13-01'],
  ]);
});

test('problems in two files are both reported, grouped by file in the message', async () => {
  const activities = activitiesCsv(['P01;Coachning;2020-03-05;10', 'P03;Matchning;2020-06-01;8']);
  let error: unknown;
  try {
    await loadFixture(project({ 'deltagare.csv': participantsCsv(withRow(1, 'P02;Norr;M;1975;2020-04-31;;24;')), 'aktiviteter.csv': activities }));
  } catch (err) {
    error = err;
  }
  assert.ok(error instanceof InputError);
  assert.deepEqual(error.problems, [
    { file: PARTICIPANTS_FILE, line: 3, column: 'Inskrivningsdatum', value: '2020-04-31', expected: DATE_EXPECTED.iso },
    {
      file: ACTIVITIES_FILE,
      line: 3,
      column: 'Insats',
      value: 'Matchning',
      expected: `a value listed in tables.activities.values.activity in ${CONFIG_FILE} (Coachning, Praktik); add "Matchning: <canonical value>" there if it is valid`,
    },
  ]);
  assert.equal(
    error.message,
    [
      `${PARTICIPANTS_FILE}: 1 problem`,
      `  line 3, column "Inskrivningsdatum": value "2020-04-31": expected ${DATE_EXPECTED.iso}`,
      `${ACTIVITIES_FILE}: 1 problem`,
      `  line 3, column "Insats": value "Matchning": expected a value listed in tables.activities.values.activity in ${CONFIG_FILE} (Coachning, Praktik); add "Matchning: <canonical value>" there if it is valid`,
    ].join('\n'),
  );
});

test('more than 1000 bad rows are capped at 1000 with a summary line', async () => {
  const rows = Array.from({ length: 1250 }, (_, i) => `Q${i + 1};Norr;K;1980;2020-03-01;;${i}x;`);
  let error: unknown;
  try {
    await loadFixture(project({ 'deltagare.csv': participantsCsv(rows), 'aktiviteter.csv': activitiesCsv([]) }));
  } catch (err) {
    error = err;
  }
  assert.ok(error instanceof InputError);
  const found: Problem[] = error.problems;
  assert.equal(found.length, 1001);
  assert.deepEqual(found[0], { file: PARTICIPANTS_FILE, line: 2, column: 'Månader utan arbete', value: '0x', expected: 'a whole number' });
  assert.deepEqual(found[999], { file: PARTICIPANTS_FILE, line: 1001, column: 'Månader utan arbete', value: '999x', expected: 'a whole number' });
  assert.deepEqual(found[1000], { file: PARTICIPANTS_FILE, expected: 'no further problems (250 more were found and not listed)' });
  const message = error.message.split('\n');
  assert.equal(message[0], `${PARTICIPANTS_FILE}: 1001 problems`);
  assert.equal(message.length, 1 + 20 + 1);
  assert.equal(message.at(-1), '  … and 981 more');
});

test('a repeated value is read once and shared; a repeated wrong value is reported on each of its lines, past the cache of a column too', async () => {
  // More distinct ids than a column keeps (VALUE_CACHE_LIMIT): the id column stops keeping them.
  const n = VALUE_CACHE_LIMIT + 800;
  const rows = Array.from({ length: n }, (_, i) => `Q${i + 1};Norr;K;1980;2020-03-01;2021-01-15;12;Anställning|Studier`);
  const { dataset } = await loadFixture(project({ 'deltagare.csv': participantsCsv(rows), 'aktiviteter.csv': activitiesCsv([]) }));
  const ps = dataset.participants;
  assert.equal(ps.length, n);
  assert.deepEqual([ps[0]!.id, ps[n - 1]!.id], ['Q1', `Q${n}`]);
  assert.deepEqual(ps[n - 1]!.exitStatus, ['employed', 'studies']);
  // One list for every row with the same text, and frozen: no row can change another's.
  assert.equal(ps[0]!.exitStatus, ps[n - 1]!.exitStatus);
  assert.ok(Object.isFrozen(ps[0]!.exitStatus));
  const bad = withRow(n - 1, `Q1;Norr;K;1980;2021-02-30;2021-12-20;12;Anställning`, withRow(2, 'Q3;Norr;K;1980;2021-02-30;2021-12-20;12;Anställning', withRow(1, 'Q2;Norr;K;1980;2021-02-30;2021-12-20;12;Anställning', rows)));
  const found = await problemsOf(project({ 'deltagare.csv': participantsCsv(bad), 'aktiviteter.csv': activitiesCsv([]) }));
  assert.deepEqual(found, [
    { file: PARTICIPANTS_FILE, line: 3, column: 'Inskrivningsdatum', value: '2021-02-30', expected: DATE_EXPECTED.iso },
    { file: PARTICIPANTS_FILE, line: 4, column: 'Inskrivningsdatum', value: '2021-02-30', expected: DATE_EXPECTED.iso },
    { file: PARTICIPANTS_FILE, line: n + 1, column: 'Inskrivningsdatum', value: '2021-02-30', expected: DATE_EXPECTED.iso },
    { file: PARTICIPANTS_FILE, line: n + 1, column: 'Deltagar-ID', value: 'Q1', expected: 'a participant id used only once (already on line 2)' },
  ]);
  // A list with one wrong part still reads its other parts: the text is not kept, so its next line is reported too.
  const config = CONFIG.replace('      exit_status: { Anställning: employed, Studier: studies, Arbetssökande: job_seeking }\n', '');
  const lists = ['Q1;Norr;K;1980;2020-03-01;2021-01-15;12;employed|bogus', 'Q2;Norr;K;1980;2020-03-01;2021-01-15;12;employed|bogus'];
  const listed = await problemsOf(project({ 'deltagare.csv': participantsCsv(lists), 'aktiviteter.csv': activitiesCsv([]) }, config));
  assert.deepEqual(listed.map((p) => [p.line, p.column, p.value]), [[2, 'Status vid avslut', 'bogus'], [3, 'Status vid avslut', 'bogus']]);
});

/** Every file under `dir` (relative path → bytes), directories included as empty entries. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), entry.isFile() ? readFileSync(path).toString('base64') : '<dir>');
  }
  return out;
}

test('a failed build leaves the previous output folder byte for byte and no temporary folders', async () => {
  // Two projects: the first builds, the second fails, so the failure happens with a half-built
  // temporary folder.
  const good = { ...project(), slug: 'a-good' };
  const bad = { ...participants(withRow(3, 'P04;Söder;M;1985;2021-02-30;2021-12-20;36;Arbetssökande')), slug: 'b-bad' };
  const root = writeProject(good, bad);
  try {
    const outDir = join(root, '_site');
    mkdirSync(join(outDir, 'a-good', 'data'), { recursive: true });
    writeFileSync(join(outDir, 'a-good', 'indicators.json'), '{"previous": true}\n');
    writeFileSync(join(outDir, 'a-good', 'data', 'x.csv'), Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62, 0x0d, 0x0a]));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>old</title>\n');
    const before = snapshot(outDir);
    const log: string[] = [];
    await assert.rejects(
      buildSite({ root, outDir, now: new Date('2022-07-01T00:00:00Z'), log: (l) => log.push(l) }),
      (err: unknown) => err instanceof InputError && err.problems.length === 1 && err.problems[0]!.file === 'data/b-bad/deltagare.csv' && err.problems[0]!.line === 5,
    );
    // Chromium starts with the data step (and is closed again); the projects' lines are the rest.
    const projects = log.filter((l) => !l.startsWith('Starting Chromium'));
    assert.equal(projects.length, 1, 'the first project was built before the failure');
    assert.match(projects[0]!, /^a-good: /);
    assert.deepEqual(snapshot(outDir), before);
    assert.deepEqual(readdirSync(root).sort(), ['_site', 'content', 'data']);
  } finally {
    removeProject(root);
  }
});
