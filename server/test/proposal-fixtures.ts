import { expect } from 'vitest';
import type { Proposal, ProposalCreate } from '../../common/schemas/proposal.js';
import type { Caller } from './harness.js';

/** Makes a proposal through the API and returns it. */
export async function createProposal(by: Caller, dealId: string, input: Partial<ProposalCreate> = {}): Promise<Proposal> {
  const res = await by.post('/api/v1/proposals', { dealId, ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Sends it to a contact and returns it. */
export async function sendProposal(by: Caller, id: string, contactId: string): Promise<Proposal> {
  const res = await by.post(`/api/v1/proposals/${id}/send`, { contactId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The token of the proposal link in an email's plain text. */
export function proposalToken(text: string | undefined): string {
  const match = /https?:\/\/\S+\/p\/([\w-]+)/.exec(text ?? '');
  expect(match, `a proposal link in: ${text}`).not.toBeNull();
  return match![1];
}
