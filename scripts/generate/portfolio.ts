// A synthetic portfolio for the benchmarks and the shard test: `count` projects made from the four
// examples' configurations and narratives and the seeded data generators, of varied sizes (MIA
// Vidare's generator at a drawn number of participants, the others at their own size), each
// with its own title and commissioner. Written into a temporary root, never into the repository.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generators } from './generators.ts';
import { writeBenchData } from './mia-vidare.ts';
import { Rng, weighted } from './random.ts';

const REPO = join(import.meta.dirname, '..', '..');

/** The examples a portfolio is drawn from, with how often (Uppsala's 26-page report the rarest). */
const MIX = [['mia-vidare', 5], ['samverkan-leder-till-arbete', 2], ['nya-vagar-till-arbete', 2], ['uppsala-upphandlade-insatser', 1]] as const;
const SHORT: Record<string, string> = { 'mia-vidare': 'mia', 'samverkan-leder-till-arbete': 'samverkan', 'nya-vagar-till-arbete': 'nya-vagar', 'uppsala-upphandlade-insatser': 'uppsala' };
const REGIONS = ['Gävleborg', 'Uppsala län', 'Kalmar län', 'Västernorrland', 'Skåne', 'Örebro kommun', 'Malmö stad'];
const AREAS = ['ESF+ 4(h) aktiv inkludering', 'ESF+ 4(a) tillgång till sysselsättning', 'ESF+ 4(f) utbildning', 'Kommunal arbetsmarknadsinsats'];
const COMMISSIONERS = ['Region Norrsken (påhittad)', 'Samordningsförbundet Älvdalen (påhittat)', 'Kommunförbundet Skärgården (påhittat)', 'Region Mellanbygd (påhittad)', 'Arbetsmarknadsnämnden i Åstad (påhittad)'];

/** The smallest generated MIA Vidare: the size the bench's one-project build uses. */
const MIN_PARTICIPANTS = 1000;

export interface PortfolioProject { slug: string; example: string; participants: number | null }

/**
 * Writes the portfolio's content/ and data/ into `root`; the projects' names sort in the order
 * they were drawn. `seed` fixes everything: the same seed gives the same bytes.
 */
export async function generatePortfolio(root: string, count: number, seed = 20): Promise<PortfolioProject[]> {
  const rng = new Rng(seed);
  const example = weighted(MIX);
  const fixed = new Map<string, Record<string, Buffer>>();
  const width = Math.max(3, String(count).length);
  const made: PortfolioProject[] = [];
  for (let k = 1; k <= count; k++) {
    const from = example(rng);
    const number = String(k).padStart(width, '0');
    const slug = `p${number}-${SHORT[from]}`;
    const content = join(root, 'content', slug);
    cpSync(join(REPO, 'content', from), content, { recursive: true });
    const yaml = join(content, 'report.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^title: (.+)$/m, `title: $1 – portföljprojekt ${number}`).replace(/^commissioner: .+$/m, `commissioner: ${rng.pick(COMMISSIONERS)}\nregion: ${rng.pick(REGIONS)}\nprogramme_area: ${rng.pick(AREAS)}`));
    const data = join(root, 'data', slug);
    let participants: number | null = null;
    if (from === 'mia-vidare') {
      // From 1 000 to 5 000 participants, most of them small (log-uniform). Fewer can leave a unit
      // without any external training, and MIA Vidare's narrative cites those figures by unit.
      participants = Math.round(MIN_PARTICIPANTS * Math.exp(rng.next() * Math.log(5000 / MIN_PARTICIPANTS)));
      await writeBenchData(data, participants, seed * 10_000 + k);
    } else {
      if (!fixed.has(from)) fixed.set(from, generators[from]!());
      mkdirSync(data, { recursive: true });
      for (const [name, bytes] of Object.entries(fixed.get(from)!)) writeFileSync(join(data, name), bytes);
    }
    made.push({ slug, example: from, participants });
  }
  return made;
}
