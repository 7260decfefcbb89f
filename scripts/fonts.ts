// The report's one font family, self-hosted: the same files are registered for chart text
// measurement and copied into the site (assets/fonts/) for the pages and the PDF.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'Source Sans 3';

const pkg = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/source-sans-3/package.json'));

/** Name in assets/fonts/ → source file (SIL Open Font License, from @expo-google-fonts/source-sans-3). */
export const FONT_FILES: Record<string, string> = {
  'SourceSans3-Regular.ttf': join(pkg, '400Regular', 'SourceSans3_400Regular.ttf'),
  'SourceSans3-Italic.ttf': join(pkg, '400Regular_Italic', 'SourceSans3_400Regular_Italic.ttf'),
  'SourceSans3-SemiBold.ttf': join(pkg, '600SemiBold', 'SourceSans3_600SemiBold.ttf'),
  'SourceSans3-Bold.ttf': join(pkg, '700Bold', 'SourceSans3_700Bold.ttf'),
};
