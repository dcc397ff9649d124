import type { DocumentKind, Language } from '../../../common/enums.js';
import { formatMoney, scaledToDecimal } from '../../lib/money.js';

/** The fixed words of the built-in layouts, in each language a document can be in. */
export const PDF_WORDS = {
  en: {
    kind: {
      contract: 'Contract',
      act: 'Act of completed work',
      status_report: 'Status report',
      proposal: 'Commercial proposal',
      other: 'Document',
      invoice: 'Invoice',
      credit_note: 'Credit note',
    },
    numbered: (kind: string, number: string, date: string) => `${kind} ${number} of ${date}`,
    draft: 'DRAFT',
    draftOf: (kind: string) => `${kind} (draft)`,
    page: 'Page',
    of: 'of',
    agency: 'Contractor',
    client: 'Client',
    date: 'Date',
    due: 'Due date',
    project: 'Project',
    period: 'Period',
    validUntil: 'Valid until',
    columns: ['Description', 'Qty', 'Unit price', 'Tax %', 'Amount'],
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    paid: 'Paid',
    balance: 'Balance due',
    inWords: (words: string) => `Amount in words: ${words}.`,
    taxId: 'Tax ID',
    registrationId: 'Registration no.',
    bank: 'Bank details',
  },
  ru: {
    kind: {
      contract: 'Договор',
      act: 'Акт выполненных работ',
      status_report: 'Отчёт о статусе',
      proposal: 'Коммерческое предложение',
      other: 'Документ',
      invoice: 'Счёт',
      credit_note: 'Корректировочный счёт',
    },
    numbered: (kind: string, number: string, date: string) => `${kind} № ${number} от ${date}`,
    draft: 'ЧЕРНОВИК',
    draftOf: (kind: string) => `${kind} (черновик)`,
    page: 'Страница',
    of: 'из',
    agency: 'Исполнитель',
    client: 'Заказчик',
    date: 'Дата',
    due: 'Срок оплаты',
    project: 'Проект',
    period: 'Период',
    validUntil: 'Действительно до',
    columns: ['Наименование', 'Кол-во', 'Цена', 'НДС, %', 'Сумма'],
    subtotal: 'Итого без налога',
    tax: 'Налог',
    total: 'Итого',
    paid: 'Оплачено',
    balance: 'К оплате',
    inWords: (words: string) => `Всего на сумму: ${words}.`,
    taxId: 'ИНН',
    registrationId: 'ОГРН',
    bank: 'Банковские реквизиты',
  },
} as const;

export type PdfKind = DocumentKind | 'invoice' | 'credit_note';

const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };
const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar date as paperwork writes it: "10 March 2026", «10 марта 2026 г.». */
export const paperDate = (date: string, language: Language) => DATE_FORMATS[language].format(new Date(`${date}T00:00:00Z`));

/** Money in the language's conventions (the common formatting of lib/money). */
export const paperMoney = (minor: number, currency: string, language: Language) => formatMoney(minor, currency, LOCALES[language]);

/** A quantity kept in thousandths, without trailing zeros, with the language's decimal mark. */
export function paperQuantity(milli: number, language: Language): string {
  const text = scaledToDecimal(milli, 3).replace(/\.?0+$/, '');
  return language === 'ru' ? text.replace('.', ',') : text;
}

/** A tax rate kept in basis points, e.g. 20 or 7,25. */
export function paperPercent(basisPoints: number, language: Language): string {
  const text = scaledToDecimal(basisPoints, 2).replace(/\.?0+$/, '');
  return language === 'ru' ? text.replace('.', ',') : text;
}
