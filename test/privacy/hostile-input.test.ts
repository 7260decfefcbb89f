// Hostile and broken input. Script and template injection in every place data reaches the page
// (unit names, figure labels, survey answers, narrative markdown, chart titles) must come out as
// inert text in the HTML, the SVG charts and the PDF; CSV downloads must be safe in spreadsheet
// programs; Excel serial dates, mixed date formats, UTF-16, an oversized CSV and a zip bomb must
// give a clear error or a correct result: never a crash trace, never a half-written site.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../../scripts/site/build-site.ts';
import { loadProject } from '../../scripts/read/project.ts';
import { openPdf, pageText, normaliseText } from '../../scripts/pdf/inspect.ts';
import { InputError } from '../../scripts/problems.ts';
import { csvText } from '../../scripts/publish/write-outputs.ts';
import { decodeEntities } from '../../scripts/privacy/scan-site.ts';
import writeXlsxFile from 'write-excel-file/node';
import { CONFIG, PARTICIPANTS_HEADER, PARTICIPANT_ROWS, PARTICIPANTS_FILE, participantsCsv, problemsOf, project, withProject } from '../helpers/fixture-project.ts';

const UNIT_1 = 'Norr"><img src=x onerror=alert(1)>';
const UNIT_2 = '=HYPERLINK("http://evil.example","x")';
const TITLE = "Diagram <script>alert('t')</script> {{ 7*7 }}";
const LABEL = 'Arbete</svg><script>alert(2)</script>{% raw %}';
const ANSWER = 'Ja <b onmouseover=alert(3)>';
const QUESTION = 'Fråga {{ range(9) }} <style>*{display:none}</style>';
// Narrative may not hold typed digits (the lint), so its attacks use none.
const NARRATIVE = `# Rubrik <script>alert(document.cookie)</script>

Text <img src=x onerror=alert(self)> och [länk](javascript:alert(top)) och <a href="javascript:alert(this)">x</a>.

{% chart "exits" %}

{% chart "answers" %}

{% goals %}
`;

const y = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML scalar

const hostileConfig = `title: ${y('Rapport <script>alert(0)</script>')}
commissioner: Beställaren
evaluator: Utvärderaren
authors: [Test Testsson]
date: 2022-06-30
period: { from: 2020-01-01, to: 2022-06-30 }
disclosure: { min_count: 1 }
units:
  level: ${y('Enhet <img src=x onerror=alert(8)>')}
  items:
    - name: ${y(UNIT_1)}
    - name: ${y(UNIT_2)}
tables:
  participants:
    file: deltagare.csv
    columns:
      participant_id: Deltagar-ID
      unit: Delprojekt
      gender: Kön
      birth_year: Födelseår
      entry_date: Inskrivningsdatum
      exit_date: Utskrivningsdatum
      exit_status: Status vid avslut
    values:
      unit: { Norr: ${y(UNIT_1)}, Söder: ${y(UNIT_2)} }
      gender: { K: woman, M: man }
      exit_status: { Anställning: employed, Studier: studies, Arbetssökande: job_seeking }
  survey:
    file: enkat.csv
    columns:
      respondent_id: Svar-ID
survey:
  questions:
    - id: q
      column: Fråga
      label: ${y(QUESTION)}
      scale: [${y(ANSWER)}, Nej]
outcome_groups:
  - { id: employed, label: ${y(LABEL)}, codes: [employed] }
sections:
  - file: text.md
charts:
  - { id: exits, kind: shares, title: ${y(TITLE)}, figures: [exit.employed] }
  - { id: answers, kind: likert, title: ${y(TITLE)}, figures: [survey.q] }
`;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

