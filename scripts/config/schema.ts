// The report configuration's schema: validation and TypeScript types from one definition.
// zod (not hand-written checks) because it gives strict objects (unknown keys are errors), key
// paths for every issue, inferred types and a JSON Schema export for the docs.
import { z } from 'zod';
import { roleColumns, TABLES, type ProjectCodes } from './contract.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const figureId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'a dotted lower-case figure id such as "exit.employed"');
const shortId = z.string().regex(/^[a-z0-9_]+$/, 'a lower-case id of letters, digits and _');

/** A text in the report's language: one string, or one per language (the report's must be there). */
export const languageText = z.union([z.string().min(1), z.strictObject({ sv: z.string().min(1).optional(), en: z.string().min(1).optional() })]);
export type LanguageText = z.infer<typeof languageText>;

/** A project's own code of a closed list, with its label. */
const projectCode = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case code of letters, digits and _, starting with a letter, such as "self_support"'),
  label: languageText,
});

/** How one raw table maps onto a canonical one. */
function tableMapping<T extends keyof typeof TABLES>(table: T) {
  const canonical = Object.keys(TABLES[table]) as [string, ...string[]];
  return z.strictObject({
    /** File name inside data/<slug>/ (.csv, .tsv, .txt or .xlsx). */
    file: z.string().min(1),
    /** Canonical column → header in the file. Canonical columns not listed must be named as in the contract. */
    columns: z.partialRecord(z.enum(canonical), z.string().min(1)).default({}),
    /** Canonical column → { source value → canonical value }. A value missing from a given map is an error. */
    values: z.partialRecord(z.enum(canonical), z.record(z.string(), z.string())).default({}),
    /** Date format of the file: ISO (YYYY-MM-DD, optionally with HH:MM) or day/month/year. */
    date_format: z.enum(['iso', 'd/m/yyyy']).default('iso'),
    /** Separator between several codes in one field (exit_status). */
    multi_separator: z.string().min(1).default('|'),
    /** Worksheet name for .xlsx files (default: the first sheet). */
    sheet: z.string().optional(),
    /** The day this file was extracted from the case system (overrides the top-level data_extracted for it). */
    data_extracted: isoDate.optional(),
  });
}

const unit = z.strictObject({
  name: z.string().min(1),
  /** false: counts in the project total but gets no figures of its own. */
  reported: z.boolean().default(true),
  /** Free text shown beside the unit, e.g. a provider's status. */
  status: z.string().optional(),
});

