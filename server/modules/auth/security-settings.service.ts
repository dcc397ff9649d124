import { z } from 'zod';
import type { SecuritySettings } from '../../../common/schemas/two-factor.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { assertAdmin } from '../access/policy.js';
import { recordAudit } from '../audit/audit.recorder.js';
import { SettingsService } from '../settings/settings.service.js';
import { REQUIRE_TWO_FACTOR_KEY } from './two-factor.repository.js';
import type { TwoFactorService } from './two-factor.service.js';

/** The agency's sign-in policy: whether admins and finance must use two-factor sign-in. */
export class SecuritySettingsService {
  private readonly settings: SettingsService;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly twoFactor: TwoFactorService,
  ) {
    this.settings = new SettingsService(db);
  }

  async get(actor: Actor): Promise<SecuritySettings> {
    assertAdmin(actor);
    return { requireTwoFactor: await this.settings.get(REQUIRE_TWO_FACTOR_KEY, z.boolean(), false) };
  }

  /** Turning the requirement on needs the admin's own two-factor first, so they are not sent to enrol by surprise. */
  async update(actor: Actor, changes: SecuritySettings): Promise<SecuritySettings> {
    const before = await this.get(actor);
    if (changes.requireTwoFactor && !before.requireTwoFactor && !(await this.twoFactor.isEnabled(actor.id))) {
      throw conflict('Turn on two-factor sign-in for yourself before requiring it for admins and finance.');
    }
    await this.db.transaction().execute(async (t) => {
      await this.settings.set(REQUIRE_TWO_FACTOR_KEY, changes.requireTwoFactor, t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'security',
        action: 'update',
        before,
        after: changes,
        at: this.clock.now().toISOString(),
      });
    });
    return changes;
  }
}
