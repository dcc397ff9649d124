import type { PortalManager, PortalPerson } from '../../../common/schemas/portal.js';
import { notFound } from '../../lib/errors.js';
import { assertPortalUser, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { PhotoFile, UserPhotoService, UserService } from '../users/index.js';

export interface PortalManagerDeps {
  accounts: AccountService;
  users: UserService;
  photos: UserPhotoService;
}

/** Which of the company's two managers: the account manager or the backup. */
export type ManagerSlot = 'manager' | 'backup';

/**
 * Who looks after the client's company: its account manager and backup, with only the ways
 * to reach them. A client reads no other staff member and nothing else about these two.
 */
export class PortalManagerService {
  constructor(private readonly deps: PortalManagerDeps) {}

  async manager(actor: Actor): Promise<PortalManager> {
    const ids = await this.managerIds(actor);
    const photos = await this.deps.photos.versionsOf([ids.manager, ids.backup].filter((id) => id !== null));
    const [manager, backup] = await Promise.all([this.person(ids.manager, 'manager', photos), this.person(ids.backup, 'backup', photos)]);
    return { manager, backup };
  }

  /** The photo of the client's own manager or backup; 404 when there is none (or no such manager). */
  async photo(actor: Actor, slot: ManagerSlot): Promise<PhotoFile> {
    const id = (await this.managerIds(actor))[slot];
    const file = id && (await this.staffMember(id)) ? await this.deps.photos.photoOf(id) : null;
    if (!file) throw notFound('record');
    return file;
  }

  private async managerIds(actor: Actor): Promise<Record<ManagerSlot, string | null>> {
    assertPortalUser(actor);
    const account = await this.deps.accounts.findOwned(actor.accountId);
    if (!account) throw notFound('account');
    return { manager: account.owner_id, backup: account.backup_owner_id };
  }

  /** An active staff member; someone who left the agency is no one's manager. */
  private async staffMember(id: string) {
    const user = await this.deps.users.findById(id);
    return user && user.active === 1 && user.role !== 'client' ? user : null;
  }

  /** A manager as a way to reach them, with their photo's address when they have one (`photos`: hashes by user). */
  private async person(id: string | null, slot: ManagerSlot, photos: Map<string, string>): Promise<PortalPerson | null> {
    const user = id ? await this.staffMember(id) : null;
    if (!user) return null;
    const photo = photos.get(user.id);
    // The hash in the address makes a new photo show at once.
    const photoUrl = photo ? `/api/v1/portal/manager/photo/${slot}?v=${photo.slice(0, 12)}` : null;
    return { name: user.name, email: user.email, phone: user.phone, photoUrl };
  }
}
