/**
 * Time-limited TURN credentials, the "TURN REST API" scheme that coturn's
 * `use-auth-secret` implements: the username is `<expiry unix seconds>:<label>`
 * and the password is base64(HMAC-SHA1(shared secret, username)). coturn
 * recomputes the HMAC and refuses an expired username, so the server never has
 * to store or share a password, and a leaked one stops working on its own.
 * Pure: the clock and the secret are parameters.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface TurnCredential {
  username: string;
  credential: string;
}

/** The password coturn expects for `username` under `secret`. */
export function turnPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/**
 * A credential valid for `ttlSeconds` from `nowMs`. The label only makes
 * usernames distinct in coturn's log; it must not contain ':' (the expiry is
 * read up to the first one).
 */
export function turnCredential(secret: string, nowMs: number, ttlSeconds: number, label = 'playground'): TurnCredential {
  if (label.includes(':')) throw new Error(`A TURN username label may not contain ':' (got "${label}")`);
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiry}:${label}`;
  return { username, credential: turnPassword(secret, username) };
}

/** A fresh shared secret for one server lifetime (when TURN_SECRET is not set). */
export function generateTurnSecret(): string {
  return randomBytes(24).toString('base64url');
}
