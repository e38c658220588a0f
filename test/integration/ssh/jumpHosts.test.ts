import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { labNode } from '../../lab/labInfo';
import { createLabEngine, eventsOf, type LabEngine } from './labEngine';

let t: LabEngine;

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000, promptTimeoutMs: 5000 });
});
afterEach(async () => {
  t.resetListeners();
  await t.engine.pool.close();
});
afterAll(async () => {
  await t.engine.close();
});

describe('ProxyJump chains', () => {
  it('reaches bai-a03, which only bai-jump can reach, and checks both host keys', async () => {
    const jump = labNode(t.lab, 'bai-jump');
    const a03 = labNode(t.lab, 'bai-a03');
    const asked: string[] = [];
    t.on('hostkey.prompt', (p) => {
      asked.push(`${p.hop}:${p.host}`);
      t.engine.answerHostKeyPrompt(p.promptId, 'trust-remember');
    });
    const test = await t.engine.testConnection('bai-a03');
    expect(asked).toEqual([`jump:${jump.host}`, `node:${a03.host}`]);
    expect(test.jumpHops).toEqual([expect.objectContaining({ host: jump.host, port: 22, authMethod: expect.stringMatching(/^key /) })]);
    expect(jump.hostKeyFingerprints).toContain(test.jumpHops[0]?.hostKey.fingerprint);
    expect(a03.hostKeyFingerprints).toContain(test.hostKey.fingerprint);
    expect((await t.engine.exec('bai-a03', ['hostname'])).stdout.trim()).toBe('bai-a03');
  });

  it('runs a two-hop chain laptop -> bai-m1 -> bai-jump -> bai-a03, each hop with its own login', async () => {
    t.trustLabHostKeys();
    const m1 = labNode(t.lab, 'bai-m1');
    const jump = labNode(t.lab, 'bai-jump');
    const { password } = t.lab.users;
    t.secrets.set('ssh-password|cluster:lab', password.password);
    t.defineNode('a03-2hop', 'bai-a03', {
      jumpHosts: [
        // The first hop logs in with a password, the second with the cluster's key.
        { host: m1.host, port: 22, user: password.name, authMethod: 'password' },
        { host: jump.host, port: 22 },
      ],
    });
    const test = await t.engine.testConnection('a03-2hop');
    expect(test.jumpHops.map((h) => [h.host, h.authMethod])).toEqual([
      [m1.host, 'password'],
      [jump.host, `key ${t.lab.keys.ed25519}`],
    ]);
    const r = await t.engine.exec('a03-2hop', ['sh', '-c', 'hostname; echo "$SSH_CONNECTION"']);
    const [name, conn] = r.stdout.trim().split('\n');
    expect(name).toBe('bai-a03');
    // bai-a03 sees the connection coming from bai-jump's inner address.
    expect(conn?.split(' ')[0]).toMatch(/^192\.0\.2\.1(2[89]|[3-9]\d)|^192\.0\.2\.2\d\d/);
    expect(eventsOf(t.events, 'node.connection').filter((e) => e.nodeId === 'a03-2hop').map((e) => e.state)).toEqual(['connecting', 'ready']);
  });

  it('closes the hops in reverse order and leaves no client behind', async () => {
    t.trustLabHostKeys();
    const lease = await t.engine.pool.acquire(await t.engine.lookupNode('bai-a03'), { interactive: false });
    const order: string[] = [];
    for (const h of lease.chain.hops) h.client.on('close', () => order.push(h.hop.label));
    lease.release();
    await t.engine.pool.closeNode('bai-a03');
    expect(order).toEqual(['bai-a03', 'jump host 192.0.2.5']);
    expect(t.engine.pool.connections()).toEqual([]);
  });

  it('says which hop failed when the jump host refuses the login', async () => {
    t.trustLabHostKeys();
    t.defineNode('a03-badjump', 'bai-a03', { jumpHosts: [{ host: labNode(t.lab, 'bai-jump').host, port: 22, user: 'cdlabpw', authMethod: 'password' }] });
    t.secrets.set('ssh-password|cluster:lab', 'wrong');
    await expect(t.engine.exec('a03-badjump', ['true'])).rejects.toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('jump host 192.0.2.5 (192.0.2.5:22) refused the login as cdlabpw'),
    });
    t.secrets.clear();
  });
});
