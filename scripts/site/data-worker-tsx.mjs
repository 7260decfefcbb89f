// The data pool's worker when the build runs the TypeScript sources (no esbuild, or
// EVAL_REPORT_TSX=1): tsx is registered in the worker's own thread before the worker's module.
import { register } from 'tsx/esm/api';

register();
await import('./data-worker.ts');
