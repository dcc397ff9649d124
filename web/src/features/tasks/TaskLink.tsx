/** A task's title as a link to its page, where its details, comments and history are. */
import type { Task } from '@common/schemas/task';
import { AnchorLink } from '../../components/links';

export function TaskLink({ task, fw }: { task: Pick<Task, 'id' | 'title'>; fw?: number }) {
  return (
    <AnchorLink to="/tasks/$taskId" params={{ taskId: task.id }} fw={fw}>
      {task.title}
    </AnchorLink>
  );
}
