import type { Plugin } from 'vite';

/**
 * The first cycle among the chunks' static imports (`a → b → a`), or null. Modules of chunks
 * that import each other run in an order the source never had: a module may read another's
 * export before it is set (a schema built from an enum that is still undefined).
 */
export function chunkCycle(imports: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'visiting') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'visiting');
    path.push(file);
    for (const next of imports.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of imports.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

/** Fails the build when the chunk groups of vite.config.ts make chunks import each other. */
export function noChunkCycles(): Plugin {
  return {
    name: 'liaison-no-chunk-cycles',
    apply: 'build',
    generateBundle(_options, bundle) {
      const imports = new Map<string, string[]>();
      for (const [file, out] of Object.entries(bundle)) if (out.type === 'chunk') imports.set(file, out.imports);
      const cycle = chunkCycle(imports);
      if (cycle) this.error(`chunks import each other: ${cycle.join(' → ')}; change the groups in vite.config.ts`);
    },
  };
}
