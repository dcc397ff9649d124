import type { Message } from './render.js';

/** Importing spreadsheets: the file's problems, each row's, and the import's state. */
export const IMPORT_MESSAGES = {
  'import.file_required': { en: 'Attach the file to import', ru: 'Приложите файл для импорта' },
  'import.entity_required': {
    en: 'Choose what the file holds: accounts, contacts, interactions or opening balances',
    ru: 'Выберите, что в файле: клиенты, контакты, взаимодействия или начальные остатки',
  },
  'import.wrong_format': {
    en: 'Only CSV files and Excel workbooks (.xlsx) can be imported',
    ru: 'Импортировать можно только файлы CSV и книги Excel (.xlsx)',
  },
  'import.too_large': { en: 'The file is larger than {maxMb} MB', ru: 'Файл больше {maxMb} МБ' },
  'import.too_many_rows': {
    en: 'The file has more than {max} rows; split it into several files',
    ru: 'В файле больше {max} строк; разделите его на несколько файлов',
  },
  'import.empty': { en: 'The file has no header row', ru: 'В файле нет строки заголовков' },
  'import.unreadable': { en: 'The file cannot be read: {reason}', ru: 'Файл не читается: {reason}' },
  'import.no_such_sheet': { en: 'The workbook has no sheet “{sheet}”', ru: 'В книге нет листа «{sheet}»' },
  'import.unknown_field': { en: 'Column {column} is mapped to an unknown field', ru: 'Столбец {column} сопоставлен неизвестному полю' },
  'import.field_twice': { en: 'Field “{field}” is mapped to two columns', ru: 'Поле «{field}» сопоставлено двум столбцам' },
  'import.missing_fields': {
    en: 'Map a column to each required field first: {fields}',
    ru: 'Сначала сопоставьте столбец каждому обязательному полю: {fields}',
  },
  'import.not_editable': { en: 'This import has already started', ru: 'Этот импорт уже запущен' },
  'import.not_done': { en: 'Only a finished import can be undone', ru: 'Отменить можно только завершённый импорт' },
  'import.changed_since': {
    en: 'Records of this import were changed since ({count}); it cannot be undone',
    ru: 'Записи этого импорта с тех пор изменены ({count}); отменить его нельзя',
  },
  'import.forbidden': {
    en: 'Only admins and account managers import',
    ru: 'Импортировать могут только администраторы и менеджеры клиентов',
  },
  'import.no_such_account': {
    en: 'No account of yours is named “{account}”',
    ru: 'Среди ваших клиентов нет «{account}»',
  },
  'import.account_ambiguous': {
    en: 'Several accounts are named “{account}”; give the account id',
    ru: 'Клиентов с названием «{account}» несколько; укажите id клиента',
  },
  'import.account_required': { en: 'Name the account or give its id', ru: 'Укажите клиента: название или id' },
  'import.not_yours': { en: 'The matching record is not yours to change', ru: 'Совпавшая запись не ваша, изменить её нельзя' },
  'import.bad_date': { en: 'Not a date: use YYYY-MM-DD or DD.MM.YYYY', ru: 'Не дата: используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ' },
  'import.bad_amount': { en: 'Not an amount of money', ru: 'Не денежная сумма' },
  'import.owed_above_amount': { en: 'What is owed exceeds the invoice amount', ru: 'Долг больше суммы счёта' },
  'import.nothing_owed': { en: 'Nothing is owed on this invoice', ru: 'По этому счёту ничего не должны' },
  'import.number_taken': { en: 'Invoice number {number} already exists', ru: 'Счёт с номером {number} уже есть' },
  'import.bad_choice': { en: 'Not one of: {values}', ru: 'Не одно из значений: {values}' },
} satisfies Record<string, Message>;
