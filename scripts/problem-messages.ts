// The texts of problems and errors: what the tool says to the person building a report (in
// English, whatever the report's language), beside `messages.ts`, which holds the texts written
// into reports. A problem's `expected` says what should be there instead of its value; an error
// text says what went wrong. Each is a function of what it names, so that a wording is changed
// here once. Groups by stage: configuration, narrative, rendering and charts, privacy, publishing.

/** A list in a message, or "none defined" when there is nothing to choose from. */
export const listed = (xs: Iterable<string>): string => [...xs].join(', ') || 'none defined';

/** `expected` texts of problems in report.yaml: the schema's issues and the cross-checks. */
export const configText = {
  validYaml: (detail: string) => `valid YAML (${detail})`,
  unknownKey: (keys: string[]) => `no key ${keys.map((k) => `"${k}"`).join(', ')} here (unknown key: check the spelling against docs/config.md)`,
  nothingHere: 'nothing here',
  valueOfType: (type: string) => `a value of type ${type}`,
  oneOfValues: (values: readonly unknown[]) => `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
  keyMissing: ' (the key is missing)',
  /** The key path of a problem of the whole file. */
  topLevel: '(top level)',
  // units and period
  unitNotTotal: 'a unit name other than "total" (reserved for the project total)',
  unitOnce: 'each unit listed once',
  unitOf: (units: string[]) => `a unit of units.items (${units.join(', ')}) or "total"`,
  dateOnOrAfter: (what: string, date: string) => `a date on or after ${what} (${date})`,
  /** `each code once`, `each chart id once`, … */
  once: (what: string) => `each ${what} once`,
  // codes
  codeBuiltIn: (code: string) => `a code that is not built in (${code} already is one: use it without declaring it)`,
  labelInLanguage: (language: string) => `a label in the report's language (${language}): a text, or { ${language}: … }`,
  ownCodesAtMost: (own: number, all: number) => `at most ${own} codes of the project's own (the outcome list holds ${all} codes in all)`,
  mappedValue: (allowed: readonly string[]) => `one of ${allowed.join(', ')} (or "" for a missing value)`,
  outcomeGroupCode: (allowed: readonly string[], column: string, codesKey: string) => `one of ${allowed.join(', ')} (codes of ${column}; a code of the project's own goes under codes.${codesKey})`,
  followupCode: (allowed: readonly string[]) => `one of ${allowed.join(', ')} (the outcome list; a code of the project's own goes under codes.outcome)`,
  // corrections
  correctionTable: (table: string) => `a table the configuration reads (tables.${table} is not set)`,
  correctionColumn: (table: string, columns: string[]) => `a canonical column of ${table} other than participant_id (${columns.join(', ')}); rows are picked by participant id with ids`,
  pseudonymousParticipantId: 'a pseudonymous participant id, not a personal identity or coordination number',
  excludeWhich: 'ids, where or both to say which rows are excluded',
  excludeNoValue: 'no column or value with action exclude (they belong to action set)',
  setIds: 'ids: the participants whose value is set (action set picks rows by participant id)',
  setNoWhere: 'no where with action set (a value is set by participant id, before the row is read)',
  setColumnValue: 'column and value: the canonical column to set and its new value',
  oneRuleKind: 'one kind of rule: equals, before/after (dates), min/max (numbers) or missing',
  dateColumnForRange: 'a date column for before/after',
  numericColumnForRange: 'a numeric column for min/max',
  // branding
  accentContrast: (min: number, accent: string, ratio: string, background: string) =>
    `a colour with a contrast of at least ${min}:1 against white and the page's tinted backgrounds, since links are written in it (WCAG 2.1 AA); ${accent} has ${ratio}:1 against ${background}: choose a darker shade`,
  // references between keys
  idOf: (what: string, ids: Iterable<string>) => `the id of ${what} (${listed(ids)})`,
  tableEntry: (table: string, what: string) => `a tables.${table} entry naming the ${what} file`,
  providerMeasure: 'count or rows for a group counted by provider (a share of enrolled participants has no provider)',
  providerBreakdown: 'no breakdown for a group counted by provider: it is published per provider, and its total sums the providers',
  predictorKind: 'either activity_group or column',
  predictorCoding: (column: string) => `one of ordered, equals or categorical for the coded column ${column}`,
  entryGroupRule: 'either codes or min/max to say who belongs to the group',
  distributionColumn: (activities: boolean) => (activities ? 'months (the only column of activity rows to distribute)' : 'a participant column (months needs table: activities)'),
  distributionBands: (numeric: boolean, column: string) => (numeric ? `bands (and no categories) for the numeric column ${column}` : `categories (and no bands) for the coded column ${column}`),
  minMaxOrBoth: 'min, max or both',
  scaleAnswer: (scale: string[]) => `an answer of the scale (${scale.join(', ')})`,
  // goals, criteria, theory of change
  goalMeasure: 'either figure and target, or not_measured with the reason',
  goalTarget: (op: string) => (op === 'between' ? 'min and max (and no value) with op "between"' : `value (and no min/max) with op "${op}"`),
  maxAtLeastMin: 'max ≥ min',
  unitsOrPerUnit: 'either units (the units named) or per_unit, not both',
  criterionId: (ids: string) => `a criterion id (${ids})`,
  goalId: (ids: Iterable<string>) => `a goal id of goals (${[...ids].join(', ')})`,
  // date filters, series, crosstabs, durations
  fromToOrBoth: 'from, to or both',
  entryOrExit: 'entry, exit or both (each a range of from and to)',
  noFilterOnActivityRows: 'no filter for a distribution of activity rows (filters select participants)',
  crosstabOf: 'either outcome (an outcome group) or distribution (a distribution of participants)',
  crosstabBy: 'exactly one of by (a distribution), by_entry_group or by_cohort (month, quarter or year)',
  crosstabByOther: "a distribution other than the crosstab's own distribution",
  crosstabRowIds: (ids: string[], crosstab: string) => `categories whose ids (${ids.join(', ')}) are distinct and not empty: the rows are figures crosstab.${crosstab}.<category>`,
  bandMaxAbove: (min: number) => `a number above min (${min}): max is exclusive`,
  figureIdOnce: (id: string, at: string) => `an id used once: figure ${id} is already defined at ${at}`,
  figureIdReserved: (id: string, reserved: string) => `an id outside the figures every report computes itself (${id} ${reserved})`,
  idOnceIn: (what: string, at: string) => `each ${what} once (this one is already at ${at})`,
  // configuration that does not fit the data (found by the engine)
  distributionValueUnknown: (column: string, n: number) => `a category or band for every value of ${column} in the data (${n} participant(s) have this value)`,
  providerUnknown: (n: number) => `a provider that names a unit of units.items, as the group is counted by provider (${n} activity row(s) have this provider; map it in tables.activities.values.provider)`,
  ratioCountFigure: (ids: Iterable<string>) => `a count figure: ${[...ids].join(', ')}`,
  reconcileFigure: 'the id of a computed count or sum figure (e.g. participants.exited, costs.total)',
  publishedFigure: 'a computed figure for this unit and gender',
  surveyNamesDistinct: (first: string, id: string) => `questionnaire names that give distinct figure ids ("${first}" and this one both give ${id}: map one to another name in tables.survey.values.survey)`,
  coefficientIdOnce: "predictor ids that are not another categorical predictor's <id>_<level> (each coefficient is a figure model.<model>.<predictor> or model.<model>.<predictor>_<level>)",
  unprotectable: 'tables in which every suppressed cell can be protected (merge small units or categories)',
  workBound: (maxSolves: number) => `a report that secondary suppression can protect within ${maxSolves} linear programs: merge small units or categories, or drop the gender breakdown of distributions`,
  // charts
  chartFigures: (kind: string) => `one or more figure ids for a chart of kind ${kind}`,
  chartOneFigure: (what: string, kind: string) => `exactly one figure id (${what}) for a chart of kind ${kind}`,
  chartCrosstab: (ids: string[]) => `exactly one crosstab, as crosstab.<id> (${listed(ids)})`,
  chartNoStyle: 'no style (only charts of kind series have one)',
} as const;

