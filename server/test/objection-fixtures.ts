import type { Objection, ObjectionCreate } from '../../common/schemas/objection.js';
import type { Caller } from './harness.js';

/** What a new objection needs, for tests to override. */
export const objectionBody = (dealId: string, input: Partial<ObjectionCreate> = {}): ObjectionCreate => ({
  dealId,
  category: 'price',
  text: 'It costs more than we planned',
  response: 'We can phase the work over two quarters',
  ...input,
});

/** Logs an objection through the API and returns it. */
export async function createObjection(by: Caller, dealId: string, input: Partial<ObjectionCreate> = {}): Promise<Objection> {
  const res = await by.post('/api/v1/objections', objectionBody(dealId, input));
  if (res.statusCode !== 201) throw new Error(`log objection failed: ${res.body}`);
  return res.json();
}
