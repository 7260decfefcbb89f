// The visibility and branding of a report's page and cover: the EU emblem with its funding
// statement (funding: esf_plus), the project's and evaluator's logos, the accent colour. The
// emblem is drawn (render/emblem.ts); logos are read and checked (read/logo.ts). No logo is
// higher than the emblem (Regulation (EU) 2021/1060, Annex IX: the emblem at least as large,
// in height or width, as the biggest other logo).
import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import { t, type Language } from '../messages.ts';
import type { Problem } from '../problems.ts';
import { readLogo } from '../read/logo.ts';
import { emblemSvg } from './emblem.ts';

/** Height of the emblem in CSS pixels on the page and the cover; every logo is at most this high. */
export const EMBLEM_HEIGHT = 60;
/** Widest a logo is drawn: a wide logo is drawn lower instead. */
export const LOGO_MAX_WIDTH = 220;

export interface EmblemView {
  svg: string;
  statement: string;
}

export interface BrandingView {
  emblem: EmblemView | null;
  logos: { src: string; alt: string; width: number; height: number }[];
  /** #rrggbb (checked for contrast when the configuration was loaded), or null for the default. */
  accent: string | null;
}

/** The emblem and statement for a funding programme, or null when there is none. */
export function emblemView(funding: Config['funding'], lang: Language): EmblemView | null {
  if (funding !== 'esf_plus') return null;
  return { svg: emblemSvg(EMBLEM_HEIGHT, t(lang, 'funding.emblem_alt')), statement: t(lang, 'funding.eu_statement') };
}

/** A logo's drawn size: its proportions kept, at most EMBLEM_HEIGHT high and LOGO_MAX_WIDTH wide. */
export function logoSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(EMBLEM_HEIGHT / height, LOGO_MAX_WIDTH / width);
  return { width: Math.round(width * scale), height: Math.floor(height * scale) };
}

/** The branding of one report; logo problems are added to `problems`. */
export function brandingView(config: Config, lang: Language, contentDir: string, contentShown: string, problems: Problem[]): BrandingView {
  const root = join(contentDir, '..', '..');
  const logos: BrandingView['logos'] = [];
  (config.branding?.logos ?? []).forEach((l, i) => {
    const logo = readLogo(join(contentDir, l.file), root, `${contentShown}/${l.file}`, `branding.logos[${i}].file of ${contentShown}/report.yaml`);
    if ('file' in logo) return void problems.push(logo);
    logos.push({ src: logo.dataUrl, alt: l.alt, ...logoSize(logo.width, logo.height) });
  });
  return { emblem: emblemView(config.funding, lang), logos, accent: config.branding?.accent ?? null };
}
