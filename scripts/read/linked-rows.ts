// The tables whose rows name a participant: activities (a register's millions of rows, kept by
// column in ActivityTable) and follow-ups. Each row is checked and resolved to its participant's
// index; a row of a participant a correction excluded is dropped with it.
import type { Activity, Followup, Participant } from '../config/contract.ts';
import { EXCLUDED, type ParticipantIds } from './participant-ids.ts';
import type { RowReader } from './table-files.ts';
import { readText } from '../problem-messages.ts';

export function activityRows(ids: ParticipantIds, participants: readonly Participant[]): RowReader<Activity, 'activities'> {
  return {
    prepare: (r) => {
      const [cId, cAct, cStart, cEnd, cMonths, cHours, cProvider, cResult] = [
        r.column('participant_id'), r.column('activity'), r.column('start_date'), r.column('end_date'), r.column('months'), r.column('hours'), r.column('provider'), r.column('result'),
      ] as const;
      return (f, line) => {
        const participantId = cId.get(f, line);
        const participant = ids.indexOf(r, cId, participantId, line, 'activities');
        if (participant === EXCLUDED) return null;
        const activity = cAct.get(f, line);
        const startDate = cStart.get(f, line);
        const endDate = cEnd.get(f, line);
        if (startDate !== null && endDate !== null && endDate < startDate) r.problems.add({ line, column: cEnd.header, value: endDate, expected: readText.endAfterStart(startDate) });
        const months = cMonths.get(f, line);
        const hours = cHours.get(f, line);
        if (months !== null && months < 0) r.problems.add({ line, column: cMonths.header, value: String(months), expected: readText.zeroOrMore });
        if (hours !== null && hours < 0) r.problems.add({ line, column: cHours.header, value: String(hours), expected: readText.zeroOrMore });
        if (participantId === null || activity === null) return null;
        return {
          // The participant's own id string, not a second copy per row (millions of rows).
          participantId: (participant >= 0 ? participants[participant]?.id : undefined) ?? participantId,
          participant, activity, startDate, endDate, months, hours,
          provider: cProvider.get(f, line),
          result: cResult.get(f, line),
        };
      };
    },
  };
}

export function followupRows(ids: ParticipantIds): RowReader<Followup, 'followups'> {
  return {
    prepare: (r) => {
      const [cId, cMonths, cStatus, cImproved] = [r.column('participant_id'), r.column('months_after_exit'), r.column('status'), r.column('improved_situation')] as const;
      return (f, line) => {
        const participantId = cId.get(f, line);
        const participant = ids.indexOf(r, cId, participantId, line, 'followups');
        if (participant === EXCLUDED) return null;
        const monthsAfterExit = cMonths.get(f, line);
        const status = cStatus.get(f, line);
        if (participantId === null || monthsAfterExit === null || status === null) return null;
        const improved = cImproved.present ? cImproved.get(f, line) : undefined;
        return { participantId, participant, monthsAfterExit, status, ...(improved === undefined ? {} : { improvedSituation: improved === null ? null : improved === 'yes' }) };
      };
    },
  };
}
