// eval-report serve [--root <dir>] [--port 8080] [--quiet] [slug …] (npm run serve): a live preview on localhost. Builds the
// pages (no PDF) into a temporary folder, never _site/, and rebuilds when anything under content/,
// data/ or templates/ changes. The data step reruns only when the configuration or a data file
// changed (buildSite's cache, keyed by content hash), so a narrative edit is a page-only rebuild.
//
// Browser reload: the built pages forbid script by CSP. For the preview only, the server rewrites
// the CSP of each HTML response to allow a script from itself and adds one small external script,
// which listens to a Server-Sent Events stream and reloads when the build number changes. The
// files on disk (and any real build) keep `script-src 'none'`.
//
// A failed build prints its problems in the terminal and is served, escaped, as the page of every
// HTML request until the next build succeeds; the server keeps running.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildSite } from '../site/build-site.ts';
import { listProjects } from '../site/projects.ts';
import { InputError } from '../problems.ts';
import { escapeHtml } from '../render/html.ts';
import { commandLine, EnvironmentError, projectSlugs, QUIET, ROOT, runIfMain, wholeNumber, type Command } from './command.ts';
import { maskText } from '../privacy/mask.ts';
import { cliText, statusText } from '../problem-messages.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.pdf': 'application/pdf', '.png': 'image/png',
};
const RELOAD_JS = `// Preview only (npm run serve): reload when a newer build is announced.
const me = Number(document.currentScript.dataset.build);
new EventSource('/__preview/events').onmessage = (e) => { if (Number(e.data) !== me) location.reload(); };
`;

export interface PreviewOptions {
  root: string;
  /** 0 picks a free port. */
  port: number;
  slugs?: string[];
  log?: (line: string) => void;
  /** Milliseconds of quiet after a change before rebuilding (editors write in several steps). */
  debounceMs?: number;
}

export interface Preview {
  url: string;
  /** Resolves after the build that is running or queued, with its error if it failed. */
  settled(): Promise<Error | null>;
  close(): Promise<void>;
}


/** The error page: the problems as the terminal shows them, escaped. */
export function errorPage(err: Error, build: number): string {
  const text = err instanceof InputError ? `The input has ${err.problems.length} problem(s):\n\n${err.message}` : (err.stack ?? err.message);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:1rem}</style>
</head><body><h1>The build failed</h1><p>Fix the files named below and save: this page reloads by itself. The last good preview is not shown while the input is broken.</p>
<pre>${escapeHtml(maskText(text))}</pre>
<script src="/__preview/reload.js" data-build="${build}"></script></body></html>`;
}

/** A built page with the preview's reload script and a CSP that admits it. */
function previewHtml(html: string, build: number): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)script-src 'none'/, "$1script-src 'self'")
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)connect-src 'none'/, "$1connect-src 'self'")
    .replace('</body>', `<script src="/__preview/reload.js" data-build="${build}"></script>\n</body>`);
}

/**
 * Starts the preview: a server on 127.0.0.1 (listening before the first build, so that a port in
 * use is reported at once), the first build, and the watchers that rebuild on every change.
 */
export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const root = resolve(opts.root);
  const debounceMs = opts.debounceMs ?? 80;
  const work = mkdtempSync(join(tmpdir(), 'eval-report-preview-'));
  // However the process ends (Ctrl+C during the first build included), the preview folder goes.
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const outDir = join(work, '_site');
  const clients = new Set<ServerResponse>();
  const builds = previewBuilds(root, outDir, opts, (build) => {
    for (const c of clients) c.write(`data: ${build}\n\n`);
  });
  const server = previewServer(outDir, builds, clients);
  // Listen first, so that a port in use is reported at once; then the first build.
  try {
    await listen(server, opts.port);
  } catch (err) {
    process.off('exit', cleanUp);
    cleanUp();
    throw err;
  }
  await builds.schedule();
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : opts.port}/`;
  const watching = watchSources(root, debounceMs, builds);
  return {
    url,
    settled: async () => {
      // A change may still be waiting out the debounce: give it the time to start.
      await new Promise((r) => setTimeout(r, debounceMs + 20));
      await builds.idle();
      return builds.error;
    },
    close: async () => {
      watching.close();
      await builds.idle();
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      process.off('exit', cleanUp);
      cleanUp();
    },
  };
}

/** The builds of a preview: one at a time, each announced by its number when it finished. */
interface PreviewBuilds {
  /** Number of the last finished build (0 before the first). */
  readonly number: number;
  /** The last build's error, or null when it succeeded. */
  readonly error: Error | null;
  /** The files of project `slug` changed; undefined: a change that may touch every project (a template). */
  changed(slug: string | undefined): void;
  /** Runs a build now, or once more after the running one. */
  schedule(): Promise<void>;
  /** Resolves when no build is running or queued. */
  idle(): Promise<void>;
}

