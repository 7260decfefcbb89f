// The data steps of many projects in worker threads (node:worker_threads), as many as the
// processors this process may use (os.availableParallelism()), so that on two cores two
// projects compute at once while the main thread starts Chromium. One project, or one
// processor, runs in this thread instead: no worker start-up to pay for, and the in-process
// cache of a preview's rebuilds (project-step.ts) keeps working.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { InputError, type Problem } from '../problems.ts';
import { projectStep, type ProjectStep } from './project-step.ts';
import { secretsOf } from '../privacy/secrets.ts';
import { siteText } from '../problem-messages.ts';

export interface PoolJob { id: number; root: string; slug: string; dir: string; now: string; draft: boolean }
/** A failure: the problems of refused input (and their cause), or the error itself (cloned with its stack and cause), or its text when it cannot be cloned. */
export interface PoolReply { id: number; step?: ProjectStep; failure?: { problems: Problem[]; cause?: unknown } | { error: Error } | { message: string } }

/** The error a worker's failure stands for, in this thread. */
function failureError(f: NonNullable<PoolReply['failure']>): Error {
  if ('problems' in f) return new InputError(f.problems, f.cause === undefined ? undefined : { cause: f.cause });
  return 'error' in f ? f.error : new Error(f.message);
}

/** The worker's module: the compiled one beside this chunk, or the TypeScript source through tsx. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './data-worker-tsx.mjs' : './data-worker.mjs', import.meta.url);
}

export interface PoolOptions {
  root: string;
  now: Date;
  draft: boolean;
  /** Output folder of a project. */
  dirOf: (slug: string) => string;
  /** Each project's progress lines, in the projects' order. */
  log?: (line: string) => void;
  /** Called as each project finishes, in the order they finish. */
  onDone?: (slug: string) => void;
  /** Threads; default os.availableParallelism(). */
  threads?: number;
}

/**
 * Every project's steps; the results in the order of `slugs`. A project whose input is refused
 * fails the whole: the first such project in `slugs` order is thrown, after every job settled.
 */
export async function runDataSteps(slugs: string[], opts: PoolOptions): Promise<ProjectStep[]> {
  const threads = dataThreads(slugs.length, opts.threads);
  // Each project's lines in the projects' order, as one thread prints them: a project's lines as
  // soon as it and every project before it are done, up to the first that failed.
  const done: Array<Settled | undefined> = new Array(slugs.length);
  let printed = 0;
  const settle = (id: number, result: Settled) => {
    done[id] = result;
    for (let r = done[printed]; r !== undefined && 'step' in r; r = done[++printed]) for (const line of r.step.lines) opts.log?.(line);
  };
  const results = threads === 1 ? await inThisThread(slugs, opts, settle) : await inWorkers(slugs, opts, threads, settle);
  const steps: ProjectStep[] = [];
  for (const r of results) {
    if ('failure' in r) throw r.failure;
    secretsOf.set(r.step.indicators, r.step.secrets); // the personal-data scan finds them beside the indicators
    steps.push(r.step);
  }
  return steps;
}

/** How many threads compute `projects` data steps: one per processor, no more than there are projects. */
export function dataThreads(projects: number, threads = availableParallelism()): number {
  return Math.max(1, Math.min(threads, projects));
}

type Settled = { step: ProjectStep } | { failure: unknown };

type Settle = (id: number, result: Settled) => void;

async function inThisThread(slugs: string[], opts: PoolOptions, settle: Settle): Promise<Settled[]> {
  const out: Settled[] = [];
  for (const [id, slug] of slugs.entries()) {
    try {
      out.push({ step: await projectStep(opts.root, slug, opts.dirOf(slug), opts.now, opts.draft) });
    } catch (failure) {
      out.push({ failure });
      break; // one at a time: the first refused project is the one reported
    }
    settle(id, out.at(-1)!);
    opts.onDone?.(slug);
  }
  return out;
}

async function inWorkers(slugs: string[], opts: PoolOptions, threads: number, settle: Settle): Promise<Settled[]> {
  const url = workerUrl();
  const results: Settled[] = new Array(slugs.length);
  let next = 0;
  let stop = false;
  const lane = (worker: Worker): Promise<void> =>
    new Promise((done, fail) => {
      const send = () => {
        if (stop || next >= slugs.length) return done();
        const id = next++;
        const slug = slugs[id]!;
        worker.postMessage({ id, root: opts.root, slug, dir: opts.dirOf(slug), now: opts.now.toISOString(), draft: opts.draft } satisfies PoolJob);
      };
      worker.on('message', (reply: PoolReply) => {
        if (reply.step) {
          results[reply.id] = { step: reply.step };
          settle(reply.id, results[reply.id]!);
          opts.onDone?.(slugs[reply.id]!);
        } else {
          results[reply.id] = { failure: failureError(reply.failure!) };
          settle(reply.id, results[reply.id]!);
          stop = true; // the projects not yet started are not computed: the build fails anyway
        }
        send();
      });
      // A worker that crashed (an uncaught error, out of memory) reports the error, then exits.
      let crash: Error | undefined;
      worker.on('error', (err) => (crash = err));
      worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(siteText.dataWorkerStopped(code, crash?.message), { cause: crash }))));
      send();
    });
  const workers = Array.from({ length: threads }, () => new Worker(url));
  try {
    await Promise.all(workers.map(lane));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // A failure stops the lanes: the projects never started have no result.
  return results.filter((r) => r !== undefined);
}
