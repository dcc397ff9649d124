import type { Language, Message } from '../../../common/messages/index.js';

/**
 * What a column holds, which decides how each writer sets it down: text (neutralised against
 * formulas), numbers, money (minor units shown as decimals of the row's currency), calendar
 * dates (YYYY-MM-DD), timestamps (ISO, UTC) and yes/no.
 */
export type ExportKind = 'text' | 'number' | 'money' | 'date' | 'timestamp' | 'boolean';

export type ExportValue = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  /** The header in each language the app speaks. */
  header: Message;
  kind: ExportKind;
  value: (row: T) => ExportValue;
  /** Money only: the currency of the row's amount, for the digits its minor units have. */
  currency?: (row: T) => string;
}

/** Column builders for rows of one type, so a module lists its columns without repeating the type. */
export function columnsOf<T>() {
  const of =
    <V extends ExportValue>(kind: ExportKind) =>
    (header: Message, value: (row: T) => V): ExportColumn<T> => ({ header, kind, value });
  return {
    text: of<string | null | undefined>('text'),
    number: of<number | null | undefined>('number'),
    date: of<string | null | undefined>('date'),
    timestamp: of<string | null | undefined>('timestamp'),
    boolean: of<boolean | null | undefined>('boolean'),
    money: (header: Message, minor: (row: T) => number | null | undefined, currency: (row: T) => string): ExportColumn<T> => ({
      header,
      kind: 'money',
      value: minor,
      currency,
    }),
  };
}

/** The header row in the reader's language. */
export const headerRow = <T>(columns: readonly ExportColumn<T>[], language: Language): string[] => columns.map((c) => c.header[language]);

export const YES_NO: Record<Language, [yes: string, no: string]> = { en: ['yes', 'no'], ru: ['да', 'нет'] };
