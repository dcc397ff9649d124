import { IMPORT_FIELDS, type ImportEntity } from '../../../common/schemas/import.js';
import { foldText } from '../../lib/text.js';

/** Header words that name each field, in English and Russian (compared folded, without punctuation). */
const SYNONYMS: Record<string, string[]> = {
  name: [
    'name',
    'account',
    'account name',
    'company',
    'company name',
    'organization',
    'organisation',
    'client',
    'название',
    'наименование',
    'компания',
    'организация',
    'клиент',
    'контрагент',
  ],
  website: ['website', 'web site', 'site', 'url', 'web', 'homepage', 'сайт', 'веб сайт', 'вебсайт'],
  industry: ['industry', 'sector', 'отрасль', 'сфера', 'вид деятельности'],
  status: ['status', 'stage', 'статус'],
  currency: ['currency', 'валюта'],
  paymentTermsDays: ['payment terms', 'payment terms days', 'terms', 'отсрочка', 'отсрочка платежа', 'срок оплаты дней'],
  firstName: ['first name', 'firstname', 'given name', 'имя'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'фамилия'],
  fullName: ['name', 'full name', 'contact', 'contact name', 'person', 'фио', 'контакт', 'контактное лицо'],
  email: ['email', 'e mail', 'email address', 'mail', 'почта', 'эл почта', 'электронная почта', 'емейл'],
  phone: ['phone', 'telephone', 'phone number', 'mobile', 'телефон', 'мобильный', 'моб телефон'],
  position: ['position', 'title', 'job title', 'role', 'должность'],
  account: [
    'account',
    'account name',
    'company',
    'company name',
    'organization',
    'client',
    'компания',
    'организация',
    'клиент',
    'контрагент',
  ],
  accountId: ['account id', 'accountid', 'id клиента', 'ид клиента'],
  type: ['type', 'kind', 'channel', 'тип', 'вид', 'канал'],
  occurredAt: ['date', 'occurred at', 'when', 'date time', 'дата', 'дата и время', 'когда'],
  summary: ['summary', 'subject', 'notes', 'note', 'description', 'тема', 'описание', 'содержание', 'суть', 'комментарий'],
  outcome: ['outcome', 'result', 'итог', 'результат'],
  number: ['number', 'invoice', 'invoice number', 'invoice no', 'no', 'номер', 'номер счета', 'счет', 'документ'],
  issueDate: ['issue date', 'issued', 'invoice date', 'date', 'дата', 'дата счета', 'дата документа'],
  dueDate: ['due date', 'due', 'pay by', 'срок оплаты', 'оплатить до', 'срок'],
  amount: ['amount', 'total', 'invoice amount', 'sum', 'сумма', 'сумма счета', 'сумма документа'],
  owed: ['owed', 'balance', 'outstanding', 'amount due', 'debt', 'долг', 'остаток', 'задолженность', 'к оплате', 'сумма долга'],
};

/** Fields a row cannot be saved without (an account is named by name or id: either will do). */
const REQUIRED: Record<ImportEntity, string[][]> = {
  accounts: [['name']],
  contacts: [
    ['firstName', 'fullName'],
    ['account', 'accountId'],
  ],
  interactions: [['account', 'accountId'], ['occurredAt'], ['summary']],
  opening_balances: [['account', 'accountId'], ['issueDate'], ['dueDate'], ['owed', 'amount']],
};

const normalHeader = (header: string) =>
  foldText(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The field each column goes to, by its header; a field is taken by the first column that names it. */
export function autoMapping(entity: ImportEntity, headers: string[]): (string | null)[] {
  const fields: readonly string[] = IMPORT_FIELDS[entity];
  const taken = new Set<string>();
  return headers.map((header) => {
    const h = normalHeader(header);
    const field = fields.find((f) => !taken.has(f) && (normalHeader(f) === h || SYNONYMS[f]?.includes(h)));
    if (field) taken.add(field);
    return field ?? null;
  });
}

/** The required fields no column is mapped to (one name per group, the first). */
export function missingFields(entity: ImportEntity, mapping: (string | null)[]): string[] {
  return REQUIRED[entity].filter((group) => !group.some((f) => mapping.includes(f))).map((group) => group[0]);
}

/** Whether a field is required on its own (one of a group counts as required for the preview). */
export const fieldList = (entity: ImportEntity) =>
  IMPORT_FIELDS[entity].map((key) => ({ key, required: REQUIRED[entity].some((group) => group.includes(key)) }));

/** A row's cells by field, text trimmed; an unmapped or empty cell is absent. */
export function cellsByField(mapping: (string | null)[], cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  mapping.forEach((field, i) => {
    const text = cells[i]?.trim();
    if (field && text) out[field] = text;
  });
  return out;
}
