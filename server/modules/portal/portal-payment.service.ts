import type { PortalPaymentDetails } from '../../../common/schemas/portal.js';
import { assertPortalUser, type Actor } from '../access/index.js';
import type { AgencyService } from '../documents/index.js';

/** How the client pays: the payee and bank details the agency's invoices print, in the client's language. */
export class PortalPaymentService {
  constructor(private readonly agency: AgencyService) {}

  async details(actor: Actor): Promise<PortalPaymentDetails> {
    assertPortalUser(actor);
    return this.agency.payment(actor.language ?? 'en');
  }
}
