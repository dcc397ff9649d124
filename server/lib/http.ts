import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldError } from './errors.js';

/** The version a client expects from `If-Match: "3"` (weak tags accepted); undefined without one. */
export function expectedVersion(req: FastifyRequest): number | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(String(header));
  if (!m) throw fieldError('If-Match', 'validation.if_match');
  return Number(m[1]);
}

/** Sends a record with its version as ETag, so a later PATCH can send it back in If-Match. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', `"${record.version}"`);
  return record;
}
