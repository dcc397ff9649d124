import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { AuthService } from './auth.service.js';

/** Hourly housekeeping: expired sessions and old login failures would otherwise pile up. */
export function authJobs(auth: AuthService): JobDefinition[] {
  return [
    {
      name: 'auth.purge_expired',
      dueKey: everyMinutes(60),
      run: async () => {
        await auth.purgeExpired();
        return {};
      },
    },
  ];
}
