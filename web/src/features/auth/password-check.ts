/** The full password rules in the browser, loaded on first use so the first page load stays small. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordOwner } from '@common/password-rules';
import { translateMessage } from '../../i18n';

type StrengthModule = typeof import('@common/password-strength');

let loading: Promise<StrengthModule> | null = null;

/** Fetches the rules and their dictionaries (a separate chunk of about 1 MB) once. */
export const loadPasswordRules = (): Promise<StrengthModule> => (loading ??= import('@common/password-strength'));

/**
 * Why the password being typed would be refused, in the user's language, or null. Checked a
 * moment after typing stops; the server applies the same rules on submit.
 */
export function usePasswordProblem(password: string, owner: PasswordOwner): string | null {
  const { i18n } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const { email, name } = owner;

  useEffect(() => {
    if (!password) {
      setProblem(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      loadPasswordRules().then(
        ({ passwordProblem }) => {
          const found = passwordProblem(password, { email, name });
          if (current) setProblem(found ? translateMessage(found.code, found.params, i18n.language) : null);
        },
        () => undefined, // offline: the server still checks on submit
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, email, name, i18n.language]);

  return problem;
}
