#!/usr/bin/env node
// The eval-report command (package.json "bin"): loads the TypeScript command line through tsx's
// register API, so that `npx eval-report build` works from any project folder.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli/main.ts');
const { finish } = await import('../scripts/cli/command.ts');
finish(await main(process.argv.slice(2)));
