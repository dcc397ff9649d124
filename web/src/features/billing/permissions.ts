/** Who may change an account's billing, as the server decides it; the pages only hide what would be refused. */
import { useQuery } from '@tanstack/react-query';
import type { Role } from '@common/enums';
import { accountQuery } from '../accounts/api';
import { useMe } from '../auth/session';

/** Roles that see invoices at all; specialists do not. */
export const seesBilling = (role: Role) => role !== 'specialist';

/** Roles that see receivables and follow-ups. */
export const seesReceivables = (role: Role) => role === 'admin' || role === 'finance' || role === 'account_manager';

/** Finance and admins set and lift stop-work. */
export const changesStopWork = (role: Role) => role === 'admin' || role === 'finance';

/** Finance and admins bill every account; a manager only the accounts they own (backups read). */
export function useCanBill(accountId: string | undefined): boolean {
  const me = useMe();
  const isManager = me.user.role === 'account_manager';
  const account = useQuery({ ...accountQuery(accountId ?? ''), enabled: isManager && Boolean(accountId) });
  if (me.user.role === 'admin' || me.user.role === 'finance') return true;
  return isManager && account.data?.ownerId === me.user.id;
}
