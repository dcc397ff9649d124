/**
 * The colour scheme a person chose, remembered in a cookie as well as in the browser's storage:
 * the server reads it to paint the page dark from the first frame, before any script runs
 * (the content security policy allows no inline script that could do it).
 */
export const COLOR_SCHEME_COOKIE = 'liaison_color_scheme';

export type ColorSchemeChoice = 'light' | 'dark';

/** The choice in a cookie's value; anything else (no cookie, "auto", garbage) is no choice. */
export function parseColorScheme(value: unknown): ColorSchemeChoice | null {
  return value === 'light' || value === 'dark' ? value : null;
}
