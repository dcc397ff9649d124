import type { Role } from '../../../common/enums.js';
import type { Language } from '../../../common/messages/index.js';

/** Who is making the request, as every service and policy check sees it. */
export interface Actor {
  id: string;
  role: Role;
  /** The client company of a client user; null for staff. */
  accountId: string | null;
  /** The language the actor reads; texts the server words for them use it (English when unknown). */
  language?: Language;
}
