import { randomSecret, sha256 } from './ids.js';

/**
 * Links sent by email that let a person in (an invitation, a password reset). The token is 32
 * random bytes; only its SHA-256 is stored. It travels in the link's fragment, which browsers
 * never send to a server, so it appears in no access log or Referer header.
 */

/** A new link secret and the hash to store for it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomSecret(32);
  return { token, hash: sha256(token) };
}

/** The hash a presented token is looked up by. */
export const linkTokenHash = (token: string): string => sha256(token);

/** The absolute link to a page of the web app carrying the token, built from PUBLIC_URL (never from a request's Host). */
export function emailedLink(publicUrl: string, page: string, token: string): string {
  const url = new URL(page, publicUrl);
  url.hash = `token=${token}`;
  return url.toString();
}
