/** Who may do what to which row: the one access module every other module asks. */
export * from './policy.js';
export type { Actor } from './actor.js';
