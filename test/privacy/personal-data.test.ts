// Personal data never published: identity numbers refused at input, and the final scan of the
// built site fails the build, naming where, when a participant id or a free-text answer is
// planted in a narrative file, a chart title or the output; the last good site stays.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { findIdentityNumbers, isIdentityNumber, maskIdentityNumber } from '../../scripts/privacy/personnummer.ts';
import { InputError } from '../../scripts/problems.ts';
import { distinctiveId } from '../../scripts/privacy/scan-site.ts';
import { loadProject } from '../../scripts/read/project.ts';
import { activitiesCsv, participantsCsv, PARTICIPANT_ROWS, problemsOf, project } from '../helpers/fixture-project.ts';

const repo = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';

describe('personal identity and coordination numbers', () => {
  // Skatteverket's published test numbers: 811218-9876 (identity), 701063-2391 (coordination).
  for (const s of ['811218-9876', '8112189876', '19811218-9876', '198112189876', '811218+9876', '701063-2391', '19701063-2391'])
    it(`recognises ${s}`, () => assert.equal(isIdentityNumber(s), true));
  for (const s of ['811218-9875', '811318-9876', '811200-9876', '701093-2391', '1234567890', '2024-01-01', 'MV-00001', '21811218-9876'])
    it(`does not take ${s} for one`, () => assert.equal(isIdentityNumber(s), false));
  it('finds them inside text but not inside longer numbers or hashes', () => {
    assert.deepEqual(findIdentityNumbers('Deltagare 811218-9876 och (198112189876).').map((m) => m.match), ['811218-9876', '198112189876']);
    assert.deepEqual(findIdentityNumbers('sha 8112189876abc 98112189876 a8112189876'), []);
  });
  it('does not take the fraction of a decimal number for one (a chart coordinate), but finds one after a full stop or a list comma', () => {
    // 203.2706096175 was an SVG coordinate of a generated report whose last ten digits pass the check.
    assert.equal(isIdentityNumber('2706096175'), true);
    assert.deepEqual(findIdentityNumbers('<path d="M203.2706096175,12 L3,8112189876"/>'), []);
    assert.deepEqual(findIdentityNumbers('Slut. 811218-9876, 8112189876.').map((m) => m.match), ['811218-9876', '8112189876']);
  });
  it('masks every digit', () => assert.equal(maskIdentityNumber('811218-9876'), '••••••-••••'));
  it('looks only for distinctive ids', () => {
    assert.deepEqual(['1', '17', 'ab', 'S01', 'MV-00001', '123456'].map(distinctiveId), [false, false, false, true, true, true]);
  });
});

describe('identity numbers anywhere in the input', () => {
  it('refuses one as a participant reference in another table, masked', async () => {
    const problems = await problemsOf(project({ 'aktiviteter.csv': activitiesCsv(['811218-9876;Coachning;2020-03-05;10']) }));
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.value]), [['data/demo/aktiviteter.csv', 2, '••••••-••••']]);
    assert.match(problems[0]!.expected, /identity or coordination number/);
  });
  it('masks one that turns up in any other column of a message', async () => {
    const rows = [...PARTICIPANT_ROWS];
    rows[0] = rows[0]!.replace(';Norr;', ';Norr 19811218-9876;');
    const problems = await problemsOf(project({ 'deltagare.csv': participantsCsv(rows) }));
    assert.ok(problems.length > 0);
    assert.doesNotMatch(JSON.stringify(problems), /9876/);
    assert.match(problems[0]!.value!, /Norr ••••••••-••••/);
  });
});

