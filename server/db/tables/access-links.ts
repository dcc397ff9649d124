/** Tables of the links sent by email that let a person in (migration 0019_portal_access). */

/** An invitation of a contact to the client portal; its token is stored only as a SHA-256 hash. */
export interface PortalInvitationsTable {
  id: string;
  contact_id: string;
  account_id: string;
  /** The address the link went to; the link works only while the contact still has it. */
  email: string;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  /** The client user the acceptance created or re-activated. */
  user_id: string | null;
  /** Set when a newer invitation replaced it or portal access was withdrawn. */
  ended_at: string | null;
  ended_reason: 'replaced' | 'withdrawn' | null;
  email_id: string | null;
}

/** A one-hour link to choose a new password; its token is stored only as a SHA-256 hash. */
export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** When this link set the password, or when another link of the user did (they all end then). */
  used_at: string | null;
}

export interface AccessLinkTables {
  portal_invitations: PortalInvitationsTable;
  password_reset_tokens: PasswordResetTokensTable;
}
