import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { dropboxDomain } from './dropbox.addresses.js';

describe('the dropbox’s configuration', () => {
  it('listens for mail only when INBOUND_SMTP_PORT is set', () => {
    expect(loadConfig({}).INBOUND_SMTP_PORT).toBeUndefined();
    expect(loadConfig({ INBOUND_SMTP_PORT: '' }).INBOUND_SMTP_PORT).toBeUndefined();
    expect(loadConfig({ INBOUND_SMTP_PORT: '2525' })).toMatchObject({ INBOUND_SMTP_PORT: 2525, INBOUND_SMTP_HOST: '0.0.0.0' });
    expect(() => loadConfig({ INBOUND_SMTP_PORT: 'smtp' })).toThrow(/INBOUND_SMTP_PORT/);
    expect(() => loadConfig({ INBOUND_EMAIL_DOMAIN: 'not a domain' })).toThrow(/INBOUND_EMAIL_DOMAIN must be a domain name/);
  });

  it('takes the addresses’ domain from INBOUND_EMAIL_DOMAIN, else from PUBLIC_URL', () => {
    expect(dropboxDomain('In.Agency.com', 'https://crm.agency.com')).toBe('in.agency.com');
    expect(dropboxDomain(undefined, 'https://CRM.agency.com:8443/app')).toBe('crm.agency.com');
    expect(dropboxDomain(undefined, undefined)).toBe('localhost');
  });
});