describe('the build and personal data', () => {
  let root: string;
  let out: string;
  let goodIndex: string;
  const content = (f: string) => join(root, 'content', slug, f);
  const edit = (file: string, change: (s: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  const firstId = () => readFileSync(join(root, 'data', slug, 'deltagare.csv'), 'utf8').split('\n')[1]!.split(';')[0]!;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'eval-report-pd-'));
    for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
    out = join(root, '_site');
    await buildSite({ root, outDir: out, slugs: [slug], pdf: false, now: new Date(0) });
    goodIndex = readFileSync(join(out, slug, 'index.html'), 'utf8');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Plants something, builds, expects failure naming `where`, restores, checks the old site. */
  async function failsNaming(plant: () => () => void, where: RegExp) {
    const restore = plant();
    try {
      await assert.rejects(buildSite({ root, outDir: out, slugs: [slug], pdf: false, now: new Date(0) }), (err: unknown) => {
        assert.ok(err instanceof InputError, `an input error, not a crash: ${String(err)}`);
        assert.match(err.message, where);
        return true;
      });
      assert.equal(readFileSync(join(out, slug, 'index.html'), 'utf8'), goodIndex, 'the last good site is untouched');
    } finally {
      restore();
    }
  }
  const planting = (file: string, change: (s: string) => string) => () => {
    const before = readFileSync(file, 'utf8');
    edit(file, change);
    return () => writeFileSync(file, before);
  };

  it('fails when a participant id is planted in a narrative file, naming the file', () =>
    failsNaming(planting(content('syfte.md'), (s) => `${s}\nDeltagaren ${firstId()} berättar.\n`), /syfte\.md/));

  it('with the PDF printed, finds a planted id in the page and in the PDF (each project scanned as its PDF is checked)', async () => {
    const restore = planting(content('syfte.md'), (s) => `${s}\nDeltagaren ${firstId()} berättar.\n`)();
    try {
      await assert.rejects(buildSite({ root, outDir: out, slugs: [slug], now: new Date(0) }), (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        const files = new Set(err.problems.filter((p) => /participant or respondent id/.test(p.expected)).map((p) => p.file));
        assert.ok(files.has(`_site/${slug}/index.html`) && files.has(`_site/${slug}/${slug}.pdf`), [...files].join(', '));
        return true;
      });
      assert.equal(readFileSync(join(out, slug, 'index.html'), 'utf8'), goodIndex, 'the last good site is untouched');
    } finally {
      restore();
    }
  });

  it('fails when a participant id is planted in a chart title, naming report.yaml', () =>
    failsNaming(planting(content('report.yaml'), (s) => s.replace(/(\n {4}title: )(.+)/, `$1$2 ${firstId()}`)), /participant or respondent id of mia-vidare.*report\.yaml line \d+/s));

  it('fails when a participant id is planted in a survey answer (scale and data), naming report.yaml', async () => {
    const id = firstId();
    const restoreData = planting(join(root, 'data', slug, 'enkat.csv'), (s) => s.replaceAll('Mycket lätt', `Mycket lätt ${id}`))();
    try {
      await failsNaming(planting(content('report.yaml'), (s) => s.replaceAll('Mycket lätt', `Mycket lätt ${id}`)), /participant or respondent id of mia-vidare.*report\.yaml line \d+/s);
    } finally {
      restoreData();
    }
  });

  it('fails when a free-text survey answer reaches the output, naming the answer\'s line', () => {
    const answer = readFileSync(join(root, 'data', slug, 'enkat.csv'), 'utf8').split('\n')[1]!.split(';').at(-1)!.trim();
    return failsNaming(planting(content('syfte.md'), (s) => `${s}\n${answer}\n`), /free-text survey answer.*line 2 of data\/mia-vidare\/enkat\.csv/s);
  });

  it('refuses a participant id that is an identity number, naming file and line, without echoing it', async () => {
    const file = join(root, 'data', slug, 'deltagare.csv');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines[3] = lines[3]!.replace(/^[^;]+/, '19811218-9876');
    writeFileSync(file, lines.join('\n'));
    try {
      await assert.rejects(loadProject({ root, slug }), (err: unknown) => {
        assert.ok(err instanceof InputError);
        const p = err.problems.find((x) => /identity or coordination number/.test(x.expected));
        assert.ok(p, err.message);
        assert.deepEqual([p.file, p.line, p.value], ['data/mia-vidare/deltagare.csv', 4, '••••••••-••••']);
        assert.doesNotMatch(err.message, /9876/);
        return true;
      });
    } finally {
      writeFileSync(file, text);
    }
  });
});
