import type { Message } from '../../../common/schemas/message.js';
import type { MessageRow } from './message.repository.js';

export const presentMessage = (r: MessageRow): Message => ({
  id: r.id,
  accountId: r.account_id,
  projectId: r.project_id,
  projectName: r.project_name,
  author: { id: r.author_id, name: r.author_name, fromClient: r.from_client === 1 },
  body: r.body,
  createdAt: r.created_at,
});

const EXCERPT_LENGTH = 200;

/** The start of a message on one line, for the timeline; the whole message is in the thread. */
export function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}
