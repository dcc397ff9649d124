import { describe, expect, it } from 'vitest';
import type { SessionAbilities } from '@common/schemas/auth';
import i18n from '../i18n';
import '../features/delivery/catalogue';
import { abilitiesOfRole } from '@common/testing/abilities-by-role';
import {
  accountsAdvice,
  contactsAdvice,
  invoicesAdvice,
  nextStepsAdvice,
  portfolioAdvice,
  projectsAdvice,
  workloadAdvice,
  type Advice,
} from './empty-advice';

/** Staff as the server answers their `me.can`. */
const ROLES = Object.fromEntries((['admin', 'account_manager', 'specialist', 'finance'] as const).map((r) => [r, abilitiesOfRole(r)]));

/** Every empty list a staff member may meet, with the button each advice may name. */
const PAGES: Record<string, { advice: (can: SessionAbilities) => Advice; button: RegExp; needs: keyof SessionAbilities }> = {
  accounts: { advice: accountsAdvice, button: /New account/, needs: 'createAccount' },
  contacts: { advice: contactsAdvice, button: /New contact|Add contact/, needs: 'createContact' },
  projects: { advice: projectsAdvice, button: /New project/, needs: 'createProject' },
  invoices: { advice: invoicesAdvice, button: /New invoice|draft invoice/, needs: 'createInvoice' },
  nextSteps: { advice: (can) => nextStepsAdvice(can, false), button: /Log a meeting/, needs: 'logInteractions' },
  portfolio: { advice: (can) => portfolioAdvice(can, false), button: /New project/, needs: 'createProject' },
  workload: { advice: workloadAdvice, button: /Add specialists|New user/, needs: 'manageUsers' },
};

const en = i18n.getFixedT('en');
const words = (a: Advice) => [a.title, a.body, a.link?.label].filter(Boolean).map((k) => en(k!));

describe.each(Object.entries(ROLES))('empty lists for %s', (role, can) => {
  it.each(Object.entries(PAGES))('%s: the advice names a way to add only to those who may', (_page, { advice, button, needs }) => {
    const text = words(advice(can)).join(' ');
    if (can[needs]) expect(text).toMatch(button);
    else expect(text).not.toMatch(button);
  });

  it.each(Object.entries(PAGES))('%s: every word is in both languages and a link goes to a page the user has', (_page, { advice }) => {
    const a = advice(can);
    for (const key of [a.title, a.body, a.link?.label].filter(Boolean) as string[]) {
      expect(i18n.exists(key, { lng: 'en' }), `${key} (en)`).toBe(true);
      expect(i18n.exists(key, { lng: 'ru' }), `${key} (ru)`).toBe(true);
    }
    const pageNeeds: Record<string, keyof SessionAbilities> = {
      '/accounts/new': 'createAccount',
      '/contacts/new': 'createContact',
      '/projects/new': 'createProject',
      '/invoices/new': 'createInvoice',
      '/my-work': 'takeTasks',
      '/accounts': 'seeAccounts',
      '/users/new': 'manageUsers',
    };
    if (a.link) expect(can[pageNeeds[a.link.to]], `${role} may open ${a.link.to}`).toBe(true);
  });
});

describe('a specialist who opens client pages', () => {
  it('is sent to their own work instead', () => {
    for (const advice of [accountsAdvice, contactsAdvice]) expect(advice(ROLES.specialist).link?.to).toBe('/my-work');
  });
});

describe('next steps and portfolios', () => {
  it('say what "done" and "another manager" mean rather than how to add', () => {
    expect(nextStepsAdvice(ROLES.account_manager, true)).toEqual({ title: 'nextSteps.noneDoneTitle', body: 'people.empty.nextStepsDone' });
    expect(portfolioAdvice(ROLES.admin, true).link).toBeUndefined();
  });
});