/** `expected` texts of problems in the narrative (markdown sections and evaluation answers). */
export const narrativeText = {
  inlineForm: 'a citation {{ fig("<figure id>", "<unit>") }} or {{ goal("<goal id>", "<unit>") }} with quoted arguments only',
  blockForm: 'a block tag alone on its line: {% chart "<id>" %}, {% model "<id>" %}, {% table "<id>" %}, {% goals %}, {% questions %}, {% methods %} or {% theory_of_change %}',
  noEscape: 'no escape in a quoted argument other than \\" \\\' or \\\\',
  closingQuote: 'a closing quote on the same line',
  openParen: (name: string, form: string) => `"(" after ${name}: ${form}`,
  quotedArgument: (form: string) => `a quoted argument ("…"): ${form}`,
  argumentAfterComma: 'another quoted argument after "," (or no comma)',
  commaOrParen: (name: string) => `"," or ")" after an argument of ${name}`,
  argumentCount: (name: string, max: number, found: number) => `${name} with 1 to ${max} quoted arguments (found ${found})`,
  closeAfterCall: (name: string) => `"}}" right after ${name}(…)`,
  unclosed: (close: string, open: string, form: string) => `"${close}" to close this "${open}" (${form})`,
  noTemplateComment: 'no template comment {# … #}: narrative is text (write a comment in HTML <!-- … --> form, which is not shown, or delete it)',
  blockWithId: (name: string) => `{% ${name} "<id>" %}: the id of the ${name} in quotes`,
  blockWithoutArgument: (name: string) => `{% ${name} %} without an argument`,
  blockId: (name: string, where: string, ids: Iterable<string>) => `the id of a ${name} in ${where} (${listed(ids)})`,
  atInText: (line: number, column: number) => ` (at character ${column}${line > 1 ? ` of line ${line}` : ''} of the text)`,
  startsWithHeading: 'the file to start with a "# Heading": the section title shown in the table of contents',
  typedFigure: (text: string, calls: string[]) => `no result typed by hand: ${text} is a computed figure as printed; cite it with ${calls.join(' or ')}`,
  typedNumber: 'no result typed by hand: cite a computed figure with {{ fig("<figure id>", "<unit>") }}; definitions (ages, lengths of time, thresholds such as "minst 60 procent") may be typed',
  link: 'a link to https:, http:, mailto: or an anchor in the report (#id); this one is shown as text, not as a link',
  sectionFile: 'the narrative file named in sections of the configuration',
  tableCaption: 'every markdown table to have a caption: a paragraph right above it that starts "Tabell:" (or "Table:")',
  // citations resolved against indicators.json
  figureId: (id: string) => `the id of a computed figure: "${id}" is not one (see indicators.json for every id)`,
  unitOrTotal: (unit: string, units: Iterable<string>) => `a reported unit or "total": "${unit}" is not one (${[...units].join(', ')})`,
  figurePart: (part: string) => `part "value", "numerator", "denominator" or "percent", not "${part}"`,
  figureNotComputed: (id: string, unit: string, gender: string, category: string | undefined) =>
    `figure "${id}" for unit "${unit}", gender "${gender}"${category ? ` and category "${category}"` : ''}: it is not computed (a distribution needs its category as the fifth argument, a gender must be all, woman, man or other)`,
  goalIdCited: (id: string, ids: Iterable<string>) => `the id of a goal: "${id}" is not one (${[...ids].join(', ')})`,
  goalUnit: (id: string, unit: string, units: string[]) => `a unit the goal "${id}" is judged for: "${unit}" is not one (${units.join(', ')})`,
  // the scaffold's writing prompts (scripts/scaffold/placeholders.ts)
  placeholder: 'your own text in place of the writing prompt of eval-report new (the build refuses a report that still holds one)',
} as const;

