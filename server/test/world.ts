import type { Account } from '../../common/schemas/account.js';
import type { Contact } from '../../common/schemas/contact.js';
import type { Interaction } from '../../common/schemas/interaction.js';
import { createInteraction } from './fixtures.js';
import type { Caller, TestApp } from './harness.js';

/** The eight points of view the access rules distinguish, seen from company A. */
export const VIEWERS = ['admin', 'owner', 'nonOwner', 'backup', 'specialist', 'finance', 'clientA', 'clientB'] as const;
export type Viewer = (typeof VIEWERS)[number];

/**
 * Two client companies with a contact and an interaction each: A is owned by `owner` with
 * `backup` as backup manager; B is owned by `nonOwner`. Each company has one portal user.
 */
export interface World {
  as: Record<Viewer, Caller>;
  accountA: Account;
  accountB: Account;
  contactA: Contact;
  contactB: Contact;
  interactionA: Interaction;
  interactionB: Interaction;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const owner = await t.signIn('account_manager');
  const nonOwner = await t.signIn('account_manager');
  const backup = await t.signIn('account_manager');
  const accountA = await t.createAccount(t.admin, { name: 'Alpha Works', ownerId: owner.user.id, backupOwnerId: backup.user.id });
  const accountB = await t.createAccount(t.admin, { name: 'Beta Studio', ownerId: nonOwner.user.id });
  const contactA = await t.createContact(t.admin, accountA.id, 'Anna');
  const contactB = await t.createContact(t.admin, accountB.id, 'Boris');
  const interactionA = await createInteraction(t.admin, accountA.id, { contactIds: [contactA.id], summary: 'Kick-off with Alpha' });
  const interactionB = await createInteraction(t.admin, accountB.id, { contactIds: [contactB.id], summary: 'Kick-off with Beta' });
  const as: Record<Viewer, Caller> = {
    admin: t.admin,
    owner,
    nonOwner,
    backup,
    specialist: await t.signIn('specialist'),
    finance: await t.signIn('finance'),
    clientA: await t.signIn('client', { contactId: contactA.id }),
    clientB: await t.signIn('client', { contactId: contactB.id }),
  };
  return { as, accountA, accountB, contactA, contactB, interactionA, interactionB };
}
