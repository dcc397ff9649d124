import fs from 'node:fs';
import { KNOWN_MIGRATIONS } from '../server/db/migrations/index.js';
import { RELEASED_FILE, fingerprint, readReleased } from '../server/db/migrations/released.js';

// Records the fingerprint of every migration not yet released; released ones are never rewritten.
const released = fs.existsSync(RELEASED_FILE) ? readReleased() : {};
const added = KNOWN_MIGRATIONS.filter((name) => !(name in released));
for (const name of added) released[name] = fingerprint(name);
const sorted = Object.fromEntries(Object.entries(released).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(RELEASED_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(added.length ? `Released: ${added.join(', ')}` : 'Every migration was already released.');
