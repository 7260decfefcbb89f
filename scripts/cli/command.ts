// What every command of `eval-report` shares: the option table (parsed with node:util parseArgs,
// printed by --help with each default), one clear line plus the usage for a usage mistake, and
// the exit codes. Each command module exports a Command and runs it when started directly (the
// npm scripts); scripts/cli/main.ts dispatches `eval-report <command>` to the same objects.
import { maskStdio } from '../privacy/mask.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, styleText } from 'node:util';
import { listProjects } from '../site/projects.ts';
import { cliText, statusText } from '../problem-messages.ts';

/** 0: done, nothing wrong. 1: the input (configuration, data, narrative) has problems. 2: usage or environment. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help (`--root <dir>`). */
  arg?: string;
  default?: string | boolean;
  /** How the help shows a default that is not a plain value, e.g. "<root>/_site". */
  defaultText?: string;
  description: string;
}

export interface Args {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** What follows the options in the usage line, e.g. "[slug …]". */
  operands: string;
  /** How many operands are allowed: [min, max]; max Infinity for any number. */
  arity: [number, number];
  options: Record<string, OptionSpec>;
  /** Lines after the options in --help (examples, notes). */
  notes?: string[];
  run(args: Args): Promise<ExitCode | 'running'>;
}

/** A mistake on the command line (unknown option or project, missing operand): exit 2 with the usage. */
export class UsageError extends Error {}

/** An environment problem (no browser, port in use): one clear line, exit 2, no usage. */
export class EnvironmentError extends Error {}

export const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help and exit' };
export const ROOT: OptionSpec = { type: 'string', arg: 'dir', default: '.', description: 'folder holding content/<slug>/ and data/<slug>/' };
export const QUIET: OptionSpec = { type: 'boolean', short: 'q', default: false, description: 'print nothing but problems and errors' };

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
export const VERSION = `${pkg.name} ${pkg.version}`;

/** Colour only on a terminal, never when NO_COLOR is set to anything (https://no-color.org). */
export function paint(style: 'red' | 'green' | 'yellow' | 'bold', text: string, stream: NodeJS.WriteStream = process.stdout): string {
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return text;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  if (!forced && !stream.isTTY) return text;
  return styleText(style, text);
}

/**
 * How to run a command, as the user started this one: through npm (`npm run check -- x`) or the
 * bin (`eval-report check x`), with --root when it is not the current folder.
 */
export function commandLine(name: string, args: string[] = [], root = '.'): string {
  const rest = [...args, ...(root !== '.' ? ['--root', /[\s'"$]/.test(root) ? JSON.stringify(root) : root] : [])];
  if (process.env.npm_lifecycle_event) return `npm run ${name}${rest.length ? ` -- ${rest.join(' ')}` : ''}`;
  return ['eval-report', name, ...rest].join(' ');
}

export function usageLine(cmd: Command): string {
  return `Usage: eval-report ${cmd.name} [options]${cmd.operands ? ` ${cmd.operands}` : ''}`;
}

export function helpText(cmd: Command): string {
  const opts = { ...cmd.options, help: HELP };
  const left = Object.entries(opts).map(([name, o]) => `${o.short ? `-${o.short}, ` : '    '}--${name}${o.arg ? ` <${o.arg}>` : ''}`);
  const w = Math.max(...left.map((l) => l.length));
  const lines = Object.values(opts).map((o, i) => {
    const def = o.defaultText ?? (typeof o.default === 'boolean' ? (o.default ? 'on' : 'off') : o.default);
    return `  ${left[i]!.padEnd(w)}  ${o.description}${def !== undefined ? ` (default: ${def})` : ''}`;
  });
  return [
    usageLine(cmd),
    '',
    cmd.summary,
    '',
    'Options:',
    ...lines,
    ...(cmd.notes?.length ? ['', ...cmd.notes] : []),
    '',
    'Exit status: 0 done; 1 the input has problems; 2 a usage or environment error.',
  ].join('\n');
}

/** parseArgs with the command's table; its errors become one plain line. */
export function parseCommandArgs(cmd: Command, argv: string[]): Args & { help: boolean } {
  const options = Object.fromEntries(Object.entries({ ...cmd.options, help: HELP }).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }]));
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (!e.code?.startsWith('ERR_PARSE_ARGS')) throw err;
    const name = /option '([^']+)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(cliText.unknownOption(name ?? e.message), { cause: err });
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(cliText.optionValue(name, /argument missing/.test(e.message)), { cause: err });
    throw new UsageError(e.message.split('\n')[0]!, { cause: err });
  }
  const values = parsed.values as Args['values'];
  const help = values.help === true;
  delete values.help;
  if (!help) {
    const [min, max] = cmd.arity;
    const n = parsed.positionals.length;
    if (n < min) throw new UsageError(cliText.missingOperands(cmd.operands));
    if (n > max) throw new UsageError(cliText.tooManyOperands(parsed.positionals.slice(max)));
  }
  return { values, positionals: parsed.positionals, help };
}

/** The projects to work on: the ones named, each of which must exist, or every project of the root. */
export function projectSlugs(root: string, named: string[]): string[] {
  const all = listProjects(root);
  const unknown = named.filter((s) => !all.includes(s));
  if (unknown.length > 0) throw new UsageError(cliText.unknownProjects(unknown, join(root, 'content'), all));
  if (named.length > 0) return [...new Set(named)];
  if (all.length === 0) throw new UsageError(cliText.noProjects(join(root, 'content'), commandLine('new', ['<slug>'], root)));
  return all;
}

/** A positive whole number given as an option's text. */
export function wholeNumber(name: string, text: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(cliText.wholeNumber(name, min, max, text));
  return n;
}

/** Runs a command on argv: help, usage mistakes (exit 2) and unexpected failures all handled here. */
/** Every command's printed lines pass through the one masking function (scripts/privacy/mask.ts). */
export async function runCommand(cmd: Command, argv: string[]): Promise<ExitCode | 'running'> {
  maskStdio();
  try {
    const { help, ...args } = parseCommandArgs(cmd, argv);
    if (help) {
      console.log(helpText(cmd));
      return EXIT.ok;
    }
    return await cmd.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(statusText.usageError(paint('red', statusText.commandHead(cmd.name), process.stderr), err.message, usageLine(cmd), cmd.name));
      return EXIT.usage;
    }
    if (err instanceof EnvironmentError) {
      console.error(statusText.failed(paint('red', statusText.commandHead(cmd.name), process.stderr), err.message));
      return EXIT.usage;
    }
    // Not the input's fault and not the user's: one clear line, the trace only on request.
    if (process.env.EVAL_REPORT_DEBUG) throw err;
    console.error(statusText.unexpected(paint('red', statusText.commandHead(cmd.name), process.stderr), err instanceof Error ? err.message : String(err)));
    return EXIT.usage;
  }
}

/** Sets the exit code from a finished command (a running server keeps the process alive). */
export function finish(code: ExitCode | 'running'): void {
  // Exit at once: a worker or timer left by a library must not keep a finished command alive
  // (stdout and stderr are synchronous for files and pipes on Linux, so nothing is lost).
  if (code !== 'running') process.exit(code);
}

/** `node scripts/cli/<command>.ts …` (the npm scripts): run the command when this module is the entry. */
export function runIfMain(moduleUrl: string, cmd: Command): void {
  if (moduleUrl === pathToFileURL(process.argv[1] ?? '').href) void runCommand(cmd, process.argv.slice(2)).then(finish);
}
