import type { Language } from '../../../common/enums.js';

/**
 * Everything a PDF shows, already worded and formatted in the document's language: the
 * renderer only lays it out. The model of a sent document is frozen as its content, so the
 * same model always gives the same document.
 */
export interface PdfModel {
  language: Language;
  /** A draft is marked as such on every page. */
  draft: boolean;
  heading: string;
  subtitle: string | null;
  /** The agency's name and contact lines at the top. */
  letterhead: { name: string; lines: string[] };
  logo: { dataUrl: string } | null;
  /** Who is who: the agency and the client with their details. */
  parties: Array<{ label: string; lines: string[] }>;
  /** Short facts under the heading: date, project, period. */
  facts: Array<[label: string, value: string]>;
  /** Template text before the table. */
  intro: string[];
  table: PdfTable | null;
  /** Template text after the table. */
  outro: string[];
  notes: string | null;
  signatures: Array<{ label: string; party: string; name: string | null; title: string | null }>;
  labels: { page: string; of: string; draft: string };
  /** The page appended when the client signs: who, when, from where, and which sent copy they signed. */
  signaturePage?: { heading: string; statement: string; facts: Array<[label: string, value: string]> };
}

export interface PdfTable {
  header: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  totals: Array<[label: string, value: string]>;
  inWords: string | null;
}
