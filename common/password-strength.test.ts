import { describe, expect, it } from 'vitest';
import { renderMessage } from './messages/index.js';
import { passwordProblem } from './password-strength.js';
import { personalPasswordProblem } from './password-rules.js';
import { SetupSchema } from './schemas/auth.js';
import { UserCreateSchema } from './schemas/user.js';

const anna = { email: 'anna.smith@example.test', name: 'Anna Smith' };

describe('password rules', () => {
  it.each([
    ['          ', 'password.weak_pattern'],
    ['aaaaaaaaaa', 'password.weak_pattern'],
    ['abcabcabcabc', 'password.weak_pattern'],
    ['Password2026', 'password.weak_pattern'],
    ['qwertyuiop', 'password.too_common'],
    ['short-1', 'password.too_short'],
    ['x'.repeat(201), 'password.too_long'],
    ['anna.smith@example.test', 'password.contains_email'],
    ['ANNA.SMITH@EXAMPLE.TEST', 'password.contains_email'],
    ['Smith-Harbour-Lamp-9', 'password.contains_email'], // "smith" is part of the email
    ['xx-anna.smith-2026', 'password.contains_email'],
  ])('refuses %j with %s and a reason', (password, code) => {
    const problem = passwordProblem(password, anna);
    expect(problem?.code).toBe(code);
    expect(renderMessage(problem!.code, problem!.params).length).toBeGreaterThan(10);
  });

  it('refuses the name or a part of it when the email does not contain it', () => {
    expect(passwordProblem('Petrova-Lantern-77', { email: 'ap@example.test', name: 'Anna Petrova' })?.code).toBe('password.contains_name');
    expect(passwordProblem('Мария-Соколова-2026', { email: 'm@example.test', name: 'Мария Соколова' })?.code).toBe(
      'password.contains_name',
    );
  });

  it('says why a guessable password is weak (zxcvbn feedback), in both languages', () => {
    const problem = passwordProblem('aaaaaaaaaa')!;
    expect(problem).toEqual({ code: 'password.weak_pattern', params: { reason: 'simpleRepeat' } });
    expect(renderMessage(problem.code, problem.params, 'en')).toMatch(/repeated characters/i);
    expect(renderMessage(problem.code, problem.params, 'ru')).toMatch(/повторяющиеся символы/i);
  });

  it('ignores name parts too short to matter', () => {
    expect(personalPasswordProblem('Tom-and-the-lantern-77', { email: 'tb@example.test', name: 'Tom B' })).toBeNull();
  });

  it('accepts the passwords the demo, the tests and the journeys use', () => {
    expect(passwordProblem('Liaison-Demo-2026', { email: 'admin@demo.liaison.test', name: 'Alex Admin' })).toBeNull();
    expect(passwordProblem('Liaison-Demo-2026', { email: 'anna@demo.liaison.test', name: 'Anna Petrova' })).toBeNull();
    expect(passwordProblem('Correct-Horse-Battery-9', { email: 'finance.3@example.test', name: 'finance 3' })).toBeNull();
    expect(passwordProblem('Journey-Passw0rd-77', { email: 'lang.manager.x1@example.test', name: 'Lang Manager x1' })).toBeNull();
    expect(passwordProblem('Long-Enough-Passw0rd', { email: 'first@example.test', name: 'First Admin' })).toBeNull();
  });

  it('the request schemas refuse the email and the name without the dictionaries', () => {
    const user = UserCreateSchema.safeParse({ ...anna, role: 'finance', password: 'Anna-Lantern-Harbour-4' });
    expect(user.success).toBe(false);
    expect(user.error?.issues[0]).toMatchObject({ path: ['password'], message: 'password.contains_email' });
    const setup = SetupSchema.safeParse({ ...anna, password: 'anna.smith@example.test' });
    expect(setup.error?.issues[0]).toMatchObject({ path: ['password'], message: 'password.contains_email' });
    expect(SetupSchema.safeParse({ ...anna, password: 'Quiet-Lantern-Harbour-4' }).success).toBe(true);
  });
});
