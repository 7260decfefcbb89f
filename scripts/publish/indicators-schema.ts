// The shape of indicators.json: the data contract's minimal shape plus this project's additions.
// schemas/indicators.schema.json is generated from this file (npm run schema) and a test checks
// that the committed file is current and that every build validates against it.
import { z } from 'zod';

const ci95 = z.tuple([z.number(), z.number()]).nullable().describe('Wilson 95 % interval of a share; null when suppressed');

export const figureSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/).describe('Stable dotted id, <topic>.<measure>'),
    label: z.string(),
    unit: z.string().describe('A unit name as the configuration spells it, or "total"'),
    gender: z.enum(['all', 'woman', 'man', 'other']),
    kind: z.enum(['count', 'share', 'mean', 'sum', 'quantile', 'coefficient', 'difference']).describe('quantile: a median or quartile (of months), with n the persons it is taken over'),
    category: z.string().optional().describe('For distributions: the category (a code or a survey answer)'),
    category_label: z.string().optional(),
    value: z.number().nullable(),
    numerator: z.number().nullable().optional().describe('Shares: how many of the denominator'),
    denominator: z.number().optional().describe('Shares: the population the share is of'),
    ci95: ci95.optional(),
    n: z.number().optional().describe('Means, sums, quantiles and coefficients: how many participants the value is over'),
    se: z.number().optional().describe('Coefficients: standard error (robust where the model says so)'),
    p: z.number().optional().describe('Coefficients and differences: two-sided p value'),
    scale: z.literal('probability').optional().describe('Coefficients of a linear probability model: the value (and se, ci95) is a difference in probability, shown in percentage points'),
    suppressed: z.boolean().describe('true when disclosure control hid the value (value and numerator are null)'),
    suppression: z
      .enum(['primary', 'secondary'])
      .optional()
      .describe('Why a suppressed value is hidden: "primary" rests on fewer than min_count persons; "secondary" is hidden so that a primary value cannot be worked out from the others'),
  })
  .describe('One computed figure for one unit and gender');

export const targetSchema = z.strictObject({
  op: z.enum(['>=', '<=', 'between']),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const goalSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  figure: z.string().nullable(),
  target: targetSchema.nullable(),
  measured: z.boolean(),
  reason: z.string().optional().describe('Why the goal is not measured'),
  results: z.array(
    z.strictObject({
      unit: z.string(),
      value: z.number().nullable(),
      ci95: ci95.optional(),
      met: z.boolean().nullable().describe('null when the value is suppressed'),
      suppression: z.enum(['primary', 'secondary']).optional().describe('Why the value is hidden, as for its figure'),
    }),
  ),
});

export const modelSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  estimator: z.enum(['lpm', 'logit']),
  outcome: z.string(),
  se: z.string().describe('Kind of standard errors: classical, HC1, HC3 or ml (logit)'),
  status: z.string(),
  message: z.string().optional(),
  n: z.number().int(),
  dropped: z.strictObject({ rows: z.number().int(), reasons: z.array(z.strictObject({ column: z.string(), rows: z.number().int() })) }),
  excluded: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  r2: z.number().nullable().describe('R² (lpm) or McFadden pseudo-R² (logit)'),
  adj_r2: z.number().nullable(),
  warnings: z.array(z.string()),
});

export const checkSchema = z.strictObject({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});

export const inputFileSchema = z.strictObject({
  table: z.enum(['participants', 'activities', 'followups', 'survey', 'costs']),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int(),
  encoding: z.string(),
});

export const correctionSchema = z
  .strictObject({
    table: z.enum(['participants', 'activities', 'followups']),
    action: z.enum(['exclude', 'set']),
    rule: z.string().describe('Which rows: "participant_id (n id)" for a list of ids (never the ids), or a rule on a canonical column'),
    reason: z.string(),
    rows: z.number().int().describe('Rows of the table excluded or corrected'),
    cascaded: z.strictObject({ activities: z.number().int(), followups: z.number().int() }).describe('Rows of the excluded participants in the other tables, excluded with them'),
  })
  .describe('One correction of the raw data (report.yaml corrections), applied after reading');

export const projectCodeSchema = z
  .strictObject({ list: z.enum(['outcome', 'exit_reason']), code: z.string(), label: z.string().describe("In the report's language") })
  .describe("A project's own code added to a closed code list (report.yaml codes)");

export const indicatorsSchema = z.strictObject({
  report: z.strictObject({
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    language: z.enum(['sv', 'en']),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    date: z.string(),
    commissioner: z.string(),
    evaluator: z.string(),
    authors: z.array(z.string()),
    reference: z.string().optional(),
    region: z.string().optional().describe('Where the project works (region or municipality), from report.yaml'),
    programme_area: z.string().optional().describe('The programme area the project is funded under, from report.yaml'),
    synthetic: z.literal(true).optional().describe('The data are made up (an example, report.yaml synthetic: true): every page, the index and the PDF say so'),
    funding: z.enum(['esf_plus']).optional().describe('EU funding whose visibility rules the report follows (the emblem and statement on the page, the cover and the site index)'),
    unit_level: z.string(),
    units: z.array(z.strictObject({ name: z.string(), reported: z.boolean(), status: z.string().optional() })),
    disclosure: z.strictObject({ min_count: z.number().int(), secondary: z.boolean().optional().describe('Secondary suppression applied (default true)') }),
    inputs: z.array(inputFileSchema),
    corrections: z.array(correctionSchema).optional().describe('The corrections applied to the data after reading, in order'),
    codes: z.array(projectCodeSchema).optional().describe("The project's own codes with their labels"),
    built_at: z.string(),
    tool: z.strictObject({ name: z.string(), version: z.string() }),
  }),
  figures: z.array(figureSchema),
  goals: z.array(goalSchema),
  models: z.array(modelSchema).describe('Regression models; their coefficients are figures model.<model>.<predictor>'),
  checks: z.array(checkSchema),
});

export type Figure = z.infer<typeof figureSchema>;
export type GoalResult = z.infer<typeof goalSchema>;
export type Check = z.infer<typeof checkSchema>;
export type ModelSummary = z.infer<typeof modelSchema>;
export type InputFile = z.infer<typeof inputFileSchema>;
export type CorrectionRecord = z.infer<typeof correctionSchema>;
export type Indicators = z.infer<typeof indicatorsSchema>;
