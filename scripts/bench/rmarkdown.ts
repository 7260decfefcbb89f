// The R Markdown peer of the build benchmark (npm run bench): writes an R Markdown document
// comparable to the MIA Vidare report (the same narrative text, so the same text length, every
// cited figure computed inline by R, and 12 ggplot2 charts computed from the same raw CSVs) and
// says how to render it to HTML. A benchmark peer, not part of the report generator.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The twelve charts, one R chunk each: an aggregation of the raw data and a ggplot. */
const CHARTS: Array<[string, string]> = [
  ['referral_municipality', 'd <- aggregate(kommun ~ enhet + kon, p, mean)\nggplot(d, aes(enhet, kommun, fill = kon)) + geom_col(position = "dodge") + scale_y_continuous(labels = scales::percent)'],
  ['entry_income', 'd <- as.data.frame(prop.table(table(enhet = p$enhet, inkomst = p$inkomst), 1))\nggplot(d, aes(inkomst, Freq, fill = enhet)) + geom_col(position = "dodge") + coord_flip()'],
  ['time_in_support', 'p$band <- cut(p$manader, c(-Inf, 11, 83, Inf), labels = c("< 1 år", "1–6 år", "> 6 år"))\nd <- as.data.frame(prop.table(table(enhet = p$enhet, band = p$band), 1))\nggplot(d, aes(band, Freq, fill = enhet)) + geom_col(position = "dodge")'],
  ['training_months', 'd <- aggregate(Månader ~ Arbetsplats + enhet, tr, mean)\nggplot(d, aes(enhet, Månader, fill = Arbetsplats)) + geom_col(position = "dodge")'],
  ['training_hours', 'd <- aggregate(Timmar ~ Arbetsplats + enhet, tr, mean)\nggplot(d, aes(enhet, Timmar, fill = Arbetsplats)) + geom_col(position = "dodge")'],
  ['goal_attainment', 'd <- aggregate(malbefattning ~ enhet, ut, mean)\nggplot(d, aes(enhet, malbefattning)) + geom_col() + geom_hline(yintercept = 0.4, linetype = 2) + scale_y_continuous(labels = scales::percent)'],
  ['exit_outcomes', 'd <- aggregate(cbind(arbete_studier, ordinarie, malbefattning, arbetssokande) ~ enhet, ut, mean)\nd <- reshape(d, direction = "long", varying = 2:5, v.names = "andel", timevar = "utfall", times = names(d)[2:5])\nggplot(d, aes(utfall, andel, fill = enhet)) + geom_col(position = "dodge") + coord_flip()'],
  ['exit_details', 'd <- as.data.frame(prop.table(table(enhet = ut$enhet, status = ut$status), 1))\nggplot(d[d$status %in% c("Anställning", "Praktik", "Studier"), ], aes(status, Freq, fill = enhet)) + geom_col(position = "dodge")'],
  ['training_share', 'p$asf <- p$id %in% tr$id[tr$Arbetsplats == "ASF"]\np$extern <- p$id %in% tr$id[tr$Arbetsplats == "Extern arbetsgivare"]\nd <- aggregate(cbind(asf, extern) ~ enhet, p, mean)\nd <- reshape(d, direction = "long", varying = 2:3, v.names = "andel", timevar = "plats", times = c("ASF", "Extern"))\nggplot(d, aes(plats, andel, fill = enhet)) + geom_col(position = "dodge")'],
  ['survey_answers', 'd <- do.call(rbind, lapply(3:5, function(j) data.frame(fraga = names(e)[j], svar = e[[j]])))\nggplot(d, aes(fraga, fill = svar)) + geom_bar(position = "fill") + coord_flip()'],
  ['model_coefficients', 'm <- lm(malbefattning ~ asf + extern + alder + utbildning + manader + kvinna, data = merge(ut, p[, c("id", "asf", "extern")], by = "id"))\nd <- data.frame(term = names(coef(m))[-1], est = coef(m)[-1], se = sqrt(diag(vcov(m)))[-1])\nggplot(d, aes(term, est)) + geom_pointrange(aes(ymin = est - 1.96 * se, ymax = est + 1.96 * se)) + coord_flip()'],
  ['entries_over_time', 'p$kvartal <- format(p$in_datum, "%Y-%m")\nd <- as.data.frame(table(kvartal = p$kvartal, enhet = p$enhet))\nggplot(d, aes(kvartal, Freq, colour = enhet, group = enhet)) + geom_line() + theme(axis.text.x = element_text(angle = 90))'],
];

