// What a project's raw data holds that must never be published: participant and respondent ids
// and free-text survey answers. Collected by the loader, kept beside the indicators (never in
// them) and used by the final scan of the built site (scan-site.ts).
import type { Indicators } from '../publish/indicators-schema.ts';
import { isIdentityNumber, maskIdentityNumber } from './personnummer.ts';
import type { Problem } from '../problems.ts';
import { privacyText } from '../problem-messages.ts';

export interface Secrets {
  ids: string[];
  freeText: Array<{ text: string; file: string; line: number; column: string }>;
}

export const secretsOf = new WeakMap<Indicators, Secrets>();

/** A participant or respondent id that is a personal identity or coordination number is refused. */
export function identityNumberProblem(id: string | null, line: number, column: string): Omit<Problem, 'file'> | null {
  if (id === null || !isIdentityNumber(id)) return null;
  return { line, column, value: maskIdentityNumber(id), expected: privacyText.pseudonymousId };
}
