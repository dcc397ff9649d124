import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DialectName } from '../../db/database.js';

export const ManifestSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  dialect: z.enum(['sqlite', 'postgres']),
  schemaVersion: z.string(),
  appVersion: z.string(),
  createdAt: z.string(),
  /** Scheduled backups are pruned by the retention rules; manual ones are kept until removed by hand. */
  trigger: z.enum(['manual', 'scheduled']),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const EXTENSION: Record<DialectName, string> = { sqlite: '.sqlite', postgres: '.pgdump' };
const MANIFEST_SUFFIX = '.manifest.json';

/** `liaison-20261201T031500Z-0039_staff_inbox`: sorts by time as text, says what schema it holds. */
export function backupBaseName(createdAt: Date, schemaVersion: string): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `liaison-${stamp}-${schemaVersion}`;
}

export const dataFileName = (base: string, dialect: DialectName) => base + EXTENSION[dialect];
export const manifestPathOf = (dataFile: string) => dataFile.replace(/\.(sqlite|pgdump)$/, '') + MANIFEST_SUFFIX;
export const isManifestFile = (name: string) => name.startsWith('liaison-') && name.endsWith(MANIFEST_SUFFIX);

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeManifest(dataFile: string, manifest: Manifest): Promise<string> {
  const target = manifestPathOf(dataFile);
  const partial = `${target}.partial`;
  await fs.promises.writeFile(partial, JSON.stringify(manifest, null, 2) + '\n');
  await fs.promises.rename(partial, target);
  return target;
}

export class ManifestError extends Error {
  name = 'ManifestError';
}

/** Reads the manifest of a backup given either its data file or the manifest itself. */
export async function readManifest(file: string): Promise<{ manifest: Manifest; dataFile: string; manifestFile: string }> {
  const manifestFile = file.endsWith(MANIFEST_SUFFIX) ? file : manifestPathOf(file);
  let raw: string;
  try {
    raw = await fs.promises.readFile(manifestFile, 'utf8');
  } catch {
    throw new ManifestError(`No manifest next to the backup: expected ${manifestFile}.`);
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new ManifestError(`The manifest ${manifestFile} is not one Liaison wrote: ${parsed.error.issues[0].message}`);
  return { manifest: parsed.data, dataFile: path.join(path.dirname(manifestFile), parsed.data.file), manifestFile };
}

/** The data file is the one the manifest describes, byte for byte, and of the dialect expected. */
export async function verifyManifest(manifest: Manifest, dataFile: string, dialect: DialectName): Promise<void> {
  if (manifest.dialect !== dialect) {
    throw new ManifestError(
      `The backup is of a ${manifest.dialect} database but the configured one is ${dialect}` +
        (dialect === 'postgres' ? ' (DATABASE_URL is set).' : ' (DATABASE_URL is not set).'),
    );
  }
  const stat = await fs.promises.stat(dataFile).catch(() => null);
  if (!stat) throw new ManifestError(`The backup file ${dataFile} named by the manifest is missing.`);
  if (stat.size !== manifest.size || (await sha256Of(dataFile)) !== manifest.sha256) {
    throw new ManifestError(`The backup file ${dataFile} does not match its manifest (size or SHA-256 differ): it was changed or damaged.`);
  }
}
