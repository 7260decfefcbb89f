// The examples' seeded generators by project slug (file name -> exact bytes), without the
// command of index.ts, so that the portfolio generator can use them. Register new examples here.
import { generateMiaVidare } from './mia-vidare.ts';
import { generateSamverkan } from './samverkan.ts';
import { generateUppsala } from './uppsala.ts';
import { generateNyaVagar } from './nya-vagar.ts';

export const generators: Record<string, () => Record<string, Buffer>> = {
  'mia-vidare': generateMiaVidare,
  'samverkan-leder-till-arbete': generateSamverkan,
  'uppsala-upphandlade-insatser': generateUppsala,
  'nya-vagar-till-arbete': generateNyaVagar,
};