/** Errors while rendering the page model and the charts (a configuration the checks let through). */
export const renderError = {
  /** A warning of Vega or Vega-Lite while a chart is rendered. */
  chartWarning: (warning: string) => `Chart: ${warning}`,
  tableFigure: (table: string, id: string) => `Table "${table}": no figure "${id}" without category (check figure_tables[].figures).`,
  chart: (chart: string, what: string) => `Chart "${chart}": ${what}`,
  noFiguresWithId: (id: string) => `no figures with id "${id}" (check charts[].figures in report.yaml).`,
  noAnswerCategories: (id: string) => `"${id}" has no answer categories.`,
  unknownGoals: (goals: string[]) => `unknown goal ${goals.map((u) => `"${u}"`).join(', ')}.`,
  crosstabOneFigure: "kind crosstab takes exactly one figure id, the crosstab's (crosstab.<id>).",
  noCrosstab: (family: string) => `no crosstab "${family}" (crosstab.<id> of crosstabs in report.yaml).`,
  noValueWithoutCategory: (id: string) => `"${id}" has no value without category for the units shown (a distribution? use kind distribution).`,
  isShare: (id: string) => `"${id}" is a share (use kind shares for shares).`,
  notShare: (id: string) => `"${id}" is not a share (use kind means).`,
  intervalsNotShare: (id: string) => `"${id}" is not a share (kind intervals shows shares).`,
  notSeries: (id: string) => `"${id}" is not a count by period (a series figure such as series.<id>.inflow).`,
  noSeriesFigures: 'no figures for the units shown.',
  tooManySeries: (max: number) => `at most ${max} series (figures × units).`,
  distributionOneFigure: 'kind distribution takes exactly one figure id.',
  noCategories: (id: string) => `"${id}" has no categories.`,
  notCoefficient: (id: string) => `"${id}" is not a model coefficient (model.<model>.<predictor>).`,
  noSvg: 'Vega did not return an SVG document',
  chartFont: (path: string) => `Could not register the chart font ${path}`,
  narrativeProblems: (problems: string[]) => problems.join('; '),
} as const;

/** Problems and errors of the privacy checks (the published site, the data, commits). */
export const privacyText = {
  identityNumberPublished: (where: string) => `no personal identity or coordination number in the published site${where}`,
  idPublished: (slug: string, where: string) => `no participant or respondent id of ${slug} in the published site${where}`,
  freeTextPublished: (line: number, file: string, column: string, where: string) => `no free-text survey answer in the published site: the answer on line ${line} of ${file} (column ${column}) appears here${where}`,
  comesFrom: (source: string | undefined) => (source ? ` (it comes from ${source})` : ''),
  pseudonymousId: 'a pseudonymous id, not a personal identity or coordination number (personnummer/samordningsnummer): replace it with a project id before the data leaves the register',
  dataCommitted: (file: string, marker: string) => `${file}: participant data must not be committed (keep real data outside the repository; a folder of synthetic data carries a ${marker} file)`,
  identityNumberCommitted: (file: string, line: number, masked: string) => `${file} line ${line}: a personal identity or coordination number (${masked})`,
  commitRefused: (problems: string[]) => `Commit refused: ${problems.length} problem(s).\n${problems.map((p) => `  ${p}`).join('\n')}`,
  notGitTop: (repo: string) => `${repo} is not the top folder of a git repository`,
  hookInstalled: (hook: string) => `Installed ${hook}`,
} as const;

