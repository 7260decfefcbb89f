// Loads content/<slug>/report.yaml: YAML → schema → cross-field checks → typed Config.
// Every problem names the file, the line, the key path, the value and what was expected.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { core } from 'zod';
import { configSchema, DAC_CRITERIA, projectCodes, type Config } from './schema.ts';
import { EXIT_REASONS, MAX_OUTCOME_CODES, OUTCOME_CODES, exitReasons, outcomeCodes, TABLES, tableSpec, type TableName } from './contract.ts';
import { InputError, type Problem } from '../problems.ts';
import { idPart } from '../slug.ts';
import { isIdentityNumber, maskIdentityNumber } from '../privacy/personnummer.ts';
import { ACCENT_MIN_CONTRAST, accentContrast } from '../palette.ts';

export type { Config } from './schema.ts';
export { projectCodes } from './schema.ts';

type Path = (string | number)[];

const keyPath = (path: Path): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/** Line of the YAML key (or sequence item) at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    // A key's own line, not its value's: a block value (or an empty one) starts on a later line.
    const parent = n > 0 ? doc.getIn(path.slice(0, n - 1), true) : undefined;
    const pair = isMap(parent) ? parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(path[n - 1])) : undefined;
    const node = isNode(pair?.key) ? pair.key : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function valueAt(doc: Document, path: Path): string | undefined {
  const v = doc.getIn(path);
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(isNode(v) ? v.toJSON() : v);
}

function expectedOf(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `no key ${issue.keys.map((k) => `"${k}"`).join(', ')} here (unknown key: check the spelling against docs/config.md)`;
    case 'invalid_type':
      return issue.expected === 'undefined' ? 'nothing here' : `a value of type ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Parses and validates a configuration text; `file` is used in messages only. */
export function parseConfig(text: string, file: string): Config {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, expected: `valid YAML (${e.message.split('\n')[0]})` })),
    );
  }
  const parsed = configSchema.safeParse(doc.toJS());
  const problems: Problem[] = [];
  const at = (path: Path, expected: string, value?: string): Problem => ({
    file,
    line: lineOf(doc, counter, path),
    column: keyPath(path) || '(top level)',
    value: value ?? valueAt(doc, path),
    expected,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as Path;
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) problems.push(at([...path, k], expectedOf({ ...issue, keys: [k] }), k));
      } else {
        const missing = doc.getIn(path) === undefined;
        problems.push(at(path, expectedOf(issue) + (missing ? ' (the key is missing)' : '')));
      }
    }
    throw new InputError(problems);
  }
  const config = parsed.data;
  for (const [path, expected, value] of crossChecks(config)) problems.push(at(path, expected, value));
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** "charts[2].figures[0]" → ["charts", 2, "figures", 0]. */
const parseKeyPath = (key: string): Path => [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));

/**
 * Problems found after loading (references the schema cannot see) given the line of their key:
 * each problem of `file` whose column is a key path of the configuration text and has no line.
 */
export function withKeyLines(problems: Problem[], text: string, file: string): Problem[] {
  if (!problems.some((p) => p.file === file && p.line === undefined && p.column)) return problems;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  return problems.map((p) => (p.file === file && p.line === undefined && p.column ? { ...p, line: lineOf(doc, counter, parseKeyPath(p.column)) } : p));
}

export function loadConfig(file: string): Config {
  return parseConfig(readFileSync(file, 'utf8'), file);
}

/** `codes`: new codes only (not built in, each once), labels in the report's language, within the mask's size. */
function codeChecks(config: Config): [Path, string, string?][] {
  const out: [Path, string, string?][] = [];
  const lists = { outcome: OUTCOME_CODES as readonly string[], exit_reason: EXIT_REASONS as readonly string[] };
  for (const key of ['outcome', 'exit_reason'] as const) {
    const own = config.codes?.[key] ?? [];
    const seen = new Set<string>();
    own.forEach((c, i) => {
      if (lists[key].includes(c.code)) out.push([['codes', key, i, 'code'], `a code that is not built in (${c.code} already is one: use it without declaring it)`, c.code]);
      else if (seen.has(c.code)) out.push([['codes', key, i, 'code'], 'each code once', c.code]);
      seen.add(c.code);
      if (typeof c.label !== 'string' && !c.label[config.language])
        out.push([['codes', key, i, 'label'], `a label in the report's language (${config.language}): a text, or { ${config.language}: … }`]);
    });
    if (key === 'outcome' && OUTCOME_CODES.length + own.length > MAX_OUTCOME_CODES)
      out.push([['codes', 'outcome'], `at most ${MAX_OUTCOME_CODES - OUTCOME_CODES.length} codes of the project's own (the outcome list holds ${MAX_OUTCOME_CODES} codes in all)`]);
  }
  return out;
}

