#!/usr/bin/env node
// The eval-report command (package.json "bin", and every npm script that runs a command): runs
// the command line compiled to JavaScript by scripts/compile.mjs (compiling first when a source
// changed), or the TypeScript sources through tsx's register API when esbuild is missing or
// EVAL_REPORT_TSX=1 asks for the sources. `npx eval-report build` works from any project folder.
import { compiled } from '../scripts/compile.mjs';

const url = process.env.EVAL_REPORT_TSX === '1' ? undefined : await compiled();
if (url === undefined) (await import('tsx/esm/api')).register();
const { main, finish } = await import(url ?? '../scripts/cli/main.ts');
finish(await main(process.argv.slice(2)));
