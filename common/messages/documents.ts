import type { Message } from './render.js';

/** Paperwork: agency details, documents, their templates, PDFs and sending. */
export const DOCUMENT_MESSAGES = {
  'document.calendar.contract_ends': { en: 'Contract {number} ends — {account}', ru: 'Договор {number} заканчивается — {account}' },
  'document.kind': {
    en: 'Choose the type: contract, act, status report, proposal or other',
    ru: 'Выберите тип: договор, акт, отчёт о статусе, коммерческое предложение или прочий документ',
  },
  'document.not_draft': {
    en: 'Document {number} is {status:documentStatus}; its content is frozen and can no longer change.',
    ru: 'Документ {number} — {status:documentStatus}; его содержание зафиксировано и больше не меняется.',
  },
  'document.send_cancelled': {
    en: 'Document {number} is cancelled; a cancelled document is not sent.',
    ru: 'Документ {number} аннулирован; аннулированный документ не отправляется.',
  },
  'document.send_declined': {
    en: 'Document {number} was declined by the client; draft a new one instead.',
    ru: 'Клиент отклонил документ {number}; подготовьте новый.',
  },
  'document.cancel_not_allowed': {
    en: 'Document {number} is {status:documentStatus}; only a draft or a sent document can be cancelled.',
    ru: 'Документ {number} — {status:documentStatus}; аннулировать можно только черновик или отправленный документ.',
  },
  'document.cancel_reason': { en: 'Say why the document is cancelled', ru: 'Укажите, почему документ аннулируется' },
  'document.recipients_required': { en: 'Choose at least one recipient', ru: 'Выберите хотя бы одного получателя' },
  'document.recipient_not_contact': {
    en: 'Recipients must be contacts of the account',
    ru: 'Получателями могут быть только контакты этого клиента',
  },
  'document.recipient_no_email': {
    en: '{name} has no email address',
    ru: 'У контакта {name} нет адреса электронной почты',
  },
  'document.number_taken': {
    en: 'Number {number} is already taken; change the number format in the document settings.',
    ru: 'Номер {number} уже занят; измените формат номеров в настройках документов.',
  },
  'document.number_format': {
    en: 'A number format needs a counter such as {NNNN}',
    ru: 'В формате номера нужен счётчик, например {NNNN}',
  },
  'document.changed_meanwhile': {
    en: 'The document changed while this was being done; reload it and try again.',
    ru: 'Документ изменился за это время; обновите страницу и попробуйте снова.',
  },
  'account.has_documents': {
    en: 'The account has documents that were sent; they are kept, so the account cannot be deleted.',
    ru: 'У клиента есть отправленные документы; они хранятся, поэтому клиента удалить нельзя.',
  },
  'document.period_order': { en: 'The period ends before it starts', ru: 'Период заканчивается раньше, чем начинается' },
  'document.negative_total': { en: 'The total cannot be negative', ru: 'Итог не может быть отрицательным' },
  'document.email_subject': { en: '{title} from {agency}', ru: '{title} от {agency}' },
  'document.email_body': {
    en: 'Hello,\n\nplease find attached {title}.\n\n{message}Kind regards,\n{agency}',
    ru: 'Здравствуйте!\n\nВо вложении — {title}.\n\n{message}С уважением,\n{agency}',
  },
  'invoice.email_subject': { en: 'Invoice {number} from {agency}', ru: 'Счёт {number} от {agency}' },
  'invoice.email_body': {
    en: 'Hello,\n\nplease find attached invoice {number} for {total}, due {due}.\n\n{message}Kind regards,\n{agency}',
    ru: 'Здравствуйте!\n\nВо вложении — счёт {number} на сумму {total}, срок оплаты — {due}.\n\n{message}С уважением,\n{agency}',
  },
  'invoice.send_draft': {
    en: 'A draft is not sent; issue the invoice first.',
    ru: 'Черновик не отправляется; сначала выставьте счёт.',
  },
  'invoice.send_void': { en: 'A void invoice is not sent.', ru: 'Аннулированный счёт не отправляется.' },
  'template.unknown_placeholder': {
    en: 'Unknown placeholder {{{name}}}; use one of the listed placeholders',
    ru: 'Неизвестная подстановка {{{name}}}; используйте одну из перечисленных',
  },
  'template.not_allowed': {
    en: 'Templates take only text and placeholders such as {{account.name}}; “{tag}” is not allowed',
    ru: 'В шаблоне допустимы только текст и подстановки вроде {{account.name}}; «{tag}» недопустимо',
  },
  'template.syntax': {
    en: 'The template cannot be read: {reason}',
    ru: 'Шаблон не удаётся разобрать: {reason}',
  },
  'template.unknown_block': {
    en: 'Documents of this kind have no block “{name}”',
    ru: 'У документов этого вида нет блока «{name}»',
  },
  'agency.logo_too_large': {
    en: 'The logo is larger than {maxMb} MB; upload a smaller image.',
    ru: 'Логотип больше {maxMb} МБ; загрузите изображение поменьше.',
  },
  'agency.logo_type': {
    en: 'The logo must be a PNG, JPEG or SVG image; this file is not one.',
    ru: 'Логотип должен быть изображением PNG, JPEG или SVG; этот файл им не является.',
  },
  'agency.logo_unreadable': {
    en: 'The image could not be read; save it again and upload it.',
    ru: 'Изображение не удалось прочитать; пересохраните его и загрузите снова.',
  },
  'access.documents_hidden': { en: 'Documents are not shown to your role.', ru: 'Документы недоступны для вашей роли.' },
  'access.documents_read_only': {
    en: 'You can read this account’s documents but not change them.',
    ru: 'Вы можете читать документы этого клиента, но не менять их.',
  },
  'access.create_document': { en: 'Your role does not draft documents.', ru: 'Ваша роль не готовит документы.' },
} satisfies Record<string, Message>;
