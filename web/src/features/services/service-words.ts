/** How the pages show a service: its texts in the reader's language (the other when blank) and its prices in their locale. */
import type { Language } from '@common/enums';
import type { LocalizedText, Service } from '@common/schemas/service';
import { formatMoney } from '../../lib/format';

/** The text in the reader's language, else in the other one. */
export const textFor = (text: LocalizedText, language: string): string => text[language as Language] ?? text.en ?? text.ru ?? '';

/** Every price of the service, formatted in the locale, in the order kept. */
export const pricesFor = (service: Pick<Service, 'prices'>, locale: string): string[] =>
  service.prices.map((p) => formatMoney(p.amountMinor, p.currency, locale));
