import type { ColorSchemeChoice } from '../../common/color-scheme.js';

/** What the server knows about a visitor before the web app runs. */
export interface Visitor {
  /** The path asked for (without the query). */
  path: string;
  /** The address has a query (filters, a tab): the page's first API calls are not the usual ones. */
  hasQuery?: boolean;
  /** The request carries a session cookie (maybe expired: the app finds out). */
  hasSession: boolean;
  colorScheme: ColorSchemeChoice | null;
}

/** The build's table of the code each first page needs (written by scripts/vite-page-preloads.ts). */
export interface PagePreloads {
  rules: { path: string; session?: boolean; scripts: string[]; styles: string[]; data?: string[] }[];
}

/** The pages that never need the signed-in user. */
const PUBLIC_PAGES = /^\/(sign-in|setup)(\/|$)/;
/** Only files the build wrote may be announced (the table is ours, but a link is HTML). */
const ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;
/** A path's part that may go into an API address: what record ids are made of. */
const ID = /^[\w-]{1,64}$/;

/**
 * The scripts and styles of the page at this path, from the first rule that matches, and the API
 * answers it asks for first (the path's ids put in; none if one is not an id or with a query).
 */
export function pageAssets(table: PagePreloads | null, visitor: Pick<Visitor, 'path' | 'hasSession' | 'hasQuery'>) {
  let groups: string[] = [];
  const rule = table?.rules.find((r) => {
    if (r.session !== undefined && r.session !== visitor.hasSession) return false;
    const match = new RegExp(r.path).exec(visitor.path);
    groups = match?.slice(1) ?? [];
    return match !== null;
  });
  const wantsData = !visitor.hasQuery && groups.every((g) => g === undefined || ID.test(g));
  const data = wantsData ? (rule?.data ?? []).map((url) => url.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '')) : [];
  return {
    scripts: (rule?.scripts ?? []).filter((f) => ASSET.test(f)),
    styles: (rule?.styles ?? []).filter((f) => ASSET.test(f)),
    data: data.filter((url) => url.startsWith('/api/v1/') && !url.includes('"')),
  };
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
  const { scripts, styles, data } = pageAssets(table, visitor);
  if (visitor.hasSession && !PUBLIC_PAGES.test(visitor.path)) data.unshift('/api/v1/auth/me');
  // `crossorigin` makes the preload a CORS request with same-origin credentials, as fetch() is,
  // so the app's own request for the same address is answered from it.
  for (const href of data) links.push(`<link rel="preload" href="${href}" as="fetch" crossorigin>`);
  // The page's stylesheets download at once but do not hold the first paint (the product's name,
  // painted from this file): Vite's loader applies each with the code that needs it, from the cache.
  for (const href of styles) links.push(`<link rel="preload" as="style" crossorigin href="${href}">`);
  for (const href of scripts) links.push(`<link rel="modulepreload" crossorigin href="${href}">`);
  if (links.length) out = out.replace(/<\/head>/i, `  ${links.join('\n    ')}\n  </head>`);
  return out;
}