/** Problems of the published outputs read back (a previous version's indicators.json). */
export const publishText = {
  indicatorsFile: 'an indicators.json file at this path (the indicators.json of a built report)',
  validJson: (detail: string) => `valid JSON (${detail})`,
  asInIndicators: (what: string) => `${what}, as in an indicators.json of a built report (schemas/indicators.schema.json)`,
  previousVersion: (slug: string, shown: string) => `the path of the previous version's indicators.json, relative to content/${slug}/ (${shown} does not exist)`,
} as const;

/** `expected` texts of problems in the data files and the files a project names (step 1, scripts/read/). */
export const readText = {
  // the files themselves
  configFile: 'a report configuration file (see docs/config.md)',
  tableFile: (table: string, configFile: string) => `the ${table} file named in tables.${table}.file of ${configFile}`,
  insideProject: (throughLink: boolean) => `a file inside the project folder (this path leads outside it${throughLink ? ', through a symbolic link' : ''}: copy the file into the project instead)`,
  notAFolder: 'a file here, not a folder',
  regularFile: 'a regular file here (this is a device, a pipe or a socket)',
  inputSize: (mb: number) => `an input file of at most ${mb} MB (set EVAL_REPORT_MAX_INPUT_MB to raise the limit, or split the file by year or unit)`,
  notZip: 'a readable .xlsx workbook (this file is not a zip archive: save it again from Excel as .xlsx)',
  xlsxSize: (mb: number) => `an .xlsx workbook that unpacks to at most ${mb} MB (set EVAL_REPORT_MAX_XLSX_MB to raise the limit, or export the sheet as CSV)`,
  zipDamaged: 'a readable .xlsx workbook (its zip directory is damaged)',
  xlsxReadable: (sheet: string | undefined, detail: string) => `a readable .xlsx workbook${sheet ? ` with a sheet named "${sheet}"` : ''} (${detail})`,
  logoFile: (key: string) => `the logo file named in ${key}`,
  logoSize: (maxKb: number, kb: number) => `a logo of at most ${maxKb} kB (this one has ${kb} kB)`,
  // text and CSV
  nulBytes: 'a text file in UTF-8 or Windows-1252 (this file has NUL bytes: UTF-16 without a byte order mark, UTF-32 or not text at all; save it again as "CSV UTF-8")',
  undefinedByte: 'UTF-8 or Windows-1252 text (this byte is neither; save the file again as "CSV UTF-8")',
  sepLine: 'sep=; or sep=, or a tab after sep=',
  headerLine: 'a header line naming the columns (the file is empty)',
  headerRow: 'a header row naming the columns (the sheet is empty)',
  delimiter: 'columns separated by ";", "," or tab in the header line (no known delimiter found)',
  closingQuote: 'a closing quote (") for the quote opened on this line; the rest of the file could not be read',
  quoting: (detail: string) => `well-formed CSV quoting: a field is either fully quoted ("…", with "" for a quote inside) or has no quotes (${detail}); the rest of the file could not be read`,
  fieldCount: (width: number, found: number) => `${width} fields like the header (found ${found}); check for a stray delimiter or a missing quote`,
  moreProblems: (n: number) => `no further problems (${n} more were found and not listed)`,
  // the header
  headerIsData: 'column names in the first line: this line holds a personal identity or coordination number, so it looks like a data row (is the header line missing?)',
  headerNames: (names: string) => `the header has: ${names}`,
  headerNotNames: (fields: number) => `the header line has ${fields} fields, not shown: they do not look like column names (check the line ends and the delimiter)`,
  oneColumnNamed: (header: string, count: number) => `one column named "${header}" (the header has ${count}; they may disagree, so none is chosen: remove or rename the others)`,
  singleSource: (name: string, table: string, configFile: string, header: string) => `a single source for canonical column ${name}: tables.${table}.columns of ${configFile} maps it to "${header}", and the file also has a column named "${name}" (rename or remove one)`,
  /** `canonical`: the contract's name of the column, or null for a column the configuration adds (a survey question). */
  columnNamed: (header: string, canonical: string | null, table: string, configFile: string, headerList: string) =>
    `a column named "${header}"${canonical ? ` (canonical column ${canonical}; rename it in tables.${table}.columns of ${configFile} if the export calls it something else)` : ''}; ${headerList}`,
  birthYearOrAge: (configFile: string) => `a birth year or an age-at-entry column (map birth_year or age_at_entry in tables.participants.columns of ${configFile})`,
  surveyQuestionColumn: (id: string, configFile: string) => `a column for survey question "${id}" (survey.questions[].column of ${configFile})`,
  correctedColumn: (header: string, index: number, configFile: string, column: string) => `a column "${header}" in the file, since corrections[${index}] of ${configFile} sets ${column}`,
  // values
  mappedValue: (mapPath: string, listed: string[], raw: string) => `a value listed in ${mapPath} (${listed.join(', ')}); add "${raw}: <canonical value>" there if it is valid`,
  allowedValue: (allowed: readonly string[], mapPath: string | null) => `one of ${allowed.join(', ')}${mapPath ? `, or a mapping for it in ${mapPath}` : ''}`,
  requiredValue: (name: string) => `a value (column ${name} is required)`,
  scaleAnswer: (scale: string[], configFile: string) => `an answer of the question's scale (${scale.join(', ')}) as listed in survey.questions of ${configFile}`,
  wholeNumber: 'a whole number',
  number: 'a number (decimal comma or point, spaces allowed between thousands)',
  zeroOrMore: 'a number of zero or more',
  // rows
  idOnce: (firstLine: number) => `a participant id used only once (already on line ${firstLine})`,
  knownParticipant: 'the id of a participant in the participants file',
  knownUnit: (configFile: string, units: string[]) => `one of the units in units.items of ${configFile} (${units.join(', ')}), or a mapping in tables.participants.values.unit`,
  exitAfterEntry: (entry: string) => `an exit date on or after the entry date (${entry})`,
  endAfterStart: (start: string) => `an end date on or after the start date (${start})`,
  statusAtExit: 'a status at exit for a participant with an exit date',
  exitDateForStatus: 'an exit date, since a status at exit is given',
  ageAtEntry: 'an age at entry between 10 and 100 years',
  textAt: (expected: string, column: number) => `${expected} (at character ${column} of the answer's text)`,
} as const;

