import type { z } from 'zod';
import { issueMessage, isMessageCode, renderMessage, type MessageCode } from '../../../common/messages/index.js';
import { passwordProblem } from '../../../common/password-strength.js';
import type { PasswordOwner } from '../../../common/password-rules.js';
import { UserCreateSchema } from '../../../common/schemas/user.js';
import { fieldError } from '../../lib/errors.js';

/**
 * Refuses a password that is short, common, guessable (zxcvbn) or built from the owner's
 * email or name, with a 400 on `password` whose code says why.
 */
export function assertPasswordAllowed(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw fieldError('password', problem.code, problem.params);
}

type NewAdmin = z.output<typeof UserCreateSchema>;

/**
 * Checks a first admin given outside the web app (ADMIN_EMAIL/ADMIN_PASSWORD, the CLI):
 * the parsed input, or the reasons as `field: message` lines (in English, for a terminal).
 */
export function parseAdminInput(input: { email?: string; name: string; password: string }): { admin: NewAdmin } | { problems: string[] } {
  const parsed = UserCreateSchema.safeParse({ ...input, role: 'admin' });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => {
        const { code, params } = issueMessage(i, isMessageCode);
        return `${i.path.join('.')}: ${renderMessage(code as MessageCode, params)}`;
      }),
    };
  }
  const problem = passwordProblem(parsed.data.password, parsed.data);
  if (problem) return { problems: [`password: ${renderMessage(problem.code, problem.params)}`] };
  return { admin: parsed.data };
}
