import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { LOGO_MAX_BYTES } from '../../../common/schemas/agency.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { FONT_FILES } from './pdf.fonts.js';

/** A logo as stored: PNG or JPEG bytes only (an SVG is rasterised on upload). */
export interface StoredLogo {
  contentType: 'image/png' | 'image/jpeg';
  base64: string;
  sha256: string;
  byteSize: number;
  updatedAt: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bigger than any logo needs; caps the memory a decoded image can take. */
const MAX_SIDE = 4000;
/** SVGs become PNGs this wide: sharp in print at the size a logo is placed. */
const SVG_RASTER_WIDTH = 800;

const unsupported = () => new AppError(415, 'agency.logo_type');
const unreadable = () => badRequest('agency.logo_unreadable');

/** What the bytes are, by their content (never by a name or a declared type). */
export function sniffImage(bytes: Buffer): 'png' | 'jpeg' | 'svg' | null {
  if (bytes.length >= 8 && PNG.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return looksLikeSvg(bytes) ? 'svg' : null;
}

function looksLikeSvg(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
  } catch {
    return false;
  }
  // Skip a BOM, the XML declaration, comments and a doctype: the first element must be <svg>.
  const head = text.replace(/^\uFEFF/, '').replace(/^(\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(head);
}

/** Width and height from a PNG's header or a JPEG's frame marker; null when the file is cut or malformed. */
export function imageSize(bytes: Buffer, kind: 'png' | 'jpeg'): { width: number; height: number } | null {
  if (kind === 'png') {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

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
export async function acceptLogo(bytes: Buffer, now: string): Promise<StoredLogo> {
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError(413, 'agency.logo_too_large', { maxMb: LOGO_MAX_BYTES / 1024 / 1024 });
  const kind = sniffImage(bytes);
  if (!kind) throw unsupported();
  const stored = kind === 'svg' ? await rasterise(bytes) : bytes;
  const size = imageSize(stored, kind === 'jpeg' ? 'jpeg' : 'png');
  if (!size || size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE) throw unreadable();
  return {
    contentType: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
    base64: stored.toString('base64'),
    sha256: createHash('sha256').update(stored).digest('hex'),
    byteSize: stored.length,
    updatedAt: now,
  };
}
