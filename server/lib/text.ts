import { sql, type SqlBool } from 'kysely';

/** Lower-cases with Unicode rules and folds ё to е, so «Ёлка» is found by «елк». */
export function foldText(value: string): string {
  return value.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').normalize('NFC');
}

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
