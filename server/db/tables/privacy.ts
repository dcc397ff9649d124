/** Tables of personal-data requests (migration 0045_personal_data). */

/** An account's own interaction retention; without a row the agency's setting applies. */
export interface AccountRetentionTable {
  account_id: string;
  /** Years interactions are kept; null keeps them for good. */
  interaction_years: number | null;
  updated_at: string;
}

/** A contact whose personal data was erased: the id and when, never the erased values. */
export interface ContactErasuresTable {
  contact_id: string;
  erased_at: string;
  erased_by: string | null;
}

export interface PrivacyTables {
  account_retention: AccountRetentionTable;
  contact_erasures: ContactErasuresTable;
}
