import path from 'node:path';
import type { Plugin } from 'vite';

/** Which pages' code a URL opens; the first rule that matches wins. */
export interface PagePreloadRule {
  /** A regular expression (source) for the path. */
  path: string;
  /** Only with a session cookie (true), only without one (false), or either (omitted). */
  session?: boolean;
  /** The lazily loaded modules the page renders first, relative to the web root (`src/…`). */
  modules: string[];
  /**
   * The API answers the page asks for first, exactly as the app writes their URLs; `$1`… are
   * the path's groups. Asked for only when the address has no query.
   */
  data?: string[];
}

/** What the server reads: for each rule, the files to announce in the page's head. */
export interface PagePreloads {
  rules: { path: string; session?: boolean; scripts: string[]; styles: string[]; data?: string[] }[];
}

export const PAGE_PRELOADS_FILE = 'page-preloads.json';

interface ChunkInfo {
  imports: string[];
  css: string[];
}

/**
 * Writes `page-preloads.json` beside index.html: the scripts and styles of the pages a URL opens
 * (each page's chunk and the chunks it imports, less what index.html already loads). The server
 * lists them in the HTML it sends, so they download with the app's entry instead of after it
 * has run and asked for the session: one round trip fewer before the first paint on a phone.
 */
export function pagePreloads(rules: PagePreloadRule[], everyPage: string[] = []): Plugin {
  let root = '';
  return {
    name: 'liaison-page-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      const byModule = new Map<string, string>();
      let entry = '';
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(file, { imports: out.imports, css: [...(out.viteMetadata?.importedCss ?? [])] });
        if (out.isEntry) entry = file;
        for (const id of Object.keys(out.modules)) byModule.set(path.relative(root, id), file);
      }
      // Dependencies before the chunks that import them: styles must come in that order, as a
      // page's own CSS overrides the components' CSS it builds on.
      const closure = (files: string[]) => {
        const seen = new Set<string>();
        const order: string[] = [];
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const next of chunks.get(file)?.imports ?? []) visit(next);
          order.push(file);
        };
        files.forEach(visit);
        return order;
      };
      const initial = new Set(closure([entry]));
      const initialCss = new Set([...initial].flatMap((f) => chunks.get(f)?.css ?? []));
      const table: PagePreloads = {
        rules: rules.map((rule) => {
          const files = [...everyPage, ...rule.modules].map((m) => {
            const file = byModule.get(m);
            if (!file) this.error(`page preloads: ${m} is in no chunk (moved or renamed?)`);
            return file;
          });
          const needed = closure(files).filter((f) => !initial.has(f));
          const styles = [...new Set(needed.flatMap((f) => chunks.get(f)?.css ?? []))].filter((c) => !initialCss.has(c));
          return {
            path: rule.path,
            session: rule.session,
            scripts: needed.map((f) => `/${f}`),
            styles: styles.map((c) => `/${c}`),
            data: rule.data,
          };
        }),
      };
      this.emitFile({ type: 'asset', fileName: PAGE_PRELOADS_FILE, source: `${JSON.stringify(table, null, 2)}\n` });
    },
  };
}
