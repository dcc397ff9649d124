import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { isLinkProblem, tokenFromHash } from './EmailedLink';

describe('emailed links', () => {
  it('read the token from the fragment, with or without its #', () => {
    expect(tokenFromHash('#token=Ab_c-12')).toBe('Ab_c-12');
    expect(tokenFromHash('token=Ab_c-12&x=1')).toBe('Ab_c-12');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#other=1')).toBe('');
  });

  it('tell a link that does not work from any other failure', () => {
    const problem = (status: number, code: string) => new ApiError({ status, title: 'x', code });
    expect(isLinkProblem(problem(410, 'invitation.link_used'), 'invitation')).toBe(true);
    expect(isLinkProblem(problem(400, 'password_reset.link_invalid'), 'password_reset')).toBe(true);
    // A refused password is the form's to show; another kind's code or a server failure is not this link's.
    expect(isLinkProblem(problem(400, 'password.too_weak'), 'invitation')).toBe(false);
    expect(isLinkProblem(problem(410, 'invitation.link_used'), 'password_reset')).toBe(false);
    expect(isLinkProblem(problem(500, 'invitation.link_used'), 'invitation')).toBe(false);
    expect(isLinkProblem(new Error('boom'), 'invitation')).toBe(false);
  });
});
