// The survey and the costs: tables not linked to participants. A survey's answers are checked
// against each question's scale; its free-text answers are read only to make sure that none of
// them reaches the output (kept among the secrets the site is scanned for).
import type { Config } from '../config/schema.ts';
import type { Cost, SurveyResponse } from '../config/contract.ts';
import { identityNumberProblem, type Secrets } from '../privacy/secrets.ts';
import type { ExtraColumns, RowReader } from './table-files.ts';
import { readText } from '../problem-messages.ts';

export function surveyRows(config: Config, secrets: Secrets, configShown: string): RowReader<SurveyResponse, 'survey'> {
  const questions = config.survey?.questions ?? [];
  const freeText = config.survey?.free_text ?? [];
  const extra: ExtraColumns = {};
  for (const q of questions) extra[`q:${q.id}`] = { type: { kind: 'string' }, required: false, header: q.column, scale: q.scale };
  for (const h of freeText) extra[`free:${h}`] = { type: { kind: 'string' }, required: false, header: h };
  const file = config.tables.survey?.file ?? '';
  return {
    extra,
    prepare: (r) => {
      const cols = questions.map((q) => [q.id, r.column(`q:${q.id}`)] as const);
      const [cId, cSurvey] = [r.column('respondent_id'), r.column('survey')];
      const free = freeText.map((h) => r.column(`free:${h}`));
      return (f, line) => {
        const answers: Record<string, string | null> = {};
        let answered = false;
        for (const [id, c] of cols) answered = (answers[id] = c.get(f, line)) !== null || answered;
        for (const c of free) {
          const text = c.get(f, line);
          if (text === null) continue;
          answered = true;
          secrets.freeText.push({ text, file, line, column: c.header });
        }
        const respondentId = cId.get(f, line);
        const pnr = identityNumberProblem(respondentId, line, cId.header);
        if (pnr) r.problems.add(pnr);
        return { respondentId, survey: cSurvey.get(f, line), answers, answered };
      };
    },
    check: (r) => {
      for (const q of questions) if (!r.column(`q:${q.id}`).present) r.problems.add({ line: r.headerLine, column: q.column, expected: readText.surveyQuestionColumn(q.id, configShown) });
    },
  };
}

export function costRows(): RowReader<Cost, 'costs'> {
  return {
    prepare: (r) => {
      const [cYear, cItem, cAmount, cBudget] = [r.column('year'), r.column('item'), r.column('amount_sek'), r.column('budget_sek')] as const;
      return (f, line) => {
        const year = cYear.get(f, line);
        const item = cItem.get(f, line);
        const amountSek = cAmount.get(f, line);
        if (year === null || item === null || amountSek === null) return null;
        return { year, item, amountSek, budgetSek: cBudget.get(f, line) };
      };
    },
  };
}
