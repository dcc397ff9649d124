import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { AuthService } from './auth.service.js';
import type { PasswordResetService } from './password-reset.service.js';

/** Hourly housekeeping: expired sessions, old login failures and reset links would otherwise pile up. */
export function authJobs(auth: AuthService, resets: PasswordResetService): JobDefinition[] {
  return [
    {
      name: 'auth.purge_expired',
      dueKey: everyMinutes(60),
      run: async () => {
        await auth.purgeExpired();
        await resets.purge(auth.now());
        return {};
      },
    },
  ];
}
