import type { Message } from './render.js';

/** Invoices, payments, debt prevention and follow-ups. */
export const BILLING_MESSAGES = {
  'invoice.line_required': { en: 'Describe the line', ru: 'Опишите строку' },
  'invoice.quantity': { en: 'Quantity is a number more than 0, at most 1,000,000', ru: 'Количество — число больше 0, не больше 1 000 000' },
  'invoice.unit_price': {
    en: 'Unit price is whole minor units (for example 1050 for 10.50)',
    ru: 'Цена — в копейках или центах без дробной части',
  },
  'invoice.tax': { en: 'Tax is a percentage from 0 to 100', ru: 'Налог — процент от 0 до 100' },
  'invoice.lines_required': { en: 'Add at least one line', ru: 'Добавьте хотя бы одну строку' },
  'invoice.void_reason': { en: 'Say why the invoice is voided', ru: 'Укажите, почему счёт аннулируется' },
  'invoice.credit_reason': { en: 'Say why the invoice is credited', ru: 'Укажите причину корректировки' },
  'invoice.no_such_invoice': { en: 'No invoice with this id', ru: 'Такого счёта нет' },
  'invoice.already_issued': {
    en: 'Invoice {number} is already {status:invoiceStatus}; only a draft can be issued.',
    ru: 'Счёт {number} уже {status:invoiceStatus}; выставить можно только черновик.',
  },
  'invoice.not_draft': {
    en: 'Invoice {number} is {status:invoiceStatus}; its lines can no longer change. Void it or issue a credit note.',
    ru: 'Счёт {number} — {status:invoiceStatus}; его строки больше нельзя менять. Аннулируйте его или выставьте кредит-ноту.',
  },
  'invoice.zero_total': {
    en: 'The invoice total is 0; add a line with an amount before issuing it.',
    ru: 'Сумма счёта — 0; добавьте строку с суммой, прежде чем выставлять счёт.',
  },
  'invoice.negative_total': {
    en: 'The invoice total cannot be negative; correct an issued invoice with a credit note instead.',
    ru: 'Итог счёта не может быть отрицательным; выставленный счёт исправляется кредит-нотой.',
  },
  'invoice.issue_date_future': { en: 'The issue date cannot be in the future', ru: 'Дата выставления не может быть в будущем' },
  'invoice.number_taken': {
    en: 'Invoice number {number} is already taken; change the invoice number format in the settings.',
    ru: 'Номер счёта {number} уже занят; измените формат номеров счетов в настройках.',
  },
  'invoice.already_void': { en: 'The invoice is already void.', ru: 'Счёт уже аннулирован.' },
  'invoice.void_paid': {
    en: 'Payments are recorded on this invoice; reverse them before voiding it.',
    ru: 'По счёту есть оплаты; сторнируйте их, прежде чем аннулировать счёт.',
  },
  'invoice.void_credited': {
    en: 'Credit notes correct this invoice; void them before voiding it.',
    ru: 'К счёту выставлены кредит-ноты; аннулируйте их, прежде чем аннулировать счёт.',
  },
  'invoice.credit_not_issued': {
    en: 'Only an issued invoice can be credited.',
    ru: 'Кредит-ноту можно выставить только к выставленному счёту.',
  },
  'invoice.credit_settled': {
    en: 'Nothing is left to credit: the invoice is settled. Reverse a payment first if money must go back.',
    ru: 'Кредит-нота не нужна: счёт оплачен полностью. Если нужно вернуть деньги, сначала сторнируйте оплату.',
  },
  'invoice.credit_nothing': { en: 'A credit note must credit a positive amount.', ru: 'Кредит-нота должна уменьшать сумму счёта.' },
  'invoice.credit_over_balance': {
    en: 'The credit note ({amount:money}) is more than the open balance ({balance:money}).',
    ru: 'Кредит-нота ({amount:money}) больше остатка к оплате ({balance:money}).',
  },
  'invoice.changed_meanwhile': {
    en: 'The invoice changed while this was being done; reload it and try again.',
    ru: 'Счёт изменился за это время; обновите страницу и попробуйте снова.',
  },

  'payment.no_credit_notes': {
    en: 'Payments are recorded on invoices, not on credit notes.',
    ru: 'Оплаты вносятся по счетам, а не по кредит-нотам.',
  },
  'payment.not_issued': { en: 'Issue the invoice before recording a payment on it.', ru: 'Сначала выставьте счёт, потом вносите оплату.' },
  'payment.invoice_void': { en: 'The invoice is void; it cannot be paid.', ru: 'Счёт аннулирован, его нельзя оплатить.' },
  'payment.currency': { en: 'The invoice is in {currency}', ru: 'Счёт выставлен в {currency}' },
  'payment.date_future': { en: 'The payment date cannot be in the future', ru: 'Дата оплаты не может быть в будущем' },
  'payment.date_before_issue': {
    en: 'The payment date cannot be before the invoice was issued ({issueDate})',
    ru: 'Дата оплаты не может быть раньше даты счёта ({issueDate})',
  },
  'payment.already_paid': { en: 'Invoice {number} is already paid in full; nothing is owed.', ru: 'Счёт {number} уже оплачен полностью.' },
  'payment.overpayment': {
    en: 'The amount ({amount:money}) is more than what is owed on invoice {number} ({balance:money}). Overpayments are not recorded.',
    ru: 'Сумма ({amount:money}) больше долга по счёту {number} ({balance:money}). Переплаты не вносятся.',
  },
  'payment.at_most': { en: 'At most {balance:money}', ru: 'Не больше {balance:money}' },
  'payment.key_reused': {
    en: 'This Idempotency-Key was already used for a different payment. Use a new key for a new payment.',
    ru: 'Этот Idempotency-Key уже использован для другой оплаты. Для новой оплаты нужен новый ключ.',
  },
  'payment.already_reversed': { en: 'This payment is already reversed.', ru: 'Эта оплата уже сторнирована.' },
  'payment.cannot_reverse': { en: 'The invoice can no longer take this payment back.', ru: 'Эту оплату больше нельзя сторнировать.' },
  'payment.reverse_reason': { en: 'Say why the payment is reversed', ru: 'Укажите, почему оплата сторнируется' },

  'work.stopped': {
    en: 'Work on {account} is stopped since {since}: {reason}. Finance or an admin can lift the stop-work flag.',
    ru: 'Работы по клиенту {account} остановлены с {since}: {reason}. Возобновить их может финансист или администратор.',
  },
  'work.not_stopped': { en: 'Work on this account is not stopped.', ru: 'Работы по этому клиенту не остановлены.' },
  'work.already_stopped': { en: 'Work on this account is already stopped.', ru: 'Работы по этому клиенту уже остановлены.' },
  'work.unpaid_invoices': { en: 'unpaid invoices', ru: 'неоплаченные счета' },

  'credit.over_limit_adding': {
    en: 'This brings the amount owed to {projected:money}, over the credit limit of {limit:money} (owed now: {owed:money}).',
    ru: 'Долг вырастет до {projected:money} — больше кредитного лимита {limit:money} (сейчас: {owed:money}).',
  },
  'credit.over_limit': {
    en: 'The account owes {owed:money}, over its credit limit of {limit:money}.',
    ru: 'Клиент должен {owed:money} — больше кредитного лимита {limit:money}.',
  },
  'credit.overdue': { en: 'The account has an invoice {days:days} overdue.', ru: 'У клиента есть счёт, просроченный на {days:days}.' },
  'credit.stop_work': { en: 'Work is stopped since {since}: {reason}', ru: 'Работы остановлены с {since}: {reason}' },

  'followUp.running': {
    en: 'Today’s follow-ups are running right now; try again in a minute.',
    ru: 'Сегодняшние напоминания выполняются прямо сейчас; попробуйте через минуту.',
  },
  'followUp.failed': {
    en: 'Today’s follow-ups could not finish: {error}. They will be retried.',
    ru: 'Сегодняшние напоминания не удалось завершить: {error}. Будет повторная попытка.',
  },
  'followUp.already_sent': { en: 'This email was already sent.', ru: 'Это письмо уже отправлено.' },
  'followUp.already_done': { en: 'This follow-up is already done.', ru: 'Это уже сделано.' },
  'followUp.call_title': { en: 'Call {account} about overdue invoices', ru: '{account}: позвонить по просроченным счетам' },
  'followUp.alert_title': { en: '{account}: invoices {days:days} overdue', ru: '{account}: счета просрочены на {days:days}' },
  'followUp.stopped_title': {
    en: 'Work stopped on {account}: invoices {days:days} overdue',
    ru: '{account}: работы остановлены, счета просрочены на {days:days}',
  },
  'followUp.overdue': { en: 'Overdue: {numbers}', ru: 'Просрочены: {numbers}' },
  'followUp.stop_reason': {
    en: 'Invoices overdue per the follow-up policy: {numbers}',
    ru: 'Счета просрочены по правилам напоминаний: {numbers}',
  },

  'email.disabled': { en: 'Email is disabled: SMTP_URL is not set.', ru: 'Отправка почты выключена: не задан SMTP_URL.' },
  'email.no_recipient': {
    en: 'No contact of this account has an email address.',
    ru: 'Ни у одного контакта клиента нет адреса электронной почты.',
  },

  'settings.levels_unique': { en: 'Two levels cannot share a day', ru: 'У двух уровней не может быть одинакового дня' },
  'settings.levels_max': { en: 'At most 10 levels', ru: 'Не больше 10 уровней' },
  'settings.number_format': {
    en: 'Use {YYYY} or {YY} for the year and {N…} for the counter, e.g. {YYYY}-{NNNNNN}',
    ru: 'Используйте {YYYY} или {YY} для года и {N…} для счётчика, например {YYYY}-{NNNNNN}',
  },
  'statement.too_long': { en: 'A statement covers at most five years', ru: 'Акт сверки охватывает не больше пяти лет' },
  'followUp.not_overdue': {
    en: 'Only an overdue invoice with something still owed is reminded',
    ru: 'Напомнить можно только о просроченном неоплаченном счёте',
  },
  'followUp.no_recipient': {
    en: 'No contact of the account has an email address to send the reminder to',
    ru: 'Ни у одного контакта клиента нет адреса, чтобы отправить напоминание',
  },
  'followUp.no_levels': {
    en: 'The follow-up ladder has no step to word the reminder',
    ru: 'В цепочке напоминаний нет шага с текстом письма',
  },
  'followUp.reminded_today': {
    en: 'A reminder about invoice {number} was already sent today',
    ru: 'Напоминание о счёте {number} сегодня уже отправлено',
  },
} satisfies Record<string, Message>;