// ── Statistics, example generators, benchmarks, shared modules; internal errors ──────────────

/** Errors of the estimators (scripts/stats) when called with data they cannot take. */
export const statsText = {
  notNumber: (name: string, value: string) => `designFromRows: '${name}' should be a number, got ${value}.`,
  notIndicator: (name: string, value: string) => `designFromRows: '${name}' should be 0/1 or true/false, got ${value}.`,
  levelTwice: (name: string) => `designFromRows: '${name}' lists a level twice.`,
  /** `reference`: undefined when no level has a value to choose it by. */
  referenceNotLevel: (reference: string | undefined, name: string, levels: string[]) =>
    `designFromRows: the reference ${reference === undefined ? '(none: no level has a value)' : `'${reference}'`} of '${name}' is not one of its levels (${levels.join(', ')}).`,
  predictorLength: (name: string, values: number, outcome: number) => `Predictor '${name}' has ${values} values, the outcome ${outcome}.`,
  predictorNameTwice: (name: string) => `Predictor name '${name}' is used twice (or is reserved).`,
  positiveCount: (which: string, value: number) => `twoProportions: ${which} must be a positive integer, got ${value}.`,
  countWithin: (which: string, total: string, value: number) => `twoProportions: ${which} must be an integer in 0..${total}, got ${value}.`,
  binaryOutcome: (value: number) => `logit: the outcome must be 0 or 1 (or missing), found ${value}.`,
} as const;

/** Errors of the example data generators (npm run generate). */
export const generateText = {
  unknownExample: (slug: string, known: string[]) => `Unknown example "${slug}". Known: ${listed(known)}`,
} as const;

/** Errors of the benchmarks (npm run bench). */
export const benchText = {
  fitFailed: (message: string) => `benchFit: a fit failed (${message}).`,
  /** `error`: why the command could not run, or null when it ran and exited with `status`. */
  jobFailed: (label: string, error: string | null, status: number | null, output: string) => `${label} failed (${error ?? `exit ${status}`}):\n${output}`,
} as const;

/** Errors of the colour palette (scripts/palette.ts). */
export const paletteText = {
  noDivergingPalette: (n: number) => `No diverging palette for a scale of ${n} answers (2–7 are supported).`,
} as const;

/** The message of an InternalError (scripts/problems.ts): an invariant that only a bug in the tool can break. */
export const internalText = {
  bug: (detail: string) => `internal error (a bug in eval-report, please report it): ${detail}`,
} as const;

// ── The command line, the site build and the PDF (scripts/cli, scripts/site, scripts/pdf) ──

/** How a project folder may be named (scripts/site/projects.ts, and `eval-report new`). */
const PROJECT_NAME_RULE = 'lower-case letters a–z, digits and single hyphens, such as "mitt-projekt-2025"';

