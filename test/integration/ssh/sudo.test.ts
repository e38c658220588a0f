import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setSudoRefusing } from '../../lab/faults';
import { createLabEngine, secretKey, type LabEngine } from './labEngine';

let t: LabEngine;

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000 });
  t.trustLabHostKeys();
});
afterEach(() => {
  t.secrets.clear();
});
afterAll(async () => {
  await t.engine.close();
});

describe('sudo', () => {
  it('probes a NOPASSWD node once and runs as root', async () => {
    const r = await t.engine.exec('bai-m1', ['id', '-u'], { sudo: true });
    expect(r).toMatchObject({ exitCode: 0, stdout: '0\n' });
    expect(t.engine.sudoKindOf('bai-m1')).toBe('nopasswd');
  });

  it('answers the exact sudo prompt with the saved password, and stdin still reaches the command', async () => {
    t.secrets.set(secretKey('sudo-password', { clusterId: 'lab' }), t.lab.users.sudoPassword);
    const r = await t.engine.exec('bai-a01', ['sh', '-c', 'id -u; cat; echo warn >&2'], { sudo: true, stdin: 'line from stdin\n' });
    expect(r).toMatchObject({ exitCode: 0, stdout: '0\nline from stdin\n', stderr: 'warn\n' });
    expect(t.engine.sudoKindOf('bai-a01')).toBe('password');
  });

  it('says a password is needed when none is saved', async () => {
    await expect(t.engine.exec('bai-a01', ['id', '-u'], { sudo: true })).rejects.toMatchObject({
      code: 'permission',
      message: 'sudo on bai-a01 needs a password and none is saved. Save the sudo password in the cluster settings.',
    });
  });

  it('stops at a wrong sudo password: one attempt, a clear error, no loop', async () => {
    t.secrets.set(secretKey('sudo-password', { nodeId: 'bai-a01' }), 'not-the-sudo-password');
    const started = Date.now();
    await expect(t.engine.exec('bai-a01', ['id', '-u'], { sudo: true })).rejects.toMatchObject({
      code: 'permission',
      message: 'sudo on bai-a01 refused the saved password. Update the sudo password in the cluster settings.',
    });
    // sudo waits ~2 s after a wrong password before it asks again; we never let it ask a third time.
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('reports a node where sudo is not allowed', async () => {
    await setSudoRefusing('bai-a02', true);
    try {
      const r = await t.engine.exec('bai-a02', ['sudo', '-n', 'true']);
      expect(r.exitCode).not.toBe(0);
      await expect(t.engine.exec('bai-a02', ['id', '-u'], { sudo: true })).rejects.toMatchObject({ code: 'permission' });
    } finally {
      await setSudoRefusing('bai-a02', false);
    }
  });
});
