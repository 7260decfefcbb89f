// Loads content/<slug>/report.yaml: YAML → schema → cross-field checks → typed Config.
// Every problem names the file, the line, the key path, the value and what was expected.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { core } from 'zod';
import { configSchema, DAC_CRITERIA, projectCodes, type Config } from './schema.ts';
import { columnDef, EXIT_REASONS, isColumnOf, isNumeric, MAX_OUTCOME_CODES, OUTCOME_CODES, exitReasons, outcomeCodes, roleColumns, TABLES, tableSpec, type TableName } from './contract.ts';
import { InputError, type Problem } from '../problems.ts';
import { idPart } from '../slug.ts';
import { isIdentityNumber, maskIdentityNumber } from '../privacy/personnummer.ts';
import { ACCENT_MIN_CONTRAST, accentContrast } from '../palette.ts';
import { configText } from '../problem-messages.ts';
import { definedFigureIds, reservedFor } from './figure-ids.ts';

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
      return configText.unknownKey(issue.keys);
    case 'invalid_type':
      return issue.expected === 'undefined' ? configText.nothingHere : configText.valueOfType(issue.expected);
    case 'invalid_value':
      return configText.oneOfValues(issue.values);
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
      doc.errors.map((e) => ({ file, line: counter.linePos(e.pos[0]).line, expected: configText.validYaml(e.message.split('\n')[0]!) })),
    );
  }
  const parsed = configSchema.safeParse(doc.toJS());
  const problems: Problem[] = [];
  const at = (path: Path, expected: string, value?: string): Problem => ({
    file,
    line: lineOf(doc, counter, path),
    column: keyPath(path) || configText.topLevel,
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
        problems.push(at(path, expectedOf(issue) + (missing ? configText.keyMissing : '')));
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

/**
 * The configurations read last, by file, with the text they were parsed from. One build reads a
 * project's report.yaml in three steps (the data, the narrative's links, the references), and
 * parsing it (YAML with its lines, the schema, the cross-checks) gives the same result each
 * time; a file whose text changed is parsed again. Frozen: no step can change what another reads.
 */
const parsedConfigs = new Map<string, { text: string; config: Config }>();
const PARSED_KEPT = 16;

export function loadConfig(file: string): Config {
  const text = readFileSync(file, 'utf8');
  const hit = parsedConfigs.get(file);
  if (hit !== undefined && hit.text === text) return hit.config;
  const config = deepFreeze(parseConfig(text, file));
  if (parsedConfigs.size >= PARSED_KEPT) parsedConfigs.delete(parsedConfigs.keys().next().value!);
  parsedConfigs.set(file, { text, config });
  return config;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Found = [Path, string, string?][];
const C = configText;

/** `codes`: new codes only (not built in, each once), labels in the report's language, within the mask's size. */
function codeChecks(config: Config): Found {
  const out: Found = [];
  const lists = { outcome: OUTCOME_CODES as readonly string[], exit_reason: EXIT_REASONS as readonly string[] };
  for (const key of ['outcome', 'exit_reason'] as const) {
    const own = config.codes?.[key] ?? [];
    const seen = new Set<string>();
    own.forEach((c, i) => {
      if (lists[key].includes(c.code)) out.push([['codes', key, i, 'code'], C.codeBuiltIn(c.code), c.code]);
      else if (seen.has(c.code)) out.push([['codes', key, i, 'code'], C.once('code'), c.code]);
      seen.add(c.code);
      if (typeof c.label !== 'string' && !c.label[config.language]) out.push([['codes', key, i, 'label'], C.labelInLanguage(config.language)]);
    });
    if (key === 'outcome' && OUTCOME_CODES.length + own.length > MAX_OUTCOME_CODES) out.push([['codes', 'outcome'], C.ownCodesAtMost(MAX_OUTCOME_CODES - OUTCOME_CODES.length, MAX_OUTCOME_CODES)]);
  }
  return out;
}

type Correction = Config['corrections'][number];

/** What one correction's action needs: exclude picks rows by ids or where, set by ids with a column and a value. */
function correctionActionChecks(c: Correction, at: (...k: (string | number)[]) => Path): Found {
  const out: Found = [];
  if (c.action === 'exclude') {
    if (!c.ids && !c.where) out.push([at(), C.excludeWhich]);
    if (c.column !== undefined || c.value !== undefined) out.push([at(c.column !== undefined ? 'column' : 'value'), C.excludeNoValue]);
  } else {
    if (!c.ids) out.push([at(), C.setIds]);
    if (c.where) out.push([at('where'), C.setNoWhere]);
    if (c.column === undefined || c.value === undefined) out.push([at(), C.setColumnValue]);
  }
  return out;
}

/** A correction's where rule: one kind of rule, on a column of the type the rule needs. */
function correctionRuleChecks(c: Correction, at: (...k: (string | number)[]) => Path): Found {
  const w = c.where;
  if (!w) return [];
  const out: Found = [];
  const kinds = [w.equals !== undefined, w.before !== undefined || w.after !== undefined, w.min !== undefined || w.max !== undefined, w.missing !== undefined].filter(Boolean).length;
  if (kinds !== 1) out.push([at('where'), C.oneRuleKind]);
  const type = columnDef(c.table, w.column)?.type.kind;
  if ((w.before !== undefined || w.after !== undefined) && type !== undefined && type !== 'date') out.push([at('where', 'column'), C.dateColumnForRange, w.column]);
  if ((w.min !== undefined || w.max !== undefined) && type !== undefined && type !== 'integer' && type !== 'number') out.push([at('where', 'column'), C.numericColumnForRange, w.column]);
  return out;
}

/** `corrections`: what each action needs, canonical columns of the table, one kind of rule, no identity numbers. */
function correctionChecks(config: Config): Found {
  const out: Found = [];
  config.corrections.forEach((c, i) => {
    const at = (...k: (string | number)[]): Path => ['corrections', i, ...k];
    if (!config.tables[c.table]) out.push([at('table'), C.correctionTable(c.table), c.table]);
    const columns: string[] = roleColumns('correction', c.table);
    const columnOk = (path: Path, column: string) => {
      if (!columns.includes(column)) out.push([path, C.correctionColumn(c.table, columns), column]);
    };
    c.ids?.forEach((id, j) => {
      if (isIdentityNumber(id)) out.push([at('ids', j), C.pseudonymousParticipantId, maskIdentityNumber(id)]);
    });
    out.push(...correctionActionChecks(c, at));
    if (c.column !== undefined) columnOk(at('column'), c.column);
    if (c.where) columnOk(at('where', 'column'), c.where.column);
    out.push(...correctionRuleChecks(c, at));
  });
  return out;
}

/** Unit names: not "total", each once; the period runs forwards. */
function unitChecks(config: Config): Found {
  const out: Found = [];
  const seen = new Set<string>();
  config.units.items.forEach((u, i) => {
    if (u.name === 'total') out.push([['units', 'items', i, 'name'], C.unitNotTotal]);
    if (seen.has(u.name)) out.push([['units', 'items', i, 'name'], C.unitOnce]);
    seen.add(u.name);
  });
  if (config.period.from > config.period.to) out.push([['period', 'to'], C.dateOnOrAfter('period.from', config.period.from)]);
  return out;
}

/** The accent colour is dark enough for links; each logo file once. */
function brandingChecks(config: Config): Found {
  const out: Found = [];
  const accent = config.branding?.accent;
  if (accent) {
    const { ratio, background } = accentContrast(accent);
    if (ratio < ACCENT_MIN_CONTRAST) out.push([['branding', 'accent'], C.accentContrast(ACCENT_MIN_CONTRAST, accent, ratio.toFixed(2), background), accent]);
  }
  config.branding?.logos.forEach((l, i) => {
    if (config.branding!.logos.findIndex((x) => x.file === l.file) !== i) out.push([['branding', 'logos', i, 'file'], C.once('logo file'), l.file]);
  });
  return out;
}

/** Codes the configuration maps to or groups by: each one of the contract's (or the project's own). */
function codeReferenceChecks(config: Config): Found {
  const out: Found = [];
  const codes = projectCodes(config);
  for (const [table, mapping] of Object.entries(config.tables) as [TableName, Config['tables']['participants'] | undefined][]) {
    if (!mapping) continue;
    const spec = tableSpec(table, codes) as Record<string, { type: { kind: string; values?: readonly string[] } }>;
    for (const [column, map] of Object.entries(mapping.values)) {
      const allowed = spec[column]?.type.values;
      if (!allowed || !map) continue;
      for (const [source, target] of Object.entries(map)) if (target !== '' && !allowed.includes(target)) out.push([['tables', table, 'values', column, source], C.mappedValue(allowed), target]);
    }
  }
  config.outcome_groups.forEach((g, i) => {
    const exit = g.column === 'exit_reason';
    const allowed: readonly string[] = exit ? exitReasons(codes) : outcomeCodes(codes);
    g.codes.forEach((c, j) => {
      if (!allowed.includes(c)) out.push([['outcome_groups', i, 'codes', j], C.outcomeGroupCode(allowed, g.column, exit ? 'exit_reason' : 'outcome'), c]);
    });
  });
  config.followup_groups.forEach((g, i) => {
    const allowed = outcomeCodes(codes);
    g.codes.forEach((c, j) => {
      if (!allowed.includes(c)) out.push([['followup_groups', i, 'codes', j], C.followupCode(allowed), c]);
    });
  });
  return out;
}

/** Ids of groups the configuration refers to, by kind. */
interface Ids { activity: Set<string>; outcome: Set<string>; entry: Set<string>; units: string[] }
const idsOf = (config: Config): Ids => ({
  activity: new Set(config.activity_groups.map((a) => a.id)),
  outcome: new Set(config.outcome_groups.map((g) => g.id)),
  entry: new Set(config.entry_groups.map((g) => g.id)),
  units: config.units.items.map((u) => u.name),
});
const isUnit = (ids: Ids, u: string) => u === 'total' || ids.units.includes(u);

/** Outcome groups' entry groups, activity groups' measures, and the tables that groups and costs need. */
function groupChecks(config: Config, ids: Ids): Found {
  const out: Found = [];
  config.outcome_groups.forEach((g, i) => {
    if (g.entry_group !== undefined && !ids.entry.has(g.entry_group)) out.push([['outcome_groups', i, 'entry_group'], C.idOf('an entry group', ids.entry), g.entry_group]);
  });
  config.activity_groups.forEach((a, i) => {
    if (a.by === 'provider' && a.measure === 'share') out.push([['activity_groups', i, 'measure'], C.providerMeasure, a.measure]);
    if (a.by === 'provider' && a.breakdown !== undefined) out.push([['activity_groups', i, 'breakdown'], C.providerBreakdown, a.breakdown]);
  });
  if (config.activity_groups.length > 0 && !config.tables.activities) out.push([['activity_groups'], C.tableEntry('activities', 'activity')]);
  if (config.costs) {
    if (!config.tables.costs) out.push([['costs'], C.tableEntry('costs', 'cost')]);
    const of = config.costs.per_participant_of;
    if (of !== undefined && !ids.activity.has(of)) out.push([['costs', 'per_participant_of'], C.idOf('an activity group', ids.activity), of]);
  }
  return out;
}

/** Figure tables (ids once, known units), comparisons and models (known groups, one kind of predictor). */
function tableAndModelChecks(config: Config, ids: Ids): Found {
  const out: Found = [];
  const tableIds = new Set<string>();
  config.figure_tables.forEach((ft, i) => {
    if (tableIds.has(ft.id)) out.push([['figure_tables', i, 'id'], C.once('table id')]);
    tableIds.add(ft.id);
    ft.units?.forEach((u, j) => {
      if (!isUnit(ids, u)) out.push([['figure_tables', i, 'units', j], C.unitOf(ids.units), u]);
    });
  });
  config.comparisons.forEach((c, i) => {
    if (!ids.outcome.has(c.outcome)) out.push([['comparisons', i, 'outcome'], C.idOf('an outcome group', ids.outcome), c.outcome]);
    for (const k of ['a', 'b'] as const) if (!ids.activity.has(c[k])) out.push([['comparisons', i, k], C.idOf('an activity group', ids.activity), c[k]]);
  });
  config.models.forEach((m, i) => {
    if (!ids.outcome.has(m.outcome)) out.push([['models', i, 'outcome'], C.idOf('an outcome group', ids.outcome), m.outcome]);
    m.predictors.forEach((p, j) => {
      const kinds = [p.activity_group !== undefined, p.column !== undefined].filter(Boolean).length;
      if (kinds !== 1) out.push([['models', i, 'predictors', j], C.predictorKind]);
      if (p.activity_group !== undefined && !ids.activity.has(p.activity_group)) out.push([['models', i, 'predictors', j, 'activity_group'], C.idOf('an activity group', ids.activity), p.activity_group]);
      if (p.column !== undefined && !isNumeric(TABLES.participants[p.column]) && [p.ordered, p.equals, p.categorical].filter((x) => x !== undefined).length !== 1) out.push([['models', i, 'predictors', j], C.predictorCoding(p.column)]);
    });
  });
  return out;
}

/** Follow-up groups, published units and entry groups: known groups and units, the tables they need, a rule. */
function followupAndEntryChecks(config: Config, ids: Ids): Found {
  const out: Found = [];
  config.followup_groups.forEach((f, i) => {
    if (f.activity_group !== undefined && !ids.activity.has(f.activity_group)) out.push([['followup_groups', i, 'activity_group'], C.idOf('an activity group', ids.activity), f.activity_group]);
  });
  if (config.followup_groups.length > 0 && !config.tables.followups) out.push([['followup_groups'], C.tableEntry('followups', 'follow-up')]);
  config.published.forEach((p, i) => {
    if (!isUnit(ids, p.unit)) out.push([['published', i, 'unit'], C.unitOf(ids.units), p.unit]);
  });
  config.entry_groups.forEach((g, i) => {
    if (!g.codes && g.min === undefined && g.max === undefined) out.push([['entry_groups', i], C.entryGroupRule]);
  });
  return out;
}

/** Distributions (the column, bands or categories as the column needs) and survey questions (positive answers of the scale). */
function distributionAndSurveyChecks(config: Config): Found {
  const out: Found = [];
  config.distributions.forEach((d, i) => {
    if (!isColumnOf(d.table, d.column)) out.push([['distributions', i, 'column'], C.distributionColumn(d.table === 'activities'), d.column]);
    if (d.table === 'activities' && !config.tables.activities) out.push([['distributions', i, 'table'], C.tableEntry('activities', 'activity')]);
    if (d.column === 'months' && d.categories) return; // month lengths may be categories ("2", "3", …) as well as bands
    // The column's definition says numeric (bands) or coded (categories); months is a column of activities.
    const spec = columnDef('participants', d.column) ?? columnDef('activities', d.column);
    const numeric = spec !== undefined && isNumeric(spec);
    if (numeric ? !d.bands || d.categories : !d.categories || d.bands) out.push([['distributions', i], C.distributionBands(numeric, d.column)]);
    d.bands?.forEach((b, j) => {
      if (b.min === undefined && b.max === undefined) out.push([['distributions', i, 'bands', j], C.minMaxOrBoth]);
    });
  });
  config.survey?.questions.forEach((q, i) => {
    q.positive?.forEach((a, j) => {
      if (!q.scale.includes(a)) out.push([['survey', 'questions', i, 'positive', j], C.scaleAnswer(q.scale), a]);
    });
  });
  if (config.survey && !config.tables.survey) out.push([['survey'], C.tableEntry('survey', 'survey')]);
  return out;
}

/** Goals: measured (figure and target) or not, a target of its operator's form, known units. */
function goalChecks(config: Config, ids: Ids): Found {
  const out: Found = [];
  config.goals.forEach((g, i) => {
    const measured = g.figure !== undefined || g.target !== undefined;
    if (measured === (g.not_measured !== undefined) || (measured && (!g.figure || !g.target))) out.push([['goals', i], C.goalMeasure]);
    const t = g.target;
    if (t && (t.op === 'between' ? t.min === undefined || t.max === undefined || t.value !== undefined : t.value === undefined || t.min !== undefined || t.max !== undefined)) out.push([['goals', i, 'target'], C.goalTarget(t.op)]);
    if (t?.op === 'between' && t.min !== undefined && t.max !== undefined && t.min > t.max) out.push([['goals', i, 'target', 'max'], C.maxAtLeastMin]);
    g.units?.forEach((u, j) => {
      if (!isUnit(ids, u)) out.push([['goals', i, 'units', j], C.unitOf(ids.units), u]);
    });
    if (g.units && g.per_unit !== undefined) out.push([['goals', i, 'per_unit'], C.unitsOrPerUnit]);
  });
  return out;
}

/** Sections' and evaluation questions' criteria (the project's own, or OECD/DAC's); the theory of change's goals. */
function criterionChecks(config: Config): Found {
  const out: Found = [];
  const criteria = new Set((config.criteria ?? []).map((c) => c.id));
  const dac = new Set<string>(DAC_CRITERIA);
  const criterionOk = (id: string) => (config.criteria ? criteria.has(id) : dac.has(id));
  const criterionList = config.criteria ? [...criteria].join(', ') : DAC_CRITERIA.join(', ');
  config.sections.forEach((s, i) => {
    if (s.criterion !== undefined && !criterionOk(s.criterion)) out.push([['sections', i, 'criterion'], C.criterionId(criterionList), s.criterion]);
  });
  config.evaluation_questions.forEach((q, i) => {
    if (!criterionOk(q.criterion)) out.push([['evaluation_questions', i, 'criterion'], C.criterionId(criterionList), q.criterion]);
  });
  const goalIds = new Set(config.goals.map((g) => g.id));
  for (const column of ['activities', 'outputs', 'outcomes', 'impacts'] as const) {
    config.theory_of_change?.[column].forEach((b, i) => {
      if (b.goal !== undefined && !goalIds.has(b.goal)) out.push([['theory_of_change', column, i, 'goal'], C.goalId(goalIds), b.goal]);
    });
  }
  return out;
}

/** Charts: ids once, the figures their kind takes, style only for series, known goals and units. */
function chartChecks(config: Config, ids: Ids): Found {
  const out: Found = [];
  const goalIds = new Set(config.goals.map((g) => g.id));
  const chartIds = new Set<string>();
  config.charts.forEach((c, i) => {
    const at = (...k: (string | number)[]): Path => ['charts', i, ...k];
    if (chartIds.has(c.id)) out.push([at('id'), C.once('chart id')]);
    chartIds.add(c.id);
    if (c.kind !== 'goals' && c.figures.length === 0) out.push([at('figures'), C.chartFigures(c.kind)]);
    if (c.kind === 'intervals' && c.figures.length !== 1) out.push([at('figures'), C.chartOneFigure('a share', 'intervals')]);
    if (c.kind === 'distribution' && c.figures.length !== 1) out.push([at('figures'), C.chartOneFigure('a distribution', 'distribution')]);
    if (c.kind === 'crosstab' && (c.figures.length !== 1 || !config.crosstabs.some((x) => c.figures[0] === `crosstab.${x.id}`)))
      out.push([at('figures'), C.chartCrosstab(config.crosstabs.map((x) => `crosstab.${x.id}`)), c.figures.join(', ')]);
    if (c.style !== undefined && c.kind !== 'series') out.push([at('style'), C.chartNoStyle, c.style]);
    c.goals?.forEach((g, j) => {
      if (!goalIds.has(g)) out.push([at('goals', j), C.goalId(goalIds), g]);
    });
    c.units?.forEach((u, j) => {
      if (!isUnit(ids, u)) out.push([at('units', j), C.unitOf(ids.units), u]);
    });
  });
  return out;
}

/** What the schema cannot say: references between keys, in the order of the keys in docs/config.md. Returns [path, expected, value?]. */
function crossChecks(config: Config): Found {
  const ids = idsOf(config);
  return [
    ...unitChecks(config),
    ...codeChecks(config),
    ...correctionChecks(config),
    ...brandingChecks(config),
    ...codeReferenceChecks(config),
    ...groupChecks(config, ids),
    ...tableAndModelChecks(config, ids),
    ...followupAndEntryChecks(config, ids),
    ...distributionAndSurveyChecks(config),
    ...goalChecks(config, ids),
    ...criterionChecks(config),
    ...analysisChecks(config),
    ...figureIdChecks(config),
    ...idOnceChecks(config),
    ...chartChecks(config, ids),
  ];
}

/** A date filter's ranges run forwards. */
function filterChecks(path: Path, f: { entry?: { from?: string | undefined; to?: string | undefined } | undefined; exit?: { from?: string | undefined; to?: string | undefined } | undefined } | undefined): Found {
  const out: Found = [];
  for (const k of ['entry', 'exit'] as const) {
    const r = f?.[k];
    if (r && r.from === undefined && r.to === undefined) out.push([[...path, k], C.fromToOrBoth]);
    if (r?.from !== undefined && r.to !== undefined && r.from > r.to) out.push([[...path, k, 'to'], C.dateOnOrAfter(`${k}.from`, r.from), r.to]);
  }
  if (f && !f.entry && !f.exit) out.push([path, C.entryOrExit]);
  return out;
}

/** One crosstab: what it counts, by what, and rows whose ids are distinct. */
function crosstabChecks(config: Config, c: Config['crosstabs'][number], i: number): Found {
  const out: Found = [];
  const at = (...k: string[]): Path => ['crosstabs', i, ...k];
  const outcomeIds = config.outcome_groups.map((g) => g.id);
  const entryIds = config.entry_groups.map((g) => g.id);
  const personDists = config.distributions.filter((d) => d.table === 'participants').map((d) => d.id);
  if ((c.outcome === undefined) === (c.distribution === undefined)) out.push([at(), C.crosstabOf]);
  if (c.outcome !== undefined && !outcomeIds.includes(c.outcome)) out.push([at('outcome'), C.idOf('an outcome group', outcomeIds), c.outcome]);
  if (c.distribution !== undefined && !personDists.includes(c.distribution)) out.push([at('distribution'), C.idOf('a distribution of participants', personDists), c.distribution]);
  const bys = [c.by, c.by_entry_group, c.by_cohort].filter((x) => x !== undefined).length;
  if (bys !== 1) out.push([at(), C.crosstabBy]);
  if (c.by !== undefined && !personDists.includes(c.by)) out.push([at('by'), C.idOf('a distribution of participants', personDists), c.by]);
  if (c.by !== undefined && c.by === c.distribution) out.push([at('by'), C.crosstabByOther, c.by]);
  const by = config.distributions.find((d) => d.id === c.by);
  const keys = by ? (by.categories ? Object.keys(by.categories) : (by.bands ?? []).map((b) => b.id)) : [];
  const rowIds = keys.map(idPart);
  keys.forEach((k, j) => {
    if (rowIds[j] === '' || rowIds.indexOf(rowIds[j]!) !== j) out.push([at('by'), C.crosstabRowIds(rowIds, c.id), k]);
  });
  if (c.by_entry_group !== undefined && !entryIds.includes(c.by_entry_group)) out.push([at('by_entry_group'), C.idOf('an entry group', entryIds), c.by_entry_group]);
  return out;
}

/** Time series, crosstabs, durations and date filters: references and ranges. */
function analysisChecks(config: Config): Found {
  const out: Found = [];
  const outcomeIds = config.outcome_groups.map((g) => g.id);
  config.outcome_groups.forEach((g, i) => out.push(...filterChecks(['outcome_groups', i, 'filter'], g.filter)));
  config.entry_groups.forEach((g, i) => out.push(...filterChecks(['entry_groups', i, 'filter'], g.filter)));
  config.distributions.forEach((d, i) => {
    out.push(...filterChecks(['distributions', i, 'filter'], d.filter));
    if (d.filter && d.table === 'activities') out.push([['distributions', i, 'filter'], C.noFilterOnActivityRows]);
  });
  config.series.forEach((s, i) => {
    const from = s.from ?? config.period.from;
    if (s.to !== undefined && s.to < from) out.push([['series', i, 'to'], C.dateOnOrAfter("the series' start", from), s.to]);
  });
  config.crosstabs.forEach((c, i) => out.push(...crosstabChecks(config, c, i)));
  config.durations.forEach((d, i) => {
    if (d.outcome !== undefined && !outcomeIds.includes(d.outcome)) out.push([['durations', i, 'outcome'], C.idOf('an outcome group', outcomeIds), d.outcome]);
    out.push(...filterChecks(['durations', i, 'filter'], d.filter));
    d.bands?.forEach((b, j) => {
      if (b.min === undefined && b.max === undefined) out.push([['durations', i, 'bands', j], C.minMaxOrBoth]);
      if (b.min !== undefined && b.max !== undefined && b.min >= b.max) out.push([['durations', i, 'bands', j, 'max'], C.bandMaxAbove(b.min), String(b.max)]);
    });
  });
  return out;
}

/**
 * Every figure id the configuration defines (config/figure-ids.ts: a key's own and its family's,
 * such as an activity group's <id>.rows), with the key that defines it: each must be defined
 * once, and none may be one the engine reserves. One problem per key.
 */
function figureIdChecks(config: Config): Found {
  const out: Found = [];
  const seen = new Map<string, Path>();
  const reported = new Set<string>();
  for (const { id, path } of definedFigureIds(config)) {
    const at = keyPath(path);
    const first = seen.get(id);
    const reserved = reservedFor(id, String(path[0]));
    if (!reported.has(at) && first && keyPath(first) !== at) (reported.add(at), out.push([path, C.figureIdOnce(id, keyPath(first)), id]));
    else if (!reported.has(at) && reserved) (reported.add(at), out.push([path, C.figureIdReserved(id, reserved), id]));
    if (!first) seen.set(id, path);
  }
  return out;
}

/** Lists whose items are named by id (beside those that define figures), and sections by file: each once. */
function idOnceChecks(config: Config): Found {
  type List = [Path, string[], string, key?: string];
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
  const lists: List[] = [
    [['goals'], ids(config.goals), 'goal id'],
    [['criteria'], ids(config.criteria ?? []), 'criterion id'],
    [['reconcile'], ids(config.reconcile), 'reconcile id'],
    [['survey', 'questions'], ids(config.survey?.questions ?? []), 'question id'],
    [['sections'], config.sections.map((x) => x.file), 'section file', 'file'],
    ...config.distributions.map((d, i): List => [['distributions', i, 'bands'], ids(d.bands ?? []), 'band id']),
    ...config.durations.map((d, i): List => [['durations', i, 'bands'], ids(d.bands ?? []), 'band id']),
  ];
  const out: Found = [];
  for (const [path, names, what, key = 'id'] of lists) {
    const first = new Map<string, number>();
    names.forEach((name, j) => {
      const k = first.get(name);
      if (k === undefined) first.set(name, j);
      else out.push([[...path, j, key], C.idOnceIn(what, keyPath([...path, k, key])), name]);
    });
  }
  return out;
}
