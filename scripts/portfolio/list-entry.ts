// One report as the portfolio's lists show it (the index, each filter page, each sorted list),
// from its published indicators.json alone: every string already formatted. Pure.
import { messages, t, type Language } from '../messages.ts';
import { formatDate, formatNumber, hiddenMark } from '../format.ts';
import type { Figure, Indicators } from '../publish/indicators-schema.ts';
import { emblemView, type EmblemView } from '../render/branding.ts';
import { goalStatus, type GoalStatus } from './facets.ts';

/** One report on a list, from its indicators alone (a report built earlier is listed too). */
export interface IndexEntry {
  slug: string;
  lang: Language;
  title: string;
  subtitle: string | null;
  period: string;
  evaluator: string;
  commissioner: string;
  region: string | null;
  programmeArea: string | null;
  /** Participants enrolled in the whole project as the report publishes it, or its hidden mark. */
  participants: string;
  /** How many of the goals measured for the whole project are met. */
  goalSummary: string;
  goalStatus: GoalStatus;
  /** The EU emblem with its statement, for a report of an EU-funded project (report.funding). */
  emblem: EmblemView | null;
  /** For an example with made-up data (report.synthetic), the sentence that says so, and its short form (the lists show that). */
  synthetic: { text: string; short: string } | null;
  m: Readonly<Record<string, string>>;
}

/** The whole project's figure `id` for everyone (no category), as published. */
export function totalFigure(ind: Indicators, id: string, gender: Figure['gender'] = 'all'): Figure | undefined {
  return ind.figures.find((f) => f.id === id && f.unit === 'total' && f.gender === gender && f.category === undefined);
}

export function indexEntry(ind: Indicators): IndexEntry {
  const lang = ind.report.language;
  const total = ind.goals.filter((g) => g.measured).map((g) => g.results.find((r) => r.unit === 'total')).filter((r) => r !== undefined);
  const enrolled = totalFigure(ind, 'participants.enrolled');
  return {
    slug: ind.report.slug,
    lang,
    title: ind.report.title,
    subtitle: ind.report.subtitle ?? null,
    period: `${formatDate(ind.report.period.from, lang)} – ${formatDate(ind.report.period.to, lang)}`,
    evaluator: ind.report.evaluator,
    commissioner: ind.report.commissioner,
    region: ind.report.region ?? null,
    programmeArea: ind.report.programme_area ?? null,
    participants: enrolled?.value == null ? hiddenMark(enrolled) : formatNumber(enrolled.value, lang),
    goalSummary: `${total.filter((r) => r.met === true).length} ${t(lang, 'report.of')} ${total.length} ${t(lang, 'report.goals_summary')}`,
    goalStatus: goalStatus(ind),
    emblem: emblemView(ind.report.funding, lang),
    synthetic: ind.report.synthetic ? { text: t(lang, 'report.synthetic'), short: t(lang, 'report.synthetic_short') } : null,
    m: messages[lang],
  };
}
