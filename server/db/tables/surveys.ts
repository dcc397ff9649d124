import type { Generated } from 'kysely';
import type { Language, SurveyKind, SurveyTrigger } from '../../../common/enums.js';

/** Tables of satisfaction surveys (migration 0032_surveys). */

/** A survey sent to a contact: its single-use link (only the hash kept) and, once given, its answer. */
export interface SurveysTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  account_id: string;
  project_id: string | null;
  contact_id: string;
  kind: SurveyKind;
  trigger: SurveyTrigger;
  /** The language the contact was asked in (theirs, else the account's). */
  language: Language;
  /** SHA-256 of the link's token; null once answered (the link can do nothing more). */
  token_hash: string | null;
  sent_at: string;
  expires_at: string;
  score: number | null;
  comment: string | null;
  answered_at: string | null;
  /** Who sent it (a manager), null when a trigger did. */
  sent_by_id: string | null;
  /** The milestone whose completion sent it, so one milestone asks once. */
  milestone_id: string | null;
  email_id: string | null;
}

/** When each contact was last asked (any survey): the throttle, claimed by one conditional write. */
export interface SurveyContactsTable {
  contact_id: string;
  last_asked_at: string;
}

export interface SurveyTables {
  surveys: SurveysTable;
  survey_contacts: SurveyContactsTable;
}