describe('script and template injection through every way into the site', () => {
  let root: string;
  let html: string;
  let svgs: string[];
  let pdf: string;
  let csvs: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'eval-report-hostile-'));
    mkdirSync(join(root, 'content', 'demo'), { recursive: true });
    mkdirSync(join(root, 'data', 'demo'), { recursive: true });
    writeFileSync(join(root, 'content', 'demo', 'report.yaml'), hostileConfig);
    writeFileSync(join(root, 'content', 'demo', 'text.md'), NARRATIVE);
    writeFileSync(join(root, 'data', 'demo', 'deltagare.csv'), participantsCsv());
    writeFileSync(join(root, 'data', 'demo', 'enkat.csv'), `Svar-ID;Fråga\nR1;${ANSWER}\nR2;Nej\nR3;${ANSWER}\n`);
    await buildSite({ root, outDir: join(root, '_site'), slugs: ['demo'], now: new Date(0) });
    const files = walk(join(root, '_site'));
    html = readFileSync(join(root, '_site', 'demo', 'index.html'), 'utf8');
    svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).concat(files.filter((f) => f.endsWith('.svg')).map((f) => readFileSync(f, 'utf8')));
    csvs = files.filter((f) => f.endsWith('.csv')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const doc = await openPdf(readFileSync(join(root, '_site', 'demo', 'demo.pdf')));
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) pages.push(await pageText(doc, p));
    await doc.destroy();
    pdf = normaliseText(pages.join('\n')).replace(/\s+/g, ' ');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('no script element, event handler, javascript: link or style element comes from the data', () => {
    const pages = walk(join(root, '_site')).filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'));
    for (const page of pages) {
      assert.doesNotMatch(page, /<script/i);
      assert.doesNotMatch(page, /<[a-z][^>]*\son(error|mouseover)\s*=/i);
      assert.doesNotMatch(page, /href\s*=\s*["']?\s*javascript:/i);
      assert.doesNotMatch(page, /<style>\*\{display:none\}/);
      assert.doesNotMatch(page, /<img src=x/);
    }
  });
  it('shows the hostile strings as text in the page, escaped, template syntax unevaluated', () => {
    const text = decodeEntities(html).replace(/\s+/g, ' ');
    for (const s of [UNIT_1, UNIT_2, TITLE, LABEL, ANSWER, QUESTION]) {
      assert.ok(text.includes(s), `${s} appears as text`);
      if (s.includes('<')) assert.ok(!html.includes(s), `${s} is escaped in the HTML`);
    }
    assert.ok(!text.includes("alert('t')</script> 49"), 'the {{ 7*7 }} of a title is not evaluated');
  });
  it('keeps the SVG charts well-formed, the labels inside as text', () => {
    assert.ok(svgs.length >= 2, 'the charts are there');
    for (const svg of svgs) {
      assert.doesNotMatch(svg, /<(script|img|foreignObject)\b/i);
      assert.doesNotMatch(svg, /<[a-z][^>]*\son(error|mouseover)\s*=/i);
      assert.equal((svg.match(/<svg/g) ?? []).length, (svg.match(/<\/svg>/g) ?? []).length, 'no closing tag smuggled in');
    }
  });
  it('prints the hostile strings as plain text in the PDF', () => {
    for (const s of ['<script>alert(\'t\')</script> {{ 7*7 }}', '<img src=x onerror=alert(self)>', 'Ja <b onmouseover=alert(3)>']) assert.ok(pdf.includes(s), `the PDF shows ${s}`);
  });
  it('writes CSV cells no spreadsheet program reads as a formula', () => {
    assert.ok(!/(^|[;\n])=HYPERLINK/.test(csvs), 'a unit name starting with = is neutralised');
    assert.match(csvs, /"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)"/);
  });
});

