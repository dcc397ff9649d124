/** Tables of calendar feeds (migration 0043_calendar_feeds). */

/** A secret feed address: a person's own (no account) or of one account they look after. */
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  account_id: string | null;
  /** The secret in the address, shown to its owner again on request. */
  token: string;
  /** SHA-256 of the secret: how a request's address is found. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CalendarFeedTables {
  calendar_feeds: CalendarFeedsTable;
}
