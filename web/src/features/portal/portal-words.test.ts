import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalTodo } from '@common/schemas/portal';
import i18n, { loadLanguage } from '../../i18n';
import '../documents/catalogue';
import './catalogue';
import { newsTarget, newsText, todoTarget, todoText } from './portal-words';

const en = () => i18n.getFixedT('en');
const ru = () => i18n.getFixedT('ru');
const invoice = (daysOverdue: number | null, dueDate: string | null = '2026-03-20'): PortalTodo => ({
  kind: 'invoice',
  invoiceId: 'i1',
  number: '2026-000007',
  dueDate,
  balanceMinor: 123_450,
  currency: 'EUR',
  daysOverdue,
});

describe('what waits for the client, in words and with where to act', () => {
  beforeAll(() => loadLanguage('ru'));

  it('sends each item to the page where the client acts on it', () => {
    expect(todoTarget({ kind: 'plan', projectId: 'p1', projectName: 'Site', since: null })).toEqual({
      to: '/portal/projects/$projectId',
      params: { projectId: 'p1' },
      hash: 'plan',
    });
    expect(todoTarget({ kind: 'brief', projectId: 'p1', projectName: 'Site', missing: 2 })).toMatchObject({ hash: 'brief' });
    expect(todoTarget({ kind: 'document', documentId: 'd1', documentKind: 'act', number: '5', title: 'March' })).toEqual({
      to: '/portal/documents/$documentId',
      params: { documentId: 'd1' },
    });
    expect(todoTarget(invoice(null))).toEqual({ to: '/portal/invoices' });
    expect(
      newsTarget({ kind: 'status_report', occurredAt: 'x', projectId: null, projectName: null, documentId: 'd2', title: 'Weekly' }),
    ).toEqual({
      to: '/portal/documents/$documentId',
      params: { documentId: 'd2' },
    });
  });

  it('says an overdue invoice is overdue, with the right plural in both languages', () => {
    expect(todoText(invoice(1), en(), 'en-GB').title).toBe('Invoice 2026-000007 is overdue by 1 day: €1,234.50');
    expect(todoText(invoice(3), ru(), 'ru-RU').title).toMatch(/^Счёт № 2026-000007 просрочен на 3 дня: 1\s234,50\s€$/);
    expect(todoText(invoice(5), ru(), 'ru-RU').title).toMatch(/просрочен на 5 дней/);
    expect(todoText(invoice(null), en(), 'en-GB').title).toMatch(/^Pay invoice 2026-000007: €1,234\.50 due on 20\sMar 2026$/);
    expect(todoText(invoice(null, null), en(), 'en-GB').title).toBe('Pay invoice 2026-000007: €1,234.50');
  });

  it('counts the brief’s unanswered questions and names the project', () => {
    const brief = (missing: number): PortalTodo => ({ kind: 'brief', projectId: 'p1', projectName: 'Site', missing });
    expect(todoText(brief(1), en(), 'en-GB').title).toBe('Fill in the brief of Site: 1 question is not answered yet');
    expect(todoText(brief(2), ru(), 'ru-RU').title).toBe('Заполните бриф проекта «Site»: остались без ответа 2 вопроса');
    expect(todoText(brief(21), ru(), 'ru-RU').title).toBe('Заполните бриф проекта «Site»: остался без ответа 21 вопрос');
    expect(todoText(brief(0), en(), 'en-GB').title).toBe('Send the brief of Site: every question is answered');
  });

  it('words a stage change with the stage’s name', () => {
    const item = { kind: 'stage_changed', occurredAt: 'x', projectId: 'p1', projectName: 'Site', stage: 'in_progress' } as const;
    expect(newsText(item, en())).toBe('Site moved to the stage “In progress”');
  });
});
