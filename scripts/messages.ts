// Every fixed text the tool writes into a report, per language. Nothing else hard-codes a
// user-facing string; test/messages.test.ts fails when a key is missing in either language.

export const messages = {
  sv: {
    'figure.participants.enrolled': 'Inskrivna deltagare',
    'figure.participants.exited': 'Avslutade deltagare',
    'figure.participants.still_enrolled': 'Fortfarande inskrivna deltagare',
    'figure.participants.women': 'Andel kvinnor',
    'figure.months_mean': 'genomsnittligt antal månader',
    'figure.hours_mean': 'genomsnittligt antal timmar',
    'figure.months_sum': 'summa månader',
    'figure.hours_sum': 'summa timmar',
    'figure.rows': 'antal registrerade perioder',
    'figure.survey.respondents': 'Svarande i enkäten',
    'figure.positive': 'andel positiva svar',
    'unit.total': 'Totalt',
  },
  en: {
    'figure.participants.enrolled': 'Participants enrolled',
    'figure.participants.exited': 'Participants exited',
    'figure.participants.still_enrolled': 'Participants still enrolled',
    'figure.participants.women': 'Share of women',
    'figure.months_mean': 'mean number of months',
    'figure.hours_mean': 'mean number of hours',
    'figure.months_sum': 'total months',
    'figure.hours_sum': 'total hours',
    'figure.rows': 'number of registered periods',
    'figure.survey.respondents': 'Survey respondents',
    'figure.positive': 'share of positive answers',
    'unit.total': 'Total',
  },
} as const satisfies Record<'sv' | 'en', Record<string, string>>;

export type Language = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['sv'];

export function t(language: Language, key: MessageKey): string {
  return messages[language][key];
}
