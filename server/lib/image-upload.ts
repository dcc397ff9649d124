import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MessageCode } from '../../common/messages/index.js';
import { AppError, badRequest } from './errors.js';

/** An uploaded image as stored: PNG or JPEG bytes only. */
export interface StoredImage {
  contentType: 'image/png' | 'image/jpeg';
  base64: string;
  sha256: string;
  byteSize: number;
  updatedAt: string;
}

/** What an upload may be and the message codes that say why it was refused. */
export interface ImageRules {
  maxBytes: number;
  tooLarge: MessageCode;
  wrongType: MessageCode;
  unreadable: MessageCode;
  /** Turns an SVG into PNG bytes; without it an SVG is refused like any other type. */
  rasterise?: (svg: Buffer) => Promise<Buffer>;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bigger than any logo or photo needs; caps the memory a decoded image can take. */
const MAX_SIDE = 4000;

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

/** Checks an upload (size, type by content, dimensions) and turns it into the image to store. */
export async function acceptImage(bytes: Buffer, now: string, rules: ImageRules): Promise<StoredImage> {
  if (bytes.length > rules.maxBytes) throw new AppError(413, rules.tooLarge, { maxMb: rules.maxBytes / 1024 / 1024 });
  const kind = sniffImage(bytes);
  if (!kind || (kind === 'svg' && !rules.rasterise)) throw new AppError(415, rules.wrongType);
  const stored = kind === 'svg' ? await rules.rasterise!(bytes) : bytes;
  const size = imageSize(stored, kind === 'jpeg' ? 'jpeg' : 'png');
  if (!size || size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE) throw badRequest(rules.unreadable);
  return {
    contentType: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
    base64: stored.toString('base64'),
    sha256: createHash('sha256').update(stored).digest('hex'),
    byteSize: stored.length,
    updatedAt: now,
  };
}

/** Content types an image upload may declare; what it really is, is decided by its bytes. */
export const IMAGE_UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'application/octet-stream'];
/** Lets a too-large image reach the service, which answers 413 with the limit in words; far beyond it Fastify refuses. */
export const IMAGE_UPLOAD_BODY_LIMIT = 4 * 1024 * 1024;

/** Lets the routes of `app` take an image as the raw request body. */
export function acceptImageUploads(app: Pick<FastifyInstance, 'addContentTypeParser'>): void {
  app.addContentTypeParser(IMAGE_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMAGE_UPLOAD_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
}

/**
 * Sends a stored image: private to the signed-in reader, checked again on each use. With its
 * hash as ETag, a browser that has this very image is answered 304 without the bytes.
 */
export function sendImage(reply: FastifyReply, file: { contentType: string; bytes: Buffer; sha256?: string }) {
  reply.header('cache-control', 'private, no-cache');
  if (file.sha256) {
    const etag = `"${file.sha256}"`;
    reply.header('etag', etag);
    if (reply.request.headers['if-none-match'] === etag) return reply.code(304).send();
  }
  return reply.type(file.contentType).send(file.bytes);
}
