import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../common/rpc/transport';
import { callForResult, exchange, openRpc, startHarness, type Harness } from './webServerHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.cleanup();
});

describe('web form WebSocket: who may connect', () => {
  it('refuses a socket without a token', async () => {
    expect(await openRpc(h, { token: null })).toEqual({ kind: 'refused', status: 401 });
  });

  it('refuses a wrong token of the right length', async () => {
    const wrong = h.server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(wrong).not.toBe(h.server.token);
    expect(await openRpc(h, { token: wrong })).toEqual({ kind: 'refused', status: 401 });
  });

  it('refuses a token that is a prefix of the real one', async () => {
    expect(await openRpc(h, { token: h.server.token.slice(0, 10) })).toEqual({ kind: 'refused', status: 401 });
  });

  it('refuses a foreign Origin even with the right token', async () => {
    expect(await openRpc(h, { origin: 'http://evil.example' })).toEqual({ kind: 'refused', status: 403 });
    expect(await openRpc(h, { origin: `http://127.0.0.1:${h.server.port + 1}` })).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses a socket with no Origin at all (not a browser page of this server)', async () => {
    expect(await openRpc(h, { origin: null })).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses a DNS-rebinding Host header even when Origin matches it', async () => {
    const rebound = `attacker.example:${h.server.port}`;
    expect(await openRpc(h, { host: rebound, origin: `http://${rebound}` })).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses other paths than /rpc', async () => {
    expect(await openRpc(h, { path: '/socket' })).toEqual({ kind: 'refused', status: 404 });
  });

  it('accepts localhost as well as 127.0.0.1 when it names this port', async () => {
    const origin = `http://localhost:${h.server.port}`;
    const outcome = await openRpc(h, { host: `localhost:${h.server.port}`, origin });
    expect(outcome.kind).toBe('open');
    if (outcome.kind === 'open') outcome.ws.close();
  });
});

describe('web form WebSocket: calls', () => {
  it('round-trips a call with the right token and Origin', async () => {
    const outcome = await openRpc(h);
    if (outcome.kind !== 'open') throw new Error(`refused with ${outcome.status}`);
    const reply = (await callForResult(outcome.ws, 1, 'getAppInfo', {})) as Extract<WireMessage, { t: 'result' }>;
    expect(reply.t).toBe('result');
    expect(reply.id).toBe(1);
    expect(reply.result.ok).toBe(true);
    if (reply.result.ok) expect(reply.result.value).toMatchObject({ form: 'web', dataDir: h.dataDir, store: { status: 'ok' } });
    outcome.ws.close();
  });

  it('answers malformed input with invalid_input and the field that is wrong', async () => {
    const outcome = await openRpc(h);
    if (outcome.kind !== 'open') throw new Error('refused');
    const reply = (await callForResult(outcome.ws, 7, 'createCluster', { name: 'acme', ssh: { user: 'lablup', port: 70000 } })) as Extract<
      WireMessage,
      { t: 'result' }
    >;
    expect(reply.result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'ssh.port': 'A port is between 1 and 65535.' } } });
    const unknown = (await callForResult(outcome.ws, 8, 'dropAllTables', {})) as Extract<WireMessage, { t: 'result' }>;
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    outcome.ws.close();
  });

  it('answers a message that is not a call with invalid_input under its id', async () => {
    const outcome = await openRpc(h);
    if (outcome.kind !== 'open') throw new Error('refused');
    const { message } = await exchange(outcome.ws, JSON.stringify({ t: 'result', id: 3 }));
    expect(message).toMatchObject({ t: 'result', id: 3, result: { ok: false, error: { code: 'invalid_input' } } });
    outcome.ws.close();
  });

  it('closes the socket on a frame that is not JSON', async () => {
    const outcome = await openRpc(h);
    if (outcome.kind !== 'open') throw new Error('refused');
    expect(await exchange(outcome.ws, '{not json')).toEqual({ closeCode: 1007 });
  });

  it('pushes profiles.changed to every connected socket after a change', async () => {
    const a = await openRpc(h);
    const b = await openRpc(h);
    if (a.kind !== 'open' || b.kind !== 'open') throw new Error('refused');
    const eventOnB = new Promise<unknown>((resolve) => b.ws.on('message', (d) => resolve(JSON.parse(String(d)))));
    const created = (await callForResult(a.ws, 1, 'createCluster', { name: 'acme-prod', ssh: { user: 'lablup' } })) as Extract<WireMessage, { t: 'result' }>;
    expect(created.result.ok).toBe(true);
    expect(await eventOnB).toMatchObject({ t: 'event', event: 'profiles.changed' });
    a.ws.close();
    b.ws.close();
  });
});

describe('web form HTTP', () => {
  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: h.server.port, path: '/', headers: { Host: 'attacker.example' } }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(res).toBe(421);
  });

  it('sends the security headers on every answer', async () => {
    const res = await fetch(`${h.origin}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // No renderer built in this test's root: a clear 503 rather than a crash.
    expect(res.status).toBe(503);
  });
});
