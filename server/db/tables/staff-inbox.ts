/** Tables of staff notifications (migration 0039_staff_inbox). */
import type { StaffNoticeKind } from '../../../common/schemas/inbox.js';

/** One notice in a person's bell. */
export interface StaffNoticesTable {
  id: string;
  user_id: string;
  kind: StaffNoticeKind;
  /** What it is about, stable (a Today item's key, `task:<id>`): one notice per person and key. */
  key: string;
  account_id: string | null;
  account_name: string | null;
  /** Where the web app opens its record. */
  path: string;
  /** The message code of its words and their parameters (JSON), worded in the reader's language when read. */
  code: string;
  params: string;
  created_at: string;
  read_at: string | null;
}

/** A person's choices; a person without a row has the defaults (everything on, 08:00, the agency's zone). */
export interface StaffNotificationSettingsTable {
  user_id: string;
  /** JSON: kinds off in the bell. */
  in_app_off: string;
  /** JSON: kinds off in the morning digest. */
  digest_off: string;
  digest_hour: number;
  /** IANA zone; null for the agency's. */
  time_zone: string | null;
  updated_at: string;
}

/** The day a person's morning digest was taken on (sent, or found empty): at most one a day. */
export interface StaffDigestsTable {
  user_id: string;
  day: string;
  taken_at: string;
  items: number;
}

export interface StaffInboxTables {
  staff_notices: StaffNoticesTable;
  staff_notification_settings: StaffNotificationSettingsTable;
  staff_digests: StaffDigestsTable;
}