/** `>=`/`<=` take `value`; `between` takes `min` and `max` (e.g. a 40/60 gender split). */
const target = z.strictObject({
  op: z.enum(['>=', '<=', 'between']),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

/** A goal on a figure (with a target), or a goal shown as not measured (with the reason). */
const goal = z.strictObject({
  id: figureId,
  label: z.string().min(1),
  figure: figureId.optional(),
  target: target.optional(),
  /** Units the goal is judged for; default every reported unit and the total for a share or a mean, the total alone for a count or a sum (see per_unit). */
  units: z.array(z.string()).optional(),
  /** true: judge a count or sum goal for every reported unit too (each unit against the same target); false: the total alone. */
  per_unit: z.boolean().optional(),
  /** Instead of figure + target: the goal is shown as not measured, with this reason, rather than dropped. */
  not_measured: z.string().min(1).optional(),
});

/**
 * Which cells a figure is published for: `full` every unit by gender (the default); `units` every
 * unit for all genders together, by gender only for the project; `total` the project only, by
 * gender. A narrower breakdown publishes less, and so has less to hide.
 */
export const breakdown = z.enum(['full', 'units', 'total']).optional();
export type Breakdown = NonNullable<z.infer<typeof breakdown>>;

const dateRange = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
/**
 * A date filter: only participants who entered (`entry`) and/or exited (`exit`) within the
 * ranges, both ends inclusive (an exit range leaves out those still enrolled).
 */
const dateFilter = z.strictObject({ entry: dateRange.optional(), exit: dateRange.optional() }).optional();

const band = z.strictObject({ id: shortId, label: z.string(), min: z.number().optional(), max: z.number().optional() });

/** A categorical column with labelled categories, or a numeric column cut into bands. */
const distribution = z.strictObject({
  id: figureId,
  label: z.string(),
  /** A column of the contract a distribution may name (ROLES.distribution). */
  column: z.enum(roleColumns('distribution')),
  /** participants (default): one value per participant; activities: one per activity row (column months). */
  table: z.enum(['participants', 'activities']).default('participants'),
  /** With table activities: only rows of these activity codes. */
  activity: z.array(z.string()).optional(),
  /** Canonical code → label, in chart order (categorical columns). A code not listed is an error. */
  categories: z.record(z.string(), z.string()).optional(),
  /** Bands in chart order (numeric columns). */
  bands: z.array(band).min(1).optional(),
  /** Only participants within these dates (table participants). */
  filter: dateFilter,
  breakdown,
});

/** The OECD/DAC criteria (2019 revision): the default set, and what custom criteria map onto. */
export const DAC_CRITERIA = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'] as const;

const criterion = z.strictObject({
  id: shortId,
  label: z.string().min(1),
  /** The DAC criterion this one stands for; omitted for one that stands for none of them (the ESF
   * horizontal principles, say), whose sections then carry no DAC label. */
  dac: z.enum(DAC_CRITERIA).optional(),
});

/** A box of the theory of change, optionally tied to a goal so its measured status shows. */
const tocBox = z.strictObject({ text: z.string().min(1), goal: figureId.optional() });

export const CHART_KINDS = ['shares', 'distribution', 'means', 'likert', 'goals', 'coefficients', 'intervals', 'series', 'crosstab'] as const;

const chart = z.strictObject({
  id: shortId,
  /**
   * shares: share figures by unit with intervals; distribution: one figure's categories by unit;
   * means: mean, sum or count figures by unit; coefficients: a model's coefficients with intervals; likert: survey questions as stacked bars on their
   * ordered scales; goals: goal results against their targets.
   */
  kind: z.enum(CHART_KINDS),
  title: z.string().min(1),
  /** Figure ids shown (not for kind goals, which shows every measured goal, or those listed in goals). */
  figures: z.array(figureId).default([]),
  goals: z.array(figureId).optional(),
  /** Units shown, in order; default every reported unit and the total. */
  units: z.array(z.string()).optional(),
  /** Optional extra sentence for the chart's accessible description. */
  note: z.string().optional(),
  /** Kind intervals: units whose denominator is below this are marked too few to compare. */
  min_n: z.number().int().min(1).optional(),
  /** Kind series: lines (default) or columns over the periods. */
  style: z.enum(['lines', 'columns']).optional(),
});

/** A table of figures by unit (rows) and gender (columns), placed with {% table "id" %}. */
const figureTable = z.strictObject({
  id: shortId,
  title: z.string().min(1),
  figures: z.array(figureId).min(1),
  /** Units shown, in order; default every reported unit and the total. */
  units: z.array(z.string()).optional(),
  /** Means and shares resting on fewer persons than this are marked as uncertain. */
  min_n: z.number().int().min(1).optional(),
});

/** A value as a YAML file may write it: text, or a number that stands for text (an id such as 12345). */
const textValue = z.union([z.string(), z.number()]).transform(String);

/** Which rows a correction's rule matches, by one canonical column of the table. */
const whereRule = z.strictObject({
  column: z.string().min(1),
  /** The canonical (mapped) value is one of these; for exit_status, any of the participant's codes. */
  equals: z.array(textValue).min(1).optional(),
  /** A date strictly before / after this one. */
  before: isoDate.optional(),
  after: isoDate.optional(),
  /** A number within these bounds (inclusive). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** true: the value is missing (empty cell). */
  missing: z.literal(true).optional(),
});
export type WhereRule = z.infer<typeof whereRule>;

/**
 * A correction of the raw data, with its reason: rows excluded (by participant id, by a rule, or
 * both) or a value set (by participant id). Applied while reading, before anything is computed;
 * the report counts each one, never naming a row or an id.
 */
const correction = z.strictObject({
  action: z.enum(['exclude', 'set']),
  /** The table corrected; excluding participants excludes their activity and follow-up rows too. */
  table: z.enum(['participants', 'activities', 'followups']).default('participants'),
  /** Participant ids (participant_id as the export writes it). */
  ids: z.array(textValue).min(1).optional(),
  /** action exclude: the rows this rule matches (with ids: rows matching both). */
  where: whereRule.optional(),
  /** action set: the canonical column whose value is replaced. */
  column: z.string().min(1).optional(),
  /** action set: the new value, written as the export writes it (read, mapped and checked like the file's own values); "" empties the cell. */
  value: textValue.optional(),
  reason: z.string().min(1),
});
export type Correction = z.infer<typeof correction>;

export const configSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  commissioner: z.string().min(1),
  evaluator: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  date: isoDate,
  reference: z.string().optional(),
  /** Where the project works (a region or a municipality): a facet of a portfolio's index and portfolio.json. */
  region: z.string().min(1).optional(),
  /** The programme area or priority the project is funded under (such as an ESF+ specific objective): a portfolio facet. */
  programme_area: z.string().min(1).optional(),
  /** The data are made up (an example): the index, the cover, every page's header and the summary say so. */
  synthetic: z.boolean().default(false),
  /** Search words for the page's and the PDF's metadata. */
  keywords: z.array(z.string().min(1)).default([]),
  period: z.strictObject({ from: isoDate, to: isoDate }),
  language: z.enum(['sv', 'en']).default('sv'),
  /**
   * EU funding whose visibility rules the report follows: esf_plus (ESF+ 2021–2027) shows the EU
   * emblem with "Medfinansieras av Europeiska unionen" / "Co-funded by the European Union" on the
   * cover, the page header and the site index (Regulation (EU) 2021/1060, Article 47, Annex IX).
   */
  funding: z.enum(['esf_plus']).optional(),
  /** The project's and the evaluator's logos, and an accent colour for links and rules. */
  branding: z
    .strictObject({
      /** #rrggbb; at least 4.5:1 against white and the page's tinted backgrounds (WCAG 2.1 AA). */
      accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb, such as "#005a9c"').optional(),
      /** Logo files in content/<slug>/: PNG, JPEG or SVG (checked: no script, no external reference), at most 512 kB each. */
      logos: z
        .array(
          z.strictObject({
            file: z.string().regex(/^[^/\\]+\.(png|jpe?g|svg)$/i, 'a PNG, JPEG or SVG file name in the project folder, such as "logo.png"'),
            /** The logo's text alternative, e.g. the organisation's name. */
            alt: z.string().min(1),
          }),
        )
        .max(4)
        .default([]),
    })
    .optional(),
  disclosure: z
    .strictObject({
      min_count: z.number().int().min(1).default(5),
      /** Secondary suppression (engine/secondary.ts); off only to study primary suppression alone. */
      secondary: z.boolean().default(true),
      /**
       * How much more a figure costs to hide than an ordinary one (1), by figure id: secondary
       * suppression hides dearer figures last. Headcounts of participants are 3 by default.
       */
      priorities: z.record(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/), z.number().positive().max(1000)).optional(),
    })
    .default({ min_count: 5, secondary: true }),
  units: z.strictObject({
    /** What a unit is called in this project, e.g. "Delprojekt", "Verkstad", "Leverantör". */
    level: z.string().min(1),
    items: z.array(unit).min(1),
  }),
  tables: z.strictObject({
    participants: tableMapping('participants'),
    activities: tableMapping('activities').optional(),
    followups: tableMapping('followups').optional(),
    survey: tableMapping('survey').optional(),
    costs: tableMapping('costs').optional(),
  }),
  /**
   * The day the data were extracted from the case system. Follow-ups at N months count among
   * those who left at least N months before it (`tables.followups.data_extracted` overrides it
   * for the follow-ups); without it, follow-up figures have no base and the ESF+ six-month
   * indicators are left empty.
   */
  data_extracted: isoDate.optional(),
  /**
   * The project's own codes, added to the contract's closed lists: `outcome` (exit_status and the
   * follow-up status) and `exit_reason`. Used in outcome and follow-up groups like the built-in ones.
   */
  codes: z
    .strictObject({
      outcome: z.array(projectCode).default([]),
      exit_reason: z.array(projectCode).default([]),
    })
    .optional(),
  /** Corrections of the raw data, each with its reason, applied in order after reading. */
  corrections: z.array(correction).default([]),
  /** Population of the figure participants.women (and its goal): everyone enrolled, or those who exited. */
  gender_share_of: z.enum(['enrolled', 'exited']).default('enrolled'),
  /** Groups of exit codes: destinations (exit_status, the default) or reasons (exit_reason). */
  outcome_groups: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string(),
        column: z.enum(roleColumns('outcome_group')).default('exit_status'),
        codes: z.array(z.string()).min(1),
        /** Only exited participants of this entry group (e.g. long without work at entry). */
        entry_group: shortId.optional(),
        /** Only exited participants within these dates, e.g. exits during 2025. */
        filter: dateFilter,
        breakdown,
      }),
    )
    .default([]),
  entry_groups: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string(),
        column: z.enum(roleColumns('entry_group')),
        codes: z.array(z.string()).optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        filter: dateFilter,
        breakdown,
      }),
    )
    .default([]),
  distributions: z.array(distribution).default([]),
  activity_groups: z
    .array(
      z.strictObject({
        id: figureId,
        label: z.string(),
        /** share: of enrolled participants (default); count: how many participants; rows: how many rows (e.g. vouchers issued). */
        measure: z.enum(['share', 'count', 'rows']).default('share'),
        /**
         * participant (default): figures by the participant's unit. provider: by the activity's
         * provider, which must name a unit; a person counts once per provider, so the total is
         * the sum over providers (persons with two providers count twice).
         */
        by: z.enum(['participant', 'provider']).default('participant'),
        activity: z.array(z.string()).optional(),
        provider: z.array(z.string()).optional(),
        result: z.array(z.string()).optional(),
        /** Which units and genders are published (as for the other groups); not with by: provider, whose units are the providers. */
        breakdown,
      }),
    )
    .default([]),
  survey: z
    .strictObject({
      questions: z
        .array(
          z.strictObject({
            id: shortId,
            column: z.string().min(1),
            label: z.string(),
            scale: z.array(z.string()).min(2),
            /** Answers counted together as the question's positive share. */
            positive: z.array(z.string()).optional(),
            /** Also publish the number of positive answers under this figure id. */
            positive_count: figureId.optional(),
            /** Only rows of this questionnaire (the survey table's survey column). */
            survey: z.string().optional(),
            /** Also publish the positive share under this figure id. */
            positive_share: figureId.optional(),
          }),
        )
        .min(1),
      /** Free-text columns: read only to be dropped. Any other unknown column is an error. */
      free_text: z.array(z.string()).default([]),
    })
    .optional(),
  /** Follow-ups: how many had a status in `codes` at a follow-up point, optionally among an activity group's participants. */
  followup_groups: z
    .array(
      z.strictObject({
        id: figureId,
        label: z.string(),
        months_after_exit: z.number().int().min(0),
        /** Codes of the outcome list (built in or the project's own, `codes.outcome`). */
        codes: z.array(z.string().min(1)).min(1),
        activity_group: figureId.optional(),
        /** A premium paid per person at this follow-up point (kr): publishes <id>.premium. */
        premium_sek: z.number().min(0).optional(),
      }),
    )
    .default([]),
  /** Shares of one count figure in the sum of others, e.g. renewals to another provider of all renewals. */
  ratios: z.array(z.strictObject({ id: figureId, label: z.string(), numerator: figureId, denominator: z.array(figureId).min(1) })).default([]),
  /**
   * Costs from the costs table: costs.total (by unit where the item names a unit), costs.budget,
   * and costs.per_participant over the persons of an activity group active in the year.
   */
  costs: z
    .strictObject({
      /** Only cost rows of this year; persons count when a row of the activity group overlaps it. */
      year: z.number().int().optional(),
      per_participant_of: figureId.optional(),
      /** Where the cost per participant is published: `total` for the project only (a cost per
       * provider can be misread as a measure of its efficiency), `units`/`full` also per unit. */
      breakdown,
    })
    .optional(),
  /**
   * Regression models of an outcome group at exit, among exited participants. A predictor is an
   * activity group (1 if the participant took part, or its hours with `hours: true`), or a
   * participant column: numeric as it is, `ordered` levels as 1, 2, 3 …, `equals` as a 0/1
   * indicator, or `categorical` as dummies against `reference`.
   */
  models: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string(),
        outcome: shortId,
        estimator: z.enum(['lpm', 'logit']).default('lpm'),
        /** Standard errors of a linear probability model (robust HC3 by default). */
        se: z.enum(['classical', 'HC1', 'HC3']).default('HC3'),
        predictors: z
          .array(
            z.strictObject({
              id: shortId,
              label: z.string(),
              activity_group: figureId.optional(),
              hours: z.boolean().optional(),
              column: z.enum(roleColumns('predictor')).optional(),
              ordered: z.array(z.string()).optional(),
              equals: z.string().optional(),
              categorical: z.boolean().optional(),
              reference: z.string().optional(),
            }),
          )
          .min(1),
      }),
    )
    .default([]),
  /**
   * Two-proportion comparisons among exited participants: the share with an outcome in group a
   * against group b (activity groups), with the difference's Newcombe interval and a z-test; for
   * the project (default, `breakdown: total`) or also for each reported unit (`breakdown: units`).
   */
  comparisons: z
    .array(z.strictObject({ id: figureId, label: z.string(), outcome: shortId, a: figureId, b: figureId, breakdown: z.enum(['units', 'total']).default('total') }))
    .default([]),
  goals: z.array(goal).default([]),
  /** Counts whose reported units must add up to the total; a difference is a warning check. */
  reconcile: z.array(z.strictObject({ id: figureId, figure: figureId })).default([]),
  /** Figures as the original report published them, each compared with the computed figure. */
  published: z
    .array(
      z.strictObject({
        figure: figureId,
        unit: z.string().default('total'),
        gender: z.enum(['all', 'woman', 'man', 'other']).default('all'),
        value: z.number(),
        /** Decimals the publication rounded to (0.55 → 2); counts are compared exactly. */
        decimals: z.number().int().min(0).max(6).optional(),
        source: z.string().optional(),
      }),
    )
    .default([]),
  /** Evaluation criteria; default the six OECD/DAC criteria with Swedish or English labels. */
  criteria: z.array(criterion).optional(),
  /** The report's narrative sections, in order: one markdown file each in content/<slug>/. */
  sections: z
    .array(
      z.strictObject({
        file: z.string().regex(/^[^/\\]+\.md$/, 'a markdown file name in the project folder, such as "resultat.md"'),
        /** Criterion id (from criteria, or a DAC criterion by default); omit for parts such as the summary. */
        criterion: shortId.optional(),
        /** Appendices are numbered and placed after the main part. */
        appendix: z.boolean().default(false),
      }),
    )
    .default([]),
  /** The evaluation questions, each with its criterion and a short answer (markdown, may cite figures). */
  evaluation_questions: z.array(z.strictObject({ question: z.string().min(1), criterion: shortId, answer: z.string().min(1) })).default([]),
  /** Methods of the evaluation with the hours spent on each. */
  methods: z.array(z.strictObject({ method: z.string().min(1), description: z.string().optional(), hours: z.number().min(0).optional() })).default([]),
  theory_of_change: z
    .strictObject({
      activities: z.array(tocBox).min(1),
      outputs: z.array(tocBox).min(1),
      outcomes: z.array(tocBox).min(1),
      impacts: z.array(tocBox).min(1),
    })
    .optional(),
  /** Time series: inflow, outflow and enrolled at the end of each period (series.<id>.inflow, .outflow, .enrolled). */
  series: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string().min(1),
        interval: z.enum(['month', 'quarter', 'year']),
        /** Default the report's period. */
        from: isoDate.optional(),
        to: isoDate.optional(),
        breakdown,
      }),
    )
    .default([]),
  /**
   * Crosstabs: an outcome group (or a distribution) within each row of a distribution (by), an
   * entry group against the others (by_entry_group) or cohorts by period of entry (by_cohort).
   */
  crosstabs: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string().min(1),
        outcome: shortId.optional(),
        distribution: figureId.optional(),
        by: figureId.optional(),
        by_entry_group: shortId.optional(),
        by_cohort: z.enum(['month', 'quarter', 'year']).optional(),
        breakdown,
      }),
    )
    .default([]),
  /** Median and quartiles (and bands) of months from entry to exit, optionally to an outcome. */
  durations: z
    .array(
      z.strictObject({
        id: shortId,
        label: z.string().min(1),
        /** Only those who exited with this outcome group: time from entry to that outcome. */
        outcome: shortId.optional(),
        filter: dateFilter,
        /** Bands of months: min inclusive, max exclusive (months are fractional). */
        bands: z.array(band).min(1).optional(),
        breakdown,
      }),
    )
    .default([]),
  charts: z.array(chart).default([]),
  figure_tables: z.array(figureTable).default([]),
  /** The previously published version: its indicators.json (relative to content/<slug>/) gives the appendix of changes. */
  previous_version: z
    .strictObject({ indicators: z.string().min(1), label: z.string().min(1), published: isoDate.optional() })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;
export type Goal = Config['goals'][number];
export type Target = z.infer<typeof target>;
export type TableMapping = Config['tables']['participants'];
export type ChartConfig = Config['charts'][number];
export type FigureTableConfig = Config['figure_tables'][number];
export type SectionConfig = Config['sections'][number];

/** The project's own codes (`codes` of report.yaml) as the reader and the engine take them. */
export function projectCodes(config: Pick<Config, 'codes'>): ProjectCodes | undefined {
  if (!config.codes) return undefined;
  return { outcome: config.codes.outcome.map((c) => c.code), exit_reason: config.codes.exit_reason.map((c) => c.code) };
}

/** A text of the configuration in the report's language (a checked key: the language's text exists). */
export const textIn = (text: LanguageText, language: 'sv' | 'en'): string => (typeof text === 'string' ? text : (text[language] ?? text.sv ?? text.en ?? ''));
