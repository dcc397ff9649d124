import fs from 'node:fs';

/** The release of Liaison this build is (package.json's version). */
export const APP_VERSION = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
