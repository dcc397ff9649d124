import type { PortalManager, PortalPerson } from '../../../common/schemas/portal.js';
import { notFound } from '../../lib/errors.js';
import { assertPortalUser, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { UserService } from '../users/index.js';

export interface PortalManagerDeps {
  accounts: AccountService;
  users: UserService;
}

/**
 * Who looks after the client's company: its account manager and backup, with only the ways
 * to reach them. A client reads no other staff member and nothing else about these two.
 */
export class PortalManagerService {
  constructor(private readonly deps: PortalManagerDeps) {}

  async manager(actor: Actor): Promise<PortalManager> {
    assertPortalUser(actor);
    const account = await this.deps.accounts.findOwned(actor.accountId);
    if (!account) throw notFound('account');
    const [manager, backup] = await Promise.all([this.person(account.owner_id), this.person(account.backup_owner_id)]);
    return { manager, backup };
  }

  /** An active staff member as a way to reach them; someone who left the agency is no one's manager. */
  private async person(id: string | null): Promise<PortalPerson | null> {
    if (!id) return null;
    const user = await this.deps.users.findById(id);
    if (!user || user.active !== 1 || user.role === 'client') return null;
    return { name: user.name, email: user.email, phone: user.phone };
  }
}
