import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
/** Migration name -> SHA-256 of its file as it was released. */
export const RELEASED_FILE = path.join(DIR, 'released.json');

/** A migration's fingerprint: its source with line endings normalised, so a checkout's settings do not change it. */
export function fingerprint(name: string): string {
  const source = fs.readFileSync(path.join(DIR, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(source).digest('hex');
}

export function readReleased(): Record<string, string> {
  return JSON.parse(fs.readFileSync(RELEASED_FILE, 'utf8')) as Record<string, string>;
}
