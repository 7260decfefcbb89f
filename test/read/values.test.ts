// Text fields → typed values: Swedish number conventions and calendar-checked dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_EXPECTED, parseDate, parseInteger, parseNumber } from '../../scripts/read/values.ts';

test('numbers: Swedish and plain notations', () => {
  const cases: [string, number][] = [
    ['0', 0],
    ['42', 42],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5], // no-break space
    ['1\u202f234\u202f567,25', 1234567.25], // narrow no-break space
    ['\u22123', -3], // U+2212 minus sign
    ['\u22121 234,5', -1234.5],
    ['-3', -3],
    [',5', 0.5],
    [' 7 ', 7],
  ];
  for (const [text, want] of cases) assert.equal(parseNumber(text), want, JSON.stringify(text));
});

test('numbers with letters, several separators or no digits are rejected', () => {
  for (const text of ['12a', 'a12', '1,2,3', '1.2.3', '1.234,5', '12 kr', '1e5', '--3', '-', '', ',', 'NaN', 'Infinity', '0x10'])
    assert.equal(parseNumber(text), undefined, JSON.stringify(text));
});

test('integers: whole numbers only', () => {
  assert.equal(parseInteger('1976'), 1976);
  assert.equal(parseInteger('1 200'), 1200);
  assert.equal(parseInteger('\u221212'), -12);
  assert.equal(parseInteger('12,0'), 12);
  assert.equal(parseInteger('12,5'), undefined);
  assert.equal(parseInteger('12a'), undefined);
  assert.equal(parseInteger('1,2,3'), undefined);
});

test('ISO dates, with an optional time of day that is dropped', () => {
  assert.equal(parseDate('2021-02-12', 'iso'), '2021-02-12');
  assert.equal(parseDate(' 2021-02-12 ', 'iso'), '2021-02-12');
  assert.equal(parseDate('2021-02-12 08:30', 'iso'), '2021-02-12');
  assert.equal(parseDate('2021-02-12 23:59:59', 'iso'), '2021-02-12');
  assert.equal(parseDate('2021-02-12T08:30', 'iso'), '2021-02-12');
});

test('dates that do not exist in the calendar are rejected', () => {
  assert.equal(parseDate('2021-02-30', 'iso'), undefined);
  assert.equal(parseDate('2021-02-29', 'iso'), undefined);
  assert.equal(parseDate('2020-02-29', 'iso'), '2020-02-29');
  assert.equal(parseDate('2000-02-29', 'iso'), '2000-02-29');
  assert.equal(parseDate('1900-02-29', 'iso'), undefined);
  assert.equal(parseDate('2021-04-31', 'iso'), undefined);
  assert.equal(parseDate('2021-12-31', 'iso'), '2021-12-31');
  assert.equal(parseDate('2021-13-01', 'iso'), undefined);
  assert.equal(parseDate('2021-00-10', 'iso'), undefined);
  assert.equal(parseDate('2021-01-00', 'iso'), undefined);
});

test('malformed ISO dates and times are rejected', () => {
  for (const text of ['2021-2-3', '21-02-03', '2021/02/03', '20210203', '2021-02-03 24:00', '2021-02-03 12:60', '2021-02-03 12:00:60', '2021-02-03 8:30', '2021-02-03x', ''])
    assert.equal(parseDate(text, 'iso'), undefined, JSON.stringify(text));
});

test('D/M/YYYY only when that format is configured', () => {
  assert.equal(parseDate('5/3/2014', 'd/m/yyyy'), '2014-03-05');
  assert.equal(parseDate('05/03/2014', 'd/m/yyyy'), '2014-03-05');
  assert.equal(parseDate('31/12/2014', 'd/m/yyyy'), '2014-12-31');
  assert.equal(parseDate('29/2/2020', 'd/m/yyyy'), '2020-02-29');
  assert.equal(parseDate('29/2/2021', 'd/m/yyyy'), undefined);
  assert.equal(parseDate('3/13/2014', 'd/m/yyyy'), undefined); // month 13: not M/D/YYYY either
  assert.equal(parseDate('5/3/14', 'd/m/yyyy'), undefined);
  assert.equal(parseDate('2014-03-05', 'd/m/yyyy'), undefined);
  assert.equal(parseDate('5/3/2014', 'iso'), undefined);
});

test('the expected texts name the format', () => {
  assert.equal(DATE_EXPECTED.iso, 'a date written YYYY-MM-DD (optionally followed by HH:MM) that exists in the calendar');
  assert.equal(DATE_EXPECTED['d/m/yyyy'], 'a date written D/M/YYYY (as tables.<table>.date_format says) that exists in the calendar');
});
