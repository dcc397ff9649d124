/** The sender of the message a forward carries, as its quoted header block names them. */
export interface ForwardedSender {
  address: string;
  name: string | null;
}

/** "Fwd:", "FW:", "Пересл:" — the subject prefixes mail clients put on a forward, in English and Russian. */
const FORWARD_SUBJECT = /^\s*(?:fwd?|пересл(?:ано)?|переслать)\s*:/i;

/**
 * The separator lines clients put above the forwarded message: Gmail's "---------- Forwarded
 * message ---------", Thunderbird's "-------- Forwarded Message --------", Yandex, Mail.ru and
 * Thunderbird in Russian "-------- Пересылаемое сообщение --------", Apple Mail's "Begin
 * forwarded message:", and Outlook's "-----Original Message-----" or line of underscores.
 */
const MARKER =
  /^[\s>]*(?:-{2,}\s*(?:forwarded message|original message|пересылаемое сообщение|исходное сообщение|переслано)\s*-{2,}|begin forwarded message:|_{10,})\s*$/im;

/** "From:", "От:", "От кого:" — the header line naming the original sender (Outlook, Gmail, Mail.ru). */
const FROM_LINE = /^[\s>*]*(?:from|от|от кого)\s*:\s*\**\s*(.+)$/im;

const ADDRESS = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/;

/** How far below the separator the header block is looked for. */
const HEADER_LINES = 12;

/**
 * The address (and name) in a header value: `Name <a@b>`, `"Name" <a@b>`, `Name [mailto:a@b]`,
 * or a bare address; in Yandex's `date, time, "Name" <a@b>:` line the name is the last part.
 */
function senderIn(value: string, dated = false): ForwardedSender | null {
  const address = ADDRESS.exec(value)?.[0];
  if (!address) return null;
  const before = value.slice(0, value.indexOf(address));
  const quoted = /"([^"]+)"/.exec(before)?.[1];
  const bare = before.replace(/\s*(?:<|\[mailto:|\()\s*$/i, '').replace(/^["'\s]+|["'\s,]+$/g, '');
  const name = (quoted ?? (dated ? bare.split(',').pop()! : bare)).trim();
  return { address: address.toLowerCase(), name: name && !ADDRESS.test(name) ? name : null };
}

/**
 * Whether a message is a forward, and if so who wrote the message it forwards: a manager
 * forwarding a client's mail to their dropbox means the client's mail, not the manager's. A
 * forward is told by its subject prefix or by the separator above the quoted message; the
 * sender is the first "From:"/"От:" line of the quoted header block (of the whole body for a
 * "Fwd:" with no separator, as Outlook writes them; or, for Yandex's
 * "date, "Name" <address>:" line, the address right under the separator). Null when the message
 * is not a forward or names no sender.
 */
export function forwardedSender(subject: string, text: string): ForwardedSender | null {
  const marker = MARKER.exec(text);
  if (!marker && !FORWARD_SUBJECT.test(subject)) return null;
  // Below the separator when there is one; else (a "Fwd:" without one, as Outlook writes) the whole body.
  const below = marker ? text.slice(marker.index + marker[0].length) : text;
  const head = marker ? below.split(/\r?\n/).slice(0, HEADER_LINES).join('\n') : below;
  const from = FROM_LINE.exec(head);
  if (from) return senderIn(from[1]);
  if (!marker) return null;
  const firstLine = head.split('\n').find((line) => line.trim() !== '');
  return firstLine ? senderIn(firstLine, true) : null;
}

/** The subject without its forward prefixes ("Fwd: Fw: Offer" → "Offer"). */
export function withoutForwardPrefix(subject: string): string {
  let s = subject;
  while (FORWARD_SUBJECT.test(s)) s = s.replace(FORWARD_SUBJECT, '');
  return s.trim() || subject.trim();
}
