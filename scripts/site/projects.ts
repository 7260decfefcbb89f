// The projects of a root folder, without loading the build (Eleventy, Chromium) for tools such as
// `npm run check` that must start fast.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every folder of content/ with a report.yaml, sorted. */
export function listProjects(root: string): string[] {
  const content = join(root, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(content, d.name, 'report.yaml')))
    .map((d) => d.name)
    .sort();
}
