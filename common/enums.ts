/** Enumerations shared by the server, the API contract and the web app. */
export const ROLES = ['admin', 'account_manager', 'specialist', 'finance', 'client'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['prospect', 'active', 'paused', 'churned'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const DECISION_ROLES = ['decision_maker', 'influencer', 'billing', 'user', 'other'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

export const INTERACTION_TYPES = ['meeting', 'call', 'email', 'note'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Kinds of entries an account's timeline can show besides logged interactions. */
export const TIMELINE_EVENT_KINDS = [
  'account_created',
  'owner_changed',
  'status_changed',
  'contact_added',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];
