import { z } from 'zod';
import type { SecuritySettings } from '../../../common/schemas/two-factor.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import { REQUIRE_TWO_FACTOR_KEY } from './two-factor.repository.js';
import type { TwoFactorService } from './two-factor.service.js';

/** The agency's sign-in policy: whether admins and finance must use two-factor sign-in. */
export class SecuritySettingsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async get(actor: Actor): Promise<SecuritySettings> {
    assertAdmin(actor);
    return { requireTwoFactor: await this.settings.get(REQUIRE_TWO_FACTOR_KEY, z.boolean(), false) };
  }

  /** Turning the requirement on needs the admin's own two-factor first, so they are not sent to enrol by surprise. */
  async update(actor: Actor, changes: SecuritySettings): Promise<SecuritySettings> {
    const before = await this.get(actor);
    if (changes.requireTwoFactor && !before.requireTwoFactor && !(await this.twoFactor.isEnabled(actor.id))) {
      throw conflict('twoFactor.enable_own_first');
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
