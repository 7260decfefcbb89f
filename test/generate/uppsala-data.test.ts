// The committed Uppsala example data (data/uppsala-upphandlade-insatser) must be exactly what the
// generator produces, and must reproduce the published figures of the evaluation. The figures are
// written out here again, independently of the generator's own tables, and counted by parsing the
// files as a reader would (Windows-1252, `;`, CRLF, RFC 4180 quotes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { generateUppsala } from '../../scripts/generate/uppsala.ts';

const dataDir = fileURLToPath(new URL('../../data/uppsala-upphandlade-insatser/', import.meta.url));
const NAMES = ['checkar.csv', 'deltagare.csv', 'enkat.csv', 'kostnader.csv', 'uppfoljning.csv'];
const generated = generateUppsala();
const committed = Object.fromEntries(NAMES.map((n) => [n, readFileSync(join(dataDir, n))]));

test('committed data/uppsala-upphandlade-insatser files are byte-identical to the generator output', () => {
  assert.deepEqual(Object.keys(generated).sort(), NAMES);
  for (const name of NAMES) {
    assert.ok(
      committed[name]!.equals(generated[name]!),
      `data/uppsala-upphandlade-insatser/${name} differs from the generator output: run ` +
        '`npm run generate uppsala-upphandlade-insatser` if the change was intended (the published figures must still hold)',
    );
  }
});

// ---- Parsing, as a reader of the files would ------------------------------------------------

const HEADERS: Record<string, string> = {
  'deltagare.csv': 'Klientnr;Kön;Födelseår;Inskriven;Utskriven;Utförare;Månader utan arbete/studier;Utbildning;Avslutsorsak',
  'checkar.csv': 'Klientnr;Insats;Utförare;Checkperiod;Från;Till;Beslut',
  'uppfoljning.csv': 'Klientnr;Månader efter avslut;Försörjning',
  'kostnader.csv': 'År;Utförare;Ersättning;Budget',
  'enkat.csv': 'Enkät;Nöjd med insatsen;Rekommenderar utföraren;Fått veta mina styrkor;Kommentar',
};

