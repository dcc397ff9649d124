import type { Deal, DealCreate } from '../../common/schemas/deal.js';
import type { Caller } from './harness.js';

let opened = 0;

/** What a new deal needs, for tests to override. */
export const dealBody = (accountId: string, input: Partial<DealCreate> = {}): DealCreate => ({
  accountId,
  title: `Deal ${++opened}`,
  amount: 1_200_000,
  currency: 'EUR',
  expectedCloseDate: '2027-01-31',
  nextStep: 'Send the estimate',
  nextStepDue: '2026-12-05',
  ...input,
});

/** Opens a deal through the API and returns it. */
export async function createDeal(by: Caller, accountId: string, input: Partial<DealCreate> = {}): Promise<Deal> {
  const res = await by.post('/api/v1/deals', dealBody(accountId, input));
  if (res.statusCode !== 201) throw new Error(`open deal failed: ${res.body}`);
  return res.json();
}
