// Builds the web app for `npm start` unless a build is already there (`--force` rebuilds).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const built = existsSync(new URL('../web/dist/index.html', import.meta.url));
const hasSources = existsSync(new URL('../web/index.html', import.meta.url));
if (hasSources && (!built || process.argv.includes('--force'))) {
  console.log('Building the web app…');
  const res = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(res.status ?? 1);
}