/** Usage and environment errors of the command line (scripts/cli/): one line each, said before the usage. */
export const cliText = {
  unknownOption: (option: string) => `unknown option ${option}`,
  /** `option` undefined: parseArgs did not name it. */
  optionValue: (option: string | undefined, missing: boolean) => `${option ?? 'an option'} ${missing ? 'needs a value' : 'takes no value'}`,
  missingOperands: (operands: string) => `missing ${operands}`,
  tooManyOperands: (extra: string[]) => `too many operands: ${extra.map((p) => JSON.stringify(p)).join(' ')}`,
  unknownProjects: (named: string[], contentDir: string, projects: string[]) => `no project ${named.map((s) => JSON.stringify(s)).join(', ')} in ${contentDir} (projects: ${projects.join(', ') || 'none'})`,
  noProjects: (contentDir: string, newCommand: string) => `no project in ${contentDir}: make one with ${newCommand}`,
  wholeNumber: (option: string, min: number, max: number, text: string) => `--${option} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`,
  // build
  shardSyntax: (shard: string) => `--shard takes i/n with 1 ≤ i ≤ n, such as 2/3, not ${JSON.stringify(shard)}`,
  shardEmpty: (shard: string, projects: number) => `--shard ${shard}: there are only ${projects} project(s), so this part has none`,
  /** A build that failed for want of a working browser: its error's text, then what became of the site. */
  browserFailed: (detail: string) => `${detail}\nThe previous site was left untouched.`,
  // new
  unusableProjectName: (slug: string) => `"${slug}" is not a usable project name: use ${PROJECT_NAME_RULE}.`,
  folderExists: (dir: string) => `${dir} already exists: choose another name, or remove the folder first. Nothing was written.`,
  // serve
  portInUse: (port: number, another: string) => `port ${port} is in use: choose another with ${another}`,
  portNeedsPrivileges: (port: number) => `port ${port} needs privileges this user lacks: choose one above 1023 with --port`,
  // generate-portfolio
  portfolioRoot: '--root <dir> is required: the portfolio is written into a folder of its own',
  contentNotEmpty: (contentDir: string) => `${contentDir} is not empty: generate a portfolio into a new folder`,
  // bench
  benchGroups: (groups: string[], wrong: string[]) => `--only takes ${groups.join(', ')}, not ${wrong.join(', ')}`,
  benchLinuxOnly: 'npm run bench measures CPU time from /proc: it runs on Linux only',
} as const;

/** Problems and errors of the site build (scripts/site/): project names, references, shards, the data workers. */
export const siteText = {
  reservedProjectName: (reserved: string[]) => `a project folder name other than ${reserved.map((r) => `"${r}"`).join(' and ')}, which are the site's own folders (its stylesheet and fonts, the portfolio's pages): rename the folder in content/ and data/`,
  projectName: `a project folder name of ${PROJECT_NAME_RULE}: rename the folder in content/ and data/`,
  identityNumberInText: 'no personal identity or coordination number (personnummer/samordningsnummer) in the configuration or the narrative: it would be published',
  chartFits: (detail: string) => `a chart its figures fit: ${detail}`,
  figureTableIds: (detail: string) => `the ids of computed figures without category: ${detail}`,
  /** The message of the error that holds several errors behind one report's problems (its `errors`). */
  resolveErrors: (n: number) => `${n} errors behind the problems of the report's references`,
  noAxeViolation: 'no WCAG 2.1 A or AA violation (axe-core)',
  /** `reason`: the message of the error it stopped on, if it reported one. */
  dataWorkerStopped: (code: number, reason: string | undefined) => `a data worker stopped (exit code ${code})${reason ? `: ${reason}` : ''}`,
  // shards and assemble
  shardOutput: 'the output folder of a finished `eval-report build --shard i/n` (it writes build-cache.json)',
  manifestUnreadable: 'missing or unreadable',
  noSuchFolder: 'no such folder',
  /** build-cache.json read but not one this version writes. */
  manifestFormat: (file: string) => `${file} is not a build manifest this version reads (format 1, with a key per project)`,
  shardProject: 'a project whose folder with indicators.json is in the shard',
  oneShardOnly: (other: string) => `each project in one shard only (it is also in ${other})`,
} as const;