/** `corrections`: what each action needs, canonical columns of the table, one kind of rule, no identity numbers. */
function correctionChecks(config: Config): [Path, string, string?][] {
  const out: [Path, string, string?][] = [];
  config.corrections.forEach((c, i) => {
    const at = (k: string): Path => ['corrections', i, k];
    if (!config.tables[c.table]) out.push([at('table'), `a table the configuration reads (tables.${c.table} is not set)`, c.table]);
    const columns = Object.keys(TABLES[c.table]).filter((k) => k !== 'participant_id');
    const columnOk = (path: Path, column: string) => {
      if (!columns.includes(column)) out.push([path, `a canonical column of ${c.table} other than participant_id (${columns.join(', ')}); rows are picked by participant id with ids`, column]);
    };
    c.ids?.forEach((id, j) => {
      if (isIdentityNumber(id)) out.push([['corrections', i, 'ids', j], 'a pseudonymous participant id, not a personal identity or coordination number', maskIdentityNumber(id)]);
    });
    if (c.action === 'exclude') {
      if (!c.ids && !c.where) out.push([['corrections', i], 'ids, where or both to say which rows are excluded']);
      if (c.column !== undefined || c.value !== undefined) out.push([at(c.column !== undefined ? 'column' : 'value'), 'no column or value with action exclude (they belong to action set)']);
    } else {
      if (!c.ids) out.push([['corrections', i], 'ids: the participants whose value is set (action set picks rows by participant id)']);
      if (c.where) out.push([at('where'), 'no where with action set (a value is set by participant id, before the row is read)']);
      if (c.column === undefined || c.value === undefined) out.push([['corrections', i], 'column and value: the canonical column to set and its new value']);
    }
    if (c.column !== undefined) columnOk(at('column'), c.column);
    const w = c.where;
    if (!w) return;
    columnOk(['corrections', i, 'where', 'column'], w.column);
    const kinds = [w.equals !== undefined, w.before !== undefined || w.after !== undefined, w.min !== undefined || w.max !== undefined, w.missing !== undefined].filter(Boolean).length;
    if (kinds !== 1) out.push([at('where'), 'one kind of rule: equals, before/after (dates), min/max (numbers) or missing']);
    const type = (TABLES[c.table] as Record<string, { type: { kind: string } }>)[w.column]?.type.kind;
    if ((w.before !== undefined || w.after !== undefined) && type !== undefined && type !== 'date') out.push([['corrections', i, 'where', 'column'], 'a date column for before/after', w.column]);
    if ((w.min !== undefined || w.max !== undefined) && type !== undefined && type !== 'integer' && type !== 'number') out.push([['corrections', i, 'where', 'column'], 'a numeric column for min/max', w.column]);
  });
  return out;
}

