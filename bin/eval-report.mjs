#!/usr/bin/env node
// The eval-report command (package.json "bin", and every npm script that runs a command): runs
// the command line compiled to JavaScript by scripts/compile.mjs (compiling first when a source
// changed), or the TypeScript sources through tsx's register API when esbuild is missing or
// EVAL_REPORT_TSX=1 asks for the sources. `npx eval-report build` works from any project folder.
import { compiled } from '../scripts/compile.mjs';

// Eleventy registers an ESM loader hook (module.register: a hooks thread that every later import
// passes through) to re-import changed JavaScript data files in its own watch mode. The build
// renders Nunjucks templates from a page model and imports no such file: skip it.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
const url = process.env.EVAL_REPORT_TSX === '1' ? undefined : await compiled();
if (url === undefined) (await import('tsx/esm/api')).register();
const { main, finish } = await import(url ?? '../scripts/cli/main.ts');
finish(await main(process.argv.slice(2)));
