/** What waits for the client and the news of their projects, put into words with where to go for each. */
import type { TFunction } from 'i18next';
import type { PortalNews, PortalTodo } from '@common/schemas/portal';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../lib/format';

/** Where the client acts on it: a route and its params. */
export type PortalTarget =
  | { to: '/portal/projects/$projectId'; params: { projectId: string }; hash?: string }
  | { to: '/portal/documents/$documentId'; params: { documentId: string } }
  | { to: '/portal/invoices' };

export function todoTarget(item: PortalTodo): PortalTarget {
  switch (item.kind) {
    case 'plan':
      return { to: '/portal/projects/$projectId', params: { projectId: item.projectId }, hash: 'plan' };
    case 'requirement':
      return { to: '/portal/projects/$projectId', params: { projectId: item.projectId }, hash: 'requirements' };
    case 'brief':
      return { to: '/portal/projects/$projectId', params: { projectId: item.projectId }, hash: 'brief' };
    case 'document':
      return { to: '/portal/documents/$documentId', params: { documentId: item.documentId } };
    case 'invoice':
      return { to: '/portal/invoices' };
  }
}

export function todoText(item: PortalTodo, t: TFunction, locale: string): { title: string; detail?: string } {
  switch (item.kind) {
    case 'plan':
      return {
        title: t('portal.home.todo.plan', { project: item.projectName }),
        detail: item.since ? t('portal.home.todo.planSince', { date: formatDateTime(item.since, locale) }) : undefined,
      };
    case 'requirement':
      return { title: t('portal.home.todo.requirement', { project: item.projectName }), detail: item.text };
    case 'brief':
      if (item.missing === 0) return { title: t('portal.home.todo.briefReady', { project: item.projectName }) };
      return { title: t('portal.home.todo.brief', { project: item.projectName, count: item.missing }) };
    case 'document': {
      const document = t('documents.numbered', { kind: t(`documentKind.${item.documentKind}`), number: item.number ?? '' });
      return { title: t('portal.home.todo.document', { document }), detail: item.title };
    }
    case 'invoice': {
      const words = { number: item.number ?? '', amount: formatMoney(item.balanceMinor, item.currency, locale) };
      if (item.daysOverdue !== null) return { title: t('portal.home.todo.invoiceOverdue', { ...words, count: item.daysOverdue }) };
      if (!item.dueDate) return { title: t('portal.home.todo.invoiceNoDate', words) };
      return { title: t('portal.home.todo.invoiceDue', { ...words, date: formatCalendarDate(item.dueDate, locale) }) };
    }
  }
}

export function newsTarget(item: PortalNews): PortalTarget {
  if (item.kind === 'status_report') return { to: '/portal/documents/$documentId', params: { documentId: item.documentId } };
  return { to: '/portal/projects/$projectId', params: { projectId: item.projectId } };
}

export function newsText(item: PortalNews, t: TFunction): string {
  if (item.kind === 'status_report') return t('portal.home.news.status_report', { title: item.title });
  if (item.kind === 'stage_changed') {
    return t('portal.home.news.stage_changed', { project: item.projectName, stage: t(`projectStage.${item.stage}`) });
  }
  return t(`portal.home.news.${item.kind}`, { project: item.projectName });
}
