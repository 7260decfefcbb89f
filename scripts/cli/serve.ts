// npm run serve [-- <slug> …] [--root <dir>] [--port 8080]: a live preview on localhost. Builds the
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
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildSite } from '../site/build-site.ts';
import { listProjects } from '../site/projects.ts';
import { InputError } from '../problems.ts';
import { escapeHtml } from '../render/html.ts';
import { maskStdio, maskText } from '../privacy/mask.ts';

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

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.root);
  const work = mkdtempSync(join(tmpdir(), 'eval-report-preview-'));
  // However the process ends (Ctrl+C during the first build included), the preview folder goes.
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const outDir = join(work, '_site');
  let build = 0; // number of the last finished build
  let error: Error | null = null;
  let running: Promise<void> | null = null;
  let queued = false;
  const clients = new Set<ServerResponse>();

  const announce = () => {
    for (const c of clients) c.write(`data: ${build}\n\n`);
  };
  async function rebuild(): Promise<void> {
    const started = performance.now();
    const slugs = opts.slugs?.length ? opts.slugs : listProjects(root);
    try {
      await buildSite({ root, outDir, slugs, pdf: false, log: () => {} });
      error = null;
      log(`Rebuilt ${slugs.join(', ')} in ${Math.round(performance.now() - started)} ms.`);
    } catch (err) {
      error = err as Error;
      log(`Build failed (the preview shows the problems; the server keeps running):\n${err instanceof InputError ? err.message : ((err as Error).stack ?? err)}`);
    }
    build++;
    announce();
  }
  /** Runs a build now, or once more after the running one. */
  function schedule(): Promise<void> {
    if (running) {
      queued = true;
      return running;
    }
    running = (async () => {
      do {
        queued = false;
        await rebuild();
      } while (queued);
      running = null;
    })();
    return running;
  }

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__preview/reload.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(RELOAD_JS);
    if (path === '/__preview/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${build}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep) && file !== outDir) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const html = extname(file) === '.html';
    if (html && error) return void res.writeHead(500, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(errorPage(error, build));
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(html ? previewHtml(readFileSync(file, 'utf8'), build) : readFileSync(file));
  });

  // Listen first, so that a port in use is reported at once; then the first build.
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port, '127.0.0.1', () => ok());
    });
  } catch (err) {
    process.off('exit', cleanUp);
    cleanUp();
    throw err;
  }
  await schedule();
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : opts.port}/`;

  // fs.watch is recursive on Linux from Node 20; a change anywhere below the three folders rebuilds.
  let timer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(), opts.debounceMs ?? 80);
  };
  const watchers: FSWatcher[] = [join(root, 'content'), join(root, 'data'), join(REPO, 'templates')]
    .filter((d) => existsSync(d))
    .map((d) => watch(d, { recursive: true }, onChange));

  return {
    url,
    settled: async () => {
      // A change may still be waiting out the debounce: give it the time to start.
      await new Promise((r) => setTimeout(r, (opts.debounceMs ?? 80) + 20));
      while (running) await running;
      return error;
    },
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      while (running) await running;
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      process.off('exit', cleanUp);
      cleanUp();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  maskStdio(); // every printed line masked (scripts/privacy/mask.ts)
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string', default: '.' }, port: { type: 'string', default: '8080' } },
  });
  const log = (line: string) => console.log(line);
  const slugs = positionals.length ? positionals : listProjects(values.root!);
  if (slugs.length === 0) {
    console.error(`No project in ${join(values.root!, 'content')}: make one with npm run new -- <slug>.`);
    process.exit(1);
  }
  console.log('Building the preview (pages only, no PDF) …');
  let preview: Preview | undefined;
  // Registered before the first build: a stop during it must still end the process and clean up.
  const stop = async () => {
    await preview?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    preview = await startPreview({ root: values.root!, port: Number(values.port), slugs: positionals, log });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${values.port} is in use: choose another with npm run serve -- --port 8081`);
      process.exit(1);
    }
    throw err;
  }
  const { url } = preview;
  console.log(`\nPreview at ${url}\n${slugs.map((s) => `  ${url}${encodeURIComponent(s)}/`).join('\n')}\nWatching content/, data/ and templates/; the browser reloads on every save. Ctrl+C stops.`);
}