/** What the schema cannot say: references between keys. Returns [path, expected, value?]. */
function crossChecks(config: Config): [Path, string, string?][] {
  const out: [Path, string, string?][] = [];
  const unitNames = config.units.items.map((u) => u.name);
  const seen = new Set<string>();
  config.units.items.forEach((u, i) => {
    if (u.name === 'total') out.push([['units', 'items', i, 'name'], 'a unit name other than "total" (reserved for the project total)']);
    if (seen.has(u.name)) out.push([['units', 'items', i, 'name'], 'each unit listed once']);
    seen.add(u.name);
  });
  if (config.period.from > config.period.to) out.push([['period', 'to'], `a date on or after period.from (${config.period.from})`]);

  out.push(...codeChecks(config), ...correctionChecks(config));
  const accent = config.branding?.accent;
  if (accent) {
    const { ratio, background } = accentContrast(accent);
    if (ratio < ACCENT_MIN_CONTRAST)
      out.push([['branding', 'accent'], `a colour with a contrast of at least ${ACCENT_MIN_CONTRAST}:1 against white and the page's tinted backgrounds, since links are written in it (WCAG 2.1 AA); ${accent} has ${ratio.toFixed(2)}:1 against ${background}: choose a darker shade`, accent]);
  }
  config.branding?.logos.forEach((l, i) => {
    if (config.branding!.logos.findIndex((x) => x.file === l.file) !== i) out.push([['branding', 'logos', i, 'file'], 'each logo file once', l.file]);
  });
  const codes = projectCodes(config);
  for (const [table, mapping] of Object.entries(config.tables) as [TableName, Config['tables']['participants'] | undefined][]) {
    if (!mapping) continue;
    const spec = tableSpec(table, codes) as Record<string, { type: { kind: string; values?: readonly string[] } }>;
    for (const [column, map] of Object.entries(mapping.values)) {
      const allowed = spec[column]?.type.values;
      if (!allowed || !map) continue;
      for (const [source, target] of Object.entries(map)) {
        if (target !== '' && !allowed.includes(target))
          out.push([['tables', table, 'values', column, source], `one of ${allowed.join(', ')} (or "" for a missing value)`, target]);
      }
    }
  }
  config.outcome_groups.forEach((g, i) => {
    const allowed: readonly string[] = g.column === 'exit_reason' ? exitReasons(codes) : outcomeCodes(codes);
    g.codes.forEach((c, j) => {
      if (!allowed.includes(c)) out.push([['outcome_groups', i, 'codes', j], `one of ${allowed.join(', ')} (codes of ${g.column}; a code of the project's own goes under codes.${g.column === 'exit_reason' ? 'exit_reason' : 'outcome'})`, c]);
    });
  });
  config.followup_groups.forEach((g, i) => {
    const allowed = outcomeCodes(codes);
    g.codes.forEach((c, j) => {
      if (!allowed.includes(c)) out.push([['followup_groups', i, 'codes', j], `one of ${allowed.join(', ')} (the outcome list; a code of the project's own goes under codes.outcome)`, c]);
    });
  });
  const activityIds = new Set(config.activity_groups.map((a) => a.id));
  const outcomeIds = new Set(config.outcome_groups.map((g) => g.id));
  const entryIds = new Set(config.entry_groups.map((g) => g.id));
  config.outcome_groups.forEach((g, i) => {
    if (g.entry_group !== undefined && !entryIds.has(g.entry_group))
      out.push([['outcome_groups', i, 'entry_group'], `the id of an entry group (${[...entryIds].join(', ') || 'none defined'})`, g.entry_group]);
  });
  config.activity_groups.forEach((a, i) => {
    if (a.by === 'provider' && a.measure === 'share') out.push([['activity_groups', i, 'measure'], 'count or rows for a group counted by provider (a share of enrolled participants has no provider)', a.measure]);
  });
  if (config.activity_groups.length > 0 && !config.tables.activities) out.push([['activity_groups'], 'a tables.activities entry naming the activity file']);
  if (config.costs) {
    if (!config.tables.costs) out.push([['costs'], 'a tables.costs entry naming the cost file']);
    const of = config.costs.per_participant_of;
    if (of !== undefined && !activityIds.has(of)) out.push([['costs', 'per_participant_of'], `the id of an activity group (${[...activityIds].join(', ') || 'none defined'})`, of]);
  }
  const tableIds = new Set<string>();
  config.figure_tables.forEach((ft, i) => {
    if (tableIds.has(ft.id)) out.push([['figure_tables', i, 'id'], 'each table id once']);
    tableIds.add(ft.id);
    ft.units?.forEach((u, j) => {
      if (u !== 'total' && !unitNames.includes(u)) out.push([['figure_tables', i, 'units', j], `a unit of units.items (${unitNames.join(', ')}) or "total"`, u]);
    });
  });
  config.comparisons.forEach((c, i) => {
    if (!outcomeIds.has(c.outcome)) out.push([['comparisons', i, 'outcome'], `the id of an outcome group (${[...outcomeIds].join(', ')})`, c.outcome]);
    for (const k of ['a', 'b'] as const)
      if (!activityIds.has(c[k])) out.push([['comparisons', i, k], `the id of an activity group (${[...activityIds].join(', ')})`, c[k]]);
  });
  config.models.forEach((m, i) => {
    if (!outcomeIds.has(m.outcome)) out.push([['models', i, 'outcome'], `the id of an outcome group (${[...outcomeIds].join(', ')})`, m.outcome]);
    m.predictors.forEach((p, j) => {
      const kinds = [p.activity_group !== undefined, p.column !== undefined].filter(Boolean).length;
      if (kinds !== 1) out.push([['models', i, 'predictors', j], 'either activity_group or column']);
      if (p.activity_group !== undefined && !activityIds.has(p.activity_group)) out.push([['models', i, 'predictors', j, 'activity_group'], `the id of an activity group (${[...activityIds].join(', ')})`, p.activity_group]);
      const numeric = p.column === 'age_at_entry' || p.column === 'months_without_work';
      if (p.column !== undefined && !numeric && [p.ordered, p.equals, p.categorical].filter((x) => x !== undefined).length !== 1)
        out.push([['models', i, 'predictors', j], `one of ordered, equals or categorical for the coded column ${p.column}`]);
    });
  });
  config.followup_groups.forEach((f, i) => {
    if (f.activity_group !== undefined && !activityIds.has(f.activity_group))
      out.push([['followup_groups', i, 'activity_group'], `the id of an activity group (${[...activityIds].join(', ') || 'none defined'})`, f.activity_group]);
  });
  if (config.followup_groups.length > 0 && !config.tables.followups) out.push([['followup_groups'], 'a tables.followups entry naming the follow-up file']);
  config.published.forEach((p, i) => {
    if (p.unit !== 'total' && !unitNames.includes(p.unit)) out.push([['published', i, 'unit'], `a unit of units.items (${unitNames.join(', ')}) or "total"`, p.unit]);
  });
  config.entry_groups.forEach((g, i) => {
    if (!g.codes && g.min === undefined && g.max === undefined)
      out.push([['entry_groups', i], 'either codes or min/max to say who belongs to the group']);
  });
  const numeric = new Set(['months_without_work', 'age_at_entry']);
  config.distributions.forEach((d, i) => {
    if ((d.table === 'activities') !== (d.column === 'months'))
      out.push([['distributions', i, 'column'], d.table === 'activities' ? 'months (the only column of activity rows to distribute)' : 'a participant column (months needs table: activities)', d.column]);
    if (d.table === 'activities' && !config.tables.activities) out.push([['distributions', i, 'table'], 'a tables.activities entry naming the activity file']);
    if (d.column === 'months' && d.categories) return; // month lengths are categories: "2", "3", …
    if (numeric.has(d.column) ? !d.bands || d.categories : !d.categories || d.bands)
      out.push([['distributions', i], numeric.has(d.column) ? `bands (and no categories) for the numeric column ${d.column}` : `categories (and no bands) for the coded column ${d.column}`]);
    d.bands?.forEach((b, j) => {
      if (b.min === undefined && b.max === undefined) out.push([['distributions', i, 'bands', j], 'min, max or both']);
    });
  });
  config.survey?.questions.forEach((q, i) => {
    q.positive?.forEach((a, j) => {
      if (!q.scale.includes(a)) out.push([['survey', 'questions', i, 'positive', j], `an answer of the scale (${q.scale.join(', ')})`, a]);
    });
  });
  if (config.survey && !config.tables.survey) out.push([['survey'], 'a tables.survey entry naming the survey file']);
  config.goals.forEach((g, i) => {
    const measured = g.figure !== undefined || g.target !== undefined;
    if (measured === (g.not_measured !== undefined) || (measured && (!g.figure || !g.target)))
      out.push([['goals', i], 'either figure and target, or not_measured with the reason']);
    const t = g.target;
    if (t && (t.op === 'between' ? t.min === undefined || t.max === undefined || t.value !== undefined : t.value === undefined || t.min !== undefined || t.max !== undefined))
      out.push([['goals', i, 'target'], t.op === 'between' ? 'min and max (and no value) with op "between"' : `value (and no min/max) with op "${t.op}"`]);
    if (t?.op === 'between' && t.min !== undefined && t.max !== undefined && t.min > t.max) out.push([['goals', i, 'target', 'max'], 'max ≥ min']);
    g.units?.forEach((u, j) => {
      if (u !== 'total' && !unitNames.includes(u)) out.push([['goals', i, 'units', j], `a unit of units.items (${unitNames.join(', ')}) or "total"`, u]);
    });
    if (g.units && g.per_unit !== undefined) out.push([['goals', i, 'per_unit'], 'either units (the units named) or per_unit, not both']);
  });
  const criteria = new Set((config.criteria ?? []).map((c) => c.id));
  const dac = new Set<string>(DAC_CRITERIA);
  const criterionOk = (id: string) => (config.criteria ? criteria.has(id) : dac.has(id));
  const criterionList = config.criteria ? [...criteria].join(', ') : DAC_CRITERIA.join(', ');
  config.sections.forEach((s, i) => {
    if (s.criterion !== undefined && !criterionOk(s.criterion)) out.push([['sections', i, 'criterion'], `a criterion id (${criterionList})`, s.criterion]);
  });
  config.evaluation_questions.forEach((q, i) => {
    if (!criterionOk(q.criterion)) out.push([['evaluation_questions', i, 'criterion'], `a criterion id (${criterionList})`, q.criterion]);
  });
  const goalIds = new Set(config.goals.map((g) => g.id));
  for (const column of ['activities', 'outputs', 'outcomes', 'impacts'] as const) {
    config.theory_of_change?.[column].forEach((b, i) => {
      if (b.goal !== undefined && !goalIds.has(b.goal)) out.push([['theory_of_change', column, i, 'goal'], `a goal id of goals (${[...goalIds].join(', ')})`, b.goal]);
    });
  }
  out.push(...analysisChecks(config), ...figureIdChecks(config));
  const chartIds = new Set<string>();
  config.charts.forEach((c, i) => {
    if (chartIds.has(c.id)) out.push([['charts', i, 'id'], 'each chart id once']);
    chartIds.add(c.id);
    if (c.kind !== 'goals' && c.figures.length === 0) out.push([['charts', i, 'figures'], `one or more figure ids for a chart of kind ${c.kind}`]);
    if (c.kind === 'intervals' && c.figures.length !== 1) out.push([['charts', i, 'figures'], 'exactly one figure id (a share) for a chart of kind intervals']);
    if (c.kind === 'distribution' && c.figures.length !== 1) out.push([['charts', i, 'figures'], 'exactly one figure id (a distribution) for a chart of kind distribution']);
    if (c.kind === 'crosstab' && (c.figures.length !== 1 || !config.crosstabs.some((x) => c.figures[0] === `crosstab.${x.id}`)))
      out.push([['charts', i, 'figures'], `exactly one crosstab, as crosstab.<id> (${config.crosstabs.map((x) => `crosstab.${x.id}`).join(', ') || 'none defined'})`, c.figures.join(', ')]);
    if (c.style !== undefined && c.kind !== 'series') out.push([['charts', i, 'style'], 'no style (only charts of kind series have one)', c.style]);
    c.goals?.forEach((g, j) => {
      if (!goalIds.has(g)) out.push([['charts', i, 'goals', j], `a goal id of goals (${[...goalIds].join(', ')})`, g]);
    });
    c.units?.forEach((u, j) => {
      if (u !== 'total' && !unitNames.includes(u)) out.push([['charts', i, 'units', j], `a unit of units.items (${unitNames.join(', ')}) or "total"`, u]);
    });
  });
  return out;
}

