import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Needles } from '../../scripts/privacy/needles.ts';
import { SiteScan, tokensOfLength } from '../../scripts/privacy/scan-site.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

it('finds the strings a text holds, each once, and none it does not', () => {
  const n = new Needles([{ text: 'jag fick hjälp med cv', value: 'a' }, { text: 'bra bemötande av coachen', value: 'b' }, { text: 'kort', value: 'short' }], 6);
  assert.deepEqual(n.foundIn('… bra bemötande av coachen. jag fick hjälp med cv, jag fick hjälp med cv'), ['b', 'a']);
  assert.deepEqual(n.foundIn('jag fick hjälp med c'), [], 'a prefix is no match');
  assert.deepEqual(n.foundIn('kort'), [], 'a string shorter than the window is never looked for');
  assert.deepEqual(new Needles<string>([], 6).foundIn('anything at all'), []);
});

it('agrees with a plain search on random texts over a small alphabet (many shared prefixes)', () => {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const word = (len: number) => Array.from({ length: len }, () => 'abå '[Math.floor(rnd() * 4)]).join('');
  for (let round = 0; round < 200; round++) {
    const text = word(Math.floor(rnd() * 300));
    const needles = Array.from({ length: 20 }, (_, i) => ({ text: rnd() < 0.5 && text.length > 20 ? text.slice(Math.floor(rnd() * (text.length - 12)), undefined).slice(0, 5 + Math.floor(rnd() * 15)) : word(5 + Math.floor(rnd() * 10)), value: i }));
    const expected = needles.filter((x) => x.text.length >= 5 && text.includes(x.text)).map((x) => x.value).sort((a, b) => a - b);
    assert.deepEqual(new Needles(needles, 5).foundIn(text).sort((a, b) => a - b), expected, `round ${round}`);
  }
});

it('cuts the same whole tokens out of a text as the token pattern does, only those of an id’s length', () => {
  const pattern = /[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?/gu;
  const alphabet = ['a', 'Z', '7', 'å', 'Ö', '_', '-', ' ', '.', ',', '😀', '𝐀', '٣', '\u00a0', '&', ';'];
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 300; round++) {
    const text = Array.from({ length: Math.floor(rnd() * 60) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const [min, max] = [1 + Math.floor(rnd() * 4), 2 + Math.floor(rnd() * 8)];
    const expected = [...text.matchAll(pattern)].map((m) => m[0]).filter((t) => t.length >= min && t.length <= max);
    assert.deepEqual([...tokensOfLength(text, min, max)], expected, JSON.stringify({ text, min, max }));
  }
  assert.deepEqual([...tokensOfLength('P-0012_, x9Q7Z3😀 --ab-- 12.5', 2, 8)], ['P-0012', 'x9Q7Z3', 'ab', '12']);
});

it('reads a page as its reader does: an id or answer written with character references is found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'index.html'), '<p>P&#48;12345 and X9Q7Z3</p><p title="Jag fick &quot;hj&#xe4;lp&quot; med mitt CV">.</p>');
    const secrets = { ids: ['P012345', 'X9Q7Z3'], freeText: [{ text: 'Jag fick "hjälp" med mitt CV', file: 'survey.csv', line: 4, column: 'comment' }] };
    const found = await new SiteScan([{ slug: 'p', secrets, contentDir: join(dir, 'none'), root: dir }]).folder(dir, dir);
    assert.equal(found.filter((f) => /id/.test(f.expected) && f.file === join('p', 'index.html')).length, 2, JSON.stringify(found));
    assert.equal(found.filter((f) => /free-text|answer/i.test(f.expected)).length, 1, JSON.stringify(found));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
