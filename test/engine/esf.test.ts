// The ESF+ common indicators (esf-indicators.csv and the page's section "ESF+-indikatorer"):
// every indicator computed again here, independently, from the raw rows of a small fixture
// export with labour market status, qualifications, the "other" characteristics and six-month
// follow-ups (case-system codes mapped in its report.yaml); the follow-up base (those who left
// at least six months before the data were extracted); empty rows where the data lack a column
// (the examples); and the attacker: a third gender in one unit, the ESF file read together with
// the other downloads, no hidden cell recoverable.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { buildProjectData } from '../../scripts/site/data-step.ts';
import { ESF_INDICATORS, isLongTermUnemployed, LONG_TERM } from '../../scripts/engine/esf.ts';
import type { Participant } from '../../scripts/config/contract.ts';
import { monthsBefore } from '../../scripts/engine/followup-base.ts';
import type { Indicators } from '../../scripts/publish/indicators-schema.ts';
import { messages, THIRD_GENDER } from '../../scripts/messages.ts';
import { attack, primaryCells } from '../helpers/attacker.ts';
import { removeProject, writeProject } from '../helpers/fixture-project.ts';
import { readDownloadRows } from '../helpers/read-download.ts';

const repo = join(import.meta.dirname, '..', '..');
const EXTRACTED = '2024-06-30';
const K = 5;

