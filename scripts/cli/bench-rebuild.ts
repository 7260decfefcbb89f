// Benchmark repetition: after a warm build, edit one narrative file and rebuild the pages (no
// PDF), as a live preview does. Prints one JSON line with the rebuild times in ms.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../site/build-site.ts';

const [repo, slug, edits = '3'] = process.argv.slice(2) as [string, string, string?];
const root = mkdtempSync(join(tmpdir(), 'bench-edit-'));
try {
  for (const d of ['content', 'data']) cpSync(join(repo, d, slug), join(root, d, slug), { recursive: true });
  const opts = { root, outDir: join(root, '_site'), slugs: [slug], pdf: false };
  await buildSite(opts); // warm: data step cached, modules loaded
  const times: number[] = [];
  for (let i = 0; i < Number(edits); i++) {
    appendFileSync(join(root, 'content', slug, 'sammanfattning.md'), `\nEn mening till, ändring nummer ${'i'.repeat(i + 1)}.\n`);
    const t0 = performance.now();
    await buildSite(opts);
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify({ rebuildMs: times }));
} finally {
  rmSync(root, { recursive: true, force: true });
}