/** Reads the raw CSVs and derives the columns the chunks and the inline figures use. */
const SETUP = (dataDir: string) => `\`\`\`{r setup, include = FALSE}
library(ggplot2)
knitr::opts_chunk$set(echo = FALSE, fig.width = 7, fig.height = 4)
dir <- ${JSON.stringify(dataDir)}
p <- read.csv2(file.path(dir, "deltagare.csv"), fileEncoding = "UTF-8", check.names = FALSE)
a <- read.csv2(file.path(dir, "aktiviteter.csv"), fileEncoding = "latin1", check.names = FALSE)
e <- read.csv2(file.path(dir, "enkat.csv"), fileEncoding = "UTF-8-BOM", check.names = FALSE)
p$id <- p[["Deltagar-ID"]]; p$enhet <- p$Delprojekt; p$kon <- p[["Kön"]]; p$kvinna <- p$kon == "K"
p$kommun <- p[["Anvisad av"]] == "Kommunen"; p$inkomst <- p[["Försörjning vid inskrivning"]]
p$manader <- p[["Månader i offentlig försörjning"]]; p$alder <- 2022 - p[["Födelseår"]]; p$utbildning <- p$Utbildning
p$in_datum <- as.Date(p$Inskrivningsdatum); p$ut_datum <- as.Date(p$Utskrivningsdatum)
ut <- p[!is.na(p$ut_datum), ]; ut$status <- ut[["Status vid avslut"]]
ut$arbete_studier <- ut$status %in% c("Anställning", "Subventionerad anställning", "Eget företag", "Studier")
ut$ordinarie <- ut$status == "Ordinarie insats"; ut$arbetssokande <- ut$status == "Arbetssökande"
ut$malbefattning <- ut$status %in% c("Anställning", "Praktik", "Studier", "Lärling")
tr <- a[a$Insats == "Arbetsträning", ]; tr$id <- tr[["Deltagar-ID"]]
tr$enhet <- p$enhet[match(tr$id, p$id)]
procent <- function(x) paste0(format(round(100 * mean(x)), big.mark = " "), " %")
\`\`\``;

/** The narrative with its template tags as R: a citation becomes an inline R figure, a chart tag a chunk. */
function narrativeAsRmd(markdown: string, next: () => [string, string] | undefined): string {
  return markdown
    .replace(/\{\{\s*fig\([^}]*\)\s*\}\}/g, '`r procent(ut$malbefattning)`')
    .replace(/\{\{\s*goal\([^}]*\)\s*\}\}/g, '`r if (mean(ut$malbefattning) >= 0.4) "uppnått" else "inte uppnått"`')
    .replace(/\{%\s*chart\s+"[^"]*"\s*%\}/g, () => chunk(next()))
    .replace(/\{%[^%]*%\}/g, '');
}

function chunk(chart: [string, string] | undefined): string {
  return chart ? `\`\`\`{r ${chart[0].replace(/_/g, '-')}}\n${chart[1]}\n\`\`\`` : '';
}

/**
 * Writes `<dir>/report.Rmd` for the project's narrative files (in the order of report.yaml's
 * chapters) and returns its path. The charts not placed by a chart tag come at the end.
 */
export function writeRmarkdownPeer(contentDir: string, dataDir: string, chapters: string[], dir: string): string {
  mkdirSync(dir, { recursive: true });
  let i = 0;
  const next = () => CHARTS[i++];
  const body = chapters.map((f) => narrativeAsRmd(readFileSync(join(contentDir, f), 'utf8'), next)).join('\n\n');
  const rest = CHARTS.slice(i).map((c) => chunk(c)).join('\n\n');
  const file = join(dir, 'report.Rmd');
  writeFileSync(file, `---\ntitle: "MIA Vidare (R Markdown peer)"\noutput: html_document\n---\n\n${SETUP(dataDir)}\n\n${body}\n\n## Fler diagram\n\n${rest}\n`);
  return file;
}

/** The command that renders it to HTML (R Markdown's default: pandoc, a self-contained page). */
export function rmarkdownCommand(file: string): [string, string[]] {
  return ['Rscript', ['-e', `rmarkdown::render(${JSON.stringify(file)}, output_format = "html_document", quiet = TRUE)`]];
}
