import { describe, expect, it } from 'vitest';
import { DocumentCreateSchema, DocumentUpdateSchema, type Document } from '@common/schemas/document';
import i18n from '../../i18n';
import { validateWith } from '../../lib/forms';
import { LINE_RENAMES } from '../billing/invoice-form-values';
import { documentToValues, valuesToDocument, type DocumentFormValues } from './document-form-values';

describe('a document’s form values', () => {
  it('start a contract without lines and an act with one to fill in, from where the user started', () => {
    expect(documentToValues(undefined, { accountId: 'a1', projectId: 'p1' })).toMatchObject({
      kind: 'contract',
      accountId: 'a1',
      projectId: 'p1',
      language: '',
      lines: [],
    });
    expect(documentToValues(undefined, { kind: 'act' }).lines).toHaveLength(1);
  });

  it('send everything for a new document, the account’s language when none is chosen, empty fields as null', () => {
    const values = { ...documentToValues(undefined, { kind: 'act', accountId: 'a1' }), periodFrom: '2026-02-01' };
    values.lines = [{ description: 'Design', quantity: '2', unitPrice: '1 500,50', taxPercent: '' }];
    const { payload, errors } = valuesToDocument(values, 'RUB', 'ru-RU', true);
    expect(errors).toEqual({});
    expect(payload).toEqual({
      kind: 'act',
      accountId: 'a1',
      language: undefined,
      projectId: null,
      title: null,
      periodFrom: '2026-02-01',
      periodTo: null,
      lines: [{ description: 'Design', quantity: 2, unitPriceMinor: 150050, taxPercent: 0 }],
      notes: null,
    });
    expect(DocumentCreateSchema.safeParse(payload).success).toBe(true);
  });

  it('change only what a draft may change, and show a saved draft back as typed', () => {
    const saved = {
      kind: 'proposal',
      accountId: 'a1',
      projectId: null,
      language: 'en',
      title: 'Spring offer',
      periodFrom: null,
      periodTo: null,
      currency: 'EUR',
      notes: 'Valid for a month',
      lines: [
        { id: 'l1', description: 'SEO', quantity: 1.5, unitPriceMinor: 120000, taxPercent: 20, netMinor: 0, taxMinor: 0, totalMinor: 0 },
      ],
    } as unknown as Document;
    const values = documentToValues(saved);
    expect(values.lines).toEqual([{ description: 'SEO', quantity: '1.5', unitPrice: '1200.00', taxPercent: '20' }]);
    const { payload } = valuesToDocument(values, 'EUR', 'en-GB', false);
    expect(payload).not.toHaveProperty('kind');
    expect(payload).not.toHaveProperty('accountId');
    expect(payload).toMatchObject({ language: 'en', title: 'Spring offer', notes: 'Valid for a month' });
    expect(DocumentUpdateSchema.safeParse(payload).success).toBe(true);
  });

  it('send a contract’s renewal terms, and never renewal on another kind', () => {
    const contract = {
      ...documentToValues(undefined, { accountId: 'a1' }),
      renewal: 'automatic' as const,
      renewalTerms: ' 12 months ',
      renewsId: 'c0',
    };
    expect(valuesToDocument(contract, 'EUR', 'en-GB', true).payload).toMatchObject({
      kind: 'contract',
      renewal: 'automatic',
      renewalTerms: '12 months',
      renewsId: 'c0',
    });
    const act = { ...contract, kind: 'act' as const };
    const { payload } = valuesToDocument(act, 'EUR', 'en-GB', true);
    expect(payload).not.toHaveProperty('renewal');
    expect(DocumentCreateSchema.safeParse(payload).success).toBe(true);
  });

  it('report a price that is not an amount on its field, and a period that is not a date through the shared schema', async () => {
    await i18n.changeLanguage('en');
    const validate = validateWith(DocumentCreateSchema, (v: DocumentFormValues) => valuesToDocument(v, 'EUR', 'en-GB', true), LINE_RENAMES);
    const values: DocumentFormValues = {
      ...documentToValues(undefined, { kind: 'act', accountId: 'a1' }),
      periodTo: '31/02/2026',
      lines: [{ description: 'Design', quantity: '1', unitPrice: 'ten', taxPercent: '0' }],
    };
    const errors = validate(values);
    expect(errors['lines.0.unitPrice']).toBeTruthy();
    expect(errors.periodTo).toBeTruthy();
  });
});
