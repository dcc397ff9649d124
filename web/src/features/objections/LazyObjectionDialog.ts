import { lazyNamed } from '../../lib/lazy-named';

/**
 * The objection dialog, loaded on first opening: its form code (validation, the playbook) stays
 * out of the deals list and the timeline, which only offer to open it. Render inside Suspense.
 */
export const LazyObjectionDialog = lazyNamed(() => import('./ObjectionDialog'), 'ObjectionDialog');
