import type { Kysely } from 'kysely';
import type { ContractRenewal, DocumentKind } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { fieldError } from '../../lib/errors.js';
import type { DocumentRepository } from './document.repository.js';

/** A contract's term and what happens when it ends, as a draft would be saved. */
export interface ContractTerms {
  periodFrom?: string | null;
  periodTo?: string | null;
  renewal?: ContractRenewal | null;
  renewalTerms?: string | null;
  renewsId?: string | null;
}

/**
 * Renewal belongs to contracts; a contract ends after it starts (its end date drives the
 * renewal reminders); the contract it renews is another contract of the same client.
 */
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
  if (terms.periodFrom && terms.periodTo && terms.periodTo <= terms.periodFrom) {
    throw fieldError('periodTo', 'document.contract_end_after_start');
  }
  if (terms.renewsId) {
    const renewed = await repo.findById(terms.renewsId, t);
    if (!renewed || renewed.id === doc.id || renewed.kind !== 'contract' || renewed.account_id !== doc.accountId) {
      throw fieldError('renewsId', 'document.renews_contract');
    }
  }
}
