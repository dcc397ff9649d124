/**
 * Search folds text the same way when indexing and when asked: lower case by Unicode rules,
 * ё as е, marks stripped after NFKD (é → e, й → и: typed either way, found either way), then
 * split into words of letters and digits, so "INV-2026-0007" is the words inv, 2026 and 0007.
 */
export function foldForSearch(text: string): string {
  // Lower case without a locale: the same as Russian rules for every letter here, and many times faster.
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  // Plain ASCII and Cyrillic without й carry no marks to strip: most words skip the normalisation.
  return /^[\u0000-\u007f\u0430-\u0438\u043a-\u044f\s]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** A longer word is of no use as a prefix, and would bloat the index. */
const MAX_WORD = 48;

/** The folded words of a text, in order, repeats kept. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
}
