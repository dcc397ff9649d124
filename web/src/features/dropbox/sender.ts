import type { InboundEmail } from '@common/schemas/dropbox';

/** "Name <address>", or the address alone when the sender gave no name. */
export const senderOf = (mail: InboundEmail) => (mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address);
