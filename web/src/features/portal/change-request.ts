import type { Requirement } from '@common/schemas/plan';

/** What the client agreed to before a change request, and the reason the manager gave for the change. */
export interface AgreedBefore {
  text: string;
  reason: string | null;
}

/**
 * The text the client agreed to before a change request: the latest history entry that was
 * agreed and whose text differs from what followed it; that entry keeps the reason given for
 * the change. Null when the requirement is no change request.
 */
export function agreedBeforeChange(requirement: Pick<Requirement, 'status' | 'text' | 'history'>): AgreedBefore | null {
  if (requirement.status !== 'changed') return null;
  const { history } = requirement;
  for (let i = history.length - 1; i >= 0; i--) {
    const next = history[i + 1] ?? requirement;
    if (history[i].status === 'agreed' && history[i].text !== next.text) return { text: history[i].text, reason: history[i].note };
  }
  return null;
}