/** Errors of printing a page to PDF, of Chromium, and the problems of a printed PDF read back (scripts/pdf/, site/verify-site.ts). */
export const pdfText = {
  chromiumStart: (path: string, detail: string, installHint: string) => `Could not start Chromium at ${path}: ${detail}\n${installHint}`,
  profileNotRemoved: (dir: string, detail: string) => `Could not remove the temporary Chromium profile ${dir}: ${detail}`,
  // loading the page
  httpStatus: (url: string, status: number) => `Loading ${url} gave HTTP ${status}`,
  fontsFailed: (url: string, fonts: string[]) => `Fonts failed to load in ${url}: ${fonts.join('; ')}`,
  resourcesFailed: (url: string, failed: string[]) => `Resources of ${url} failed to load:\n  ${failed.join('\n  ')}`,
  /** One failed resource; `error` undefined: the browser gave no reason. */
  requestFailed: (url: string, error: string | undefined) => `${url} (${error ?? 'failed'})`,
  responseStatus: (url: string, status: number) => `${url} (HTTP ${status})`,
  // links
  refusedLinks: (url: string, schemes: string[]) => `${url} has links that a PDF must not hold (only https:, http:, mailto: and anchors): ${schemes.join(', ')}`,
  refusedActions: (url: string, actions: string[]) => `The PDF of ${url} has link actions that are not allowed (only https:, http:, mailto: and anchors): ${actions.join(', ')}`,
  refusedAction: (page: number, scheme: string) => `page ${page}: ${scheme}`,
  /** A refused link shown by its scheme; this when it has none. */
  linkWithoutScheme: 'a link',
  // the table of contents
  tocProblems: (url: string, problems: string[]) => `Table of contents of ${url}: ${problems.join('; ')}`,
  tocWithoutId: 'a [data-toc-page] element has no id value',
  tocNoElement: (id: string) => `no element has id "${id}"`,
  tocNoLink: (id: string) => `no link <a href="#${id}"> (Chromium only makes destinations for linked ids)`,
  noDestination: (ids: string[]) => `The PDF has no named destination for ${ids.map((id) => `#${id}`).join(', ')}: each [data-toc-page] id needs an element with that id and a link <a href="#id"> to it (Chromium writes destinations only for linked ids).`,
  tocMoving: (passes: number, url: string, moved: string[]) => `Table of contents page numbers still move after ${passes} prints of ${url} (${moved.join(', ')}).`,
  tocMoved: (id: string, before: number, after: number) => `#${id}: ${before} → ${after}`,
  bookmarksForHeadings: (bookmarks: number, headings: number) => `PDF: ${bookmarks} bookmarks for ${headings} headings of the page (every bookmark should be one heading)`,
  // the printed PDF read back (`expected` texts)
  withPages: 'a PDF with pages',
  tagged: 'a tagged PDF (a structure tree for screen readers)',
  language: (language: string) => `the document language ${language}`,
  title: 'the report title as the document title',
  bookmarks: 'bookmarks (an outline) for the chapters',
  chartAlts: (charts: number) => `an alternative text on each of the ${charts} chart(s)`,
} as const;

/**
 * What a PDF does not hold that its readers expect (scripts/pdf/light.ts, outline.ts): the light
 * reader then leaves the file to pdfjs, and the outline's rewrite refuses it.
 */
export const pdfSyntax = {
  keyNotName: 'a dictionary key that is not a name',
  unexpectedToken: (at: number) => `an unexpected token at ${at}`,
  noXrefTable: 'no classic cross-reference table',
  noTrailer: 'no trailer',
  objectMisplaced: (n: number) => `object ${n} is not where the cross-reference table says`,
  dictionaryExpected: 'a dictionary was expected',
  pageNodeNotRef: 'a page tree node that is not a reference',
  pageNodeWithoutKids: 'a page tree node without kids',
  destinationNameTree: 'a name tree of destinations: left to pdfjs',
  structureTooDeep: 'a structure tree too deep',
  objectNotFound: (n: number) => `PDF: object ${n} not found`,
  noStartxref: 'PDF: no trailer with startxref (a cross-reference stream is not supported)',
  noRootOrSize: 'PDF: the trailer names no /Root or /Size',
  notAStream: (n: number) => `object ${n} is not a stream with a direct length`,
  streamFilter: (n: number, filter: string) => `stream ${n} is encoded with ${filter}, not FlateDecode`,
  tocRuns: (found: number, wanted: number) => `${found} of ${wanted} page-number placeholders found as simple text runs`,
  tocStrayRun: (page: number, text: string) => `a run "${text}" on page ${page} that is not the next placeholder`,
  tocDigitMissing: (digit: string) => `the digit ${digit} is not among the placeholders' glyphs`,
  tocDigitTwice: (digit: string) => `the digit ${digit} drawn with two glyphs`,
  tocStreamDict: (n: number) => `content stream ${n} has more than /Filter /FlateDecode and /Length`,
  tocLayout: 'the page numbers take other space on the page than their placeholders',
  tocTrailer: 'a trailer with more than /Size, /Root, /Info and /Prev',
} as const;

// ── What the commands say while they work and when they end (scripts/cli, scripts/site, scripts/pdf) ──

const ms = (t: number) => `${Math.round(t)} ms`;
const printPasses = (n: number) => `${n} ${n === 1 ? 'pass' : 'passes'}`;

