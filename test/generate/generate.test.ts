// The committed MIA Vidare example data must be exactly what the generator produces, and must
// reproduce the published figures. Counted here by parsing the generator's own output simply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { generateMiaVidare, writeBenchData } from '../../scripts/generate/mia-vidare.ts';
import { generateSamverkan } from '../../scripts/generate/samverkan.ts';

const dataDir = fileURLToPath(new URL('../../data/mia-vidare/', import.meta.url));
const files = generateMiaVidare();

/** Rows of a `;`-separated CRLF file without quoted fields, header first. */
function rows(text: string): string[][] {
  const lines = text.split('\r\n');
  assert.equal(lines.pop(), '', 'file must end with CRLF');
  return lines.map((l) => l.split(';'));
}

const people = rows(files['deltagare.csv']!.toString('utf8'));
const activities = rows(iconv.decode(files['aktiviteter.csv']!, 'win1252'));
const [P, A] = [people.shift()!, activities.shift()!];
const col = (header: string[], name: string) => {
  const i = header.indexOf(name);
  assert.ok(i >= 0, `missing column ${name}`);
  return i;
};

const SV_TO_CODE: Record<string, string> = {
  Anställning: 'employed', Studier: 'studies', Praktik: 'internship', Lärling: 'apprenticeship',
  Arbetssökande: 'job_seeking', 'Ordinarie insats': 'ordinary_programme', Sjukskriven: 'sick_leave',
  Övrigt: 'other', Okänt: 'unknown',
};

// The published figures, written out independently of the generator's own table.
const EXPECTED = {
  HBS: {
    enrolled: 160, women: 100, exited: 136, municipality: 58, asf: 38, external: 38, both: 6,
    exits: { employed: 24, studies: 6, internship: 5, 'internship|job_seeking': 10, apprenticeship: 5,
      ordinary_programme: 53, 'ordinary_programme|job_seeking': 8, job_seeking: 12, sick_leave: 6, other: 4, unknown: 3 },
  },
  Södertälje: {
    enrolled: 200, women: 124, exited: 172, municipality: 122, asf: 52, external: 22, both: 4,
    exits: { employed: 12, studies: 7, internship: 9, 'internship|job_seeking': 6, apprenticeship: 2,
      ordinary_programme: 44, 'ordinary_programme|job_seeking': 6, job_seeking: 10, sick_leave: 30, other: 25, unknown: 21 },
  },
  'Övriga delprojekt': {
    enrolled: 2440, women: 1510, exited: 2092, asf: 918, external: 248, both: 50,
    exits: { employed: 228, studies: 83, internship: 110, 'internship|job_seeking': 40, apprenticeship: 30,
      ordinary_programme: 653, 'ordinary_programme|job_seeking': 100, job_seeking: 200, sick_leave: 250, other: 250, unknown: 148 },
  },
} as const;

test('committed data/mia-vidare files are byte-identical to the generator output', () => {
  for (const [name, bytes] of Object.entries(files)) {
    let committed: Buffer;
    try {
      committed = readFileSync(join(dataDir, name));
    } catch {
      assert.fail(`data/mia-vidare/${name} is missing: run \`npm run generate\``);
    }
    assert.ok(
      committed.equals(bytes),
      `data/mia-vidare/${name} differs from the generator output: run \`npm run generate\` ` +
        'if the generator change was intended (the published figures must still hold)',
    );
  }
  assert.deepEqual(Object.keys(files).sort(), ['aktiviteter.csv', 'deltagare.csv', 'enkat.csv']);
});

