import type { KickoffResult } from '../../../common/schemas/kickoff.js';
import type { ProposalStartProject } from '../../../common/schemas/proposal.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound } from '../../lib/errors.js';
import { assertCanChangeProposal, type Actor } from '../access/index.js';
import type { KickoffService } from '../kickoff/index.js';
import { accountOf, dealOf } from './proposal.presenter.js';
import type { ProposalService } from './proposal.service.js';

/**
 * An accepted proposal becomes its project, once: planned by the kickoff module from the
 * accepted version's catalog lines (services and quantities), its budget the proposal's total.
 */
export class ProposalKickoff {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly proposals: ProposalService,
    private readonly kickoff: KickoffService,
  ) {}

  async start(actor: Actor, id: string, input: ProposalStartProject): Promise<KickoffResult> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.proposals.repo.find(id, t);
      if (!row) throw notFound('proposal');
      assertCanChangeProposal(actor, dealOf(row), accountOf(row), row);
      if (row.project_id) throw conflict('proposal.project_started', { projectId: row.project_id });
      if (row.status !== 'accepted') throw conflict('proposal.not_accepted');
      const version = (await this.proposals.repo.version(id, row.sent_version!, t))!;
      const lines = await this.proposals.repo.linesOf(version.id, t);
      const result = await this.kickoff.startIn(t, actor, {
        accountId: row.account_id,
        name: input.name ?? row.deal_title,
        startDate: input.startDate,
        currency: row.currency,
        budgetMinor: version.total_minor,
        services: lines.flatMap((l) => (l.service_id ? [{ serviceId: l.service_id, quantity: l.quantity_milli / 1000 }] : [])),
        dealId: row.deal_id,
      });
      // Conditional: of two concurrent starts only one records its project; the other's work is rolled back.
      const started = await this.proposals.repo.setProject(t, id, result.projectId, this.clock.now().toISOString());
      if (!started) throw conflict('proposal.project_started', { projectId: (await this.proposals.repo.find(id, t))!.project_id });
      return result;
    });
  }
}
