import type { Message } from '../../../common/schemas/message.js';
import type { StaffNotice } from './inbox.service.js';

/** Words of a client's message shown in a notice. */
const EXCERPT = 140;
const excerpt = (body: string) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
};

/** A client wrote: the account's manager and backup manager are told. */
export function clientMessageNotices(
  message: Message,
  account: { id: string; name: string; owner_id: string | null; backup_owner_id: string | null },
): StaffNotice[] {
  const managers = [...new Set([account.owner_id, account.backup_owner_id].filter((id): id is string => id !== null))];
  return managers.map((userId) => ({
    userId,
    kind: 'client_message',
    key: `message:${message.id}`,
    account: { id: account.id, name: account.name },
    path: `/accounts/${encodeURIComponent(account.id)}?tab=requests`,
    message: ['inbox.client_message', { author: message.author.name ?? '—', excerpt: excerpt(message.body), account: account.name }],
  }));
}

/** A task given to someone other than the one who gave it. */
export function taskAssignmentNotices(
  task: { id: string; title: string; projectName: string; accountId: string; accountName: string; assigneeId: string | null },
  actorId: string,
): StaffNotice[] {
  if (!task.assigneeId || task.assigneeId === actorId) return [];
  return [
    {
      userId: task.assigneeId,
      kind: 'assignment',
      key: `task:${task.id}`,
      account: { id: task.accountId, name: task.accountName },
      path: `/tasks/${encodeURIComponent(task.id)}`,
      message: ['inbox.task_assigned', { title: task.title, project: task.projectName }],
    },
  ];
}

/** An account given to a new manager or backup manager (other than the one who changed it). */
export function accountAssignmentNotices(
  account: { id: string; name: string; ownerId: string | null; backupOwnerId: string | null },
  before: { ownerId: string | null; backupOwnerId: string | null } | null,
  actorId: string,
): StaffNotice[] {
  const given = (now: string | null, was: string | null | undefined) => (now && now !== was && now !== actorId ? now : null);
  const notice = (userId: string, role: 'owner' | 'backup'): StaffNotice => ({
    userId,
    kind: 'assignment',
    key: `account-${role}:${account.id}`,
    account: { id: account.id, name: account.name },
    path: `/accounts/${encodeURIComponent(account.id)}`,
    message: [role === 'owner' ? 'inbox.account_assigned' : 'inbox.account_backup_assigned', { account: account.name }],
  });
  const owner = given(account.ownerId, before?.ownerId);
  const backup = given(account.backupOwnerId, before?.backupOwnerId);
  return [...(owner ? [notice(owner, 'owner')] : []), ...(backup ? [notice(backup, 'backup')] : [])];
}

/** Everything given to people: tasks and accounts. */
export const assignmentNotices = { task: taskAssignmentNotices, account: accountAssignmentNotices };
