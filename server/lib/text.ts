import { sql, type SqlBool } from 'kysely';

/**
 * Lower-cases with Unicode rules and folds ё to е, so «Ёлка» is found by «елк». Plain
 * toLowerCase: Russian has no casing rules of its own (only Turkish, Azeri and Lithuanian do),
 * and the locale-aware call cost several times more on bulk imports. ASCII needs no more.
 */
export function foldText(value: string): string {
  const lower = value.toLowerCase();
  return ASCII.test(lower) ? lower : lower.replace(/ё/g, 'е').normalize('NFC');
}

const ASCII = /^[\x00-\x7f]*$/;

/** Joins the searchable fields of a record into one folded string. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return foldText(parts.filter(Boolean).join(' '));
}

/** A LIKE pattern matching the folded query anywhere; %, _ and \ are escaped. */
export function likePattern(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE %query%` over folded text, with the escape character both databases honour. */
export function matchesText(column: string, query: string) {
  return matchesPattern(column, likePattern(query));
}

/** `column LIKE pattern`, for a pattern made by likePattern. */
export function matchesPattern(column: string, pattern: string) {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * Paths ("lines.0.description") of every string or key in a parsed JSON value that holds a NUL
 * character, which PostgreSQL cannot store. Walked without recursion: the nesting is the client's.
 */
export function nulCharacterPaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  const pending: Array<[unknown, string]> = [[value, '']];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (pending.length > 0 && found.length < limit) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path);
    } else if (ArrayBuffer.isView(current)) {
      // an uploaded file's bytes (a logo, a scan) hold no text: walking them byte by byte would take seconds
      continue;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, join(path, i)]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) found.push(join(path, key.replace(/\u0000/g, '\\u0000')));
        else pending.push([item, join(path, key)]);
      }
    }
  }
  return found.sort();
}
