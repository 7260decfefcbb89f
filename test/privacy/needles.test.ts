import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Needles } from '../../scripts/privacy/needles.ts';

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
