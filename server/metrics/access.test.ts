import { describe, expect, it } from 'vitest';
import { metricsAccess, parseNetworks } from './access.js';

const TOKEN = 'scrape-secret-0123456789';

describe('who may read /metrics', () => {
  it('is off with neither a token nor networks', () => {
    expect(metricsAccess({})).toBeNull();
    expect(metricsAccess({ allow: ' ' })).toBeNull();
  });

  it('lets in the configured networks, IPv4-mapped IPv6 addresses included, and no one else', () => {
    const allowed = metricsAccess({ allow: '127.0.0.1/32, 10.0.0.0/8,fd00::/8' })!;
    expect(allowed('127.0.0.1', undefined)).toBe(true);
    expect(allowed('::ffff:10.20.30.40', undefined)).toBe(true);
    expect(allowed('fd12::1', undefined)).toBe(true);
    expect(allowed('127.0.0.2', undefined)).toBe(false);
    expect(allowed('192.168.1.1', `Bearer ${TOKEN}`)).toBe(false); // no token configured
  });

  it('lets in the exact bearer token only', () => {
    const allowed = metricsAccess({ token: TOKEN })!;
    expect(allowed('192.168.1.1', `Bearer ${TOKEN}`)).toBe(true);
    expect(allowed('192.168.1.1', `Bearer ${TOKEN}x`)).toBe(false);
    expect(allowed('192.168.1.1', TOKEN)).toBe(false);
    expect(allowed('127.0.0.1', undefined)).toBe(false);
  });

  it('refuses malformed entries', () => {
    expect(() => parseNetworks('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseNetworks('10.0.0/8')).toThrow(/not an address/);
    expect(() => parseNetworks('10.0.0.0/8/1')).toThrow(/not an address/);
    expect(() => parseNetworks('::1/abc')).toThrow(/prefix/);
  });
});
