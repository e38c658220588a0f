import { describe, expect, it } from 'vitest';
import { createAccessToken, isTokenAccepted } from '../../../main/web/accessToken';

describe('the web form access token', () => {
  it('is 24 random bytes in base64url, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, createAccessToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(24);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('accepts only the exact token', () => {
    const t = createAccessToken();
    expect(isTokenAccepted(t, t)).toBe(true);
    expect(isTokenAccepted(t, `${t}x`)).toBe(false);
    expect(isTokenAccepted(t, t.slice(1))).toBe(false);
    expect(isTokenAccepted(t, t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase())).toBe(false);
    expect(isTokenAccepted(t, '')).toBe(false);
    expect(isTokenAccepted(t, null)).toBe(false);
    expect(isTokenAccepted(t, undefined)).toBe(false);
  });
});
