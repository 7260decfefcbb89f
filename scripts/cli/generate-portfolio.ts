// eval-report generate-portfolio --root <dir> [--count 200] [--seed 20]: a synthetic portfolio of
// projects (scripts/generate/portfolio.ts) for trying the portfolio build, its shards and the
// benchmarks. Made in a folder of its own, never in a repository's content/.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, QUIET, runIfMain, UsageError, wholeNumber, type Command } from './command.ts';
import { cliText, statusText } from '../problem-messages.ts';

export const command: Command = {
  name: 'generate-portfolio',
  summary: 'Writes a synthetic portfolio: --count projects drawn from the four examples with the seeded data generators, of varied sizes, into content/ and data/ of an empty --root.',
  operands: '',
  arity: [0, 0],
  options: {
    root: { type: 'string', arg: 'dir', description: 'an empty or new folder for the portfolio (required)' },
    count: { type: 'string', arg: 'n', default: '200', description: 'how many projects' },
    seed: { type: 'string', arg: 'n', default: '20', description: 'the seed: the same seed gives the same bytes' },
    quiet: QUIET,
  },
  async run({ values }) {
    if (typeof values.root !== 'string') throw new UsageError(cliText.portfolioRoot);
    const root = resolve(values.root);
    const count = wholeNumber('count', values.count as string, 1, 10_000);
    const seed = wholeNumber('seed', values.seed as string, 1);
    if (existsSync(join(root, 'content')) && readdirSync(join(root, 'content')).length > 0) throw new UsageError(cliText.contentNotEmpty(join(root, 'content')));
    const { generatePortfolio } = await import('../generate/portfolio.ts');
    const made = await generatePortfolio(root, count, seed);
    if (values.quiet !== true) console.log(statusText.portfolioWritten(made.length, root, made.filter((p) => p.participants !== null).map((p) => p.participants!).reduce((a, b) => a + b, 0)));
    return EXIT.ok;
  },
};

runIfMain(import.meta.url, command);
