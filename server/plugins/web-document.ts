import type { ColorSchemeChoice } from '../../common/color-scheme.js';

/** What the server knows about a visitor before the web app runs. */
export interface Visitor {
  /** The path asked for (without the query). */
  path: string;
  /** The request carries a session cookie (maybe expired: the app finds out). */
  hasSession: boolean;
  colorScheme: ColorSchemeChoice | null;
}

/** The build's table of the code each first page needs (written by scripts/vite-page-preloads.ts). */
export interface PagePreloads {
  rules: { path: string; session?: boolean; scripts: string[]; styles: string[] }[];
}

/** The pages that never need the signed-in user. */
const PUBLIC_PAGES = /^\/(sign-in|setup)(\/|$)/;
/** Only files the build wrote may be announced (the table is ours, but a link is HTML). */
const ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;

/** The scripts and styles of the page at this path, from the first rule that matches. */
export function pageAssets(table: PagePreloads | null, visitor: Pick<Visitor, 'path' | 'hasSession'>) {
  const rule = table?.rules.find(
    (r) => (r.session === undefined || r.session === visitor.hasSession) && new RegExp(r.path).test(visitor.path),
  );
  return { scripts: (rule?.scripts ?? []).filter((f) => ASSET.test(f)), styles: (rule?.styles ?? []).filter((f) => ASSET.test(f)) };
}

/**
 * The built index.html made ready for this visitor's first paint: in the colour scheme they
 * chose (Mantine's attribute, so its CSS paints dark at once); announcing the code of the page
 * they open, so it downloads with the entry rather than after it has run; and, with a session,
 * asking for the signed-in user at the same time.
 */
export function documentFor(html: string, visitor: Visitor, table: PagePreloads | null = null): string {
  let out = html;
  if (visitor.colorScheme) {
    const scheme = visitor.colorScheme;
    out = out
      .replace(/<html\b/i, `<html data-mantine-color-scheme="${scheme}"`)
      .replace(/<meta name="color-scheme" content="[^"]*"/i, `<meta name="color-scheme" content="${scheme}"`);
  }
  const links: string[] = [];
  if (visitor.hasSession && !PUBLIC_PAGES.test(visitor.path)) {
    // `crossorigin` makes the preload a CORS request with same-origin credentials, as fetch() is,
    // so the app's own request for /auth/me is answered from it.
    links.push('<link rel="preload" href="/api/v1/auth/me" as="fetch" crossorigin>');
  }
  const { scripts, styles } = pageAssets(table, visitor);
  // Attributes as Vite writes them, so its loader finds these links and does not add its own.
  for (const href of styles) links.push(`<link rel="stylesheet" crossorigin href="${href}">`);
  for (const href of scripts) links.push(`<link rel="modulepreload" crossorigin href="${href}">`);
  if (links.length) out = out.replace(/<\/head>/i, `  ${links.join('\n    ')}\n  </head>`);
  return out;
}