type Row = Record<string, string>;
function read(name: string): Row[] {
  const text = iconv.decode(committed[name]!, 'win1252');
  const records = parse(text, { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
  const header = records.shift()!;
  assert.equal(header.join(';'), HEADERS[name], `${name}: header`);
  for (const r of records) assert.equal(r.length, header.length, `${name}: field count`);
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

test('encoding: Windows-1252 without BOM, CRLF only, ends with CRLF', () => {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const name of NAMES) {
    const bytes = committed[name]!;
    const text = iconv.decode(bytes, 'win1252');
    assert.ok(iconv.encode(text, 'win1252').equals(bytes), `${name}: round trip through Windows-1252`);
    assert.notEqual(bytes[0], 0xef, `${name}: no BOM`);
    assert.throws(() => utf8.decode(bytes), `${name}: is not UTF-8 (it has å, ä or ö)`);
    assert.ok(text.endsWith('\r\n'), `${name}: ends with CRLF`);
    assert.equal(text.replaceAll('\r\n', '').search(/[\r\n]/), -1, `${name}: no bare CR or LF`);
  }
});

const people = read('deltagare.csv');
const activityRows = read('checkar.csv');
/** The voucher rows; the providers' skill-building activities share the export (Insats). */
const vouchers = activityRows.filter((r) => r['Insats'] === 'Check');
const skillRows = activityRows.filter((r) => r['Insats'] !== 'Check');
const followups = read('uppfoljning.csv');
const costs = read('kostnader.csv');
const survey = read('enkat.csv');

/** D/M/YYYY, no zero padding -> days since 1970-01-01. */
function date(s: string): number {
  const m = /^([1-9]\d?)\/([1-9]\d?)\/(\d{4})$/.exec(s);
  assert.ok(m, `date ${s} is D/M/YYYY without zero padding`);
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  assert.equal(new Date(t).getUTCDate(), d, `date ${s} exists`);
  return t / 86_400_000;
}
const D = (iso: string) => Date.parse(iso + 'T00:00:00Z') / 86_400_000;
/** The day before the same day-of-month `months` later (day clamped to the month's length). */
function till(from: number, months: number): number {
  const f = new Date(from * 86_400_000);
  const total = f.getUTCFullYear() * 12 + f.getUTCMonth() + months;
  const [y, m] = [Math.floor(total / 12), total % 12];
  const daysInMonth = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;
  return Date.UTC(y, m, Math.min(f.getUTCDate(), daysInMonth)) / 86_400_000 - 1;
}
const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length;
const pct = (a: number, b: number) => Math.round((100 * a) / b);

const byId = new Map(people.map((p) => [p['Klientnr']!, p]));
const vouchersOf = new Map<string, Row[]>();
for (const v of vouchers) {
  assert.ok(byId.has(v['Klientnr']!), `voucher for unknown client ${v['Klientnr']}`);
  vouchersOf.set(v['Klientnr']!, [...(vouchersOf.get(v['Klientnr']!) ?? []), v]);
}
const women = (rows: Row[]) => count(rows, (r) => byId.get(r['Klientnr']!)!['Kön'] === 'K');
const men = (rows: Row[]) => count(rows, (r) => byId.get(r['Klientnr']!)!['Kön'] === 'M');

// ---- The published figures -------------------------------------------------------------------

// Persons per provider (each person once per provider they had a voucher with): women, men.
const PAIRS: Record<string, [number, number]> = {
  Manpower: [61, 141], Jobbcenter: [65, 120], Hermods: [27, 30], Astar: [33, 21], AlphaCE: [21, 30], Lernia: [21, 29],
  'Idékraft': [10, 18], 'Svensk kommuntjänst': [8, 20], Jobblotsen: [8, 16], 'Studiefrämjandet': [7, 14], Adecco: [5, 14],
  Competens: [7, 11], Arbetslivsresurs: [5, 12], 'Iris Hadar': [9, 7], 'Upplands Idrottsförbund': [1, 14],
  Personalstrategerna: [3, 6], 'Kunskapsbolaget Integra': [2, 4], Ingeus: [1, 3], Miroi: [2, 0],
};
// "Egen försörjning" by unit: 3 months men, women; 6 months men, women.
const SELF: Record<string, [number, number, number, number]> = {
  Manpower: [31, 12, 22, 9], Jobbcenter: [20, 6, 13, 6], Lernia: [6, 6, 3, 4], 'Studiefrämjandet': [4, 3, 1, 3],
  Astar: [1, 6, 0, 3], Hermods: [8, 0, 2, 0], 'Svensk kommuntjänst': [3, 1, 3, 1], 'Upplands Idrottsförbund': [5, 0, 2, 0],
  'Idékraft': [0, 3, 0, 2], Personalstrategerna: [1, 2, 0, 2], AlphaCE: [4, 0, 1, 0], Competens: [2, 0, 2, 0],
  'Iris Hadar': [2, 0, 1, 0], Jobblotsen: [2, 0, 1, 0], Adecco: [1, 0, 1, 0], Arbetslivsresurs: [1, 0, 1, 0],
  Ingeus: [0, 0, 0, 0], 'Kunskapsbolaget Integra': [0, 0, 0, 0], Miroi: [0, 0, 0, 0],
};

test('participants: 755 (281 women, 474 men), ids, birth years, education, entries in the period', () => {
  assert.equal(people.length, 755);
  assert.equal(count(people, (p) => p['Kön'] === 'K'), 281);
  assert.equal(count(people, (p) => p['Kön'] === 'M'), 474);
  const ids = people.map((p) => p['Klientnr']!);
  for (const id of ids) assert.match(id, /^U\d{5}$/);
  assert.equal(new Set(ids).size, 755, 'Klientnr unique');
  assert.deepEqual(ids, [...ids].sort(), 'rows ordered by Klientnr');
  let young = 0;
  for (const p of people) {
    const entry = date(p['Inskriven']!);
    assert.ok(entry >= D('2013-06-01') && entry <= D('2014-12-31'), `entry ${p['Inskriven']}`);
    // Birth year only: the age at entry is (entry year - birth year) or one less; both within 18-64.
    const age = new Date(entry * 86_400_000).getUTCFullYear() - Number(p['Födelseår']);
    assert.ok(age - 1 >= 18 && age <= 64, `${p['Klientnr']}: age ${age}`);
    if (age < 30) young++;
    assert.ok(['Förgymnasial', 'Gymnasial', 'Eftergymnasial', ''].includes(p['Utbildning']!));
    assert.ok(p['Kön'] === 'K' || p['Kön'] === 'M');
    assert.ok(p['Utförare']! in PAIRS, `unit ${p['Utförare']}`);
  }
  assert.ok(young / 755 > 0.35, `many under 30 (${young})`);
  const unknownEducation = count(people, (p) => p['Utbildning'] === '') / 755;
  assert.ok(unknownEducation > 0.02 && unknownEducation < 0.09, `unknown education ${unknownEducation}`);
});

test('months without work or studies: 181 with 8 or more (24 %), 128 of them 14 or more', () => {
  const months = people.map((p) => p['Månader utan arbete/studier']!);
  for (const m of months) assert.match(m, /^\d+$/);
  assert.equal(count(months, (m) => Number(m) >= 8), 181);
  assert.equal(count(months, (m) => Number(m) >= 14), 128);
  assert.equal(pct(181, 755), 24);
});

test('vouchers: 1 116 (401 women, 715 men), lengths and decisions as published', () => {
  assert.equal(vouchers.length, 1116);
  assert.deepEqual([women(vouchers), men(vouchers)], [401, 715]);
  const lengths: Record<string, number> = {};
  for (const v of vouchers) lengths[v['Checkperiod']!] = (lengths[v['Checkperiod']!] ?? 0) + 1;
  assert.deepEqual(lengths, { 2: 426, 3: 379, 4: 232, 6: 74, 8: 5 });
  const decision = (d: string) => vouchers.filter((v) => v['Beslut'] === d);
  assert.deepEqual([women(decision('Ny check')), men(decision('Ny check'))], [238, 398]);
  assert.deepEqual([women(decision('Förlängning, samma utförare')), men(decision('Förlängning, samma utförare'))], [118, 232]);
  assert.deepEqual([women(decision('Förlängning, annan utförare')), men(decision('Förlängning, annan utförare'))], [45, 85]);
  const ids = vouchers.map((v) => v['Klientnr']! + ' ' + String(date(v['Från']!)).padStart(6, '0'));
  assert.deepEqual(ids, [...ids].sort(), 'rows ordered by Klientnr, then Från');
});

test('voucher sequences are consistent, and the unit is the last provider', () => {
  const firsts: Record<string, number> = {};
  const laterSame = { K: 0, M: 0 };
  const switches = { K: 0, M: 0 };
  for (const p of people) {
    const vs = vouchersOf.get(p['Klientnr']!) ?? [];
    assert.ok(vs.length >= 1, `${p['Klientnr']} has vouchers`);
    const sex = p['Kön'] as 'K' | 'M';
    const gap = date(vs[0]!['Från']!) - date(p['Inskriven']!);
    assert.ok(gap >= 0 && gap <= 20, `${p['Klientnr']}: first voucher ${gap} days after entry`);
    firsts[`${sex} ${vs[0]!['Beslut']}`] = (firsts[`${sex} ${vs[0]!['Beslut']}`] ?? 0) + 1;
    vs.forEach((v, i) => {
      const from = date(v['Från']!);
      assert.equal(date(v['Till']!), till(from, Number(v['Checkperiod'])), `${p['Klientnr']}: Till = Från + months - 1 day`);
      assert.ok(from <= D('2014-12-31'), 'every voucher starts in the period');
      if (i === 0) return;
      const prev = vs[i - 1]!;
      assert.equal(from, date(prev['Till']!) + 1, `${p['Klientnr']}: vouchers follow directly`);
      assert.notEqual(v['Beslut'], 'Ny check', `${p['Klientnr']}: "Ny check" only first`);
      if (v['Beslut'] === 'Förlängning, annan utförare') {
        assert.notEqual(v['Utförare'], prev['Utförare']);
        switches[sex]++;
      } else {
        assert.equal(v['Utförare'], prev['Utförare']);
        laterSame[sex]++;
      }
    });
    assert.equal(p['Utförare'], vs[vs.length - 1]!['Utförare'], `${p['Klientnr']}: unit = last provider`);
  }
  assert.deepEqual(firsts, {
    'K Ny check': 238, 'K Förlängning, annan utförare': 30, 'K Förlängning, samma utförare': 13,
    'M Ny check': 398, 'M Förlängning, annan utförare': 49, 'M Förlängning, samma utförare': 27,
  });
  assert.deepEqual(switches, { K: 15, M: 36 });
  assert.deepEqual(laterSame, { K: 105, M: 205 });
});

test('persons per provider and gender: 806 pairs (296 women, 510 men); 15 women and 36 men with two providers', () => {
  const pairs: Record<string, [number, number]> = {};
  const twoProviders = { K: 0, M: 0 };
  for (const p of people) {
    const providers = new Set((vouchersOf.get(p['Klientnr']!) ?? []).map((v) => v['Utförare']!));
    assert.ok(providers.size <= 2);
    if (providers.size === 2) twoProviders[p['Kön'] as 'K' | 'M']++;
    for (const name of providers) {
      pairs[name] ??= [0, 0];
      pairs[name][p['Kön'] === 'K' ? 0 : 1]++;
    }
  }
  for (const [name, want] of Object.entries(PAIRS)) assert.deepEqual(pairs[name] ?? [0, 0], want, name);
  assert.deepEqual(Object.keys(pairs).sort(), Object.keys(PAIRS).filter((n) => PAIRS[n]![0] + PAIRS[n]![1] > 0).sort());
  const sum = Object.values(pairs).reduce((s, [w, m]) => [s[0]! + w, s[1]! + m], [0, 0]);
  assert.deepEqual(sum, [296, 510]);
  assert.deepEqual(twoProviders, { K: 15, M: 36 });
});

test('providers closed in 2013: every Adecco, Ingeus and Miroi voucher ends by 2013-12-31', () => {
  for (const v of vouchers) {
    if (['Adecco', 'Ingeus', 'Miroi'].includes(v['Utförare']!)) assert.ok(date(v['Till']!) <= D('2013-12-31'), `${v['Klientnr']} ${v['Till']}`);
    if (v['Utförare'] === 'Jobbcenter') assert.ok(date(v['Från']!) <= D('2014-12-31'));
  }
});

test('exits: 371 (126 women, 245 men); work 47 + 111 (43 %), studies 29 + 33 (17 %); dates after the last voucher', () => {
  const exited = people.filter((p) => p['Utskriven'] !== '');
  for (const p of people) assert.equal(p['Utskriven'] === '', p['Avslutsorsak'] === '', `${p['Klientnr']}: exit date and reason together`);
  assert.deepEqual([exited.length, count(exited, (p) => p['Kön'] === 'K'), count(exited, (p) => p['Kön'] === 'M')], [371, 126, 245]);
  const reason = (r: string, sex: string) => count(exited, (p) => p['Avslutsorsak'] === r && p['Kön'] === sex);
  assert.deepEqual([reason('Arbete', 'K'), reason('Arbete', 'M')], [47, 111]);
  assert.deepEqual([reason('Studier', 'K'), reason('Studier', 'M')], [29, 33]);
  assert.equal(pct(158, 371), 43);
  assert.equal(pct(62, 371), 17);
  const others: Record<string, number> = {};
  for (const p of exited) {
    if (p['Avslutsorsak'] === 'Arbete' || p['Avslutsorsak'] === 'Studier') continue;
    others[p['Avslutsorsak']!] = (others[p['Avslutsorsak']!] ?? 0) + 1;
  }
  assert.deepEqual(Object.keys(others).sort(), ['Annat', 'Ej avhörd', 'Ej rätt till ekonomiskt bistånd', 'Flyttat']);
  const most = Object.entries(others).sort((a, b) => b[1] - a[1])[0]![0];
  assert.equal(most, 'Ej rätt till ekonomiskt bistånd');

  let days = 0;
  for (const p of people) {
    const vs = vouchersOf.get(p['Klientnr']!)!;
    const last = vs[vs.length - 1]!;
    if (p['Utskriven'] !== '') {
      const exit = date(p['Utskriven']!);
      const after = exit - date(last['Till']!);
      assert.ok(after >= 0 && after <= 30, `${p['Klientnr']}: exit ${after} days after the last voucher`);
      assert.ok(exit <= D('2014-12-31'));
      days += exit - date(p['Inskriven']!);
    } else {
      // Still enrolled: the last voucher started in the period and runs to (near) its end or beyond.
      assert.ok(date(last['Från']!) <= D('2014-12-31') && date(last['Till']!) >= D('2014-11-30'), `${p['Klientnr']}: still enrolled`);
    }
  }
  const mean = days / 30.4375 / 371;
  assert.ok(mean >= 7 && mean <= 7.5, `mean time enrolled among the exited ${mean.toFixed(2)} months ("drygt sju")`);
  const long = people.filter((p) => Number(p['Månader utan arbete/studier']) >= 14);
  assert.equal(count(long, (p) => p['Avslutsorsak'] === 'Arbete' || p['Avslutsorsak'] === 'Studier'), 7);
});

test('follow-ups: 3 months for every exit to work or studies, 6 months if exited by 2014-09-30; "Egen försörjning" by unit as published', () => {
  const ws = people.filter((p) => p['Avslutsorsak'] === 'Arbete' || p['Avslutsorsak'] === 'Studier');
  const expected = ws.flatMap((p) =>
    date(p['Utskriven']!) <= D('2014-09-30') ? [`${p['Klientnr']} 3`, `${p['Klientnr']} 6`] : [`${p['Klientnr']} 3`]);
  const got = followups.map((f) => `${f['Klientnr']} ${f['Månader efter avslut']}`);
  assert.deepEqual(got, expected, 'one row per follow-up, ordered by Klientnr then months');
  for (const f of followups) assert.ok(['Egen försörjning', 'Ej egen försörjning'].includes(f['Försörjning']!));
  const self = new Set(followups.filter((f) => f['Försörjning'] === 'Egen försörjning').map((f) => `${f['Klientnr']} ${f['Månader efter avslut']}`));
  const table: Record<string, [number, number, number, number]> = {};
  for (const name of Object.keys(PAIRS)) table[name] = [0, 0, 0, 0];
  for (const p of ws) {
    const id = p['Klientnr']!;
    const woman = p['Kön'] === 'K' ? 1 : 0;
    const row = table[p['Utförare']!]!;
    if (self.has(`${id} 3`)) row[woman]++;
    if (self.has(`${id} 6`)) {
      row[2 + woman]!++;
      assert.ok(self.has(`${id} 3`), `${id}: self-supporting at 6 months, so also at 3`);
    }
  }
  assert.deepEqual(table, SELF);
  const totals = [0, 1, 2, 3].map((i) => Object.values(table).reduce((s, r) => s + r[i]!, 0));
  assert.deepEqual(totals, [91, 39, 53, 30]);
  assert.equal(totals[0]! + totals[1]!, 130);
  assert.equal(totals[2]! + totals[3]!, 83);
});

test('persons with a voucher in 2014: between 630 and 660 (cost per participant about 13 000 kr)', () => {
  const active = new Set(vouchers
    .filter((v) => date(v['Från']!) <= D('2014-12-31') && date(v['Till']!) >= D('2014-01-01'))
    .map((v) => v['Klientnr']));
  assert.ok(active.size >= 630 && active.size <= 660, `${active.size} persons in 2014`);
  assert.equal(Math.round(8_373_970 / active.size / 1000), 13);
});

test('costs 2014 as published, in the finance system spellings, and the budget row', () => {
  assert.deepEqual(costs.map((c) => [c['År'], c['Utförare'], c['Ersättning'], c['Budget']]), [
    ['2014', 'Manpower', '2 696 400', ''], ['2014', 'Uppsala kommun (Jobbcenter)', '1 457 800', ''],
    ['2014', 'Astar', '749 020', ''], ['2014', 'Lernia', '649 400', ''], ['2014', 'Hermods', '596 650', ''],
    ['2014', 'Alphace', '474 800', ''], ['2014', 'Idékraft', '409 200', ''], ['2014', 'Studiefrämjandet i Uppsala län', '359 300', ''],
    ['2014', 'Jobblotsen', '256 400', ''], ['2014', 'Upplands idrottsförbund', '218 800', ''],
    ['2014', 'AB svensk kommundienst', '210 600', ''], ['2014', 'Competens', '96 600', ''], ['2014', 'Iris hadar', '72 200', ''],
    ['2014', 'Arbetslivsresurs', '56 600', ''], ['2014', 'Personalstrategerna', '36 800', ''],
    ['2014', 'Kunskapsbolaget integra', '33 400', ''], ['2014', 'Miroi', '0', ''],
    ['2014', 'Budget tjänstekoncession', '0', '12 000 000'],
  ]);
  const sum = costs.reduce((s, c) => s + Number(c['Ersättning']!.replaceAll(' ', '')), 0);
  assert.equal(sum, 8_373_970);
});

test('survey: 150 participants (83 % satisfied, 86 % recommend, 73 % strengths) and 17 providers (13 comments)', () => {
  const part = survey.filter((s) => s['Enkät'] === 'Deltagare');
  const prov = survey.filter((s) => s['Enkät'] === 'Utförare');
  assert.deepEqual([part.length, prov.length, survey.length], [150, 17, 167]);
  const tally = (col: string) => {
    const t: Record<string, number> = {};
    for (const s of part) t[s[col]!] = (t[s[col]!] ?? 0) + 1;
    return t;
  };
  assert.deepEqual(tally('Nöjd med insatsen'), { 'Helt nöjd': 70, 'Ganska nöjd': 55, 'Ganska missnöjd': 17, 'Helt missnöjd': 8 });
  assert.deepEqual(tally('Rekommenderar utföraren'), { Ja: 129, Nej: 21 });
  assert.deepEqual(tally('Fått veta mina styrkor'), { Ja: 110, Nej: 40 });
  assert.deepEqual([pct(125, 150), pct(129, 150), pct(110, 150)], [83, 86, 73]);
  const commented = part.filter((s) => s['Kommentar'] !== '');
  assert.ok(commented.length >= 40 && commented.length <= 60, `about a third commented (${commented.length})`);
  assert.ok(commented.some((s) => s['Kommentar']!.includes(';')) && commented.some((s) => s['Kommentar']!.includes('"')),
    'some comments need quoting');
  for (const s of prov) {
    assert.deepEqual([s['Nöjd med insatsen'], s['Rekommenderar utföraren'], s['Fått veta mina styrkor']], ['', '', '']);
  }
  assert.equal(count(prov, (s) => s['Kommentar'] !== ''), 13);
  // Rows are shuffled: the providers are not all at the end.
  assert.notEqual(survey.slice(-17).every((s) => s['Enkät'] === 'Utförare'), true);
});

test('skill-building activities: within a voucher span at the provider, no months or decision, the kinds the original names', () => {
  const KINDS = ['Jobbcoachning', 'Matchning', 'Praktik', 'Kartläggning', 'Jobbsökarstöd', 'Studie- och yrkesvägledning', 'Kortare utbildning', 'Språkstöd'];
  assert.ok(skillRows.length > 0);
  const persons: Record<string, Set<string>> = {};
  for (const r of skillRows) {
    assert.ok(KINDS.includes(r['Insats']!), `unknown activity ${r['Insats']}`);
    assert.equal(r['Checkperiod'], '', 'no voucher months on an activity row');
    assert.equal(r['Beslut'], '', 'no decision on an activity row');
    const [from, to] = [date(r['Från']!), date(r['Till']!)];
    assert.ok(from <= to, `${r['Klientnr']}: Från before Till`);
    const at = (vouchersOf.get(r['Klientnr']!) ?? []).filter((v) => v['Utförare'] === r['Utförare']);
    assert.ok(at.length > 0, `${r['Klientnr']}: an activity at ${r['Utförare']}, who gave no voucher`);
    assert.ok(from >= date(at[0]!['Från']!) && to <= date(at[at.length - 1]!['Till']!), `${r['Klientnr']}: activity outside the vouchers at ${r['Utförare']}`);
    (persons[r['Insats']!] ??= new Set()).add(r['Klientnr']!);
  }
  // The original: "De klart vanligast kompetenshöjande insatserna är jobbcoachning, matchning och praktik."
  const ranked = Object.entries(persons).sort((a, b) => b[1].size - a[1].size).map(([k]) => k);
  assert.deepEqual(ranked.slice(0, 3), ['Jobbcoachning', 'Matchning', 'Praktik']);
  assert.ok(persons['Praktik']!.size > 1.5 * persons[ranked[3]!]!.size, 'the three most common are clearly so');
});

