import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { describeEvent, peopleOf, type EventEntry } from './describe-event';

const event = (kind: EventEntry['kind'], data: Record<string, unknown>): EventEntry => ({
  entryType: 'event',
  id: 'e1',
  occurredAt: '2025-03-01T10:00:00Z',
  kind,
  actorId: null,
  data,
});
const names: Record<string, string> = { u1: 'Maria', u2: 'Pavel' };
const nameOf = (id: string) => names[id];

describe('describeEvent', () => {
  it('names people, statuses and stages in the change events', async () => {
    const t = i18n.getFixedT('en');
    expect(describeEvent(event('owner_changed', { from: 'u1', to: 'u2' }), t, nameOf, 'en')).toBe(
      'Account manager changed from Maria to Pavel',
    );
    expect(describeEvent(event('owner_changed', { from: null, to: 'gone' }), t, nameOf, 'en')).toBe(
      'Account manager changed from nobody to a former user',
    );
    expect(describeEvent(event('status_changed', { from: 'prospect', to: 'active' }), t, nameOf, 'en')).toBe(
      'Status changed from Prospect to Active',
    );
    expect(describeEvent(event('stage_changed', { name: 'Site', from: 'brief', to: 'in_progress' }), t, nameOf, 'en')).toBe(
      'Project Site moved from Brief to In progress',
    );
  });

  it('tells a deal’s moves by the stage and reason names kept with them, in both languages', async () => {
    await i18n.loadLanguages('ru');
    const lost = event('deal_stage_changed', {
      title: 'SEO retainer',
      from: 'negotiation',
      to: 'lost',
      lostReason: 'price',
      fromName: { en: 'Talks', ru: 'Переговоры' },
      toName: { en: 'Lost', ru: 'Проиграна' },
      lostReasonName: { en: 'Price', ru: 'Цена' },
    });
    expect(describeEvent(lost, i18n.getFixedT('en'), nameOf, 'en')).toBe('Deal “SEO retainer” moved from “Talks” to “Lost” — Price');
    expect(describeEvent(lost, i18n.getFixedT('ru'), nameOf, 'ru')).toBe(
      'Сделка «SEO retainer» переведена с этапа «Переговоры» на этап «Проиграна» — Цена',
    );
    const opened = event('deal_created', {
      title: 'Ads',
      to: 'meeting',
      toName: { en: 'Meeting', ru: 'Встреча' },
      amount: 450000,
      currency: 'EUR',
    });
    expect(describeEvent(opened, i18n.getFixedT('en'), nameOf, 'en')).toBe('Deal “Ads” opened at the stage “Meeting”, €4,500.00');
  });

  it('tells an objection by its deal, its category’s name kept with it and its result, in both languages', async () => {
    await i18n.loadLanguages('ru');
    const category = { category: 'price', categoryName: { en: 'Budget', ru: 'Бюджет' } };
    const logged = event('objection_logged', { title: 'Ads', text: 'Too expensive', ...category });
    expect(describeEvent(logged, i18n.getFixedT('en'), nameOf, 'en')).toBe('Objection on “Ads” (Budget): “Too expensive”');
    expect(describeEvent(logged, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Возражение по сделке «Ads» (Бюджет): «Too expensive»');
    const resolved = event('objection_result_set', { title: 'Ads', result: 'overcome', ...category });
    expect(describeEvent(resolved, i18n.getFixedT('en'), nameOf, 'en')).toBe('Objection on “Ads” (Budget): Resolved');
    expect(describeEvent(resolved, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Возражение по сделке «Ads» (Бюджет): Снято');
  });

  it('tells a proposal’s life by its deal and version, who accepted it when named, and to whom it was emailed', async () => {
    await i18n.loadLanguages('ru');
    const en = i18n.getFixedT('en');
    const sent = event('proposal_sent', { title: 'Ads', version: 2, number: 'KP-7', total: 100, currency: 'EUR' });
    expect(describeEvent(sent, en, nameOf, 'en')).toBe('Proposal “Ads” (version 2, KP-7) sent to the client');
    expect(describeEvent(event('proposal_accepted', { title: 'Ads', name: 'Anna' }), en, nameOf, 'en')).toBe(
      'The client accepted the proposal “Ads” (Anna)',
    );
    expect(describeEvent(event('proposal_accepted', { title: 'Ads', name: null }), en, nameOf, 'en')).toBe(
      'The client accepted the proposal “Ads”',
    );
    const declined = event('proposal_declined', { title: 'Ads', reason: 'Too expensive' });
    expect(describeEvent(declined, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Клиент отклонил предложение «Ads»: Too expensive');
    expect(describeEvent(event('proposal_emailed', { to: 'a@b.test' }), en, nameOf, 'en')).toBe('Proposal email sent to a@b.test');
  });

  it('tells a corrective action’s opening and its check with the figures it was judged on, in both languages', async () => {
    await i18n.loadLanguages('ru');
    const opened = event('corrective_action_created', { what: 'Phone check', dueOn: '2026-12-15', checkOn: '2027-03-01' });
    expect(describeEvent(opened, i18n.getFixedT('en'), nameOf, 'en-GB').replace(/\u00a0/g, ' ')).toBe(
      'Corrective action opened: “Phone check”, due 15 Dec 2026, checked on 1 Mar 2027',
    );
    const checked = event('corrective_action_checked', {
      what: 'Phone check',
      result: 'not_effective',
      recurrences: 2,
      npsBefore: -33,
      npsAfter: null,
    });
    expect(describeEvent(checked, i18n.getFixedT('en'), nameOf, 'en')).toBe(
      'Corrective action checked — not effective: “Phone check” (2 recurrences since; NPS -33 → —)',
    );
    expect(describeEvent(checked, i18n.getFixedT('ru'), nameOf, 'ru')).toBe(
      'Проверено корректирующее действие — не сработало: «Phone check» (повторов с тех пор: 2; NPS -33 → —)',
    );
  });

  it('says which loyalty tier an account moved to and which rules it missed, in both languages', () => {
    const down = event('loyalty_tier_changed', { from: 'Gold', to: 'Silver', direction: 'downgrade', failed: ['critical_claims'] });
    expect(describeEvent(down, i18n.getFixedT('en'), nameOf, 'en')).toBe(
      'Loyalty tier changed from “Gold” to “Silver” — not met: open critical claims',
    );
    const up = event('loyalty_tier_changed', { from: null, to: 'Gold', direction: 'upgrade', failed: [] });
    expect(describeEvent(up, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Уровень лояльности изменён с «без уровня» на «Gold»');
  });

  it('says which next step was done, in both languages', () => {
    const data = { nextStepId: 'n1', text: 'Send the plan' };
    expect(describeEvent(event('next_step_done', data), i18n.getFixedT('en'), nameOf, 'en')).toBe('Next step done: Send the plan');
    expect(describeEvent(event('next_step_done', data), i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Следующий шаг выполнен: Send the plan');
  });

  it('says why a scheduled status report was not sent, and when a reminded contract ends, in both languages', () => {
    const skipped = event('status_report_skipped', {
      name: 'Shop',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-08',
      reason: 'no_recipients',
    });
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(describeEvent(skipped, i18n.getFixedT('en'), nameOf, 'en-GB'))).toBe(
      'Status report of Shop for 2 Mar 2026 — 8 Mar 2026 not sent: no contact receives status reports',
    );
    expect(describeEvent(skipped, i18n.getFixedT('ru'), nameOf, 'ru-RU')).toContain(
      'не отправлен: ни один контакт не получает отчёты о статусе',
    );
    const reminded = event('contract_reminder_sent', { number: 'CT-2026-0001', endsOn: '2026-04-30', daysBefore: 30 });
    expect(plain(describeEvent(reminded, i18n.getFixedT('en'), nameOf, 'en-GB'))).toBe(
      'Reminder sent: contract CT-2026-0001 ends on 30 Apr 2026 (30 days’ notice)',
    );
  });

  it('words a reason the server kept as a code and figures in the reader’s language, and a person’s reason as typed', () => {
    const policy = {
      reason: 'Invoices overdue per the follow-up policy: 2026-000331',
      wording: ['followUp.stop_reason', { numbers: ['2026-000331'] }],
    };
    expect(describeEvent(event('stop_work_set', policy), i18n.getFixedT('ru'), nameOf, 'ru-RU')).toBe(
      'Работы остановлены: Счета просрочены по правилам напоминаний: 2026-000331',
    );
    expect(describeEvent(event('stop_work_set', policy), i18n.getFixedT('en'), nameOf, 'en-GB')).toBe(
      'Work stopped: Invoices overdue per the follow-up policy: 2026-000331',
    );
    expect(describeEvent(event('stop_work_set', { reason: 'Не платят' }), i18n.getFixedT('en'), nameOf, 'en')).toBe(
      'Work stopped: Не платят',
    );
  });

  it('formats money in the user’s locale', () => {
    const t = i18n.getFixedT('ru');
    const text = describeEvent(
      event('payment_recorded', { number: 'INV-2025-0001', amountMinor: 123450, currency: 'RUB' }),
      t,
      nameOf,
      'ru-RU',
    );
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toBe('Получена оплата 1 234,50 ₽ по счёту INV-2025-0001');
  });

  it('words documents and their emails, with the kind in lower case inside the sentence', () => {
    const sent = event('document_sent', { documentId: 'd1', kind: 'act', number: 'ACT-2026-0001', title: 'Act' });
    expect(describeEvent(sent, i18n.getFixedT('en'), nameOf, 'en')).toBe('Document ACT-2026-0001 (act of completed work) sent');
    expect(describeEvent(sent, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Отправлен документ ACT-2026-0001 (акт выполненных работ)');
    const emailed = event('invoice_emailed', {
      invoiceId: 'i1',
      number: 'INV-1',
      to: 'anna@client.test',
      recipients: ['anna@client.test'],
    });
    expect(describeEvent(emailed, i18n.getFixedT('ru'), nameOf, 'ru')).toBe('Счёт INV-1 отправлен по почте: anna@client.test');
  });

  it('says who signed a document and why one was declined', () => {
    const signed = event('document_signed', {
      documentId: 'd1',
      kind: 'act',
      number: 'ACT-2026-0002',
      signer: 'Anna Petrova',
      via: 'portal',
    });
    expect(describeEvent(signed, i18n.getFixedT('en'), nameOf, 'en')).toBe(
      'Document ACT-2026-0002 (act of completed work) signed by Anna Petrova',
    );
    expect(describeEvent(signed, i18n.getFixedT('ru'), nameOf, 'ru')).toBe(
      'Документ ACT-2026-0002 (акт выполненных работ) подписан: Anna Petrova',
    );
    const declined = event('document_declined', { documentId: 'd2', kind: 'contract', number: 'CT-2026-0001', reason: 'Wrong fee' });
    expect(describeEvent(declined, i18n.getFixedT('en'), nameOf, 'en')).toBe('Document CT-2026-0001 (contract) declined: Wrong fee');
  });
});

describe('peopleOf', () => {
  it('names the actor of every event, and both managers of an ownership change', () => {
    expect(peopleOf({ ...event('owner_changed', { from: 'u1', to: null }), actorId: 'u9' })).toEqual(['u9', 'u1', null]);
    expect(peopleOf({ ...event('status_changed', { from: 'prospect', to: 'active' }), actorId: 'u9' })).toEqual(['u9']);
  });
});
