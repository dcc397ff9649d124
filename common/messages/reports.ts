import type { Message } from './render.js';

/** Contracts' terms and renewal reminders; status reports on demand and on schedule. */
export const REPORT_MESSAGES = {
  'document.renewal': {
    en: 'Choose what happens at the end: nothing, renewal by agreement, or automatic renewal',
    ru: 'Выберите, что будет по окончании: ничего, продление по соглашению или автоматическое продление',
  },
  'document.contract_terms_only': {
    en: 'Renewal terms belong to contracts only',
    ru: 'Условия продления бывают только у договоров',
  },
  'document.contract_end_after_start': {
    en: 'The contract must end after it starts',
    ru: 'Договор должен заканчиваться позже, чем начинается',
  },
  'document.renews_contract': {
    en: 'A contract renews another contract of the same client',
    ru: 'Договор может продлевать только другой договор того же клиента',
  },
  'contract.reminder_subject': {
    en: 'Contract {number} with {account} ends on {date}',
    ru: 'Договор {number} с клиентом {account} заканчивается {date}',
  },
  'contract.reminder_body': {
    en: 'Hello {name},\n\ncontract {number} with {account} ends on {date}, in {days:days}.\n{renewal}\n\nRenew it, replace it with a new contract, or let it end.',
    ru: 'Здравствуйте, {name}!\n\nДоговор {number} с клиентом {account} заканчивается {date} — через {days:days}.\n{renewal}\n\nПродлите его, замените новым договором или дайте ему закончиться.',
  },
  'contract.reminder_link': { en: 'The contract: {url}', ru: 'Договор: {url}' },
  'contract.renewal_none': { en: 'It does not renew by itself.', ru: 'Сам по себе он не продлевается.' },
  'contract.renewal_manual': {
    en: 'It is renewed by a new agreement with the client.',
    ru: 'Он продлевается новым соглашением с клиентом.',
  },
  'contract.renewal_automatic': {
    en: 'It renews automatically unless either party objects.',
    ru: 'Он продлевается автоматически, если ни одна из сторон не возразит.',
  },
  'project.report_day': {
    en: 'Choose the day reports go out: a weekday (1–7) or a day of the month (1–28)',
    ru: 'Выберите день отправки отчётов: день недели (1–7) или число месяца (1–28)',
  },
  'project.report_weekday': {
    en: 'A weekly report goes out on a weekday: 1 (Monday) to 7 (Sunday)',
    ru: 'Еженедельный отчёт отправляется в день недели: от 1 (понедельник) до 7 (воскресенье)',
  },
  'project.report_hour': { en: 'Choose an hour from 0 to 23', ru: 'Выберите час от 0 до 23' },
  'status_report.period_order': {
    en: 'The period must end on or after the day it starts',
    ru: 'Период должен заканчиваться не раньше, чем начинается',
  },
  'status_report.period_incomplete': {
    en: 'Give both the start and the end of the period, or neither',
    ru: 'Укажите и начало, и конец периода — или ни то, ни другое',
  },
  'status_report.no_recipients': {
    en: 'No contact of {account} receives status reports; tick “Receives status reports” on a contact with an email address.',
    ru: 'Ни один контакт клиента {account} не получает отчёты о статусе; отметьте «Получает отчёты о статусе» у контакта с адресом почты.',
  },
  'status_report.nothing_to_report': {
    en: 'Project {project} has nothing to report for the period: no plan, no work done, nothing waiting.',
    ru: 'По проекту {project} за период нечего сообщить: нет плана, выполненной работы и открытых вопросов.',
  },
} satisfies Record<string, Message>;
