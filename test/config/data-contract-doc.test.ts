// docs/data-contract.md is whole and in step with scripts/config/contract.ts: its column tables
// are the ones contract-doc.ts writes from the definitions (`npm run schema`), every table and
// column with its type, every code of every closed list with a meaning, nothing the code lacks,
// and no link to a file the repository does not have.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { CODE_LISTS, TABLE_NAMES, TABLES, type ColumnSpec } from '../../scripts/config/contract.ts';
import { contractBlocks, withContractTables } from '../../scripts/config/contract-doc.ts';

const file = join(import.meta.dirname, '..', '..', 'docs', 'data-contract.md');
const doc = readFileSync(file, 'utf8');

/** The text of the `### <title>` section, up to the next heading of level 2 or 3. */
function section(title: string): string {
  const start = doc.indexOf(`\n### ${title}\n`);
  assert.ok(start >= 0, `docs/data-contract.md has a section "### ${title}"`);
  const rest = doc.slice(start + 1);
  const end = rest.slice(4).search(/\n##+ /);
  return end < 0 ? rest : rest.slice(0, end + 4);
}

/** Rows of the section's tables: first cell (a `code`) → the other cells. */
function rows(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^\| `([^`]+)` \|(.*)\|$/gm)) out.set(m[1]!, m[2]!.split('|').map((c) => c.trim()));
  return out;
}

const TYPE: Record<string, (c: ColumnSpec) => boolean> = {
  string: (c) => c.type.kind === 'string',
  integer: (c) => c.type.kind === 'integer',
  number: (c) => c.type.kind === 'number',
  date: (c) => c.type.kind === 'date',
  code: (c) => c.type.kind === 'code',
};
const LISTS: [string, readonly string[]][] = Object.entries(CODE_LISTS);
const listOf = (values: readonly string[]) => LISTS.find(([, v]) => v === values)![0];

it('holds the column tables as the definitions write them (npm run schema rewrites them)', () => {
  assert.deepEqual(contractBlocks(doc).sort(), [...TABLE_NAMES, 'roles'].sort(), 'one <!-- contract: … --> block per table, and one for the roles');
  assert.equal(doc, withContractTables(doc), 'docs/data-contract.md is stale: run npm run schema');
});

it('writes a block from the definitions whatever it held, and leaves a block naming nothing alone', () => {
  const stale = '<!-- contract: costs -->\n| `year` | text |\n<!-- /contract -->\n<!-- contract: nothing -->\nkept\n<!-- /contract -->\n';
  const written = withContractTables(stale);
  assert.match(written, /\| `amount_sek` \| number \| yes \| the cost in kronor \|/);
  assert.doesNotMatch(written, /\| text \|/);
  assert.match(written, /<!-- contract: nothing -->\nkept\n/);
});

it('documents every table and column of the contract with its type and required flag, and nothing else', () => {
  for (const [table, columns] of Object.entries(TABLES) as [string, Record<string, ColumnSpec>][]) {
    const documented = rows(section(table));
    assert.deepEqual([...documented.keys()].sort(), Object.keys(columns).sort(), `columns of ${table}`);
    for (const [name, spec] of Object.entries(columns)) {
      const [type, required, meaning, figures] = documented.get(name)!;
      const t = spec.type;
      if (t.kind === 'enum' || t.kind === 'enum-list') {
        const word = t.kind === 'enum' ? 'one of' : 'list of';
        assert.ok(type!.startsWith(word) && type!.includes(`(#code-list-${listOf(t.values).replace(' ', '-')})`), `${table}.${name}: "${type}" names its list`);
      } else assert.ok(TYPE[type!]?.(spec), `${table}.${name}: type "${type}" is ${t.kind}`);
      assert.equal(required === 'yes', spec.required, `${table}.${name}: required "${required}"`);
      assert.ok(meaning !== undefined && figures !== undefined && figures.length > 0, `${table}.${name}: which figures use it`);
    }
  }
});

it('documents every code of every closed list with its meaning, and no code the contract lacks', () => {
  for (const [name, values] of LISTS) {
    const documented = rows(section(`Code list: ${name}`));
    assert.deepEqual([...documented.keys()].sort(), [...values].sort(), `codes of ${name}`);
    for (const [code, [meaning]] of documented) assert.ok(meaning && meaning.length > 3, `${name} ${code} has a meaning`);
  }
  // Every closed list of a column is one of these.
  for (const columns of Object.values(TABLES) as Record<string, ColumnSpec>[])
    for (const c of Object.values(columns)) if (c.type.kind === 'enum' || c.type.kind === 'enum-list') assert.ok(LISTS.some(([, v]) => v === (c.type as { values: readonly string[] }).values));
});

it('links only to files the repository has, and to its own sections', () => {
  for (const m of doc.matchAll(/\]\(([^)]+)\)/g)) {
    const target = m[1]!;
    if (/^https?:/.test(target)) continue;
    if (target.startsWith('#')) {
      const slug = target.slice(1);
      const headings = [...doc.matchAll(/^#+ (.+)$/gm)].map((h) => h[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
      assert.ok(headings.includes(slug), `a section for ${target}`);
    } else assert.ok(existsSync(join(dirname(file), target.split('#')[0]!)), `${target} exists`);
  }
  assert.doesNotMatch(doc, /spec\/data-contract\.md/);
});
