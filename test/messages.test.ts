import assert from 'node:assert/strict';
import { it } from 'node:test';
import { messages, t } from '../scripts/messages.ts';

it('has every fixed text in both languages, none empty', () => {
  const sv = Object.keys(messages.sv).sort();
  const en = Object.keys(messages.en).sort();
  assert.deepEqual(sv.filter((k) => !en.includes(k)), [], 'keys missing in English');
  assert.deepEqual(en.filter((k) => !sv.includes(k)), [], 'keys missing in Swedish');
  for (const lang of ['sv', 'en'] as const) for (const [k, v] of Object.entries(messages[lang])) assert.ok(v.length > 0, `${lang}.${k} is empty`);
});

it('fills placeholders and leaves unknown ones visible', () => {
  assert.equal(t('sv', 'legend.primary', { mark: '..', k: 5 }), '.. = färre än 5 personer; värdet visas inte.');
  assert.equal(t('en', 'legend.primary', { mark: '..' }), '.. = fewer than {k} people; the value is not shown.');
});
