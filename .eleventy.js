// Thin Eleventy configuration: the build registers everything else (registerSite in
// scripts/render/eleventy.ts, called by scripts/site/build-site.ts), so that this file imports
// no TypeScript and the compiled command line (scripts/compile.mjs) loads it as it is.
export default function () {}

// No output folder here: the build (scripts/site/build-site.ts) renders into a temporary folder and
// swaps it in only when everything succeeded; a folder named here would win over it.
export const config = {
  dir: { input: 'templates', includes: '_includes' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
