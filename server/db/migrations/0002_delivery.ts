import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

const index = (db: Kysely<any>, name: string, table: string, columns: string[]) =>
  db.schema.createIndex(name).on(table).columns(columns).execute();

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);

  await db.schema
    .alterTable('users')
    .addColumn('capacity_hours_per_week', 'integer', (c) => c.notNull().defaultTo(40))
    .execute();

  await versionedTable(db, 'projects')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', notNull)
    .addColumn('search_text', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('stage', 'text', notNull)
    .addColumn('stage_before_hold', 'text')
    .addColumn('start_date', date)
    .addColumn('due_date', date)
    .addColumn('budget_minor', 'bigint')
    .addColumn('currency', 'text', notNull)
    .addColumn('report_schedule', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('plan_status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('plan_submitted_at', ts)
    .addColumn('plan_approved_at', ts)
    .addColumn('plan_approved_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('plan_approval_note', 'text')
    .addColumn('brief_questions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await index(db, 'projects_account_idx', 'projects', ['account_id', 'name', 'id']);
  await index(db, 'projects_name_idx', 'projects', ['name', 'id']);
  await index(db, 'projects_stage_idx', 'projects', ['stage', 'name', 'id']);

  await db.schema
    .createTable('project_members')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
    .execute();
  await index(db, 'project_members_user_idx', 'project_members', ['user_id']);

  await versionedTable(db, 'milestones')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', notNull)
    .addColumn('due_date', date, notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('client_approved_at', ts)
    .execute();
  await index(db, 'milestones_project_idx', 'milestones', ['project_id', 'due_date', 'id']);

  await versionedTable(db, 'requirements')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('party', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('agreed_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('agreed_at', ts)
    .execute();
  await index(db, 'requirements_project_idx', 'requirements', ['project_id', 'created_at', 'id']);

  await db.schema
    .createTable('requirement_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id').onDelete('cascade'))
    .addColumn('text', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('changed_by_id', 'text')
    .addColumn('changed_at', ts, notNull)
    .addColumn('note', 'text')
    .execute();
  await index(db, 'requirement_history_req_idx', 'requirement_history', ['requirement_id', 'changed_at']);

  await db.schema
    .createTable('brief_templates')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('questions', 'text', notNull)
    .addColumn('updated_at', ts, notNull)
    .execute();

  await db.schema
    .createTable('brief_answers')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('question_id', 'text', notNull)
    .addColumn('answer', 'text', notNull)
    .addColumn('answered_by_id', 'text')
    .addColumn('answered_at', ts, notNull)
    .addPrimaryKeyConstraint('brief_answers_pk', ['project_id', 'question_id'])
    .execute();

  await versionedTable(db, 'tasks')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', notNull)
    .addColumn('search_text', 'text', notNull)
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('blocked_reason', 'text')
    .addColumn('due_date', date)
    .addColumn('estimate_hours', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('spent_hours', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('milestone_id', 'text', (c) => c.references('milestones.id').onDelete('set null'))
    .execute();
  await index(db, 'tasks_project_idx', 'tasks', ['project_id', 'status']);
  await index(db, 'tasks_assignee_idx', 'tasks', ['assignee_id', 'status', 'due_date']);
  await index(db, 'tasks_account_assignee_idx', 'tasks', ['account_id', 'assignee_id']);
  await index(db, 'tasks_milestone_idx', 'tasks', ['milestone_id']);
  await index(db, 'tasks_due_idx', 'tasks', ['due_date', 'id']);

  await db.schema
    .createTable('task_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', notNull)
    .addColumn('created_at', ts, notNull)
    .execute();
  await index(db, 'task_comments_task_idx', 'task_comments', ['task_id', 'created_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'task_comments',
    'tasks',
    'brief_answers',
    'brief_templates',
    'requirement_history',
    'requirements',
    'milestones',
    'project_members',
    'projects',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('users').dropColumn('capacity_hours_per_week').execute();
}
