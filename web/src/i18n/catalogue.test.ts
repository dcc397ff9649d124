import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A language's catalogue: en.json plus any feature catalogue beside it (`<feature>.en.json`). */
function catalogue(language: string): object[] {
  return readdirSync(__dirname)
    .filter((f) => f === `${language}.json` || (f.endsWith(`.${language}.json`) && !f.includes('server-messages')))
    .map((f) => JSON.parse(readFileSync(path.join(__dirname, f), 'utf8')) as object);
}

/** Every key of a nested catalogue, with plural suffixes folded into their base key. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [file] : [];
  });
}

describe('the English and Russian catalogues', () => {
  const enKeys = new Set(catalogue('en').flatMap((c) => keys(c)));
  const ruKeys = new Set(catalogue('ru').flatMap((c) => keys(c)));

  it('have the same keys', () => {
    expect([...enKeys].filter((k) => !ruKeys.has(k))).toEqual([]);
    expect([...ruKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('contain every literal key the code asks for', () => {
    const root = path.resolve(__dirname, '..');
    const used = sourceFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('name every value of the enums the UI translates', async () => {
    const enums = await import('@common/enums');
    const groups: [string, readonly string[]][] = [
      ['roles', enums.ROLES],
      ['accountStatus', enums.ACCOUNT_STATUSES],
      ['decisionRole', enums.DECISION_ROLES],
      ['interactionType', enums.INTERACTION_TYPES],
      ['languages', enums.LANGUAGES],
      ['timeline.event', enums.TIMELINE_EVENT_KINDS],
      ['timeline.log', enums.INTERACTION_TYPES],
      ['documentKind', enums.DOCUMENT_KINDS],
      ['documentStatus', enums.DOCUMENT_STATUSES],
    ];
    const missing = groups.flatMap(([group, values]) => values.map((v) => `${group}.${v}`)).filter((k) => !enKeys.has(k));
    expect(missing).toEqual([]);
  });
});
