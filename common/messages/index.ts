import { ACCESS_LINK_MESSAGES } from './access-links.js';
import { ACCOUNT_MESSAGES } from './accounts.js';
import { ACT_MESSAGES } from './acts.js';
import { AUTH_MESSAGES } from './auth.js';
import { BILLING_MESSAGES } from './billing.js';
import { CATALOG_MESSAGES } from './catalog.js';
import { CLAIM_MESSAGES } from './claims.js';
import { CORRECTIVE_ACTION_MESSAGES } from './corrective-actions.js';
import { CLIENT_REQUEST_MESSAGES } from './client-requests.js';
import { DEAL_MESSAGES } from './deals.js';
import { DEAL_REPORT_MESSAGES } from './deal-reports.js';
import { DELIVERY_MESSAGES } from './delivery.js';
import { DOCUMENT_MESSAGES } from './documents.js';
import { KICKOFF_MESSAGES } from './kickoff.js';
import { LABELS } from './labels.js';
import { LOYALTY_MESSAGES } from './loyalty.js';
import { HEALTH_MESSAGES } from './health.js';
import { OBJECTION_MESSAGES } from './objections.js';
import { NOTIFICATION_MESSAGES } from './notifications.js';
import { PROPOSAL_MESSAGES } from './proposals.js';
import { fill, type Language, type Message, type MessageParams } from './render.js';
import { REPORT_MESSAGES } from './reports.js';
import { REQUEST_MESSAGES } from './request.js';
import { SATISFACTION_REPORT_MESSAGES } from './satisfaction-reports.js';
import { SURVEY_MESSAGES } from './surveys.js';
import { TODAY_MESSAGES } from './today.js';
import { INBOX_MESSAGES } from './inbox.js';
import { DROPBOX_MESSAGES } from './dropbox.js';
import { VALIDATION_MESSAGES } from './validation.js';
import { WEBHOOK_MESSAGES } from './webhooks.js';
import { IMPORT_MESSAGES } from './imports.js';
import { PRIVACY_MESSAGES } from './privacy.js';

export type { Language, Message, MessageParams, ParamValue } from './render.js';
export { formatMinor } from './render.js';
export { LABELS } from './labels.js';
export { issueMessage, type IssueLike } from './zod-issues.js';

/**
 * Every message the API and the shared schemas give, keyed by a stable machine code, in
 * English and Russian. Problem bodies and field errors carry the code (and its parameters);
 * the server renders the text in the reader's language, and the web app by code.
 */
export const MESSAGES = {
  ...VALIDATION_MESSAGES,
  ...REQUEST_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...AUTH_MESSAGES,
  ...DELIVERY_MESSAGES,
  ...BILLING_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...REPORT_MESSAGES,
  ...ACT_MESSAGES,
  ...ACCESS_LINK_MESSAGES,
  ...CLIENT_REQUEST_MESSAGES,
  ...NOTIFICATION_MESSAGES,
  ...DEAL_MESSAGES,
  ...CATALOG_MESSAGES,
  ...KICKOFF_MESSAGES,
  ...DEAL_REPORT_MESSAGES,
  ...SATISFACTION_REPORT_MESSAGES,
  ...CLAIM_MESSAGES,
  ...CORRECTIVE_ACTION_MESSAGES,
  ...OBJECTION_MESSAGES,
  ...SURVEY_MESSAGES,
  ...PROPOSAL_MESSAGES,
  ...TODAY_MESSAGES,
  ...LOYALTY_MESSAGES,
  ...INBOX_MESSAGES,
  ...HEALTH_MESSAGES,
  ...WEBHOOK_MESSAGES,
  ...DROPBOX_MESSAGES,
  ...IMPORT_MESSAGES,
  ...PRIVACY_MESSAGES,
} satisfies Record<string, Message>;

export type MessageCode = keyof typeof MESSAGES;

export const isMessageCode = (code: string): code is MessageCode => Object.hasOwn(MESSAGES, code);

/** The message for a code in a language, its parameters filled in. */
export function renderMessage(code: MessageCode, params: MessageParams = {}, language: Language = 'en'): string {
  return fill(MESSAGES[code][language], params, language, LABELS);
}

/** The reader's language from an Accept-Language header: Russian when preferred over English, else English. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...attrs] = part.trim().toLowerCase().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag === 'en' || l.tag === 'ru')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag === 'ru' ? 'ru' : 'en';
}
