import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DropboxAddress } from '../../../common/schemas/dropbox.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { assertCanReadInternal, managesAccounts, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { DropboxRepository } from './dropbox.repository.js';

/** Who a dropbox address belongs to: a manager, or an account. */
export type AddressOwner = { userId: string; accountId: null } | { userId: null; accountId: string };

/**
 * BCC addresses `<token>@<domain>`: one per manager and per account, made on first use. The
 * token is 128 random bits in lower-case hex (mail servers may change the case of a local part).
 */
export class DropboxAddresses {
  constructor(
    private readonly repo: DropboxRepository,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    readonly domain: string,
  ) {}

  /** The signed-in manager's own address. */
  async mine(actor: Actor): Promise<DropboxAddress> {
    if (!managesAccounts(actor)) throw forbidden('access.dropbox_managers_only');
    return { address: await this.addressOf({ userId: actor.id }) };
  }

  /** An account's address, for whoever reads the account's internal records. */
  async ofAccount(actor: Actor, accountId: string): Promise<DropboxAddress> {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadInternal(actor, account, 'account');
    return { address: await this.addressOf({ accountId }) };
  }

  /** Whose address this is, if it is one of ours. */
  async resolve(address: string, trx?: Kysely<DB>): Promise<AddressOwner | null> {
    const token = this.tokenOf(address);
    if (!token) return null;
    const row = await this.repo.byToken(token, trx);
    if (!row) return null;
    return row.user_id ? { userId: row.user_id, accountId: null } : { userId: null, accountId: row.account_id! };
  }

  /** The owners of those of `addresses` that are ours, in their order. */
  async resolveAll(trx: Kysely<DB>, addresses: string[]): Promise<AddressOwner[]> {
    const tokens = addresses.map((a) => this.tokenOf(a)).filter((t): t is string => !!t);
    const rows = await this.repo.byTokens(trx, tokens);
    const byToken = new Map(rows.map((r) => [r.token, r]));
    return tokens.flatMap((t) => {
      const r = byToken.get(t);
      if (!r) return [];
      return [r.user_id ? { userId: r.user_id, accountId: null } : { userId: null, accountId: r.account_id! }];
    });
  }

  /** Whether an address is at the dropbox's domain (such addresses are never matched to contacts). */
  isOurs(address: string): boolean {
    return address.toLowerCase().endsWith(`@${this.domain}`);
  }

  private tokenOf(address: string): string | null {
    const lower = address.trim().toLowerCase();
    if (!this.isOurs(lower)) return null;
    const local = lower.slice(0, -(this.domain.length + 1));
    return /^[0-9a-f]{32}$/.test(local) ? local : null;
  }

  private async addressOf(owner: { userId: string } | { accountId: string }): Promise<string> {
    let row = await this.repo.addressOf(owner);
    if (!row) {
      await this.repo.addAddress({
        token: randomBytes(16).toString('hex'),
        user_id: 'userId' in owner ? owner.userId : null,
        account_id: 'accountId' in owner ? owner.accountId : null,
        created_at: this.clock.now().toISOString(),
      });
      row = await this.repo.addressOf(owner);
    }
    return `${row!.token}@${this.domain}`;
  }
}

/** The dropbox's domain: INBOUND_EMAIL_DOMAIN, else the host of PUBLIC_URL, else localhost. */
export function dropboxDomain(configured: string | undefined, publicUrl: string | undefined): string {
  if (configured) return configured.toLowerCase();
  if (publicUrl) return new URL(publicUrl).hostname.toLowerCase();
  return 'localhost';
}
