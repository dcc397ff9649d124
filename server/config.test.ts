import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('metrics settings', () => {
  it('are off by default and taken as given when valid', () => {
    const off = loadConfig({});
    expect([off.METRICS_TOKEN, off.METRICS_ALLOW]).toEqual([undefined, undefined]);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-secret', METRICS_ALLOW: '127.0.0.1/32, 10.0.0.0/8, ::1' })).toMatchObject({
      METRICS_TOKEN: 'a-long-enough-secret',
      METRICS_ALLOW: '127.0.0.1/32, 10.0.0.0/8, ::1',
    });
  });

  it('stop the start with a clear message when malformed', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/8,intranet' })).toThrow(/METRICS_ALLOW: "intranet" is not an address/);
  });
});
