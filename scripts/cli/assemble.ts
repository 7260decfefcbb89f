// eval-report assemble <shard dir …> [--out <dir>] [--quiet]: joins the outputs of
// `build --shard i/n` into one site, the same byte for byte as one machine's build.
import { InputError } from '../problems.ts';
import { EXIT, QUIET, paint, runIfMain, type Command } from './command.ts';
import { statusText } from '../problem-messages.ts';

export const command: Command = {
  name: 'assemble',
  summary: 'Joins the output folders of `eval-report build --shard i/n` into one site: the projects as built, the index made again from every project. With SOURCE_DATE_EPOCH pinned in every shard, the site equals a one-machine build byte for byte. A failure leaves the previous site as it was.',
  operands: '<shard dir …>',
  arity: [1, Infinity],
  options: {
    out: { type: 'string', arg: 'dir', default: '_site', description: 'output folder, replaced only when the site was assembled whole' },
    quiet: QUIET,
  },
  async run({ values, positionals }) {
    const log = values.quiet === true ? () => {} : (line: string) => console.log(line);
    const { assembleSite } = await import('../site/assemble-site.ts');
    try {
      const { slugs } = await assembleSite({ shards: positionals, outDir: values.out as string, log });
      log(statusText.assembled(slugs.length, values.out as string));
      return EXIT.ok;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.error(statusText.assembleFailed(paint('red', statusText.assembleFailedHead, process.stderr), err.problems.length, err.message));
      return EXIT.input;
    }
  },
};

runIfMain(import.meta.url, command);
