import type { Role } from '../../../common/enums.js';

/** Who is making the request, as every service and policy check sees it. */
export interface Actor {
  id: string;
  role: Role;
  /** The client company of a client user; null for staff. */
  accountId: string | null;
}
