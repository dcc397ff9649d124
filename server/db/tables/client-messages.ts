/** Tables of the requests thread (migration 0021_client_messages). */

/** A message in a client company's thread: written by one of its people or by the agency. */
export interface ClientMessagesTable {
  id: string;
  account_id: string;
  /** The project it is about, if any; cleared if the project goes. */
  project_id: string | null;
  /** Null once the author's user is gone. */
  author_id: string | null;
  /** 1 when a client user wrote it, 0 when the agency did (kept, so a later change of role does not rewrite history). */
  from_client: number;
  body: string;
  created_at: string;
}

export interface ClientMessageTables {
  client_messages: ClientMessagesTable;
}
