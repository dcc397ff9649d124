import type { Claim, ClientClaim } from '../../../common/schemas/claim.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { claimAbilities, owningAccount, type Actor } from '../access/index.js';
import type { ClaimLinkRow, ClaimRow } from './claim.repository.js';

/** A deadline missed at `now`: not met by it, or met after it. */
export const isMissed = (done: string | null, by: string, now: string): boolean => (done ?? now) > by;

/**
 * What the client sees of a claim. Built field by field, never by removing fields from the staff
 * view, so nothing internal (root cause, notes, links, deadlines) can leak in by being added there.
 */
export function presentClientClaim(r: ClaimRow): ClientClaim {
  return withRecordMeta(r, {
    accountId: r.account_id,
    projectId: r.project_id,
    projectName: r.project_name,
    category: r.category,
    severity: r.severity,
    description: r.description,
    source: r.source,
    status: r.status,
    resolution: r.resolution,
    respondedAt: r.responded_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
  });
}

/** A claim as staff see it, with its linked specialists and projects. */
export function presentClaim(r: ClaimRow, links: ClaimLinkRow[], actor: Actor, now: string): Claim {
  const linked = (kind: ClaimLinkRow['kind']) =>
    links.filter((l) => l.claim_id === r.id && l.kind === kind).map((l) => ({ id: l.ref_id, name: l.name }));
  return Object.assign(presentClientClaim(r), {
    accountName: r.account_name,
    ownerId: r.owner_id,
    respondBy: r.respond_by,
    resolveBy: r.resolve_by,
    respondBreached: isMissed(r.responded_at, r.respond_by, now),
    resolveBreached: isMissed(r.resolved_at, r.resolve_by, now),
    rootCause: r.root_cause,
    rootCauseNote: r.root_cause_note,
    internalNote: r.internal_note,
    closedHow: r.closed_how,
    specialists: linked('user'),
    projects: linked('project'),
    createdById: r.created_by_id,
    can: claimAbilities(actor, owningAccount(r)),
  });
}
