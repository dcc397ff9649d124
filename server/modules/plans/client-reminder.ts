import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import { assertCanManageDelivery, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { ContactService } from '../contacts/index.js';
import { humanDate, textToHtml, type OutboxService } from '../email/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { ProjectRow, ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { RequirementRepository } from './requirement.repository.js';

/** What a reminder asked the client for, and to whom it went. */
export interface ClientReminder {
  emailId: string;
  to: string[];
  plan: boolean;
  requirements: number;
}

const AWAITING = new Set(['proposed', 'changed']);

/**
 * "Remind the client": one email to the account's portal contacts, in the account's
 * language, listing what in the project waits for their approval (the plan, requirements)
 * and since when. At most one a day per project; sending it is recorded on the timeline.
 */
export class ClientReminderService {
  private readonly requirements: RequirementRepository;

  constructor(
    private readonly db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly projects: ProjectService,
    private readonly accounts: AccountService,
    private readonly contacts: ContactService,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
    private readonly notifier: ClientNotifier,
  ) {
    this.requirements = new RequirementRepository(db);
  }

  async remind(actor: Actor, projectId: string): Promise<ClientReminder> {
    const reminder = await this.db.transaction().execute(async (t) => {
      const project = await this.projects.readable(actor, projectId, t);
      assertCanManageDelivery(actor, owningAccount(project));
      return this.queue(t, actor, project);
    });
    // Sent now rather than at the next delivery round; a failure is retried and shown on the timeline.
    await this.outbox.deliverDue();
    return reminder;
  }

  private async queue(t: Kysely<DB>, actor: Actor, project: ProjectRow): Promise<ClientReminder> {
    const waitingPlan = project.plan_status === 'submitted' && project.plan_submitted_at !== null;
    const requirements = (await this.requirements.ofProject(project.id, t)).filter((r) => AWAITING.has(r.status));
    if (!waitingPlan && requirements.length === 0) throw conflict('reminder.nothing_waiting');
    const to = await this.contacts.portalAddresses(t, project.account_id);
    if (to.length === 0) throw conflict('reminder.no_portal_contact');
    const account = (await this.accounts.findOwned(project.account_id, t))!;
    const language: Language = account.language === 'ru' ? 'ru' : 'en';
    const say = (code: Parameters<typeof renderMessage>[0], params = {}) => renderMessage(code, params, language);
    const lines = [
      ...(waitingPlan ? [say('reminder.plan', { date: humanDate(project.plan_submitted_at!.slice(0, 10), language) })] : []),
      ...requirements.map((r) => say('reminder.requirement', { text: r.text, date: humanDate(r.updated_at.slice(0, 10), language) })),
    ];
    const text = [
      say('reminder.greeting'),
      '',
      say('reminder.intro', { project: project.name }),
      '',
      ...lines,
      '',
      ...(this.publicUrl ? [say('reminder.portal', { url: new URL('/portal', this.publicUrl).toString() }), ''] : []),
      say('reminder.reply'),
    ].join('\n');
    const today = await this.calendar.today(t);
    const data = { projectId: project.id, name: project.name, plan: waitingPlan, requirements: requirements.length, byId: actor.id };
    const queued = await this.outbox.enqueue(t, [
      {
        accountId: project.account_id,
        purpose: `client_reminder:${project.id}`,
        purposeDate: today,
        to: to.join(', '),
        subject: say('reminder.subject', { project: project.name }),
        text,
        html: textToHtml(text),
        attachments: [],
        events: { sent: 'client_reminded', failed: 'client_reminder_failed', data },
      },
    ]);
    const email = queued.get(project.account_id)!;
    if (!email.created) throw conflict('reminder.already_today');
    // The reminder tells them of these now: the day's notification does not repeat them.
    const told = { accountId: project.account_id, addresses: to };
    await this.notifier.withdraw(t, { ...told, subjectId: project.id, kinds: ['plan_approval'] });
    for (const r of requirements) await this.notifier.withdraw(t, { ...told, subjectId: r.id, kinds: ['requirement_approval'] });
    return { emailId: email.id, to, plan: waitingPlan, requirements: requirements.length };
  }
}