describe('formula-safe CSV cells', () => {
  for (const [input, out] of [
    ['=1+1', "'=1+1"], ['+46 70', "'+46 70"], ['-Nord', "'-Nord"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', `"'\rx"`],
    ['Norr', 'Norr'], ['a;b', '"a;b"'], ['sa "hej"', '"sa ""hej"""'],
  ] as const)
    it(`${JSON.stringify(input)} → ${JSON.stringify(out)}`, () => assert.equal(csvText(input), out));
});

describe('dates, encodings and sizes', () => {
  it('refuses an Excel serial date in a CSV with a clear problem naming file, line and value', async () => {
    const rows = participantsCsv().split('\n');
    rows[2] = rows[2]!.replace('2020-04-01', '43922');
    const problems = await problemsOf(project({ 'deltagare.csv': rows.join('\n') }));
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.value]), [[PARTICIPANTS_FILE, 3, '43922']]);
    assert.match(problems[0]!.expected, /date/);
  });
  it('refuses an Excel serial date in an .xlsx number cell (no date format) the same way', async () => {
    const rows = PARTICIPANT_ROWS.map((r) => r.split(';').map((v, i) => (i === 3 || i === 6 ? Number(v) : v || null)));
    rows[1]![4] = 43922; // 2020-04-01 as Excel counts days, in a cell without a date format
    const buffer = await writeXlsxFile([{ data: [PARTICIPANTS_HEADER.split(';'), ...rows] }]).toBuffer();
    const problems = await problemsOf(project({ 'deltagare.xlsx': buffer }, CONFIG.replace('file: deltagare.csv', 'file: deltagare.xlsx')));
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.column, p.value]), [['data/demo/deltagare.xlsx', 3, 'Inskrivningsdatum', '43922']]);
  });
  it('refuses mixed date formats row by row, naming each', async () => {
    const rows = participantsCsv().split('\n');
    rows[1] = rows[1]!.replace('2020-03-01', '1/3/2020');
    rows[4] = rows[4]!.replace('2021-01-04', '04.01.2021');
    const problems = await problemsOf(project({ 'deltagare.csv': rows.join('\n') }));
    assert.deepEqual(problems.map((p) => [p.line, p.value]), [[2, '1/3/2020'], [5, '04.01.2021']]);
  });
  for (const [name, bom, encode] of [
    ['UTF-16 LE', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16 BE', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ] as const)
    it(`reads a ${name} file with its byte order mark as the UTF-8 one`, async () => {
      const text = participantsCsv();
      const bytes = Buffer.concat([Buffer.from(bom), encode(text)]);
      const [a, b] = await Promise.all([
        withProject(project(), (root) => loadProject({ root, slug: 'demo' })),
        withProject(project({ 'deltagare.csv': bytes }), (root) => loadProject({ root, slug: 'demo' })),
      ]);
      assert.deepEqual(b.dataset.participants, a.dataset.participants);
      assert.equal(b.inputs[0]!.encoding, name === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be');
    });
  it('refuses a 1 GB CSV before reading it, with the limit in the message', async () => {
    await withProject(project(), async (root) => {
      truncateSync(join(root, PARTICIPANTS_FILE), 2 ** 30); // sparse: no gigabyte is written
      const started = process.memoryUsage().rss;
      await assert.rejects(loadProject({ root, slug: 'demo' }), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.deepEqual([err.problems[0]!.file, err.problems[0]!.value], [PARTICIPANTS_FILE, '1024 MB']);
        assert.match(err.problems[0]!.expected, /at most 400 MB.*EVAL_REPORT_MAX_INPUT_MB/);
        return true;
      });
      assert.ok(process.memoryUsage().rss - started < 100 * 2 ** 20, 'the file was not read into memory');
    });
  });
  it('honours a configured smaller limit', async () => {
    process.env.EVAL_REPORT_MAX_INPUT_MB = '0.0001';
    try {
      const problems = await problemsOf(project());
      assert.match(problems[0]!.expected, /at most 0.0001 MB/);
    } finally {
      delete process.env.EVAL_REPORT_MAX_INPUT_MB;
    }
  });
  /** A one-entry zip of `real` bytes of zeros whose directory says they unpack to `declared`. */
  function zipBomb(real: number, declared: number): Buffer {
    const data = deflateRawSync(Buffer.alloc(real), { level: 9 });
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(local.length + name.length + data.length, 16);
    return Buffer.concat([local, name, data, central, name, end]);
  }
  const xlsxProject = (zip: Buffer) => project({ 'deltagare.xlsx': zip }, CONFIG.replace('file: deltagare.csv', 'file: deltagare.xlsx'));
  it('refuses a zip bomb named .xlsx from its zip directory, before unpacking', async () => {
    const problems = await problemsOf(xlsxProject(zipBomb(300 * 2 ** 20, 300 * 2 ** 20)));
    assert.equal(problems[0]!.value, '300 MB unpacked');
    assert.match(problems[0]!.expected, /at most 200 MB/);
  });
  it('refuses a zip bomb whose directory lies about its size, stopping the unpacking at the limit', async () => {
    process.env.EVAL_REPORT_MAX_XLSX_MB = '10';
    try {
      const problems = await problemsOf(xlsxProject(zipBomb(50 * 2 ** 20, 1000)));
      assert.equal(problems[0]!.value, 'more than 10 MB unpacked, though its directory says 1 kB');
    } finally {
      delete process.env.EVAL_REPORT_MAX_XLSX_MB;
    }
  });
  it('a failed build over hostile input leaves the last good site whole', async () => {
    await withProject(project(), async (root) => {
      writeFileSync(join(root, 'content', 'demo', 'report.yaml'), CONFIG);
      const out = join(root, '_site');
      mkdirSync(join(out, 'demo'), { recursive: true });
      writeFileSync(join(out, 'demo', 'index.html'), 'last good');
      truncateSync(join(root, PARTICIPANTS_FILE), 2 ** 30);
      await assert.rejects(buildSite({ root, outDir: out, slugs: ['demo'], pdf: false }), InputError);
      assert.equal(readFileSync(join(out, 'demo', 'index.html'), 'utf8'), 'last good');
      assert.deepEqual(readdirSync(root).filter((f) => f.startsWith('_site')), ['_site'], 'no temporary folder left behind');
    });
  });
});
