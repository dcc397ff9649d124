import { describe, expect, it } from 'vitest';
import { InvoiceCreateSchema } from '@common/schemas/invoice';
import i18n from '../../i18n';
import { validateWith } from '../../lib/forms';
import { LINE_RENAMES, invoiceToValues, valuesToInvoice, type InvoiceFormValues } from './invoice-form-values';

const values = (lines: InvoiceFormValues['lines']): InvoiceFormValues => ({ accountId: 'acc-1', notes: '', lines });

describe('invoice lines as typed', () => {
  it('reads prices in the account currency and locale, quantities with a comma or a dot, discounts as negative', () => {
    const { payload, errors } = valuesToInvoice(
      values([
        { description: 'Hours', quantity: '2,5', unitPrice: '1 234,50', taxPercent: '20' },
        { description: 'Discount', quantity: '1', unitPrice: '-100', taxPercent: '' },
      ]),
      'EUR',
      'ru-RU',
    );
    expect(errors).toEqual({});
    expect(payload.lines).toEqual([
      { description: 'Hours', quantity: 2.5, unitPriceMinor: 123450, taxPercent: 20 },
      { description: 'Discount', quantity: 1, unitPriceMinor: -10000, taxPercent: 0 },
    ]);
  });

  it('puts a bad price on its field and a bad quantity through the shared schema, in the user language', async () => {
    await i18n.changeLanguage('en');
    const validate = validateWith(InvoiceCreateSchema, (v: InvoiceFormValues) => valuesToInvoice(v, 'EUR', 'en-US'), LINE_RENAMES);
    const errors = validate(values([{ description: '', quantity: '1.2345', unitPrice: 'ten', taxPercent: '0' }]));
    expect(errors['lines.0.unitPrice']).toBeTruthy();
    expect(errors['lines.0.quantity']).toBe('At most 3 decimals');
    expect(errors['lines.0.description']).toBe('Describe the line');
  });

  it('shows a saved draft back as it was typed', () => {
    const v = invoiceToValues({
      accountId: 'a',
      currency: 'JPY',
      notes: null,
      lines: [{ description: 'x', quantity: 1.5, unitPriceMinor: 1200, taxPercent: 10 }],
    } as never);
    expect(v.lines[0]).toEqual({ description: 'x', quantity: '1.5', unitPrice: '1200', taxPercent: '10' });
  });
});
