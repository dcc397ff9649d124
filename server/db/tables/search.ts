/** Tables of global search (migrations 0042_search, 0046_search_at_write, 0048_search_accounts). */
import type { SearchKind } from '../../../common/schemas/search.js';

/** One folded word of a record's searchable fields. */
export interface SearchTermsTable {
  term: string;
  kind: SearchKind;
  record_id: string;
  /** 0: a word of the title; 1: of a secondary field. */
  field: number;
  /** The record's account (0048); null on words written before, until the search job rewrites them. */
  account_id: string | null;
  /** The account's owner and backup owner, as its words were last written or its owners changed (0048). */
  owner_id: string | null;
  backup_owner_id: string | null;
}

/** The version of a record its words were taken from, its change stamp and its title's words (0046). */
export interface SearchRecordsTable {
  kind: SearchKind;
  record_id: string;
  version: number;
  updated_at: string;
  /** The folded words of the title joined by spaces: a query of exactly these ranks first. */
  title_key: string;
}

/** Per kind, the change stamp from which rows are read again when catching up. */
export interface SearchCursorsTable {
  kind: SearchKind;
  cursor: string;
}

export interface SearchTables {
  search_terms: SearchTermsTable;
  search_records: SearchRecordsTable;
  search_cursors: SearchCursorsTable;
}
