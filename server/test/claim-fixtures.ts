import type { Claim, ClaimCreate, ClaimStatusMove, ClientClaim, PortalClaimCreate } from '../../common/schemas/claim.js';
import type { Caller } from './harness.js';

let registered = 0;

/** What a new claim needs, for tests to override. */
export const claimBody = (accountId: string, input: Partial<ClaimCreate> = {}): ClaimCreate => ({
  accountId,
  category: 'quality',
  severity: 'medium',
  description: `The landing page broke on mobile (${++registered})`,
  ...input,
});

/** Registers a claim through the staff API and returns it. */
export async function createClaim(by: Caller, accountId: string, input: Partial<ClaimCreate> = {}): Promise<Claim> {
  const res = await by.post('/api/v1/claims', claimBody(accountId, input));
  if (res.statusCode !== 201) throw new Error(`register claim failed: ${res.body}`);
  return res.json();
}

/** A client reports a problem in the portal. */
export async function reportProblem(client: Caller, input: Partial<PortalClaimCreate> = {}): Promise<ClientClaim> {
  const res = await client.post('/api/v1/portal/claims', {
    category: 'deadline',
    severity: 'high',
    description: 'The release slipped again',
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`report problem failed: ${res.body}`);
  return res.json();
}

/** Moves a claim; throws unless it moved. */
export async function moveClaim(by: Caller, id: string, move: ClaimStatusMove): Promise<Claim> {
  const res = await by.post(`/api/v1/claims/${id}/status`, move);
  if (res.statusCode !== 200) throw new Error(`move claim failed: ${res.body}`);
  return res.json();
}

/** What resolving needs: a configured root cause and a note. */
export const RESOLVE: ClaimStatusMove = {
  status: 'resolved',
  rootCause: 'no_review',
  rootCauseNote: 'Nobody checked the page on a phone before release',
  resolution: 'Fixed the layout and added a phone check to our release list',
};
