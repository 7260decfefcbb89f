// The DuckDB peer of the data-step benchmark (npm run bench): DuckDB (embedded, @duckdb/node-api)
// reads the same synthetic MIA Vidare CSVs, with typed columns, and computes the same core
// indicators per reported unit and gender (counts, outcome and entry numerators, activity sums).
// One repetition in a fresh process; prints one JSON line: its time, peak RSS and the values by
// "figure id|unit|gender", which the bench compares with ours. A benchmark peer, not part of the
// report generator: it is written for the MIA Vidare example's export shape only.
import { join } from 'node:path';

const [dataDir] = process.argv.slice(2) as [string];
const t0 = performance.now();
/** The little of @duckdb/node-api this peer uses. The package is installed by hand for the bench
 * (not a dependency of the project), so it is typed here and imported by a name tsc does not resolve. */
interface DuckDbApi {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }> }> }> };
}
const DUCKDB: string = '@duckdb/node-api';
const { DuckDBInstance } = (await import(DUCKDB)) as DuckDbApi;
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const file = (name: string) => q(join(dataDir, name));
const PARTICIPANT_COLUMNS: Record<string, string> = {
  'Deltagar-ID': 'VARCHAR', Delprojekt: 'VARCHAR', Kön: 'VARCHAR', Födelseår: 'INTEGER', Utbildning: 'VARCHAR',
  Inskrivningsdatum: 'DATE', Utskrivningsdatum: 'DATE', 'Anvisad av': 'VARCHAR', 'Försörjning vid inskrivning': 'VARCHAR',
  'Månader i offentlig försörjning': 'INTEGER', Avslutsorsak: 'VARCHAR', 'Status vid avslut': 'VARCHAR',
};
const ACTIVITY_COLUMNS: Record<string, string> = {
  'Deltagar-ID': 'VARCHAR', Insats: 'VARCHAR', Arbetsplats: 'VARCHAR', Startdatum: 'DATE', Slutdatum: 'DATE', Månader: 'DOUBLE', Timmar: 'DOUBLE',
};
const columns = (c: Record<string, string>) => `{${Object.entries(c).map(([k, v]) => `${q(k)}: ${q(v)}`).join(', ')}}`;
await conn.run(`CREATE TABLE p AS SELECT * FROM read_csv(${file('deltagare.csv')}, delim=';', header=true, columns=${columns(PARTICIPANT_COLUMNS)})`);
await conn.run(`CREATE TABLE a AS SELECT * FROM read_csv(${file('aktiviteter.csv')}, delim=';', header=true, encoding='latin-1', decimal_separator=',', columns=${columns(ACTIVITY_COLUMNS)})`);
const tRead = performance.now();

/** The outcome groups of content/mia-vidare/report.yaml, in the export's own codes ('|' between several). */
const OUTCOMES: Record<string, string[]> = {
  work_or_studies: ['Anställning', 'Subventionerad anställning', 'Eget företag', 'Studier'],
  ordinary_programme: ['Ordinarie insats'],
  target_position: ['Anställning', 'Praktik', 'Studier', 'Lärling'],
  job_seeking: ['Arbetssökande'],
  employed: ['Anställning'],
  internship: ['Praktik'],
  studies: ['Studier'],
};
const exited = '"Utskrivningsdatum" IS NOT NULL';
const measures = [
  `count(*) AS "participants.enrolled"`,
  `count(*) FILTER (WHERE ${exited}) AS "participants.exited"`,
  `count(*) FILTER (WHERE NOT ${exited}) AS "participants.still_enrolled"`,
  ...Object.entries(OUTCOMES).map(([id, codes]) => `count(*) FILTER (WHERE ${exited} AND list_has_any(string_split("Status vid avslut", '|'), [${codes.map(q).join(', ')}])) AS "exit.${id}"`),
  `count(*) FILTER (WHERE "Anvisad av" = 'Kommunen') AS "entry.referral_municipality"`,
  `count(*) FILTER (WHERE "Försörjning vid inskrivning" = 'Försörjningsstöd') AS "entry.social_assistance"`,
  ...['social_enterprise', 'external_employer'].flatMap((id) => [
    `count(*) FILTER (WHERE t.${id}_rows > 0) AS "training.${id}"`,
    `sum(t.${id}_rows) AS "training.${id}.rows"`,
    `sum(t.${id}_hours) AS "training.${id}.hours_sum"`,
    `sum(t.${id}_months) AS "training.${id}.months_sum"`,
  ]),
];
const training = ['social_enterprise:ASF', 'external_employer:Extern arbetsgivare'].map((s) => {
  const [id, provider] = s.split(':') as [string, string];
  const w = `Insats = 'Arbetsträning' AND Arbetsplats = ${q(provider)}`;
  return `count(*) FILTER (WHERE ${w}) AS ${id}_rows, sum(Timmar) FILTER (WHERE ${w}) AS ${id}_hours, sum(Månader) FILTER (WHERE ${w}) AS ${id}_months`;
});
const sql = `
WITH t AS (SELECT "Deltagar-ID" AS id, ${training.join(', ')} FROM a GROUP BY 1),
q AS (SELECT p.*, CASE "Kön" WHEN 'K' THEN 'woman' WHEN 'M' THEN 'man' END AS gender FROM p)
SELECT CASE WHEN grouping("Delprojekt") = 1 THEN 'total' ELSE "Delprojekt" END AS unit,
       CASE WHEN grouping(gender) = 1 THEN 'all' ELSE gender END AS gender, ${measures.join(', ')}
FROM q LEFT JOIN t ON t.id = q."Deltagar-ID"
GROUP BY GROUPING SETS (("Delprojekt", gender), ("Delprojekt"), (gender), ())`;
const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
const values: Record<string, number> = {};
for (const row of rows) {
  const { unit, gender, ...figures } = row as Record<string, unknown>;
  if (unit !== 'total' && !['HBS', 'Södertälje'].includes(String(unit))) continue; // the reported units only
  for (const [id, v] of Object.entries(figures)) values[`${id}|${String(unit)}|${String(gender)}`] = Number(v ?? 0);
}
const t1 = performance.now();
console.log(JSON.stringify({ readMs: tRead - t0, computeMs: t1 - tRead, totalMs: t1 - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, values }));