test('encodings: deltagare UTF-8 without BOM, aktiviteter Windows-1252, enkat UTF-8 with BOM', () => {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const deltagare = files['deltagare.csv']!;
  assert.notEqual(deltagare[0], 0xef, 'deltagare.csv must not start with a BOM');
  assert.doesNotThrow(() => utf8.decode(deltagare));
  assert.throws(() => utf8.decode(files['aktiviteter.csv']!), 'aktiviteter.csv must not be valid UTF-8');
  assert.ok(iconv.decode(files['aktiviteter.csv']!, 'win1252').includes('Arbetsträning'));
  const enkat = files['enkat.csv']!;
  assert.deepEqual([...enkat.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'enkat.csv must start with the UTF-8 BOM');
  assert.doesNotThrow(() => utf8.decode(enkat));
});

test('per-unit counts reproduce the published figures', () => {
  const [iId, iUnit, iSex, iExit, iStatus, iRef] =
    ['Deltagar-ID', 'Delprojekt', 'Kön', 'Utskrivningsdatum', 'Status vid avslut', 'Anvisad av'].map((c) => col(P, c));
  const unitOf = new Map(people.map((r) => [r[iId!]!, r[iUnit!]!]));
  const training = new Map<string, Set<string>>(); // "unit|setting" -> participant ids
  const [aId, aInsats, aPlace] = ['Deltagar-ID', 'Insats', 'Arbetsplats'].map((c) => col(A, c));
  for (const r of activities) {
    assert.ok(unitOf.has(r[aId!]!), `activity for unknown participant ${r[aId!]}`);
    if (r[aInsats!] !== 'Arbetsträning') continue;
    const key = `${unitOf.get(r[aId!]!)}|${r[aPlace!]}`;
    training.set(key, (training.get(key) ?? new Set()).add(r[aId!]!));
  }

  for (const [unit, want] of Object.entries(EXPECTED)) {
    const mine = people.filter((r) => r[iUnit!] === unit);
    const exited = mine.filter((r) => r[iExit!] !== '');
    assert.equal(mine.length, want.enrolled, `${unit}: enrolled`);
    assert.equal(mine.filter((r) => r[iSex!] === 'K').length, want.women, `${unit}: women`);
    assert.equal(exited.length, want.exited, `${unit}: exited`);
    if ('municipality' in want) {
      assert.equal(mine.filter((r) => r[iRef!] === 'Kommunen').length, want.municipality, `${unit}: referred by municipality`);
    }
    const exits: Record<string, number> = {};
    for (const r of exited) {
      const combo = r[iStatus!]!.split('|').map((s) => SV_TO_CODE[s] ?? `?${s}`).join('|');
      exits[combo] = (exits[combo] ?? 0) + 1;
    }
    assert.deepEqual(exits, { ...want.exits }, `${unit}: exit status combinations`);
    assert.equal(mine.filter((r) => r[iExit!] === '' && r[iStatus!] !== '').length, 0, `${unit}: status only when exited`);

    const asf = training.get(`${unit}|ASF`) ?? new Set<string>();
    const ext = training.get(`${unit}|Extern arbetsgivare`) ?? new Set<string>();
    assert.equal(asf.size, want.asf, `${unit}: trained at ASF`);
    assert.equal(ext.size, want.external, `${unit}: trained at external employer`);
    assert.equal([...asf].filter((id) => ext.has(id)).length, want.both, `${unit}: trained in both`);
  }
  // Övriga: about half referred by the municipality.
  const ovriga = people.filter((r) => r[iUnit!] === 'Övriga delprojekt');
  const share = ovriga.filter((r) => r[iRef!] === 'Kommunen').length / ovriga.length;
  assert.ok(share > 0.45 && share < 0.55, `Övriga municipality share ${share}`);
});

test('rows are well-formed: ids, dates, coaching for everyone', () => {
  const [iId, iEntry, iExit, iReason] =
    ['Deltagar-ID', 'Inskrivningsdatum', 'Utskrivningsdatum', 'Avslutsorsak'].map((c) => col(P, c));
  people.forEach((r, i) => {
    assert.equal(r.length, P.length);
    assert.equal(r[iId!], 'MV-' + String(i + 1).padStart(5, '0'));
    const entry = r[iEntry!]!;
    const exit = r[iExit!]!;
    assert.ok(entry >= '2020-01-01' && entry <= '2022-03-31', `entry ${entry}`);
    if (exit) {
      const days = (Date.parse(exit) - Date.parse(entry)) / 86_400_000;
      assert.ok(days >= 28 && days <= 548 && exit <= '2022-06-30', `${r[iId!]}: exit ${exit} after entry ${entry}`);
      assert.notEqual(r[iReason!], '');
    } else {
      assert.equal(r[iReason!], '');
    }
  });
  const coached = new Set(activities.filter((r) => r[1] === 'Coachning').map((r) => r[0]));
  assert.equal(coached.size, people.length, 'every participant has a coaching row');
  for (const r of activities) {
    assert.equal(r.length, A.length);
    assert.ok(r[3]! <= r[4]!, `activity ${r.join(';')} ends before it starts`);
    assert.match(r[5]!, /^\d+(,\d+)?$/);
    assert.match(r[6]!, /^\d+(,\d+)?$/);
  }
});

test('enkat.csv: 37 answers and one RFC 4180-quoted comment', () => {
  const text = files['enkat.csv']!.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 38);
  assert.equal(lines[1]!.split(';')[0], 'S01');
  assert.equal(lines[37]!.split(';')[0], 'S37');
  assert.ok(lines.some((l) => /;"[^"]*""[^;]*,.*"$/.test(l)), 'a quoted comment with a comma and escaped quotes');
});

test('writeBenchData writes the same format at scale, without quotes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mv-bench-'));
  try {
    const { files: written } = await writeBenchData(dir, 5000, 7);
    assert.equal(written.length, 3);
    const deltagare = await readFile(join(dir, 'deltagare.csv'));
    const aktiviteter = await readFile(join(dir, 'aktiviteter.csv'));
    const firstLine = (b: Buffer) => b.subarray(0, b.indexOf('\r\n')).toString('latin1');
    assert.equal(firstLine(deltagare), firstLine(files['deltagare.csv']!));
    assert.equal(firstLine(aktiviteter), firstLine(files['aktiviteter.csv']!));
    assert.ok(!deltagare.includes('"') && !aktiviteter.includes('"'), 'bench data must not contain quotes');
    // Bench rows are written as Latin-1, which equals Windows-1252 outside 0x80–0x9F.
    assert.ok(!aktiviteter.some((b) => b >= 0x80 && b <= 0x9f), 'bench aktiviteter.csv must stay Windows-1252-safe');
    assert.equal(rows(deltagare.toString('utf8')).length, 5001);
    const acts = rows(iconv.decode(aktiviteter, 'win1252')).length - 1;
    assert.ok(acts > 8000 && acts < 14000, `about two activity rows per participant, got ${acts}`);
    assert.ok((await readFile(join(dir, 'enkat.csv'))).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// ---- Samverkan leder till arbete ------------------------------------------------------------

const slaDir = fileURLToPath(new URL('../../data/samverkan-leder-till-arbete/', import.meta.url));
const sla = generateSamverkan();

/** Rows of a BOM + `,`-separated CRLF file (RFC 4180 quotes, no line breaks in fields), header first. */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'file must start with the BOM');
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'file must end with CRLF');
  return lines.map((l) => {
    const fields: string[] = [];
    for (let i = 0; i <= l.length; ) {
      if (l[i] === '"') {
        let f = '';
        for (i++; ; ) {
          const q = l.indexOf('"', i);
          assert.ok(q >= 0, `unterminated quote in ${l}`);
          f += l.slice(i, q);
          if (l[q + 1] === '"') (f += '"'), (i = q + 2);
          else {
            i = q + 1;
            break;
          }
        }
        assert.ok(i === l.length || l[i] === ',', `text after a closing quote in ${l}`);
        fields.push(f);
        i++;
      } else {
        const c = l.indexOf(',', i);
        const end = c < 0 ? l.length : c;
        const f = l.slice(i, end);
        assert.ok(!f.includes('"'), `stray quote in ${l}`);
        fields.push(f);
        i = end + 1;
      }
    }
    return fields;
  });
}

