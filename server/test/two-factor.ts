import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { Clock } from '../lib/clock.js';
import type { Caller } from './harness.js';

/** The `name=value` part of the first Set-Cookie of an answer that sets `name`. */
export function cookieFrom(res: LightMyRequestResponse, name: string): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [String(header)] : [];
  return all.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
}

/** The code an authenticator app shows at the clock's time (`steps` periods later, for drift). */
export const totpCode = (secret: string, clock: Clock, steps = 0) =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + steps * 30 });

/** Turns two-factor sign-in on for a signed-in user; returns the secret and the recovery codes. */
export async function enrolTwoFactor(c: Caller, clock: Clock): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await c.post('/api/v1/auth/two-factor/enrolment');
  expect(started.statusCode, started.body).toBe(200);
  const { secret } = started.json();
  const confirmed = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: await totpCode(secret, clock) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}

/** The two sign-in steps: the password (answers 202 and a sign-in cookie), then a code. */
export function twoStepSignIn(app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1') {
  const passwordStep = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
  const codeStep = (signInCookie: string | undefined, code: string, method: 'totp' | 'recovery-code' = 'totp') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/auth/login/${method}`,
      remoteAddress,
      headers: signInCookie ? { cookie: signInCookie } : {},
      payload: { code },
    });
  return { passwordStep, codeStep };
}
