import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { emailErrorText } from './problems';

afterEach(() => i18n.changeLanguage('en'));

describe('emailErrorText', () => {
  it('says in words why an email waits when the reason is a catalogue code, in the UI language', async () => {
    expect(emailErrorText('email.disabled')).toBe('Email is disabled: SMTP_URL is not set.');
    await i18n.changeLanguage('ru');
    expect(emailErrorText('email.disabled')).toBe('Отправка почты выключена: не задан SMTP_URL.');
  });

  it('keeps the mail server’s own words', () => {
    expect(emailErrorText('550 5.1.1 Mailbox does not exist')).toBe('550 5.1.1 Mailbox does not exist');
  });
});
