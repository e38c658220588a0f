/**
 * The web form's access token: a random secret printed once in the start-up
 * URL (like Jupyter). Anyone who can open the WebSocket can run every call,
 * so it is compared in constant time and never written to the log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 24 random bytes = 192 bits, base64url so it survives a URL untouched. */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isTokenAccepted(expected: string, given: string | null | undefined): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given ?? '', 'utf8');
  // timingSafeEqual needs equal lengths; compare a with itself so a wrong
  // length costs the same time as a wrong value.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
