// One benchmark repetition in a fresh process (so peak RSS is this run's own): load, validate
// and map a project's raw files, then compute every indicator. Prints one JSON line.
import { computeIndicators } from '../engine/compute.ts';
import { loadProject } from '../read/project.ts';

const [root, slug] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const { config, dataset, inputs } = await loadProject({ root, slug });
const t1 = performance.now();
const computed = computeIndicators(config, dataset);
const t2 = performance.now();
console.log(
  JSON.stringify({
    readMs: t1 - t0,
    computeMs: t2 - t1,
    totalMs: t2 - t0,
    rows: inputs.reduce((s, i) => s + i.rows, 0),
    figures: computed.figures.length,
    // By "id|unit|gender": a count's or sum's value, a share's numerator (what a peer compares).
    values: Object.fromEntries(computed.figures.filter((f) => f.category === undefined).map((f) => [`${f.id}|${f.unit}|${f.gender}`, f.kind === 'share' ? f.numerator : f.value])),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
