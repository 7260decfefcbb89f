// The MIA Vidare example rebuilt from its synthetic raw exports: the published figures of the
// real evaluation (seed A in ../shared/reference/seed-figures.md) must come out of the engine.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { writeProjectData } from '../../scripts/site/build-site.ts';
import type { Figure, Indicators } from '../../scripts/publish/indicators-schema.ts';

const root = join(import.meta.dirname, '..', '..');
const slug = 'mia-vidare';
const now = new Date('2024-01-01T00:00:00Z');
let out: string;
let ind: Indicators;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
const fig = (id: string, unit: string, gender = 'all'): Figure => {
  const f = ind.figures.find((x) => x.id === id && x.unit === unit && x.gender === gender && x.category === undefined);
  assert.ok(f, `${id} for ${unit}/${gender} is in indicators.json`);
  return f;
};
const pct = (f: Figure) => Math.round(f.value! * 100);

before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'mia-')), '_site');
  await writeProjectData(root, slug, join(out, slug), now);
  ind = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8')) as Indicators;
});
after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('MIA Vidare: the published figures, computed from the raw exports', () => {
  // Published shares (whole percent) from the evaluation, by figure id and unit.
  const published: Record<string, Record<string, number>> = {
    'exit.work_or_studies': { total: 15, HBS: 22, Södertälje: 11 },
    'exit.ordinary_programme': { total: 36, HBS: 45, Södertälje: 29 },
    'exit.target_position': { HBS: 37, Södertälje: 21 },
    'exit.job_seeking': { HBS: 22, Södertälje: 13 },
    'exit.employed': { total: 11, HBS: 18, Södertälje: 7 },
    'exit.internship': { Södertälje: 9 },
    'exit.studies': { total: 4, HBS: 4, Södertälje: 4 },
    'entry.referral_municipality': { HBS: 36, Södertälje: 61 },
    'training.social_enterprise': { total: 36, HBS: 24, Södertälje: 26 },
    'training.external_employer': { total: 11, HBS: 24, Södertälje: 11 },
  };
  for (const [id, units] of Object.entries(published)) {
    for (const [unit, share] of Object.entries(units)) {
      it(`${id} for ${unit} rounds to ${share} %`, () => {
        const f = fig(id, unit);
        assert.equal(f.suppressed, false);
        assert.equal(pct(f), share);
        assert.ok(f.ci95![0] <= f.value! && f.value! <= f.ci95![1]);
      });
    }
  }

  it('has at least 60 % women in HBS and Södertälje, and the goal met in both', () => {
    assert.ok(fig('participants.women', 'HBS').value! >= 0.6);
    assert.ok(fig('participants.women', 'Södertälje').value! >= 0.6);
    const goal = ind.goals.find((g) => g.id === 'goal.women')!;
    assert.deepEqual(goal.results.filter((r) => r.unit !== 'total').map((r) => [r.unit, r.met]), [['HBS', true], ['Södertälje', true]]);
  });

  it('has 37 survey respondents', () => assert.equal(fig('survey.respondents', 'total').value, 37));

  it('judges the goals per unit and for the total', () => {
    const byId = Object.fromEntries(ind.goals.map((g) => [g.id, g]));
    assert.deepEqual(byId['goal.work_or_studies']!.target, { op: '>=', value: 0.25 });
    assert.deepEqual(byId['goal.work_or_studies']!.results.map((r) => [r.unit, r.met]), [['HBS', false], ['Södertälje', false], ['total', false]]);
    assert.deepEqual(byId['goal.ordinary_programme']!.target, { op: '>=', value: 0.3 });
    assert.deepEqual(byId['goal.ordinary_programme']!.results.map((r) => r.met), [true, false, true]);
    assert.equal(byId['goal.other_steps']!.measured, false);
    assert.ok(byId['goal.other_steps']!.reason);
  });

  it('reports HBS and Södertälje separately and the other subprojects only in the total', () => {
    assert.deepEqual([...new Set(ind.figures.map((f) => f.unit))], ['HBS', 'Södertälje', 'total']);
    const total = fig('participants.enrolled', 'total').value!;
    assert.ok(total > fig('participants.enrolled', 'HBS').value! + fig('participants.enrolled', 'Södertälje').value!);
  });
});

describe('MIA Vidare: outputs', () => {
  it('validates against the shipped JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'indicators.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const valid = ajv.validate(schema, ind);
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5), null, 2));
  });

  it('records every input file with its SHA-256 and row count', () => {
    assert.deepEqual(ind.report.inputs.map((i) => i.file), ['deltagare.csv', 'aktiviteter.csv', 'enkat.csv']);
    for (const input of ind.report.inputs) {
      const bytes = readFileSync(join(root, 'data', slug, input.file));
      assert.equal(input.sha256, createHash('sha256').update(bytes).digest('hex'));
    }
    assert.equal(ind.report.inputs[0]!.rows, fig('participants.enrolled', 'total').value);
    assert.equal(ind.report.inputs[2]!.rows, 37);
    assert.equal(ind.report.inputs[1]!.encoding, 'windows-1252');
  });

  it('writes one CSV per figure id, with a BOM and ";" for Swedish Excel', () => {
    const ids = new Set(ind.figures.map((f) => f.id));
    const csvs = readdirSync(join(out, slug, 'data'));
    assert.deepEqual(csvs.sort(), [...ids].map((id) => `${id}.csv`).sort());
    const text = readFileSync(join(out, slug, 'data', 'exit.employed.csv'), 'utf8');
    assert.ok(text.startsWith('\ufeffMått;Enhet;Kön;'));
    assert.match(text, /\r\nexit\.employed;HBS;all;;share;0,176471;24;136;/);
  });

  it('never writes a participant id, a participant-level row or a free-text answer', () => {
    const participants = parse(readFileSync(join(root, 'data', slug, 'deltagare.csv'), 'utf8'), { delimiter: ';', columns: true }) as Record<string, string>[];
    const ids = participants.map((p) => p['Deltagar-ID']!);
    const survey = parse(readFileSync(join(root, 'data', slug, 'enkat.csv'), 'utf8'), { delimiter: ';', columns: true, bom: true }) as Record<string, string>[];
    const comments = survey.map((r) => r['Övriga kommentarer']!).filter((c) => c.length > 0);
    assert.ok(ids.length > 1000 && comments.length > 3);
    for (const file of walk(out)) {
      const text = readFileSync(file, 'utf8');
      for (const id of ids) assert.ok(!text.includes(id), `${id} found in ${file}`);
      for (const c of comments) assert.ok(!text.includes(c), `free-text answer found in ${file}`);
    }
  });

  it('is reproducible: the same inputs and build date give byte-identical output', async () => {
    const again = join(out, '..', 'again');
    await writeProjectData(root, slug, join(again, slug), now);
    for (const file of walk(out)) assert.ok(readFileSync(file).equals(readFileSync(file.replace(out, again))), `${file} differs`);
  });
});
