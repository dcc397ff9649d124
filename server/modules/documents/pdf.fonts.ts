import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** DejaVu Sans from npm: one family that covers Latin and Cyrillic, embedded (subset) in every PDF. */
export const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  normal: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italics: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  bolditalics: path.join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
};