type Found = [Path, string, string?][];

/** A date filter's ranges run forwards. */
function filterChecks(path: Path, f: { entry?: { from?: string | undefined; to?: string | undefined } | undefined; exit?: { from?: string | undefined; to?: string | undefined } | undefined } | undefined): Found {
  const out: Found = [];
  for (const k of ['entry', 'exit'] as const) {
    const r = f?.[k];
    if (r && r.from === undefined && r.to === undefined) out.push([[...path, k], 'from, to or both']);
    if (r?.from !== undefined && r.to !== undefined && r.from > r.to) out.push([[...path, k, 'to'], `a date on or after ${k}.from (${r.from})`, r.to]);
  }
  if (f && !f.entry && !f.exit) out.push([path, 'entry, exit or both (each a range of from and to)']);
  return out;
}

/** Time series, crosstabs, durations and date filters: references and ranges. */
function analysisChecks(config: Config): Found {
  const out: Found = [];
  const outcomeIds = config.outcome_groups.map((g) => g.id);
  const entryIds = config.entry_groups.map((g) => g.id);
  const personDists = config.distributions.filter((d) => d.table === 'participants').map((d) => d.id);
  const list = (xs: string[]) => xs.join(', ') || 'none defined';
  config.outcome_groups.forEach((g, i) => out.push(...filterChecks(['outcome_groups', i, 'filter'], g.filter)));
  config.entry_groups.forEach((g, i) => out.push(...filterChecks(['entry_groups', i, 'filter'], g.filter)));
  config.distributions.forEach((d, i) => {
    out.push(...filterChecks(['distributions', i, 'filter'], d.filter));
    if (d.filter && d.table === 'activities') out.push([['distributions', i, 'filter'], 'no filter for a distribution of activity rows (filters select participants)']);
  });
  config.series.forEach((s, i) => {
    const from = s.from ?? config.period.from;
    if (s.to !== undefined && s.to < from) out.push([['series', i, 'to'], `a date on or after the series' start (${from})`, s.to]);
  });
  config.crosstabs.forEach((c, i) => {
    if ((c.outcome === undefined) === (c.distribution === undefined)) out.push([['crosstabs', i], 'either outcome (an outcome group) or distribution (a distribution of participants)']);
    if (c.outcome !== undefined && !outcomeIds.includes(c.outcome)) out.push([['crosstabs', i, 'outcome'], `the id of an outcome group (${list(outcomeIds)})`, c.outcome]);
    if (c.distribution !== undefined && !personDists.includes(c.distribution)) out.push([['crosstabs', i, 'distribution'], `the id of a distribution of participants (${list(personDists)})`, c.distribution]);
    const bys = [c.by, c.by_entry_group, c.by_cohort].filter((x) => x !== undefined).length;
    if (bys !== 1) out.push([['crosstabs', i], 'exactly one of by (a distribution), by_entry_group or by_cohort (month, quarter or year)']);
    if (c.by !== undefined && !personDists.includes(c.by)) out.push([['crosstabs', i, 'by'], `the id of a distribution of participants (${list(personDists)})`, c.by]);
    if (c.by !== undefined && c.by === c.distribution) out.push([['crosstabs', i, 'by'], 'a distribution other than the crosstab\'s own distribution', c.by]);
    const by = config.distributions.find((d) => d.id === c.by);
    const keys = by ? (by.categories ? Object.keys(by.categories) : (by.bands ?? []).map((b) => b.id)) : [];
    const rowIds = keys.map(idPart);
    keys.forEach((k, j) => {
      if (rowIds[j] === '' || rowIds.indexOf(rowIds[j]!) !== j) out.push([['crosstabs', i, 'by'], `categories whose ids (${rowIds.join(', ')}) are distinct and not empty: the rows are figures crosstab.${c.id}.<category>`, k]);
    });
    if (c.by_entry_group !== undefined && !entryIds.includes(c.by_entry_group)) out.push([['crosstabs', i, 'by_entry_group'], `the id of an entry group (${list(entryIds)})`, c.by_entry_group]);
  });
  config.durations.forEach((d, i) => {
    if (d.outcome !== undefined && !outcomeIds.includes(d.outcome)) out.push([['durations', i, 'outcome'], `the id of an outcome group (${list(outcomeIds)})`, d.outcome]);
    out.push(...filterChecks(['durations', i, 'filter'], d.filter));
    d.bands?.forEach((b, j) => {
      if (b.min === undefined && b.max === undefined) out.push([['durations', i, 'bands', j], 'min, max or both']);
      if (b.min !== undefined && b.max !== undefined && b.min >= b.max) out.push([['durations', i, 'bands', j, 'max'], `a number above min (${b.min}): max is exclusive`, String(b.max)]);
    });
  });
  return out;
}