function previewBuilds(root: string, outDir: string, opts: PreviewOptions, announce: (build: number) => void): PreviewBuilds {
  const log = opts.log ?? (() => {});
  let build = 0;
  let error: Error | null = null;
  // Projects whose files changed since the last build, and those whose last build failed; `everything`
  // after a template change (or a change fs.watch could not name), and for the first build.
  const changed = new Set<string>();
  let failed = new Set<string>();
  let everything = true;
  async function rebuild(): Promise<void> {
    const started = performance.now();
    const projects = opts.slugs?.length ? opts.slugs : listProjects(root);
    const slugs = everything ? projects : projects.filter((s) => changed.has(s) || failed.has(s));
    everything = false;
    changed.clear();
    if (slugs.length === 0) return;
    try {
      await buildSite({ root, outDir, slugs, pdf: false, draft: true, log: (line) => void (/warning/.test(line) && log(line)) });
      error = null;
      failed = new Set();
      log(statusText.rebuilt(slugs, performance.now() - started));
    } catch (err) {
      error = err as Error;
      failed = new Set([...failed, ...slugs]);
      log(statusText.previewBuildFailed(err instanceof InputError ? err.message : String((err as Error).stack ?? err)));
    }
    build++;
    announce(build);
  }
  const queue = oneAtATime(rebuild);
  return {
    get number() {
      return build;
    },
    get error() {
      return error;
    },
    changed(slug) {
      if (slug) changed.add(slug);
      else everything = true;
    },
    schedule: queue.run,
    idle: queue.idle,
  };
}

/** Runs `work` one at a time: asked while it runs, it runs once more afterwards (however often it was asked). */
function oneAtATime(work: () => Promise<void>): { run: () => Promise<void>; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let queued = false;
  return {
    run() {
      if (running) {
        queued = true;
        return running;
      }
      running = (async () => {
        do {
          queued = false;
          await work();
        } while (queued);
        running = null;
      })();
      return running;
    },
    async idle() {
      while (running) await running;
    },
  };
}

/**
 * The preview's server: the built files (each HTML page with the reload script), the error page
 * for every HTML request while the last build failed, the reload script and the stream of build
 * numbers that `clients` hold open.
 */
function previewServer(outDir: string, builds: PreviewBuilds, clients: Set<ServerResponse>): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__preview/reload.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(RELOAD_JS);
    if (path === '/__preview/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${builds.number}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep) && file !== outDir) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const html = extname(file) === '.html';
    if (html && builds.error) return void res.writeHead(500, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(errorPage(builds.error, builds.number));
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(html ? previewHtml(readFileSync(file, 'utf8'), builds.number) : readFileSync(file));
  });
}

/** Listens on 127.0.0.1; rejects with the server's error (a port in use, one that needs privileges). */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
}

/**
 * Rebuilds on every change, `debounceMs` after the last. fs.watch is recursive on Linux from Node
 * 20. A change below content/<slug>/ or data/<slug>/ rebuilds that project (the others keep their
 * pages); one below templates/ rebuilds every project.
 */
function watchSources(root: string, debounceMs: number, builds: PreviewBuilds): { close: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const onChange = (project: boolean) => (_event: string, file: string | Buffer | null) => {
    builds.changed(project && file ? String(file).split(sep)[0] : undefined);
    clearTimeout(timer);
    timer = setTimeout(() => void builds.schedule(), debounceMs);
  };
  const watched: [string, boolean][] = [[join(root, 'content'), true], [join(root, 'data'), true], [join(REPO, 'templates'), false]];
  const watchers: FSWatcher[] = watched.filter(([d]) => existsSync(d)).map(([d, project]) => watch(d, { recursive: true }, onChange(project)));
  return {
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

export const command: Command = {
  name: 'serve',
  summary: 'A live preview on localhost: builds the pages (no PDF, nothing written to _site/) and rebuilds the project whose files changed on every save under content/, data/ or templates/; the browser reloads by itself. Ctrl+C stops it.',
  operands: '[slug …]',
  arity: [0, Infinity],
  options: {
    root: ROOT,
    port: { type: 'string', short: 'p', arg: 'port', default: '8080', description: 'port on 127.0.0.1 (0 picks a free one)' },
    quiet: { ...QUIET, description: 'print only failed builds and warnings' },
  },
  async run({ values, positionals }) {
    const root = values.root as string;
    const port = wholeNumber('port', values.port as string, 0, 65535);
    const slugs = projectSlugs(root, positionals);
    const quiet = values.quiet === true;
    const say = (line: string) => console.log(line);
    if (!quiet) say(statusText.buildingPreview);
    let preview: Preview | undefined;
    // Registered before the first build: a stop during it must still end the process and clean up.
    const stop = async () => {
      await preview?.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      preview = await startPreview({ root, port, slugs: positionals.length ? slugs : undefined, log: quiet ? (line) => void (/failed|warning/i.test(line) && say(line)) : say });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new EnvironmentError(cliText.portInUse(port, commandLine('serve', [...positionals, '--port', String(port + 1)], root)), { cause: err });
      if (code === 'EACCES') throw new EnvironmentError(cliText.portNeedsPrivileges(port), { cause: err });
      throw err;
    }
    const { url } = preview;
    say(statusText.previewAt(url, slugs.map((s) => `${url}${encodeURIComponent(s)}/`)));
    return 'running';
  },
};

runIfMain(import.meta.url, command);
