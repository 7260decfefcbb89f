// Reconciliation, one general mechanism for two questions a reader of a report asks:
//   do the parts add up?      For each configured count, the reported units must sum to the
//                             total (the original report's own published parts too).
//   does it match the report? Every figure the original report published is compared with
//                             the computed one, at the precision it was published with.
// Differences are warnings in the data-quality appendix; nothing is adjusted.
import type { Config } from '../config/schema.ts';
import type { Participant } from '../config/contract.ts';
import { formatNumber, formatPercent, hiddenMark } from '../format.ts';
import type { Check, Figure } from '../publish/indicators-schema.ts';
import { t } from '../messages.ts';
import { InputError, type Problem } from '../problems.ts';
import { configText } from '../problem-messages.ts';
import { figureLookup } from './figure-lookup.ts';

/** Localised text: every message is `t(lang, …)` of messages.ts, with numbers formatted for the report's language. */
export function reconcileChecks(config: Config, figures: Figure[], ps: Participant[], configFile: string): Check[] {
  const find = figureLookup(figures);
  const reported = config.units.items.filter((u) => u.reported).map((u) => u.name);
  const problems: Problem[] = [];
  const checks: Check[] = [];
  config.reconcile.forEach((r, i) => {
    const total = find(r.figure);
    if (!total || (total.kind !== 'count' && total.kind !== 'sum')) problems.push({ file: configFile, column: `reconcile[${i}].figure`, value: r.figure, expected: configText.reconcileFigure });
    else checks.push(partsCheck(config, r, total, reported.map((u) => find(r.figure, u)).filter((f) => f !== undefined), ps));
  });
  checks.push(...publishedChecks(config, find, reported, configFile, problems));
  if (problems.length > 0) throw new InputError(problems);
  return checks;
}

/** Whether the reported units add up to the total (and the original report's own parts to its total). */
function partsCheck(config: Config, r: Config['reconcile'][number], total: Figure, parts: Figure[], ps: Participant[]): Check {
  const lang = config.language;
  const label = total.label;
  // A unit without a value (e.g. no cost row) adds nothing.
  if (total.value === null || parts.some((p) => p.value === null)) return { id: r.id, severity: 'info', message: t(lang, 'check.reconcile_suppressed', { label }) };
  const sum = parts.reduce((s, p) => s + p.value!, 0);
  const listed = parts.map((p) => `${p.unit} ${formatNumber(p.value!, lang)}`).join(', ');
  const findings: string[] = [];
  if (sum !== total.value) {
    const hidden = config.units.items.filter((u) => !u.reported).map((u) => u.name);
    findings.push(t(lang, 'check.reconcile_parts', { label, parts: listed, sum: formatNumber(sum, lang), total: formatNumber(total.value, lang), diff: formatNumber(total.value - sum, lang) }));
    if (hidden.length > 0) findings.push(t(lang, 'check.reconcile_hidden', { units: hidden.join(', '), n: formatNumber(ps.filter((p) => hidden.includes(p.unit)).length, lang) }));
  }
  // The original report's own parts and total, where it published them all.
  const pub = (unit: string) => config.published.find((p) => p.figure === r.figure && p.unit === unit && p.gender === 'all');
  const pubTotal = pub('total');
  const pubParts = config.units.items.filter((u) => u.reported).map((u) => pub(u.name));
  if (pubTotal && pubParts.every((p) => p !== undefined)) {
    const pubSum = pubParts.reduce((s, p) => s + p!.value, 0);
    if (pubSum !== pubTotal.value) findings.push(t(lang, 'check.reconcile_published', { sum: formatNumber(pubSum, lang), total: formatNumber(pubTotal.value, lang) }));
  }
  return findings.length > 0
    ? { id: r.id, severity: 'warning', message: findings.join(' ') }
    : { id: r.id, severity: 'info', message: t(lang, 'check.reconcile_ok', { label, total: formatNumber(total.value, lang) }) };
}

/** Every figure the original report published, compared with the computed one at the precision it was published with. */
function publishedChecks(config: Config, find: ReturnType<typeof figureLookup>, reported: string[], configFile: string, problems: Problem[]): Check[] {
  const lang = config.language;
  const show = (f: Figure | undefined, v: number) => (f?.kind === 'share' ? formatPercent(v, lang) : formatNumber(v, lang));
  const checks: Check[] = [];
  let matches = 0;
  config.published.forEach((p, i) => {
    const f = find(p.figure, p.unit, p.gender);
    if (!f) return void problems.push({ file: configFile, column: `published[${i}]`, value: `${p.figure} ${p.unit} ${p.gender}`, expected: configText.publishedFigure });
    const scale = 10 ** (p.decimals ?? 0);
    const same = f.value !== null && (f.kind === 'count' && p.decimals === undefined ? f.value === p.value : Math.round(f.value * scale) === Math.round(p.value * scale));
    if (same) return void matches++;
    checks.push({
      id: `published.${p.figure}.${p.unit === 'total' ? 'total' : reported.indexOf(p.unit)}.${p.gender}`,
      severity: 'warning',
      message: t(lang, 'check.published_mismatch', { label: f.label, unit: p.unit === 'total' ? t(lang, 'unit.total') : p.unit, gender: t(lang, `gender.${p.gender}`), published: show(f, p.value), computed: f.value === null ? hiddenMark(f) : show(f, f.value) }),
    });
  });
  if (config.published.length > 0) checks.push({ id: 'published.matches', severity: 'info', message: t(lang, 'check.published_matches', { n: matches, total: config.published.length }) });
  return checks;
}
