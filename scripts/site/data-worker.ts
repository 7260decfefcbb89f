// A worker thread of the data pool (data-pool.ts): runs projectStep for each project it is sent
// and posts back the result, or the problems of the input that failed.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../problems.ts';
import { projectStep } from './project-step.ts';
import type { PoolJob, PoolReply } from './data-pool.ts';

parentPort!.on('message', (job: PoolJob) => {
  projectStep(job.root, job.slug, job.dir, new Date(job.now), job.draft).then(
    (step) => parentPort!.postMessage({ id: job.id, step } satisfies PoolReply),
    (err: unknown) => {
      const failure: PoolReply['failure'] = err instanceof InputError ? { problems: err.problems } : { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
      parentPort!.postMessage({ id: job.id, failure } satisfies PoolReply);
    },
  );
});
