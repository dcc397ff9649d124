/*
 * What the route schemas cannot say about an operation, keyed by "METHOD /path" as it
 * appears in the document. Everything else is inferred from the schemas (see
 * openapi-document.ts); the test beside this file checks that each key names a real
 * operation and that the If-Match operations really read the header.
 */

/** Operations that need no credentials: they answer neither "not signed in" (401) nor 403. */
export const PUBLIC_OPERATIONS = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/preview',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/invitations/preview',
  'POST /api/v1/auth/invitations/accept',
  'GET /api/v1/notifications/unsubscribe/{token}',
  'POST /api/v1/notifications/unsubscribe/{token}',
  'GET /api/v1/version',
  'GET /calendar/{file}',
]);

const BAD_LINK = {
  410: 'The link was used, has expired or was replaced: the code says what to do.',
  429: 'Too many links that did not work from this address: try again after the seconds in Retry-After.',
};

/**
 * Every PATCH takes If-Match (a versioned record changes only at the version the client
 * sent), except these, whose records carry no version.
 */
export const PATCHES_WITHOUT_IF_MATCH = new Set([
  'PATCH /api/v1/settings/billing',
  'PATCH /api/v1/settings/security',
  'PATCH /api/v1/settings/documents',
  // Notification choices: each change names only the kinds it turns, so two never undo each other.
  'PATCH /api/v1/contacts/{id}/notification-preferences',
  'PATCH /api/v1/portal/notification-preferences',
  'PATCH /api/v1/auth/me/notification-preferences',
  'PATCH /api/v1/settings/webhooks',
  // An import's reading settings: it has no version, and its answer is a fresh preview.
  'PATCH /api/v1/imports/{id}',
]);

/** Actions other than PATCH that pass If-Match to the service (`expectedVersion(req)`). */
export const ACTIONS_WITH_IF_MATCH = new Set([
  'POST /api/v1/invoices/{id}/issue',
  'POST /api/v1/invoices/{id}/void',
  'POST /api/v1/requirements/{id}/agree',
  'POST /api/v1/requirements/{id}/reject',
  'POST /api/v1/documents/{id}/send',
  'POST /api/v1/documents/{id}/cancel',
]);

/** Operations that take an Idempotency-Key header. */
export const IDEMPOTENT_OPERATIONS = new Set(['POST /api/v1/payments']);

/** Problems particular to one operation, beyond those inferred for every operation of its kind: status -> meaning. */
export const OWN_PROBLEMS: Record<string, Record<number, string>> = {
  'POST /api/v1/auth/login': {
    401: 'The email or password is incorrect, or the user is deactivated.',
    429: 'Too many failed sign-ins for this email or from this address: try again after the seconds in Retry-After.',
  },
  'POST /api/v1/setup': { 409: 'Setup is already done: sign in instead.' },
  'POST /api/v1/payments': { 422: 'This Idempotency-Key was already used for a different payment: use a new key for a new payment.' },
  'POST /api/v1/follow-ups/run': { 503: 'Today’s follow-ups could not finish; they will be retried.' },
  'POST /api/v1/auth/password-reset': {
    429: 'Too many requests from this address or for this email: try again after the seconds in Retry-After.',
  },
  'POST /api/v1/auth/password-reset/preview': { 400: 'Not a reset link.', ...BAD_LINK },
  'POST /api/v1/auth/password-reset/confirm': {
    400: 'Not a reset link, or a password the rules refuse (the field error on `password` says why).',
    ...BAD_LINK,
  },
  'POST /api/v1/auth/invitations/preview': { 400: 'Not an invitation link.', ...BAD_LINK },
  'POST /api/v1/auth/invitations/accept': {
    400: 'Not an invitation link, or a password the rules refuse (the field error on `password` says why).',
    409: 'The invited address now belongs to another user.',
    ...BAD_LINK,
  },
  'POST /api/v1/messages': {
    413: 'The message is longer than 10,000 characters (code message.too_long, with both lengths), or the body is larger than 128 KiB.',
  },
  'POST /api/v1/contacts/{id}/invite': {
    409: 'The contact’s address belongs to another user, or PUBLIC_URL is not set, so no link can be built.',
    422: 'The contact has no email address.',
  },
  'POST /api/v1/imports': {
    413: 'The file is larger than 50 MB.',
    415: 'The file is neither CSV nor an .xlsx workbook.',
    422: 'The file has more than 500,000 rows, no header row, or cannot be read.',
  },
  'POST /api/v1/imports/{id}/commit': { 422: 'A required field has no column mapped to it (code import.missing_fields names them).' },
  'POST /api/v1/imports/{id}/undo': { 409: 'The import is not finished, or records it wrote were changed since.' },
};

/** Whether the operation takes If-Match and may answer 412. */
export const takesIfMatch = (key: string) =>
  key.startsWith('PATCH ') ? !PATCHES_WITHOUT_IF_MATCH.has(key) : ACTIONS_WITH_IF_MATCH.has(key);

/** Every key named above, for the test that checks they name real operations. */
export const NAMED_OPERATIONS = [
  ...PUBLIC_OPERATIONS,
  ...PATCHES_WITHOUT_IF_MATCH,
  ...ACTIONS_WITH_IF_MATCH,
  ...IDEMPOTENT_OPERATIONS,
  ...Object.keys(OWN_PROBLEMS),
];
