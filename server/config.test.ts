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

describe('stopping and job settings', () => {
  it('give a stopping instance a few seconds of grace and poll for jobs every half minute by default', () => {
    expect(loadConfig({})).toMatchObject({ SHUTDOWN_GRACE_MS: 5000, JOB_POLL_MS: 30_000 });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '0', JOB_POLL_MS: '250' })).toMatchObject({ SHUTDOWN_GRACE_MS: 0, JOB_POLL_MS: 250 });
  });

  it('refuse values that would stop nothing or poll the database flat out', () => {
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
    expect(() => loadConfig({ JOB_POLL_MS: '10' })).toThrow(/JOB_POLL_MS/);
  });
});