/** Objects keyed by header, checking every row has the header's width. */
function records(name: string, header: string): Record<string, string>[] {
  const [h, ...body] = csvRows(sla[name]!);
  assert.equal(h!.join(','), header, `${name}: header`);
  return body.map((r) => {
    assert.equal(r.length, h!.length, `${name}: row ${r.join(',')}`);
    return Object.fromEntries(h!.map((c, i) => [c, r[i]!]));
  });
}

const SLA_FILES = ['bedomning.csv', 'deltagare.csv', 'insatser.csv', 'uppfoljning.csv'];
const slaPeople = records('deltagare.csv', 'Löpnummer,Verkstad,Kön,Ålder,Inskrivningsdatum,Utskrivningsdatum,Avslutskod');
const slaActivities = records('insatser.csv', 'Löpnummer,Insats,Startdatum,Resultat');
const slaFollowups = records('uppfoljning.csv', 'Löpnummer,Månader efter avslut,Sysselsättning');
const slaAssessments = records('bedomning.csv', 'Löpnummer,Bedömare,Steg mot arbete,Ökad motivation,Ökat självförtroende,Kommentar');
const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

// The published figures, written out independently of the generator's own table.
const SLA_EXPECTED = {
  enrolled: { VV: 110, OHM: 135, ET: 88, MBL: 140, NY: 147, '?': 1 },
  exited: { VV: 88, OHM: 109, ET: 71, MBL: 116, NY: 120, '?': 1 },
  exitedWomen: { VV: 52, OHM: 72, ET: 46, MBL: 64, NY: 44, '?': 1 },
  exitedMen: { VV: 36, OHM: 37, ET: 25, MBL: 52, NY: 76 },
  men: { completed: 118, early: 108, destinations: { A: 86, S: 40, E: 4, L: 3, P: 5, J: 30, Ö: 58 } },
  women: { completed: 195, early: 84, destinations: { A: 81, S: 80, L: 2, P: 3, J: 40, Ö: 73 } },
} as const;

