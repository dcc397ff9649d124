import { describe, expect, it } from 'vitest';
import { KNOWN_MIGRATIONS } from './index.js';
import { fingerprint, readReleased } from './released.js';

// Databases out there ran these files as they were: changing one would leave them with a schema
// no fresh install has. A change is a new migration.
describe('released migrations', () => {
  const released = readReleased();

  it('are never changed once released', () => {
    for (const [name, hash] of Object.entries(released)) expect(fingerprint(name), `${name}.ts changed after its release`).toBe(hash);
  });

  it('are all still run, and every migration is released with its fingerprint (npm run migrations:release)', () => {
    expect(Object.keys(released).sort()).toEqual([...KNOWN_MIGRATIONS]);
  });
});
