import type { Kysely } from 'kysely';
import type { ContractRenewal, DocumentKind } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { fieldError } from '../../lib/errors.js';
import type { DocumentRepository } from './document.repository.js';

/** What happens when a contract ends, as a draft would be saved. */
export interface ContractTerms {
  renewal?: ContractRenewal | null;
  renewalTerms?: string | null;
  renewsId?: string | null;
}

/** Renewal belongs to contracts; the contract one renews is another contract of the same client. */
export async function assertContractTerms(
  t: Kysely<DB>,
  repo: DocumentRepository,
  doc: { id: string | null; kind: DocumentKind; accountId: string },
  terms: ContractTerms,
): Promise<void> {
  if (doc.kind !== 'contract') {
    if (terms.renewal || terms.renewalTerms || terms.renewsId) throw fieldError('renewal', 'document.contract_terms_only');
    return;
  }
  if (terms.renewsId) {
    const renewed = await repo.findById(terms.renewsId, t);
    if (!renewed || renewed.id === doc.id || renewed.kind !== 'contract' || renewed.account_id !== doc.accountId) {
      throw fieldError('renewsId', 'document.renews_contract');
    }
  }
}
