import type { Message } from './render.js';

/** Acts of completed work from delivered work, the client's signature, and the invoice made from a signed act. */
export const ACT_MESSAGES = {
  'act.period_or_milestones': {
    en: 'Give a period (from and to) or choose milestones',
    ru: 'Укажите период (с и по) или выберите вехи',
  },
  'act.period_order': { en: 'The period ends before it starts', ru: 'Период заканчивается раньше, чем начинается' },
  'act.nothing_delivered': {
    en: 'Nothing was delivered in this period that is not already on an act: no done {basis:actBasis} to put on it.',
    ru: 'За этот период не сдано ничего, что ещё не вошло в акт: нет завершённых {basis:actBasis}.',
  },
  'act.nothing_in_milestones': {
    en: 'The chosen milestones have nothing to put on an act that is not already on one.',
    ru: 'В выбранных вехах нет ничего, что ещё не вошло в акт.',
  },
  'act.missing_rate': {
    en: 'The role “{role}” has no hourly rate in {currency}; set it in the delivery settings before making the act.',
    ru: 'У роли «{role}» нет часовой ставки в {currency}; задайте её в настройках производства, прежде чем составлять акт.',
  },
  'act.milestone_price': {
    en: 'Milestone “{title}” has no price; give it one before making an act by milestones.',
    ru: 'У вехи «{title}» нет цены; задайте её, прежде чем составлять акт по вехам.',
  },
  'act.milestone_not_done': {
    en: 'Milestone “{title}” is not done yet; only delivered work goes on an act.',
    ru: 'Веха «{title}» ещё не завершена; в акт входит только сданная работа.',
  },
  'act.milestone_other_project': {
    en: 'Choose milestones of this project',
    ru: 'Выберите вехи этого проекта',
  },
  'work.done_on_open': {
    en: 'A day it was done is given only for work that is done',
    ru: 'День завершения указывается только для завершённой работы',
  },
  'act.line_hours': { en: 'Work of the {role} role, hours', ru: 'Работы по роли «{role}», часы' },
  'act.line_milestone_hours': { en: '{milestone}: {role}, hours', ru: '{milestone}: {role}, часы' },
  'document.not_signable': {
    en: 'Document {number} is not signed by the client; only contracts, acts and proposals are.',
    ru: 'Документ {number} клиент не подписывает; подписываются только договоры, акты и предложения.',
  },
  'document.already_signed': {
    en: 'Document {number} is already signed; a signed document is neither signed again nor declined.',
    ru: 'Документ {number} уже подписан; подписанный документ нельзя подписать повторно или отклонить.',
  },
  'document.already_declined': {
    en: 'Document {number} was declined; a declined document is neither signed nor declined again.',
    ru: 'Документ {number} отклонён; отклонённый документ нельзя подписать или отклонить повторно.',
  },
  'document.not_sent': {
    en: 'Document {number} is {status:documentStatus}; only a sent document is signed or declined.',
    ru: 'Документ {number} — {status:documentStatus}; подписать или отклонить можно только отправленный документ.',
  },
  'document.signer_name': { en: 'Type your full name as your signature', ru: 'Введите полное имя — это ваша подпись' },
  'document.consent_required': {
    en: 'Confirm that typing your name signs the document',
    ru: 'Подтвердите, что ввод имени означает подпись документа',
  },
  'document.decline_reason': { en: 'Say why the document is declined', ru: 'Укажите, почему документ отклонён' },
  'document.scan_too_large': {
    en: 'The scan is larger than {maxMb} MB; upload a smaller PDF.',
    ru: 'Скан больше {maxMb} МБ; загрузите PDF поменьше.',
  },
  'document.scan_type': {
    en: 'The signed copy must be a PDF file; this file is not one.',
    ru: 'Подписанная копия должна быть файлом PDF; этот файл им не является.',
  },
  'document.invoice_act_only': {
    en: 'Document {number} is not an act; invoices are made from signed acts.',
    ru: 'Документ {number} — не акт; счёт составляется по подписанному акту.',
  },
  'document.invoice_unsigned': {
    en: 'Act {number} is {status:documentStatus}; an invoice is made once the client has signed it.',
    ru: 'Акт {number} — {status:documentStatus}; счёт составляется после того, как клиент его подпишет.',
  },
  'document.already_invoiced': {
    en: 'Act {number} already has invoice {invoice}; void that one to make another.',
    ru: 'По акту {number} уже есть счёт {invoice}; чтобы составить другой, аннулируйте его.',
  },
  'document.invoice_notes': { en: 'For act {number}', ru: 'По акту {number}' },
  'access.create_act': {
    en: 'Acts are made by the account’s manager or an admin.',
    ru: 'Акты составляет менеджер клиента или администратор.',
  },
  'access.sign_as_client': {
    en: 'Only the client’s own users sign or decline their documents.',
    ru: 'Подписать или отклонить документ может только пользователь клиента.',
  },
} satisfies Record<string, Message>;
