import type { Document, DocumentCreate } from '../../common/schemas/document.js';
import type { Caller } from './harness.js';

/** A draft document of the account (an act with two lines unless told otherwise). */
export async function createDocument(by: Caller, accountId: string, input: Partial<DocumentCreate> = {}): Promise<Document> {
  const res = await by.post('/api/v1/documents', {
    kind: 'act',
    accountId,
    periodFrom: '2026-02-01',
    periodTo: '2026-02-28',
    lines: [
      { description: 'Design', quantity: 10, unitPriceMinor: 300_000 },
      { description: 'Development', quantity: 4, unitPriceMinor: 300_000 },
    ],
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`create document failed: ${res.body}`);
  return res.json();
}

/** Sends the document to the contacts; answers what the API said. */
export const sendDocument = (by: Caller, id: string, contactIds: string[]) => by.post(`/api/v1/documents/${id}/send`, { contactIds });
