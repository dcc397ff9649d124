import fs from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { LOGO_MAX_BYTES } from '../../../common/schemas/agency.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { acceptImage, type StoredImage } from '../../lib/image-upload.js';
import { FONT_FILES } from './pdf.fonts.js';

/** A logo as stored: PNG or JPEG bytes only (an SVG is rasterised on upload). */
export type StoredLogo = StoredImage;

/** SVGs become PNGs this wide: sharp in print at the size a logo is placed. */
const SVG_RASTER_WIDTH = 800;

const unreadable = () => badRequest('agency.logo_unreadable');

let wasmReady: Promise<void> | null = null;
let fontBuffer: Uint8Array | null = null;

function resvgReady(): Promise<void> {
  if (!wasmReady) {
    const require = createRequire(import.meta.url);
    wasmReady = initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    fontBuffer = fs.readFileSync(FONT_FILES.normal);
  }
  return wasmReady;
}

/**
 * Draws an SVG into a PNG with resvg (WebAssembly): it has no script engine and loads no
 * external resource, so nothing in the file can run or reach out, and only pixels are kept.
 */
async function rasterise(svg: Buffer): Promise<Buffer> {
  await resvgReady();
  try {
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: SVG_RASTER_WIDTH },
      font: { fontBuffers: [fontBuffer!], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    });
    if (resvg.width < 1 || resvg.height < 1 || resvg.height / resvg.width > 10) throw unreadable();
    const png = Buffer.from(resvg.render().asPng());
    resvg.free();
    return png;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }
}

/** Checks an upload (size, type by content, dimensions) and turns it into the logo to store. */
export function acceptLogo(bytes: Buffer, now: string): Promise<StoredLogo> {
  return acceptImage(bytes, now, {
    maxBytes: LOGO_MAX_BYTES,
    tooLarge: 'agency.logo_too_large',
    wrongType: 'agency.logo_type',
    unreadable: 'agency.logo_unreadable',
    rasterise,
  });
}
