import { describe, expect, it } from 'vitest';
import { describeServedOrigin, isLoopbackHost, isServedHost, isServedOrigin } from '../../../main/web/servedOrigin';

const loopback = describeServedOrigin('127.0.0.1', 7780);

describe('which Host headers the web form answers to', () => {
  it.each([
    ['127.0.0.1:7780', true],
    ['localhost:7780', true],
    ['LOCALHOST:7780', true],
    ['[::1]:7780', true],
    ['127.0.0.1:7781', false],
    ['127.0.0.1', false],
    ['attacker.example:7780', false],
    ['127.0.0.1.attacker.example:7780', false],
    ['', false],
  ])('Host %j -> %s', (host, ok) => {
    expect(isServedHost(loopback, host)).toBe(ok);
  });

  it('reads a Host without a port as port 80, as browsers send it', () => {
    const on80 = describeServedOrigin('127.0.0.1', 80);
    expect(isServedHost(on80, '127.0.0.1')).toBe(true);
    expect(isServedOrigin(on80, 'http://127.0.0.1', '127.0.0.1')).toBe(true);
    expect(isServedHost(on80, 'attacker.example')).toBe(false);
  });

  it('a server bound to one LAN address answers only to it', () => {
    const lan = describeServedOrigin('192.0.2.10', 9000);
    expect(isServedHost(lan, '192.0.2.10:9000')).toBe(true);
    expect(isServedHost(lan, 'localhost:9000')).toBe(false);
  });
});

describe('which Origins may open the socket', () => {
  it.each([
    ['http://127.0.0.1:7780', '127.0.0.1:7780', true],
    ['http://localhost:7780', 'localhost:7780', true],
    // Origin must be the page's own origin as the Host names it.
    ['http://localhost:7780', '127.0.0.1:7780', false],
    ['https://127.0.0.1:7780', '127.0.0.1:7780', false],
    ['http://evil.example', '127.0.0.1:7780', false],
    ['null', '127.0.0.1:7780', false],
    [undefined, '127.0.0.1:7780', false],
  ])('Origin %j with Host %j -> %s', (origin, host, ok) => {
    expect(isServedOrigin(loopback, origin, host)).toBe(ok);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.0.2.1', false],
  ])('%s -> %s', (host, ok) => {
    expect(isLoopbackHost(host)).toBe(ok);
  });
});
