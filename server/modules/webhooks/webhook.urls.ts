import { BlockList, isIP } from 'node:net';
import { fieldError } from '../../lib/errors.js';

/**
 * Addresses a webhook may never reach unless an admin allows the host by name: this host's
 * and private networks, link-local (cloud metadata 169.254.169.254), CGNAT, multicast and
 * reserved ranges, and IPv6's equivalents including IPv4-mapped addresses.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127], // :: and ::1
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Whether an IP literal is in a range a webhook may not reach (a name is not: the agent checks what it resolves to). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL's host as written, lower case, without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/**
 * Checks a target on create and update: http(s) only, no credentials, no IP literal in a
 * private range unless its host is allowed. Names are checked again at connect time by the
 * address they resolve to. Answers the URL normalised.
 */
export function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fieldError('url', 'webhooks.url_invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fieldError('url', 'webhooks.url_scheme');
  if (url.username || url.password) throw fieldError('url', 'webhooks.url_credentials');
  const host = hostOf(url);
  if (!allowedHosts.includes(host) && (isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost')))
    throw fieldError('url', 'webhooks.url_private', { host });
  url.hash = '';
  return url.toString();
}
