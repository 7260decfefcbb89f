// The participants table: one row per participant, checked against itself (ids used once,
// known units, exit after entry, a status with every exit date, ages that make sense) and
// against the configuration.
import type { Config } from '../config/schema.ts';
import { CHARACTERISTICS, type Participant } from '../config/contract.ts';
import { identityNumberProblem } from '../privacy/secrets.ts';
import type { ParticipantIds } from './participant-ids.ts';
import type { RowReader } from './table-files.ts';
import type { TableReader } from './table.ts';
import { readText } from '../problem-messages.ts';

const yes = (v: 'yes' | 'no' | null) => (v === null ? null : v === 'yes');

export function participantRows(config: Config, ids: ParticipantIds, configShown: string): RowReader<Participant, 'participants'> {
  const unitNames = new Set(config.units.items.map((u) => u.name));
  return {
    prepare: (r) => participantRow(r, ids, unitNames, configShown),
    check: (r) => {
      if (!r.column('birth_year').present && !r.column('age_at_entry').present)
        r.problems.add({ line: r.headerLine, column: r.column('birth_year').header, expected: readText.birthYearOrAge(configShown) });
    },
    excluded: (row, line) => ids.excluded(row.id, line),
  };
}

function participantRow(r: TableReader<'participants'>, ids: ParticipantIds, unitNames: Set<string>, configShown: string) {
  const p = r.problems;
  const c = {
    id: r.column('participant_id'), unit: r.column('unit'), gender: r.column('gender'), birth: r.column('birth_year'), age: r.column('age_at_entry'),
    entry: r.column('entry_date'), exit: r.column('exit_date'), status: r.column('exit_status'), edu: r.column('education'), referral: r.column('referral'),
    income: r.column('income_at_entry'), months: r.column('months_without_work'), reason: r.column('exit_reason'),
    // The optional ESF+ columns, read only when the file has them.
    labour: r.column('labour_status_at_entry'), qualification: r.column('qualification_at_exit'),
  };
  const traits = CHARACTERISTICS.map((name) => [name, r.column(name)] as const).filter(([, col]) => col.present);
  return (f: Parameters<typeof c.id.get>[0], line: number, index: number): Participant | null => {
    const before = p.total;
    const id = c.id.get(f, line);
    const unit = c.unit.get(f, line);
    const gender = c.gender.get(f, line);
    const birthYear = c.birth.get(f, line);
    let ageAtEntry = c.age.get(f, line);
    const entryDate = c.entry.get(f, line);
    const exitDate = c.exit.get(f, line);
    const exitStatus = c.status.get(f, line) ?? [];
    const pnr = identityNumberProblem(id, line, c.id.header);
    if (pnr) p.add(pnr);
    const twice = id === null ? null : ids.duplicate(id, line, c.id.header);
    if (twice) p.add(twice);
    if (unit !== null && !unitNames.has(unit))
      p.add({ line, column: c.unit.header, value: unit, expected: readText.knownUnit(configShown, [...unitNames]) });
    if (entryDate !== null && exitDate !== null && exitDate < entryDate) p.add({ line, column: c.exit.header, value: exitDate, expected: readText.exitAfterEntry(entryDate) });
    // Only when the other field is really empty: an invalid value was reported already.
    if (exitDate !== null && exitStatus.length === 0 && c.status.present && c.status.raw(f) === '') p.add({ line, column: c.status.header, value: '', expected: readText.statusAtExit });
    if (exitDate === null && exitStatus.length > 0 && c.exit.raw(f) === '') p.add({ line, column: c.exit.header, value: '', expected: readText.exitDateForStatus });
    if (ageAtEntry === null && birthYear !== null && entryDate !== null) ageAtEntry = Number(entryDate.slice(0, 4)) - birthYear;
    if (ageAtEntry !== null && (ageAtEntry < 10 || ageAtEntry > 100))
      p.add({ line, column: (c.age.present ? c.age : c.birth).header, value: String(birthYear ?? ageAtEntry), expected: readText.ageAtEntry });
    if (id !== null && !twice) ids.first(id, line, p.total === before ? index : null);
    if (id === null || unit === null || gender === null || entryDate === null) return null;
    const row: Participant = {
      id, unit, gender, birthYear, ageAtEntry, entryDate, exitDate,
      exitStatus: exitStatus as Participant['exitStatus'],
      education: c.edu.get(f, line),
      referral: c.referral.get(f, line),
      incomeAtEntry: c.income.get(f, line),
      monthsWithoutWork: c.months.get(f, line),
      exitReason: c.reason.get(f, line),
    };
    // The optional columns are assigned, not spread: every row of a file gets the same keys in
    // the same order (one object shape), without a temporary object per row.
    if (c.labour.present) row.labourStatus = c.labour.get(f, line);
    if (c.qualification.present) row.qualification = yes(c.qualification.get(f, line));
    if (traits.length > 0) {
      const values: NonNullable<Participant['characteristics']> = {};
      for (const [name, col] of traits) values[name] = yes(col.get(f, line));
      row.characteristics = values;
    }
    return row;
  };
}
