import crypto from 'node:crypto';
import net from 'node:net';

/** Who may read /metrics: a bearer token, client networks, or both (either suffices). */
export interface MetricsAccessOptions {
  token?: string;
  /** Comma-separated CIDRs or addresses, e.g. `127.0.0.1/32,10.0.0.0/8,::1`. */
  allow?: string;
}

/** Parses an allow list into a BlockList (used here as an allow list); throws on a bad entry. */
export function parseNetworks(text: string): net.BlockList {
  const list = new net.BlockList();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefixText, ...rest] = entry.split('/');
    const family = net.isIP(address);
    if (family === 0 || rest.length) throw new Error(`"${entry}" is not an address or a CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) throw new Error(`"${entry}" has a bad prefix length`);
    list.addSubnet(address, prefix, type);
  }
  return list;
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/**
 * The check each scrape passes, or null when metrics are off (neither setting). The client
 * address is Fastify's `req.ip`, which honours TRUST_PROXY like the rest of the app.
 */
export function metricsAccess(opts: MetricsAccessOptions): ((ip: string, authorization: string | undefined) => boolean) | null {
  const networks = opts.allow?.trim() ? parseNetworks(opts.allow) : null;
  const token = opts.token ? digest(opts.token) : null;
  if (!networks && !token) return null;
  return (ip, authorization) => {
    // Node's BlockList matches an IPv4-mapped IPv6 address against IPv4 rules too.
    if (networks && net.isIP(ip) && networks.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4')) return true;
    if (!token || !authorization?.startsWith('Bearer ')) return false;
    // Digests compared in constant time: neither the token nor its length leaks through timing.
    return crypto.timingSafeEqual(digest(authorization.slice(7).trim()), token);
  };
}
