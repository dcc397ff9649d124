import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { median, medianPermutationTest, shuffle } from '../../test/statistics.js';
import { LINK_LIMITS } from './link-attempts.js';

/*
 * Whether an address belongs to a user must not show in how long the reset request takes to
 * answer. The answer is given before the address is looked up, so both are the same work; this
 * checks it as a statistician would rather than against a number of milliseconds: requests for
 * known and unknown addresses are interleaved in a random order (so the machine's changing load
 * falls on both alike), each is timed alone (the work left after its answer is awaited before
 * the next), and the difference of the two medians is compared with the differences that random
 * relabellings of the same times give. Only a difference that chance would explain less than once
 * in a thousand runs fails.
 */

const PER_GROUP = 80;
const WARM_UP = 10;

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://liaison.agency.example' });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('the reset request takes as long for an unknown address as for a known one', () => {
  it('medians of interleaved requests differ by no more than their noise', async () => {
    // Enough users that no address reaches its own limit; every request from an address of its own.
    const users = Math.ceil((PER_GROUP + WARM_UP) / LINK_LIMITS.resetRequestsPerEmail) + 1;
    const known: string[] = [];
    for (let i = 0; i < users; i++) {
      const email = `timed.${i}@example.test`;
      await t.app.services.users.create(null, { email, name: `Timed ${i}`, role: 'account_manager', password: PASSWORD });
      known.push(email);
    }
    const order = shuffle([...Array(PER_GROUP + WARM_UP).fill(true), ...Array(PER_GROUP + WARM_UP).fill(false)] as boolean[]);
    const times = { known: [] as number[], unknown: [] as number[] };
    const bodies = new Set<string>();
    let n = 0;
    let k = 0;
    for (const isKnown of order) {
      n += 1;
      const email = isKnown ? known[k++ % known.length] : `nobody.${n}@example.test`;
      const started = process.hrtime.bigint();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email },
        remoteAddress: `198.51.${n >> 8}.${n & 255}`,
      });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      await t.app.services.resets.whenIdle();
      expect(res.statusCode, res.body).toBe(202);
      bodies.add(res.body);
      const group = isKnown ? times.known : times.unknown;
      group.push(elapsed);
    }
    expect([...bodies]).toEqual(['{"accepted":true}']);
    // The emails did go out, after the answers.
    expect(sink.messages.length).toBe(PER_GROUP + WARM_UP);

    const knownTimes = times.known.slice(WARM_UP);
    const unknownTimes = times.unknown.slice(WARM_UP);
    const { observed, p } = medianPermutationTest(knownTimes, unknownTimes);
    const summary = `median known ${median(knownTimes).toFixed(3)} ms, unknown ${median(unknownTimes).toFixed(3)} ms, difference ${observed.toFixed(3)} ms, p = ${p.toFixed(4)}`;
    expect(p, summary).toBeGreaterThanOrEqual(0.001);
  });
});
