/**
 * Who may do what to which row: the one access module every other module asks. Scopes
 * condition list queries; predicates decide single reads and writes; abilities tell the
 * caller, with each record, what those predicates allow them.
 */
export * from './accounts.policy.js';
export * from './people.policy.js';
export * from './delivery.policy.js';
export * from './billing.policy.js';
export * from './documents.policy.js';
export * from './acts.policy.js';
export * from './requests.policy.js';
export * from './catalog.policy.js';
export * from './deals.policy.js';
export * from './proposals.policy.js';
export * from './abilities.js';
export type { Actor } from './actor.js';
export * from './claims.policy.js';
export * from './objections.policy.js';
export * from './surveys.policy.js';
export * from './corrective-actions.policy.js';
export * from './today.policy.js';
export * from './loyalty.policy.js';
export * from './health.policy.js';
