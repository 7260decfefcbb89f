// A worker thread of the data pool (data-pool.ts): runs projectStep for each project it is sent
// and posts back the result, or the problems of the input that failed.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../problems.ts';
import { projectStep } from './project-step.ts';
import type { PoolJob, PoolReply } from './data-pool.ts';

/** A failure as it crosses to the main thread: refused input's problems with their cause, else the error itself (cloned with its stack and cause). */
const failureOf = (err: unknown): NonNullable<PoolReply['failure']> =>
  err instanceof InputError ? { problems: err.problems, cause: err.cause } : { error: err instanceof Error ? err : new Error(String(err), { cause: err }) };

/** The same without the causes, for a cause that cannot be cloned (an object holding a function). */
const uncloned = (err: unknown): NonNullable<PoolReply['failure']> =>
  err instanceof InputError ? { problems: err.problems } : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };

parentPort!.on('message', (job: PoolJob) => {
  projectStep(job.root, job.slug, job.dir, new Date(job.now), job.draft).then(
    (step) => parentPort!.postMessage({ id: job.id, step } satisfies PoolReply),
    (err: unknown) => {
      try {
        parentPort!.postMessage({ id: job.id, failure: failureOf(err) } satisfies PoolReply);
      } catch {
        parentPort!.postMessage({ id: job.id, failure: uncloned(err) } satisfies PoolReply);
      }
    },
  );
});
