// Thin Eleventy configuration: everything it registers lives in scripts/ (see scripts/render/eleventy.ts).
import { registerSite } from './scripts/render/eleventy.ts';

export default function (eleventyConfig) {
  registerSite(eleventyConfig);
}

// No output folder here: the build (scripts/site/build-site.ts) renders into a temporary folder and
// swaps it in only when everything succeeded; a folder named here would win over it.
export const config = {
  dir: { input: 'templates', includes: '_includes' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