/** Progress and result lines of the commands; the failures' heads before their problems. */
export const statusText = {
  // build
  startingChromium: 'Starting Chromium for the PDF …',
  chromiumStarted: (waited: number) => `Chromium started (with the data step; the PDF waited ${ms(waited)} for it).`,
  unchanged: (kept: number, all: number, manifest: string) => `${kept} of ${all} project(s) unchanged since the last build (${manifest}): their output is kept.`,
  dataSteps: (projects: number, threads: number, took: number) => `Data steps: ${projects} projects in ${threads} thread(s) (${ms(took)}).`,
  pagesWritten: (took: number) => `Pages written (${ms(took)}).`,
  printingPass: (pass: number) => `printing pass ${pass}…`,
  passPrinted: (pass: number, pages: number, print: number, readBack: number) => `pass ${pass}: ${pages} pages (print ${ms(print)}, read back ${ms(readBack)})`,
  tocMoved: 'table of contents numbers moved: printing once more',
  tocInPlace: (took: number) => `table of contents numbered in place (${ms(took)})`,
  tocNotInPlace: (why: string) => `table of contents printed again: ${why}`,
  printedTo: (pages: number, passes: number, took: number, file: string) => `${pages} pages, ${printPasses(passes)}, ${ms(took)} → ${file}`,
  pdfPrinted: (slug: string, pages: number, passes: number, took: number) => `${slug}: ${slug}.pdf, ${pages} pages, ${printPasses(passes)} (${ms(took)})`,
  pdfChecked: (slug: string, took: number) => `${slug}: accessibility and PDF checks (${ms(took)})`,
  pdfsPrinted: (reports: number, tabs: number, took: number) => `PDFs printed and checked: ${reports} in ${tabs} tab(s) (${ms(took)}).`,
  scanClean: (took: number) => `Personal-data scan: clean (${ms(took)}).`,
  built: (reports: number, outDir: string, took: number) => `Built ${reports} report(s) into ${outDir} in ${(took / 1000).toFixed(1)} s.`,
  buildFailedHead: 'Build failed',
  buildFailed: (head: string, problems: number, listed: string, check: string) => `${head}: the input has ${problems} problem(s). The previous site was left untouched.\n\n${listed}\n\n${check} lists them without building.`,
  warning: (line: string) => `warning: ${line}`,
  ofProject: (slug: string, line: string) => `${slug}: ${line}`,
  refusedUntilReplaced: (slug: string, n: number, listed: string) => `${slug}: warning, the build will refuse ${n === 1 ? 'this' : 'these'} until replaced:\n${listed}`,
  // assemble
  fromShards: (projects: number, shards: number) => `${projects} project(s) from ${shards} shard(s).`,
  sitePagesChecked: (pages: number) => `Index and portfolio pages checked (axe-core, ${pages} pages): no violation.`,
  assembled: (reports: number, outDir: string) => `Assembled ${reports} report(s) into ${outDir}.`,
  assembleFailedHead: 'Assemble failed',
  assembleFailed: (head: string, problems: number, listed: string) => `${head}: ${problems} problem(s). The previous site was left untouched.\n\n${listed}`,
  // check
  noProblems: 'No problems found.',
  allPassed: (projects: number) => `All ${projects} project(s) passed.`,
  someFailed: (failed: number, projects: number) => `${failed} of ${projects} project(s) have problems.`,
  // serve
  buildingPreview: 'Building the preview (pages only, no PDF) …',
  previewAt: (url: string, pages: string[]) => `\nPreview at ${url}\n${pages.map((p) => `  ${p}`).join('\n')}\nWatching content/, data/ and templates/; the browser reloads on every save. Ctrl+C stops.`,
  rebuilt: (slugs: string[], took: number) => `Rebuilt ${slugs.join(', ')} in ${ms(took)}.`,
  previewBuildFailed: (detail: string) => `Build failed (the preview shows the problems; the server keeps running):\n${detail}`,
  // new, schema, generate-portfolio, diff
  created: (slug: string, files: string[]) => `Created project "${slug}":\n${files.map((f) => `  ${f}`).join('\n')}\n`,
  nextSteps: (checklist: string, commands: string[]) => `Next: open ${checklist} (the checklist), then\n${commands.map((c) => `  ${c}`).join('\n')}`,
  wroteSchema: 'Wrote schemas/indicators.schema.json',
  wroteContractTables: 'Wrote the column tables of docs/data-contract.md',
  portfolioWritten: (projects: number, root: string, participants: number) => `Wrote ${projects} projects into ${root} (${participants} generated MIA Vidare participants in all).`,
  cannotCompare: (listed: string) => `Cannot compare the two files:\n${listed}`,
  // failures of a command
  commandHead: (command: string) => `eval-report ${command}:`,
  failed: (head: string, message: string) => `${head} ${message}`,
  usageError: (head: string, message: string, usage: string, command: string) => `${head} ${message}\n${usage}\nRun "eval-report ${command} --help" for the options.`,
  unexpected: (head: string, message: string) => `${head} ${message}\nSet EVAL_REPORT_DEBUG=1 to see where it failed.`,
  unknownCommandName: (name: string) => `unknown command "${name}"`,
  /** `what`: cliText.unknownOption or unknownCommandName. */
  unknownCommand: (head: string, what: string, commands: string[]) => `${head} ${what} (commands: ${commands.join(', ')})\nUsage: eval-report <command> [options]\nRun "eval-report --help" for more.`,
} as const;