/** Every figure id the configuration defines, with the key that defines it: each must be defined once. */
function figureIdChecks(config: Config): Found {
  const defined: [string, Path][] = [];
  const def = (id: string, path: Path) => defined.push([id, path]);
  config.outcome_groups.forEach((g, i) => def(`exit.${g.id}`, ['outcome_groups', i, 'id']));
  config.entry_groups.forEach((g, i) => def(`entry.${g.id}`, ['entry_groups', i, 'id']));
  config.distributions.forEach((d, i) => def(d.id, ['distributions', i, 'id']));
  config.activity_groups.forEach((g, i) => def(g.id, ['activity_groups', i, 'id']));
  config.followup_groups.forEach((g, i) => def(g.id, ['followup_groups', i, 'id']));
  config.ratios.forEach((r, i) => def(r.id, ['ratios', i, 'id']));
  config.comparisons.forEach((c, i) => def(c.id, ['comparisons', i, 'id']));
  config.series.forEach((s, i) => def(`series.${s.id}`, ['series', i, 'id']));
  config.crosstabs.forEach((c, i) => def(`crosstab.${c.id}`, ['crosstabs', i, 'id']));
  config.durations.forEach((d, i) => def(`duration.${d.id}`, ['durations', i, 'id']));
  const out: Found = [];
  const seen = new Map<string, Path>();
  for (const [id, path] of defined) {
    const first = seen.get(id);
    if (first) out.push([path, `an id used once: figure ${id} is already defined at ${keyPath(first)}`, id]);
    else seen.set(id, path);
  }
  return out;
}
