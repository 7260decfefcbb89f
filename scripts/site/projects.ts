// The projects of a root folder, without loading the build (Eleventy, Chromium) for tools such as
// `npm run check` that must start fast.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Problem } from '../problems.ts';
import { siteText } from '../problem-messages.ts';

/** A project folder's name: it becomes a path and a URL of the site, so only these characters. */
export const PROJECT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Top-level folders of the site that are not projects (templates/assets; scripts/portfolio/site-pages.ts). */
const RESERVED = ['assets', 'portfolio'];

/** The problem with a project folder named `slug`, or null (the name is quoted escaped, capped and masked like any value). */
export function projectNameProblem(slug: string): Problem | null {
  if (RESERVED.includes(slug)) return { file: 'content/', value: slug, expected: siteText.reservedProjectName(RESERVED) };
  if (PROJECT_NAME.test(slug)) return null;
  return { file: 'content/', value: slug, expected: siteText.projectName };
}

/** Every project name refused, thrown together. */
export function assertProjectNames(slugs: string[]): void {
  const problems = slugs.map(projectNameProblem).filter((p): p is Problem => p !== null);
  if (problems.length > 0) throw new InputError(problems);
}

/** Every folder of content/ with a report.yaml, sorted. */
export function listProjects(root: string): string[] {
  const content = join(root, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(content, d.name, 'report.yaml')))
    .map((d) => d.name)
    .sort();
}
