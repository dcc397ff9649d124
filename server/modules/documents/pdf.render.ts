import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_DIR, FONT_FILES } from './pdf.fonts.js';
import { layoutDocument } from './pdf.layout.js';
import type { PdfModel } from './pdf.model.js';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');

pdfmake.setFonts({ DejaVuSans: FONT_FILES });
// Documents never fetch anything: no URL at all, and no file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));

async function toBytes(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Lays out and renders one document; a logo that cannot be decoded is left out rather than failing the PDF. */
export async function renderPdf(model: PdfModel): Promise<Uint8Array> {
  try {
    return await toBytes(layoutDocument(model));
  } catch (err) {
    if (!model.logo) throw err;
    return toBytes(layoutDocument(model, false));
  }
}
