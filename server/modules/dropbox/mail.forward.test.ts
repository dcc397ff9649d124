import { describe, expect, it } from 'vitest';
import { forwardedSender, withoutForwardPrefix } from './mail.forward.js';

describe('forwarded mail', () => {
  it('finds the original sender in the header blocks of Gmail, Mail.ru, Yandex, Outlook and Apple Mail', () => {
    const anna = { address: 'anna@client.test', name: 'Anna' };
    expect(
      forwardedSender('Fwd: Offer', 'See below\n\n---------- Forwarded message ---------\nFrom: Anna <Anna@Client.test>\nDate: Mon'),
    ).toEqual(anna);
    expect(
      forwardedSender('Пересл: Счёт', '-------- Пересылаемое сообщение --------\nОт кого: Anna <anna@client.test>\nКому: mila@agency.test'),
    ).toEqual(anna);
    expect(
      forwardedSender('Счёт', '-------- Пересылаемое сообщение --------\n30.11.2026, 10:00, "Anna" <anna@client.test>:\n\nПривет'),
    ).toEqual(anna);
    expect(
      forwardedSender('FW: Offer', 'note\n\n________________________________\nFrom: Anna [mailto:anna@client.test]\nSent: Monday'),
    ).toEqual(anna);
    expect(forwardedSender('FW: Offer', 'a long note\n'.repeat(20) + 'От: Anna <anna@client.test>\nОтправлено: 30 ноября')).toEqual(anna);
    expect(forwardedSender('Fwd: x', 'Begin forwarded message:\n\n> From: Anna <anna@client.test>\n> Subject: x')).toEqual(anna);
  });

  it('sees no forward in replies and plain mail that mention a sender', () => {
    expect(forwardedSender('RE: Offer', 'От: Anna <anna@client.test>\nОтправлено: 30 ноября')).toBeNull();
    expect(forwardedSender('Offer', 'Write back. From: anna@client.test')).toBeNull();
    expect(forwardedSender('Fwd: Offer', 'no header block here')).toBeNull();
  });

  it('drops the forward prefixes from the subject', () => {
    expect(withoutForwardPrefix('Fwd: FW: Offer')).toBe('Offer');
    expect(withoutForwardPrefix('Пересл: Счёт')).toBe('Счёт');
    expect(withoutForwardPrefix('Fwd:')).toBe('Fwd:');
  });
});
