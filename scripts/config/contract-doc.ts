// The tables of docs/data-contract.md, written from the column definitions of contract.ts: per
// table its columns (type, required, meaning, figures), and which configuration keys may name
// which columns, with what each does with a "not known" code. `npm run schema` writes them between
// the page's markers; test/config/data-contract-doc.test.ts fails when the page is stale. Pure.
import { CODE_LISTS, ROLE_NAMES, ROLES, TABLE_NAMES, TABLES, type ColumnDef, type Role, type TableName } from './contract.ts';

/** The name the docs give a closed list ("Code list: <name>"); undefined for a list CODE_LISTS lacks (the docs test fails on it). */
export const codeListName = (values: readonly string[]): string | undefined => Object.entries(CODE_LISTS).find(([, v]) => v === values)?.[0];

const listLink = (values: readonly string[]) => {
  const name = codeListName(values) ?? 'a list CODE_LISTS does not name';
  return `[${name}](#code-list-${name.replaceAll(' ', '-')})`;
};

function typeCell(c: ColumnDef): string {
  if (c.type.kind === 'enum') return `one of ${listLink(c.type.values)}`;
  if (c.type.kind === 'enum-list') return `list of ${listLink(c.type.values)}`;
  return c.type.kind;
}

const columnsOf = (table: TableName) => Object.entries(TABLES[table] as Record<string, ColumnDef>);

/** A table's columns as the rows of its docs table. */
export function columnTable(table: TableName): string[] {
  return [
    '| column | type | required | meaning | figures that use it |',
    '|---|---|---|---|---|',
    ...columnsOf(table).map(([name, c]) => `| \`${name}\` | ${typeCell(c)} | ${c.requiredWhen ?? (c.required ? 'yes' : 'no')} | ${c.meaning} | ${c.figures} |`),
  ];
}

const code = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

/** The columns a role may name, by table ("every column of T but X" where it names all but one). */
function roleCell(role: Role): string {
  return TABLE_NAMES.flatMap((table) => {
    const named = columnsOf(table).filter(([, c]) => c.roles.includes(role)).map(([n]) => n);
    if (named.length === 0) return [];
    const others = columnsOf(table).filter(([, c]) => !c.roles.includes(role)).map(([n]) => n);
    return [others.length === 1 ? `every column of ${table} but ${code(others)}` : `${table}: ${code(named)}`];
  }).join('; ');
}

/** Which configuration keys may name which columns, and what each does with a "not known" code. */
export function roleTable(): string[] {
  const notKnown = TABLE_NAMES.flatMap((table) => columnsOf(table).filter(([, c]) => c.notKnown !== undefined).map(([n, c]) => `\`${table}.${n}\` \`${c.notKnown}\``));
  return [
    '| key | may name | a "not known" code is |',
    '|---|---|---|',
    ...ROLE_NAMES.map((role) => `| \`${ROLES[role].key.split(', ').join('`, `')}\` | ${roleCell(role)} | ${ROLES[role].doc} |`),
    '',
    `The codes that record "not known": ${notKnown.join(', ')}.`,
  ];
}

const BLOCK = /(<!-- contract: ([a-z]+) -->\n)[\s\S]*?(<!-- \/contract -->)/g;

/** The blocks a page holds, by name (a table's name, or `roles`). */
export const contractBlocks = (doc: string): string[] => [...doc.matchAll(BLOCK)].map((m) => m[2]!);

/** The page with every `<!-- contract: <table or roles> -->` block rewritten from the definitions. */
export function withContractTables(doc: string): string {
  return doc.replace(BLOCK, (whole: string, open: string, name: string, close: string) => {
    // A block naming nothing of the contract stays as it is (the docs test requires one per table).
    const lines = name === 'roles' ? roleTable() : (TABLE_NAMES as string[]).includes(name) ? columnTable(name as TableName) : null;
    return lines ? `${open}${lines.join('\n')}\n${close}` : whole;
  });
}
