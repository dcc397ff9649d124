import type { Requirement } from '@common/schemas/plan';

/**
 * The text the client agreed to before a change request: the latest history entry that was
 * agreed and whose text differs from what followed it. Null when the requirement is no change request.
 */
export function previouslyAgreedText(requirement: Pick<Requirement, 'status' | 'text' | 'history'>): string | null {
  if (requirement.status !== 'changed') return null;
  const { history } = requirement;
  for (let i = history.length - 1; i >= 0; i--) {
    const next = history[i + 1] ?? requirement;
    if (history[i].status === 'agreed' && history[i].text !== next.text) return history[i].text;
  }
  return null;
}
