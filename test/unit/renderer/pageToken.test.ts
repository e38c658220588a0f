import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../renderer/api/reconnectDelay';
import { tokenFromUrl } from '../../../renderer/api/tokenInUrl';

describe('the access token in the page URL', () => {
  it.each([
    ['http://127.0.0.1:7780/?token=abc', 'abc', 'http://127.0.0.1:7780/'],
    ['http://127.0.0.1:7780/#token=abc', 'abc', 'http://127.0.0.1:7780/'],
    ['http://127.0.0.1:7780/?view=x&token=abc#token=zzz&tab=2', 'abc', 'http://127.0.0.1:7780/?view=x#tab=2'],
    ['http://127.0.0.1:7780/', null, 'http://127.0.0.1:7780/'],
  ])('%s -> token %j, address bar %s', (href, token, cleaned) => {
    expect(tokenFromUrl(href)).toEqual({ token, cleanedUrl: cleaned });
  });
});

describe('reconnect backoff', () => {
  it('starts at 0.5 s, doubles, and stays at 5 s', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });
});
