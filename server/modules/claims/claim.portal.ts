import type { z } from 'zod';
import type { ClientClaim, PortalClaimCreateSchema } from '../../../common/schemas/claim.js';
import type { Database } from '../../db/database.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { assertClientOfCompany, type Actor } from '../access/index.js';
import { presentClientClaim } from './claim.presenter.js';
import type { ClaimService } from './claim.service.js';

/**
 * Claims as the client sees them in the portal: their own company's only, in the client's view
 * (no root cause, internal note or linked specialists and projects). They report a problem and
 * confirm a resolution, which closes the claim.
 */
export class ClientClaims {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimService,
  ) {}

  async list(actor: Actor, query: { limit: number; cursor?: string }) {
    const accountId = assertClientOfCompany(actor);
    const page = await this.claims.repo.listOfAccount(accountId, query);
    return { items: page.items.map(presentClientClaim), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ClientClaim> {
    const accountId = assertClientOfCompany(actor);
    const row = await this.claims.repo.find(id);
    if (!row || row.account_id !== accountId) throw notFound('claim');
    return presentClientClaim(row);
  }

  /** The categories a client chooses from, as configured. */
  async categories(actor: Actor) {
    assertClientOfCompany(actor);
    return { categories: (await this.claims.settings.load()).categories };
  }

  async create(actor: Actor, input: z.output<typeof PortalClaimCreateSchema>): Promise<ClientClaim> {
    const accountId = assertClientOfCompany(actor);
    const id = await this.db.transaction().execute((t) => this.claims.register(t, actor.id, accountId, input, 'portal'));
    return this.get(actor, id);
  }

  /** The client confirms the resolution: the claim closes. */
  async confirm(actor: Actor, id: string, expected?: number): Promise<ClientClaim> {
    const accountId = assertClientOfCompany(actor);
    await this.db.transaction().execute(async (t) => {
      const row = await this.claims.repo.find(id, t);
      if (!row || row.account_id !== accountId) throw notFound('claim');
      if (row.status !== 'resolved') throw fieldError('status', 'claim.not_resolved');
      await this.claims.moveIn(t, actor.id, row, { status: 'closed' }, expected, null, 'client');
    });
    return this.get(actor, id);
  }
}
