import type { JobDefinition } from '../../jobs/job.service.js';
import { localDate, localMinutes } from '../../lib/timezone.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { ContractReminders } from './contract.reminders.js';

export const CONTRACT_REMINDER_JOB = 'documents.contract_reminders';

/** Reminders go out once a day from 08:00 in the agency's time zone, when the owner starts the day. */
const REMINDER_MINUTES = 8 * 60;

export function contractJobs(reminders: ContractReminders, calendar: AgencyCalendar): JobDefinition[] {
  return [
    {
      name: CONTRACT_REMINDER_JOB,
      async dueKey(now) {
        const zone = await calendar.timeZone();
        return localMinutes(now, zone) >= REMINDER_MINUTES ? localDate(now, zone) : null;
      },
      run: async (date) => ({ ...(await reminders.runForDate(date)) }),
    },
  ];
}
