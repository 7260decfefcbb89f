// Writes the synthetic example data sets into data/<slug>/.
// Usage: node --import tsx scripts/generate/index.ts [slug ...]   (no slug: all examples)
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateText } from '../problem-messages.ts';
import { generators } from './generators.ts';

export { generators };

const root = fileURLToPath(new URL('../../', import.meta.url));

async function main(slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    const generate = generators[slug];
    if (!generate) throw new Error(generateText.unknownExample(slug, Object.keys(generators)));
    const dir = join(root, 'data', slug);
    await mkdir(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(generate())) {
      await writeFile(join(dir, name), bytes);
      // Rows = CRLF-terminated lines minus the header (no field here contains a line break).
      const rows = bytes.toString('latin1').split('\r\n').length - 2;
      console.log(`wrote data/${slug}/${name}  ${bytes.length} bytes, ${rows} rows`);
    }
  }
}

main(process.argv.length > 2 ? process.argv.slice(2) : Object.keys(generators)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
