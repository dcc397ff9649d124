import { describe, expect, it } from 'vitest';
import { ROLES } from '@common/enums';
import { homeFor, safeNext } from './session';

describe('where a user starts', () => {
  it('is the page of their daily work', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, homeFor(r)]))).toEqual({
      admin: '/today',
      account_manager: '/today',
      specialist: '/my-work',
      finance: '/receivables',
      client: '/portal',
    });
  });

  it('gives way to the page asked for before signing in, when it is inside the app', () => {
    expect(safeNext('/invoices?status=open')).toBe('/invoices?status=open');
    expect(safeNext('/')).toBe('/');
    for (const outside of ['https://evil.example', '//evil.example', '/sign-in?next=/x', '/setup', undefined, 42])
      expect(safeNext(outside), String(outside)).toBeUndefined();
  });
});