// ---------------------------------------------------------------------------------------------
// The fixture: a seeded export of 3 units. Unit C alone has non-binary participants (gender X).
interface Raw {
  id: string; unit: string; gender: 'K' | 'M' | 'X'; born: number; entry: string; exit: string; status: string; months: string;
  edu: string; destination: string; qualification: string; traits: string[];
}
/** `nonBinaryEvery`: every so many rows of unit C are non-binary (17: three persons in all). */
function fixture(nonBinaryEvery = 17): { raws: Raw[]; followups: string[][] } {
  let seed = 20240630;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const statuses = ['Arbetslös', 'Arbetslös', 'Arbetslös', 'Långtidsarbetslös', 'Utanför arbetskraften', 'Anställd', 'Egen företagare', 'Okänd', ''];
  const destinations = ['Arbete', 'Arbete', 'Studier', 'Arbetssökande', 'Arbetssökande', 'Praktik', 'Lönebidrag', 'Sjukskriven', 'Arbete|Studier', 'Eget företag'];
  const raws: Raw[] = [];
  const followups: string[][] = [];
  const units = ['A', 'B', 'C'];
  for (let i = 0; i < 150; i++) {
    const unit = units[i % 3]!;
    const gender = unit === 'C' && i % nonBinaryEvery === 2 ? 'X' : rnd() < 0.55 ? 'K' : 'M';
    const entry = `2023-${String(1 + Math.floor(rnd() * 6)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const left = rnd() < 0.85;
    const exit = left ? `${pick(['2023', '2024'])}-${String(7 + Math.floor(rnd() * 6)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`.replace(/^2024-1[0-2]/, '2024-05') : '';
    const traits = ['Funktionsnedsättning', 'Tredjelandsmedborgare', 'Utländsk bakgrund', 'Minoritet', 'Hemlös', 'Landsbygd'].map((_, j) => (j === 3 && i % 2 ? '' : rnd() < 0.3 ? 'Ja' : 'Nej'));
    raws.push({
      id: `D${1000 + i}`, unit, gender, born: 1960 + Math.floor(rnd() * 48), entry, exit, status: pick(statuses), months: rnd() < 0.1 ? '' : String(Math.floor(rnd() * 30)),
      edu: pick(['Förgymnasial', 'Gymnasial', 'Eftergymnasial', 'Okänd']), destination: exit ? pick(destinations) : '', qualification: exit ? pick(['Ja', 'Nej', 'Nej', '']) : '', traits,
    });
    // Follow-ups at 3 and 6 months for most of those who left, even some who left too late to be in the base.
    if (exit && rnd() < 0.8) followups.push([`D${1000 + i}`, '6', pick(['Arbete', 'Arbete', 'Arbetssökande', 'Studier', 'Eget företag', 'Lönebidrag']), pick(['Ja', 'Nej', ''])]);
    if (exit && rnd() < 0.5) followups.push([`D${1000 + i}`, '3', pick(['Arbete', 'Arbetssökande']), '']);
  }
  return { raws, followups };
}

const config = (minCount: number) => `title: ESF-test
disclosure: { min_count: ${minCount} }
commissioner: C
evaluator: E
authors: [A]
date: 2024-08-01
period: { from: 2023-01-01, to: 2024-06-30 }
data_extracted: ${EXTRACTED}
units: { level: Enhet, items: [{ name: A }, { name: B }, { name: C }] }
tables:
  participants:
    file: deltagare.csv
    columns: { participant_id: Id, unit: Enhet, gender: Kön, birth_year: Födelseår, entry_date: Inskriven, exit_date: Utskriven, labour_status_at_entry: Status vid inskrivning,
      months_without_work: Månader utan arbete, education: Utbildning, exit_status: Status vid avslut, qualification_at_exit: Kvalifikation, disability: Funktionsnedsättning,
      third_country_national: Tredjelandsmedborgare, foreign_background: Utländsk bakgrund, minority: Minoritet, homeless: Hemlös, rural: Landsbygd }
    values:
      gender: { K: woman, M: man, X: other }
      labour_status_at_entry: { Arbetslös: unemployed, Långtidsarbetslös: long_term_unemployed, Utanför arbetskraften: inactive, Anställd: employed, Egen företagare: self_employed, Okänd: unknown }
      education: { Förgymnasial: primary, Gymnasial: secondary, Eftergymnasial: tertiary, Okänd: unknown }
      exit_status: { Arbete: employed, Studier: studies, Arbetssökande: job_seeking, Praktik: internship, Lönebidrag: subsidised_employment, Sjukskriven: sick_leave, Eget företag: self_employed }
      qualification_at_exit: { Ja: 'yes', Nej: 'no' }
      disability: { Ja: 'yes', Nej: 'no' }
      third_country_national: { Ja: 'yes', Nej: 'no' }
      foreign_background: { Ja: 'yes', Nej: 'no' }
      minority: { Ja: 'yes', Nej: 'no' }
      homeless: { Ja: 'yes', Nej: 'no' }
      rural: { Ja: 'yes', Nej: 'no' }
  followups:
    file: uppfoljning.csv
    columns: { participant_id: Id, months_after_exit: Månader, status: Status, improved_situation: Förbättrad }
    values:
      status: { Arbete: employed, Studier: studies, Arbetssökande: job_seeking, Lönebidrag: subsidised_employment, Eget företag: self_employed }
      improved_situation: { Ja: 'yes', Nej: 'no' }
followup_groups:
  - { id: followup.work_6m, label: I arbete efter sex månader, months_after_exit: 6, codes: [employed, self_employed, subsidised_employment] }
`;

function files(nonBinaryEvery: number): Record<string, string> {
  const { raws, followups } = fixture(nonBinaryEvery);
  const head = ['Id', 'Enhet', 'Kön', 'Födelseår', 'Inskriven', 'Utskriven', 'Status vid inskrivning', 'Månader utan arbete', 'Utbildning', 'Status vid avslut', 'Kvalifikation', 'Funktionsnedsättning', 'Tredjelandsmedborgare', 'Utländsk bakgrund', 'Minoritet', 'Hemlös', 'Landsbygd'];
  const rows = raws.map((r) => [r.id, r.unit, r.gender, r.born, r.entry, r.exit, r.status, r.months, r.edu, r.destination, r.qualification, ...r.traits].join(';'));
  return { 'deltagare.csv': [head.join(';'), ...rows].join('\n') + '\n', 'uppfoljning.csv': ['Id;Månader;Status;Förbättrad', ...followups.map((f) => f.join(';'))].join('\n') + '\n' };
}

// ---------------------------------------------------------------------------------------------
// The independent computation: from the raw strings, with this file's own reading of the codes.
type Pred = (r: Raw) => boolean;
function expected(nonBinaryEvery: number): Map<string, { count: Pred; base: Pred }> {
  const { followups } = fixture(nonBinaryEvery);
  const age = (r: Raw) => Number(r.entry.slice(0, 4)) - r.born;
  const unemployed = (r: Raw) => r.status === 'Arbetslös' || r.status === 'Långtidsarbetslös';
  const longTerm = (r: Raw) => r.status === 'Långtidsarbetslös' || (r.status === 'Arbetslös' && r.months !== '' && Number(r.months) > (age(r) < 25 ? 6 : 12));
  const left = (r: Raw) => r.exit !== '';
  const dest = (r: Raw, codes: string[]) => r.destination.split('|').some((d) => codes.includes(d));
  // Left at least six months before the extraction: exit + 6 calendar months on or before it (no exit day is past the 28th).
  const sixMonthsAfter = (iso: string) => { const d = new Date(`${iso}T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + 6); return d.toISOString().slice(0, 10); };
  const inBase = (r: Raw) => left(r) && sixMonthsAfter(r.exit) <= EXTRACTED;
  const at6 = (r: Raw) => followups.filter((f) => f[0] === r.id && f[1] === '6');
  const trait = (j: number) => (r: Raw) => r.traits[j] === 'Ja';
  const all = () => true;
  const out = new Map<string, { count: Pred; base: Pred }>([
    ['EECO01', { count: all, base: all }],
    ['EECO02', { count: unemployed, base: all }],
    ['EECO03', { count: longTerm, base: all }],
    ['EECO04', { count: (r) => r.status === 'Utanför arbetskraften', base: all }],
    ['EECO05', { count: (r) => r.status === 'Anställd' || r.status === 'Egen företagare', base: all }],
    ['EECO06', { count: (r) => age(r) < 18, base: all }],
    ['EECO07', { count: (r) => age(r) >= 18 && age(r) <= 29, base: all }],
    ['EECO08', { count: (r) => age(r) >= 55, base: all }],
    ['EECO09', { count: (r) => r.edu === 'Förgymnasial', base: all }],
    ['EECO10', { count: (r) => r.edu === 'Gymnasial', base: all }],
    ['EECO11', { count: (r) => r.edu === 'Eftergymnasial', base: all }],
    ...[0, 1, 2, 3, 4, 5].map((j) => [`EECO${12 + j}`, { count: trait(j), base: all }] as [string, { count: Pred; base: Pred }]),
    ['leavers', { count: left, base: all }],
    ['EECR01', { count: (r) => left(r) && dest(r, ['Arbetssökande']), base: left }],
    ['EECR02', { count: (r) => left(r) && dest(r, ['Studier', 'Praktik']), base: left }],
    ['EECR03', { count: (r) => left(r) && r.qualification === 'Ja', base: left }],
    ['EECR04', { count: (r) => left(r) && dest(r, ['Arbete', 'Lönebidrag', 'Eget företag']), base: left }],
    ['followup_base', { count: inBase, base: all }],
    ['not_followed_up', { count: (r) => inBase(r) && at6(r).length === 0, base: inBase }],
    ['EECR05', { count: (r) => inBase(r) && at6(r).some((f) => ['Arbete', 'Lönebidrag', 'Eget företag'].includes(f[2]!)), base: inBase }],
    ['EECR06', { count: (r) => inBase(r) && at6(r).some((f) => f[3] === 'Ja'), base: inBase }],
  ]);
  return out;
}

const readCsv = readDownloadRows;

const GENDER_OF = { K: 'woman', M: 'man', X: 'other' } as const;
const COLUMNS = ['woman', 'man', 'other', 'all'] as const;

/** A built fixture project: its ESF file, indicators.json and page. */
interface Built { root: string; esf: string[][]; ind: Indicators; html: string }
async function build(minCount: number, nonBinaryEvery: number): Promise<Built> {
  const root = writeProject({ config: config(minCount), data: files(nonBinaryEvery) });
  await buildSite({ root, outDir: join(root, '_site'), now: new Date('2024-08-01T00:00:00Z'), pdf: false });
  const read = (f: string) => readFileSync(join(root, '_site', 'demo', f), 'utf8');
  return { root, esf: readCsv(join(root, '_site', 'demo', 'esf-indicators.csv')), ind: JSON.parse(read('indicators.json')) as Indicators, html: read('index.html') };
}
const rowOf = (b: Built, key: string) => b.esf[1 + ESF_INDICATORS.findIndex((i) => (i.code ?? i.key) === key)]!;

/** Each cell of the file against the independent count: equal when shown, hidden only where it rests on 1 … k−1 (or to protect such a cell: ×). */
function checkAgainstRaw(b: Built, nonBinaryEvery: number, k: number): number {
  const { raws } = fixture(nonBinaryEvery);
  let shown = 0;
  for (const [key, { count, base }] of expected(nonBinaryEvery)) {
    const row = rowOf(b, key);
    COLUMNS.forEach((g, i) => {
      const of = raws.filter((r) => g === 'all' || GENDER_OF[r.gender] === g);
      const [n, d] = [of.filter(count).length, of.filter(base).length];
      const cell = row[3 + i]!;
      if (/^\d+$/.test(cell)) (assert.equal(Number(cell), n, `${key} ${g}`), shown++);
      else if (cell === '..') assert.ok((n > 0 && n < k) || (d > 0 && d < k), `${key} ${g}: '..' for ${n} of ${d}`);
      else assert.equal(cell, '×', `${key} ${g}: "${cell}" for ${n}`);
    });
  }
  return shown;
}

describe('ESF+ indicators of a fixture export', () => {
  // Threshold 1 (nothing hidden): every cell is checked; threshold 5 with three non-binary persons in unit C: the attacker.
  let open: Built;
  let small: Built;
  before(async () => {
    open = await build(1, 5);
    small = await build(K, 17);
  });
  after(() => [open, small].forEach((b) => b && removeProject(b.root)));

  it('lists every common indicator of Annex I in order, with both names, women / men / non-binary / total and a definition', () => {
    const codes = open.esf.slice(1).map((r) => r[0]).filter((c) => c !== '');
    assert.deepEqual(codes, [...Array.from({ length: 19 }, (_, i) => `EECO${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 6 }, (_, i) => `EECR0${i + 1}`)]);
    assert.deepEqual(open.esf[0], ['Kod', 'Indikator (svenska)', 'Indikator (engelska)', 'Kvinnor', 'Män', 'Icke-binära', 'Totalt', 'Definition']);
    assert.equal(rowOf(open, 'EECR05')[2], 'participants in employment, including self-employment, six months after leaving');
    assert.equal(rowOf(open, 'EECR05')[1], 'deltagare i sysselsättning, inklusive egenföretagare, sex månader efter att de lämnat insatsen');
    for (const r of open.esf.slice(1)) assert.ok(r.length === 8 && r[7]!.length > 20, `a definition for ${r[0] || r[2]}`);
    for (const code of ['EECO18', 'EECO19']) assert.deepEqual(rowOf(open, code).slice(3, 7), ['', '', '', ''], `${code}: an indicator of entities`);
  });

  it('computes every indicator as the raw rows give it, women, men, non-binary and total', () => {
    const shown = checkAgainstRaw(open, 5, 1);
    assert.equal(shown, 4 * (expected(5).size), 'every cell shown at threshold 1');
    // Those who left less than six months before the extraction have follow-up rows, yet are outside the base.
    const base = Number(rowOf(open, 'followup_base')[6]);
    assert.ok(base < Number(rowOf(open, 'leavers')[6]) && base > 0);
  });

  it('hides, at threshold 5, only cells resting on fewer than five, or cells hidden to protect them', () => {
    checkAgainstRaw(small, 17, K);
  });

  it('gives every follow-up group its share of the base, and the base its followed up / not followed up split', () => {
    const { raws, followups } = fixture(5);
    const exitedBy = monthsBefore(EXTRACTED, 6);
    const inBase = raws.filter((r) => r.exit !== '' && r.exit <= exitedBy);
    const working = inBase.filter((r) => followups.some((f) => f[0] === r.id && f[1] === '6' && ['Arbete', 'Lönebidrag', 'Eget företag'].includes(f[2]!)));
    const share = open.ind.figures.find((f) => f.id === 'followup.work_6m.of_base' && f.unit === 'total' && f.gender === 'all')!;
    assert.deepEqual([share.numerator, share.denominator], [working.length, inBase.length]);
    const missing = open.ind.figures.find((f) => f.id === 'followup.m6.coverage' && f.category === 'not_followed_up' && f.unit === 'A' && f.gender === 'all')!;
    const inA = inBase.filter((r) => r.unit === 'A');
    assert.equal(missing.numerator, inA.filter((r) => !followups.some((f) => f[0] === r.id && f[1] === '6')).length);
    // The count of the old kind (every row at six months, base or not) is left as it was.
    const count = open.ind.figures.find((f) => f.id === 'followup.work_6m' && f.unit === 'total' && f.gender === 'all')!;
    assert.ok(count.value! > share.numerator!, 'rows of those outside the base count there, not in the share');
  });

  it('shows the same table on the page as section "ESF+-indikatorer", non-binary named as everywhere', () => {
    assert.match(open.html, /<h2 id="bilaga-esf">Bilaga [A-Z]\. ESF\+-indikatorer<\/h2>/);
    assert.match(open.html, /<th scope="col" class="num">Icke-binära<\/th>/);
    assert.match(open.html, /<th scope="row">deltagare som söker arbete när de lämnar insatsen<\/th>/);
    for (const lang of ['sv', 'en'] as const) {
      assert.equal(messages[lang]['gender.other'], THIRD_GENDER[lang]);
      assert.equal(messages[lang]['table.col.other'].toLowerCase(), THIRD_GENDER[lang]);
    }
  });

  it('the attacker: a third gender in one unit; the ESF file read with every other download recovers no hidden cell', async () => {
    const { root, esf, ind } = small;
    // 1. The ESF file holds no number the registry hides: each cell is the protected figure's.
    const fig = (id: string, category: string | undefined, g: string) => ind.figures.find((f) => f.id === id && f.unit === 'total' && f.gender === g && f.category === category);
    for (const [i, indicator] of ESF_INDICATORS.entries()) {
      if (!indicator.figure) continue;
      COLUMNS.forEach((g, j) => {
        const f = fig(indicator.figure!, indicator.category, g)!;
        const published = indicator.count ? f.value : (f.numerator ?? null);
        const cell = esf[1 + i]![3 + j]!;
        assert.equal(cell, published === null ? (f.suppression === 'secondary' ? '×' : '..') : String(published), `${indicator.code ?? indicator.key} ${g}`);
      });
    }
    // 2. No other download shows a value, numerator or interval where indicators.json hides it
    //    (test/privacy/downloads.test.ts checks every cell of the examples' downloads against it).
    const dir = join(root, '_site', 'demo', 'data');
    let rows = 0;
    for (const file of readdirSync(dir))
      for (const row of readCsv(join(dir, file)).slice(1))
        if (row[11] !== '') (rows++, assert.deepEqual([row[5], row[6], row[8], row[9]], ['', '', '', ''], `${file}: hidden row ${row.join(';')}`));
    assert.ok(rows > 50, `${rows} hidden rows in the figure CSVs`);
    // 3. So the attacker knows what indicators.json publishes and how the tables fit together, the
    //    ESF bases included (enrolled, exited, the six-month base), and solves for each hidden count.
    const built = await buildProjectData({ root, slug: 'demo' }, new Date('2024-08-01T00:00:00Z'));
    const truth = { figures: built.indicators.figures, truth: built.truth };
    const nonBinary = truth.figures.filter((f) => f.id === 'participants.enrolled' && f.gender === 'other');
    assert.deepEqual(nonBinary.filter((f) => truth.truth.get(f)!.value! > 0).map((f) => f.unit).sort(), ['C', 'total'], 'non-binary participants in unit C only');
    assert.ok(nonBinary.every((f) => f.unit === 'A' || f.unit === 'B' || f.value === null), 'and too few to show');
    const leaving = ['esf.job_searching_at_exit', 'esf.education_at_exit', 'esf.qualification_at_exit', 'esf.employed_at_exit'];
    const bases: Record<string, string> = { 'followup.m6.coverage': 'followup.m6.base', 'followup.work_6m.of_base': 'followup.m6.base' };
    for (const f of truth.figures) if (f.id.startsWith('esf.')) bases[f.id] = leaving.includes(f.id) ? 'participants.exited' : f.id.endsWith('_6m') ? 'followup.m6.base' : 'participants.enrolled';
    const primary = primaryCells(truth, K);
    assert.ok([...primary.keys()].some((k) => k.startsWith('num:esf.') && k.endsWith('|other')), 'non-binary ESF cells are among the hidden');
    const intervals = attack(truth, { hasUnreported: false, bases });
    for (const [key, value] of primary) {
      const [lo, hi] = intervals.get(key)!;
      assert.ok(hi - lo >= K - 1e-6, `${key} (true value ${value}) lies in [${lo}, ${hi}]`);
    }
  });
});

describe('ESF+ indicators of the examples', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'esf-')), '_site');
  before(async () => buildSite({ root: repo, outDir: out, slugs: ['mia-vidare', 'samverkan-leder-till-arbete'], now: new Date('2024-01-01T00:00:00Z'), pdf: false }));
  after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('MIA Vidare: ages and education as the raw rows give them; the labour market status, characteristics and six-month results empty, saying why', () => {
    const rows = readCsv(join(out, 'mia-vidare', 'esf-indicators.csv'));
    const [head, ...raw] = readFileSync(join(repo, 'data', 'mia-vidare', 'deltagare.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(';'));
    const col = (name: string) => head!.indexOf(name);
    const age = (x: string[]) => Number(x[col('Inskrivningsdatum')]!.slice(0, 4)) - Number(x[col('Födelseår')]);
    const count = (pred: (x: string[]) => boolean) => {
      const sel = raw.filter(pred);
      return [sel.filter((x) => x[col('Kön')] === 'K').length, sel.filter((x) => x[col('Kön')] === 'M').length, 0, sel.length].map(String);
    };
    const row = (code: string) => rows.find((r) => r[0] === code)!;
    assert.deepEqual(row('EECO01').slice(3, 7), count(() => true));
    assert.deepEqual(row('EECO07').slice(3, 7), count((x) => age(x) >= 18 && age(x) <= 29));
    assert.deepEqual(row('EECO08').slice(3, 7), count((x) => age(x) >= 55));
    assert.deepEqual(row('EECO09').slice(3, 7), count((x) => x[col('Utbildning')] === 'Förgymnasial'));
    for (const code of ['EECO02', 'EECO03', 'EECO12', 'EECR03', 'EECR05', 'EECR06']) {
      assert.deepEqual(row(code).slice(3, 7), ['', '', '', ''], code);
      assert.match(row(code)[7]!, /Uppgiften finns inte i data/);
    }
    assert.match(readFileSync(join(out, 'mia-vidare', 'index.html'), 'utf8'), /<a href="esf-indicators\.csv">ESF-indikatorer \(CSV\)<\/a>/);
  });

  it('Samverkan has no education: those rows are left empty', () => {
    const rows = readCsv(join(out, 'samverkan-leder-till-arbete', 'esf-indicators.csv'));
    for (const code of ['EECO09', 'EECO10', 'EECO11']) assert.deepEqual(rows.find((r) => r[0] === code)!.slice(3, 7), ['', '', '', '']);
    assert.ok(rows.find((r) => r[0] === 'EECO01')!.slice(3, 7).every((v) => /^\d+$/.test(v)));
  });
});

describe('the long-term rule and the base date', () => {
  it('long-term: more than 6 months below 25, more than 12 from 25 (the Commission guidance), or coded so', () => {
    const p = (labourStatus: Participant['labourStatus'], ageAtEntry: number, monthsWithoutWork: number | null): Participant => ({
      id: 'p', unit: 'A', gender: 'woman', birthYear: null, ageAtEntry, education: null, entryDate: '2024-01-01', exitDate: null,
      referral: null, incomeAtEntry: null, monthsWithoutWork, exitReason: null, exitStatus: [], labourStatus,
    });
    assert.equal(LONG_TERM.youthBelowAge, 25);
    const cases: [Participant, boolean][] = [
      [p('unemployed', 24, 7), true], [p('unemployed', 24, 6), false], [p('unemployed', 25, 12), false], [p('unemployed', 25, 13), true],
      [p('long_term_unemployed', 40, null), true], [p('unemployed', 40, null), false], [p('inactive', 40, 30), false], [p('employed', 20, 30), false],
    ];
    for (const [x, want] of cases) assert.equal(isLongTermUnemployed(x), want, `${x.labourStatus} ${x.ageAtEntry} ${x.monthsWithoutWork}`);
  });
  it('six calendar months before the extraction, the day clamped to the month', () => {
    assert.equal(monthsBefore('2024-06-30', 6), '2023-12-30');
    assert.equal(monthsBefore('2024-08-31', 6), '2024-02-29');
    assert.equal(monthsBefore('2024-03-15', 3), '2023-12-15');
  });
});
