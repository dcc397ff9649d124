import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';

/** What a stored upload may weigh. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The size of each stored piece of a file: reading or writing one never holds more. */
const CHUNK_BYTES = 1024 * 1024;
/** How much of the start of a file its format, encoding and delimiter are judged by. */
export const HEAD_BYTES = 64 * 1024;

export interface StoredFile {
  sha256: string;
  size: number;
  /** The first bytes, to tell the format, the encoding and the delimiter. */
  head: Buffer;
}

/**
 * Writes an upload into the database a chunk at a time as it arrives, hashing it on the way;
 * past `maxBytes` it stops with 413 (the caller removes what was written).
 */
export async function storeFile(db: Kysely<DB>, importId: string, input: Readable, maxBytes = MAX_IMPORT_BYTES): Promise<StoredFile> {
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let head: Buffer | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    head ??= data.subarray(0, HEAD_BYTES);
    await db.insertInto('import_file_chunks').values({ import_id: importId, seq: seq++, data }).execute();
    pending = [];
    pendingBytes = 0;
  };
  for await (const piece of input as AsyncIterable<Buffer>) {
    size += piece.length;
    if (size > maxBytes) {
      input.destroy();
      throw new AppError(413, 'import.too_large', { maxMb: Math.round(maxBytes / 1024 / 1024) });
    }
    hash.update(piece);
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return { sha256: hash.digest('hex'), size, head: head ?? Buffer.alloc(0) };
}

/** The stored file, a chunk at a time in order (one query per chunk, so memory stays flat). */
export async function* readFile(db: Kysely<DB>, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const row = await db
      .selectFrom('import_file_chunks')
      .select('data')
      .where('import_id', '=', importId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield Buffer.from(row.data);
  }
}

/** The first bytes of the stored file. */
export async function headOf(db: Kysely<DB>, importId: string): Promise<Buffer> {
  for await (const chunk of readFile(db, importId)) return chunk.subarray(0, HEAD_BYTES);
  return Buffer.alloc(0);
}
