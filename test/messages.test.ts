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
  assert.equal(t('sv', 'quality.suppressed_caption', { n: 5 }), 'Värden som inte redovisas (färre än 5 personer)');
  assert.equal(t('en', 'quality.suppressed_caption'), 'Values not shown (fewer than {n} persons)');
});
