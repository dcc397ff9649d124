import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../bootstrap.js';
import type { Config } from '../../config.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { createTestDatabase, testDatabaseUrl } from '../../test/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The field error on `password`, asserting a 400 problem+json. */
function passwordError(res: Awaited<ReturnType<TestApp['login']>>) {
  const body = expectProblem(res, 400, 'password');
  return body.errors.find((e: { field: string }) => e.field === 'password') as { message: string; code: string };
}

/** An admin creates a finance user with this password. */
const createUser = (email: string, name: string, password: string) =>
  t.admin.post('/api/v1/users', { email, name, role: 'finance', password });

describe('passwords are refused when easy to guess, wherever one is set', () => {
  it.each([
    ['ten spaces', '          ', 'password.weak_pattern'],
    ['one letter repeated', 'aaaaaaaaaa', 'password.weak_pattern'],
    ['the email', 'dana.kowalski@example.test', 'password.contains_email'],
    ['a part of the email', 'Kowalski-Harbour-Lamp-9', 'password.contains_email'],
    ['on the common list', 'password123', 'password.too_common'],
  ])('user create (admin): %s', async (_, password, code) => {
    const res = await createUser('dana.kowalski@example.test', 'Dana Kowalski', password);
    const error = passwordError(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/\w{4,}/);
  });

  it('user create refuses a password built from the name', async () => {
    const res = await createUser('dk@example.test', 'Dana Kowalski', 'Kowalski-Harbour-9');
    expect(passwordError(res).code).toBe('password.contains_name');
  });

  it('explains a weak password with zxcvbn’s reason', async () => {
    const res = await createUser('weak@example.test', 'Weak One', 'aaaaaaaaaa');
    expect(passwordError(res).message).toMatch(/repeated characters/i);
  });

  it('user update: a new password is checked against the stored email and name, and nothing changes', async () => {
    const user = await t.signIn('account_manager', { email: 'olga.petrenko@example.test', name: 'Olga Petrenko' });
    const before = await t.database.db
      .selectFrom('users')
      .select(['password_hash', 'version'])
      .where('id', '=', user.user.id)
      .executeTakeFirstOrThrow();
    for (const [password, code] of [
      ['Petrenko-2026-Lamp', 'password.contains_email'],
      ['abcabcabcabc', 'password.weak_pattern'],
    ]) {
      expect(passwordError(await t.admin.patch(`/api/v1/users/${user.user.id}`, { password })).code).toBe(code);
    }
    const after = await t.database.db
      .selectFrom('users')
      .select(['password_hash', 'version'])
      .where('id', '=', user.user.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await t.admin.patch(`/api/v1/users/${user.user.id}`, { password: 'Quiet-Lantern-Harbour-4' })).statusCode).toBe(200);
  });

  it('other field errors carry a code too, so clients can rely on it', async () => {
    const res = await createUser('not-an-email', 'X', PASSWORD);
    const body = expectProblem(res, 400, 'email');
    expect(body.code).toBe('validation.email');
    expect(body.errors.every((e: { code?: string }) => typeof e.code === 'string' && e.code.length > 0)).toBe(true);
  });

  it('keeps the test password valid', async () => {
    const res = await createUser('fine@example.test', 'Fine Person', PASSWORD);
    expect(res.statusCode).toBe(201);
  });
});

describe('first-run setup, the ADMIN_PASSWORD bootstrap and admin:create', () => {
  it('setup refuses a weak password or one made of the email, and creates nothing', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.database.db.deleteFrom('sessions').execute();
      await fresh.database.db.deleteFrom('users').execute();
      for (const [password, code] of [
        ['aaaaaaaaaa', 'password.weak_pattern'],
        ['founder@agency.test', 'password.contains_email'],
      ]) {
        const res = await fresh.app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { email: 'founder@agency.test', name: 'Founder', password },
        });
        expect(passwordError(res).code).toBe(code);
      }
      expect((await fresh.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
      const ok = await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'founder@agency.test', name: 'Founder', password: 'Quiet-Lantern-Harbour-4' },
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await fresh.close();
    }
  });

  it('ADMIN_PASSWORD that is guessable stops the start with the reason', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.database.db.deleteFrom('sessions').execute();
      await fresh.database.db.deleteFrom('users').execute();
      const config = { ADMIN_EMAIL: 'boss@agency.test', ADMIN_PASSWORD: '          ' } as Config;
      await expect(bootstrapAdmin(fresh.app, config)).rejects.toThrow(
        /ADMIN_EMAIL\/ADMIN_PASSWORD rejected: password: This password is easy to guess: repeated characters/,
      );
      await expect(bootstrapAdmin(fresh.app, { ...config, ADMIN_PASSWORD: 'Boss-Harbour-Lamp-9' })).rejects.toThrow(
        /password: Do not use your email address/,
      );
      expect(await fresh.app.services.users.any()).toBe(false);
      await bootstrapAdmin(fresh.app, { ...config, ADMIN_PASSWORD: 'Quiet-Lantern-Harbour-4' });
      expect(await fresh.app.services.users.any()).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('npm run admin:create refuses a guessable password with the reason and exit code 2', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));
    const database = testDatabaseUrl() ? await createTestDatabase() : null;
    try {
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: database?.location.databaseUrl ?? '' };
      const run = (password: string) =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'server/cli/admin-create.ts', '--email', 'cli@agency.test', '--password', password],
          {
            env,
            encoding: 'utf8',
          },
        );
      const weak = run('aaaaaaaaaa');
      expect(weak.status).toBe(2);
      expect(weak.stderr).toMatch(/password: This password is easy to guess: repeated characters/);
      const ok = run('Quiet-Lantern-Harbour-4');
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Created admin cli@agency\.test/);
    } finally {
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