test('committed data/samverkan-leder-till-arbete files are byte-identical to the generator output', () => {
  assert.deepEqual(Object.keys(sla).sort(), SLA_FILES);
  for (const [name, bytes] of Object.entries(sla)) {
    let committed: Buffer;
    try {
      committed = readFileSync(join(slaDir, name));
    } catch {
      assert.fail(`data/samverkan-leder-till-arbete/${name} is missing: run \`npm run generate\``);
    }
    assert.ok(
      committed.equals(bytes),
      `data/samverkan-leder-till-arbete/${name} differs from the generator output: run \`npm run generate\` ` +
        'if the generator change was intended (the published figures must still hold)',
    );
    assert.ok(bytes.equals(generateSamverkan()[name]!), `${name}: a second run gives the same bytes`);
  }
});

test('samverkan: every file UTF-8 with BOM, comma-separated, CRLF only', () => {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const [name, bytes] of Object.entries(sla)) {
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} must start with the UTF-8 BOM`);
    assert.doesNotThrow(() => utf8.decode(bytes), `${name} must be valid UTF-8`);
    assert.ok(!/[^\r]\n|\r[^\n]/.test(bytes.toString('utf8')), `${name}: line breaks must be CRLF`);
    assert.ok(!bytes.toString('utf8').includes(';'), `${name}: no semicolons`);
  }
});

test('samverkan: participants reproduce the published figures', () => {
  const byUnit = (rows: Record<string, string>[]) => tally(rows.map((r) => r['Verkstad']!));
  const exited = slaPeople.filter((r) => r['Utskrivningsdatum'] !== '');
  assert.equal(slaPeople.length, 621);
  assert.equal(exited.length, 505);
  assert.deepEqual(byUnit(slaPeople), { ...SLA_EXPECTED.enrolled });
  assert.deepEqual(byUnit(exited), { ...SLA_EXPECTED.exited });
  assert.deepEqual(byUnit(exited.filter((r) => r['Kön'] === 'Kvinna')), { ...SLA_EXPECTED.exitedWomen });
  assert.deepEqual(byUnit(exited.filter((r) => r['Kön'] === 'Man')), { ...SLA_EXPECTED.exitedMen });
  for (const [gender, want] of [['Man', SLA_EXPECTED.men], ['Kvinna', SLA_EXPECTED.women]] as const) {
    const codes = exited.filter((r) => r['Kön'] === gender).map((r) => r['Avslutskod']!);
    for (const c of codes) assert.match(c, /^[FA][ASELPJÖ]$/u, `exit code ${c}`);
    assert.deepEqual(tally(codes.map((c) => (c[0] === 'F' ? 'completed' : 'early'))),
      { completed: want.completed, early: want.early }, `${gender}: completed / early`);
    assert.deepEqual(tally(codes.map((c) => c[1]!)), { ...want.destinations }, `${gender}: destinations`);
  }
  const unknown = slaPeople.filter((r) => r['Verkstad'] === '?');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0]!['Kön'], 'Kvinna');
  assert.notEqual(unknown[0]!['Utskrivningsdatum'], '');
  // Still enrolled: about half women.
  const open = slaPeople.filter((r) => r['Utskrivningsdatum'] === '');
  const women = open.filter((r) => r['Kön'] === 'Kvinna').length / open.length;
  assert.ok(women > 0.4 && women < 0.6, `still-enrolled women share ${women}`);
});

test('samverkan: participant rows are well-formed', () => {
  slaPeople.forEach((r, i) => {
    const id = r['Löpnummer']!;
    assert.equal(id, 'SLA-' + String(i + 1).padStart(4, '0'));
    assert.match(r['Kön']!, /^(Kvinna|Man)$/);
    const age = Number(r['Ålder']);
    assert.ok(Number.isInteger(age) && age >= 18 && age <= 64, `${id}: age ${r['Ålder']}`);
    const [entry, exit, code] = [r['Inskrivningsdatum']!, r['Utskrivningsdatum']!, r['Avslutskod']!];
    assert.match(entry, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(entry >= '2017-10-01' && entry <= '2020-05-31', `${id}: entry ${entry}`);
    if (exit) {
      assert.match(exit, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(exit > entry && exit <= '2020-08-31', `${id}: exit ${exit} after entry ${entry}`);
      assert.notEqual(code, '', `${id}: exit code`);
    } else {
      assert.equal(code, '', `${id}: exit code only when exited`);
    }
  });
});

test('samverkan: activities, validation, follow-up and assessment', () => {
  const person = new Map(slaPeople.map((r) => [r['Löpnummer']!, r]));
  const workshop = slaActivities.filter((r) => r['Insats'] === 'Verkstad');
  assert.equal(workshop.length, slaPeople.length);
  assert.equal(new Set(workshop.map((r) => r['Löpnummer'])).size, slaPeople.length, 'one workshop row each');
  for (const r of workshop) {
    assert.equal(r['Startdatum'], person.get(r['Löpnummer']!)?.['Inskrivningsdatum'], 'workshop row starts at entry');
    assert.equal(r['Resultat'], '');
  }
  const validation = slaActivities.filter((r) => r['Insats'] === 'Validering');
  assert.equal(validation.length + workshop.length, slaActivities.length, 'only Verkstad and Validering');
  const ids = validation.map((r) => r['Löpnummer']!);
  assert.equal(new Set(ids).size, 21);
  const vp = ids.map((id) => person.get(id)!);
  assert.deepEqual(tally(vp.map((p) => p['Kön']!)), { Kvinna: 14, Man: 7 });
  for (const p of vp) assert.ok(p['Verkstad'] === 'ET' || p['Verkstad'] === 'VV', `validation in ${p['Verkstad']}`);
  for (const r of validation) {
    const p = person.get(r['Löpnummer']!)!;
    const start = r['Startdatum']!;
    assert.ok(start >= '2020-01-15' && start <= '2020-04-15', `validation start ${start}`);
    assert.ok(start >= p['Inskrivningsdatum']!, `${r['Löpnummer']}: validation before entry`);
    assert.ok(!p['Utskrivningsdatum'] || start <= p['Utskrivningsdatum'], `${r['Löpnummer']}: validation after exit`);
  }
  assert.deepEqual(tally(validation.map((r) => r['Resultat']!)), { Kompetensintyg: 4, '': 17 });

  assert.deepEqual(slaFollowups.map((r) => r['Löpnummer']).sort(), [...ids].sort());
  for (const r of slaFollowups) assert.equal(r['Månader efter avslut'], '0');
  const status = tally(slaFollowups.map((r) => r['Sysselsättning']!));
  assert.ok(status['Anställning heltid']! > 0 && status['Anställning deltid']! > 0, 'full- and part-time');
  assert.equal(status['Anställning heltid']! + status['Anställning deltid']!, 12);
  assert.equal(status['Praktik'], 7);
  assert.equal(status['Okänd'], 2);
  assert.equal(Object.keys(status).length, 4);

  assert.deepEqual(slaAssessments.map((r) => r['Löpnummer']).sort(), [...ids].sort());
  for (const r of slaAssessments) assert.equal(r['Bedömare'], 'Verkstadsledare');
  const answers = (q: string) => tally(slaAssessments.map((r) => r[q]!));
  const step = answers('Steg mot arbete');
  assert.equal(step['Ja'], 14);
  assert.equal((step['Delvis'] ?? 0) + (step['Nej'] ?? 0), 7);
  for (const q of ['Ökad motivation', 'Ökat självförtroende']) {
    const a = answers(q);
    assert.ok(a['Ja']! > 0 && a['Delvis']! > 0, `${q}: a mix of Ja and Delvis`);
    assert.equal(a['Ja']! + a['Delvis']!, 19, `${q}: Ja or Delvis`);
    assert.equal(a['Nej'], 2, `${q}: Nej`);
    assert.equal(Object.keys(a).length, 3);
  }
  const comments = slaAssessments.map((r) => r['Kommentar']!);
  assert.ok(comments.some((c) => c === ''), 'some comments empty');
  assert.ok(comments.some((c) => c.includes(',')), 'a comment with a comma');
  assert.ok(sla['bedomning.csv']!.toString('utf8').includes(',"'), 'a quoted comment');
  for (const c of comments) assert.ok(!/\d{6}/.test(c), 'no identity numbers in comments');
});
