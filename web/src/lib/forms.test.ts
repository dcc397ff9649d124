import { describe, expect, it } from 'vitest';
import { AccountCreateSchema, AccountUpdateSchema } from '@common/schemas/account';
import { LoginSchema } from '@common/schemas/auth';
import { accountToValues, ACCOUNT_FIELD_RENAMES, valuesToAccount } from '../features/accounts/account-form-values';
import i18n, { translateMessage } from '../i18n';
import { changedFields, serverErrorsToForm, validateSchema, validateWith } from './forms';

const validateAccount = validateWith(
  AccountCreateSchema,
  (v: ReturnType<typeof accountToValues>) => valuesToAccount(v, 'en-US'),
  ACCOUNT_FIELD_RENAMES,
);

describe('form validation with the shared schemas', () => {
  it('reports the schema message on the field', async () => {
    await i18n.changeLanguage('en');
    expect(validateSchema(LoginSchema)({ email: 'not an email', password: '' })).toEqual({
      email: 'Enter a valid email address',
      password: 'Enter your password',
    });
  });

  it('shows schema messages in Russian when the UI is in Russian', async () => {
    await i18n.changeLanguage('ru');
    expect(validateAccount(accountToValues(undefined, 'ru'))).toEqual({ name: 'Введите название компании' });
    await i18n.changeLanguage('en');
  });

  it('accepts a complete account and converts the credit limit to minor units', () => {
    const values = { ...accountToValues(undefined, 'en'), name: 'Acme', currency: 'usd', creditLimit: '1,250.50' };
    expect(validateAccount(values)).toEqual({});
    expect(valuesToAccount(values, 'en-US').payload).toMatchObject({
      name: 'Acme',
      currency: 'USD',
      creditLimitMinor: 125050,
      industry: null,
      ownerId: null,
    });
  });

  it('puts a bad amount and a bad currency on their own fields', () => {
    const values = { ...accountToValues(undefined, 'en'), name: 'Acme', currency: 'EURO', creditLimit: 'twelve' };
    expect(validateAccount(values)).toEqual({
      currency: 'Use a three-letter ISO 4217 code such as EUR',
      creditLimit: 'Enter an amount such as 5000.00',
    });
  });

  it('round-trips an existing account through its form values', () => {
    const account = {
      id: 'a1',
      version: 2,
      createdAt: '',
      updatedAt: '',
      name: 'Ромашка',
      status: 'active' as const,
      industry: 'Flowers',
      website: null,
      ownerId: 'u1',
      backupOwnerId: null,
      currency: 'RUB',
      paymentTermsDays: 30,
      creditLimitMinor: 150000000,
      language: 'ru' as const,
      flags: { workStopped: null, overdue: null, creditUsed: null },
      can: {
        update: true,
        delete: true,
        addContact: true,
        logInteraction: true,
        addProject: true,
        seeBilling: true,
        createInvoice: true,
        changeStopWork: false,
        createDocument: false,
        writeMessage: false,
      },
      health: null,
    };
    const values = accountToValues(account, 'en');
    expect(values.creditLimit).toBe('1500000.00');
    const { payload } = valuesToAccount(values, 'ru-RU');
    expect(AccountUpdateSchema.safeParse(payload).success).toBe(true);
    expect(payload.creditLimitMinor).toBe(150000000);
    expect(changedFields(payload, valuesToAccount(accountToValues(account, 'en'), 'ru-RU').payload)).toEqual({});
  });
});

describe('server errors and changes', () => {
  it('maps the API field names onto the form', () => {
    expect(
      serverErrorsToForm(
        [
          { field: 'creditLimitMinor', code: 'validation.amount_negative', message: 'Amounts cannot be negative' },
          { field: 'name', code: 'account.name_required', message: 'Enter the company name' },
          { field: 'industry', code: 'some.future_code', message: 'Words from a newer server' },
        ],
        ACCOUNT_FIELD_RENAMES,
      ),
    ).toEqual({ creditLimit: 'Amounts cannot be negative', name: 'Enter the company name', industry: 'Words from a newer server' });
  });

  it('words field errors by their code in the UI language, not by the server’s English', async () => {
    await i18n.changeLanguage('ru');
    const errors = serverErrorsToForm([
      { field: 'name', code: 'validation.too_long', message: 'At most 200 characters', params: { max: 200 } },
    ]);
    expect(errors).toEqual({ name: 'Не более 200 символов' });
    await i18n.changeLanguage('en');
  });

  it('sends only the fields the user changed', () => {
    expect(changedFields({ name: 'B', industry: null, ownerId: 'u1' }, { name: 'A', industry: null, ownerId: 'u1' })).toEqual({
      name: 'B',
    });
  });

  it('translates catalogue codes with their parameters, labels included', () => {
    expect(translateMessage('validation.too_long', { max: 200 }, 'ru')).toBe('Не более 200 символов');
    expect(translateMessage('validation.too_short', { min: 10 }, 'en')).toBe('Use at least 10 characters');
    expect(translateMessage('project.stage_field', { from: 'on_hold' }, 'ru')).toBe('Недоступно с этапа «приостановлен»');
    expect(translateMessage('not.a.code', {}, 'ru')).toBe('not.a.code');
  });
});
