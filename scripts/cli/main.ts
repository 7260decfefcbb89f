// eval-report <command> [options]: the one command line (bin/eval-report.mjs). Each command lives
// in its own module and is loaded only when run, so that `eval-report check` never loads Eleventy.
import { EXIT, paint, runCommand, VERSION, type Command } from './command.ts';
import { maskStdio } from '../privacy/mask.ts';
import { cliText, statusText } from '../problem-messages.ts';

maskStdio(); // every printed line masked, usage errors included

/** Sets the exit code (bin/eval-report.mjs calls it with what main returned). */
export { finish } from './command.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  new: { summary: 'scaffold a project: report.yaml, narrative files, CSV templates', load: () => import('./new.ts') },
  check: { summary: 'check configuration, data and narrative without rendering', load: () => import('./check.ts') },
  serve: { summary: 'live preview that rebuilds and reloads on every save', load: () => import('./serve.ts') },
  build: { summary: 'build the site and the PDF into _site/', load: () => import('./build.ts') },
  diff: { summary: 'compare two versions of indicators.json', load: () => import('./diff.ts') },
  assemble: { summary: 'join the outputs of build --shard into one site', load: () => import('./assemble.ts') },
  'generate-portfolio': { summary: 'write a synthetic portfolio of many projects (benchmarks, shards)', load: () => import('./generate-portfolio.ts') },
  bench: { summary: 'measure the speed figures of the README', load: () => import('./bench.ts') },
};

export function mainHelp(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: eval-report <command> [options]',
    '',
    'Reproducible evaluation reports: raw participant exports and narrative markdown in, a static site and an accessible PDF out.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(w)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (eval-report <command> --help: that command\'s options)',
    '  -V, --version  print the version',
    '',
    'Exit status: 0 done; 1 the input (configuration, data, narrative) has problems; 2 a usage or environment error.',
    'Environment: NO_COLOR turns colour off; EVAL_REPORT_DEBUG=1 shows where an unexpected failure happened.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number | 'running'> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const about = first === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    if (about) return runCommand((await about.load()).command, ['--help']);
    console.log(mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    console.log(VERSION);
    return EXIT.ok;
  }
  const entry = COMMANDS[first];
  if (!entry) {
    console.error(statusText.unknownCommand(paint('red', 'eval-report:', process.stderr), first.startsWith('-') ? cliText.unknownOption(first) : statusText.unknownCommandName(first), Object.keys(COMMANDS)));
    return EXIT.usage;
  }
  return runCommand((await entry.load()).command, rest);
}


