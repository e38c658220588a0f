// Each lab fault does what it says, seen from OpenSSH's own client, and its
// undo puts the node back. Every test undoes its fault in `finally`, since
// later test files share the same lab.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  clearNetem,
  cutOff,
  fillDisk,
  freeDisk,
  reconnect,
  rotateHostKey,
  setNetem,
  setUnitFailing,
  sshdLog,
  startSshd,
  stopSshd,
} from '../../lab/faults';
import { labNode, readLabInfo, type LabInfo } from '../../lab/labInfo';
import { keyUser, OpensshClient } from './opensshClient';

let info: LabInfo;
let ssh: OpensshClient;

beforeAll(() => {
  info = readLabInfo();
  ssh = new OpensshClient(info);
});
afterAll(() => ssh.dispose());

/** Time of a bare TCP handshake to host:22: one round trip. */
function tcpConnectMs(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const socket = connect({ host, port: 22, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`TCP connect to ${host}:22 timed out`));
    });
    socket.once('error', reject);
  });
}

async function fastestConnectMs(host: string, tries = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < tries; i++) times.push(await tcpConnectMs(host));
  return Math.min(...times);
}

describe('lab faults', () => {
  it('stopSshd refuses new connections without any auth attempt; startSshd serves again', async () => {
    const node = labNode(info, 'bai-a02');
    await stopSshd(node.name);
    try {
      const logBefore = sshdLog(node.name).length;
      const r = await ssh.run(keyUser(info, node), 'true');
      expect(r.code).toBe(255);
      expect(r.stderr).toMatch(/Connection refused/);
      expect(sshdLog(node.name).slice(logBefore)).not.toMatch(/Connection from|Accepted|Failed/);
    } finally {
      await startSshd(node.name);
    }
    const back = await ssh.run(keyUser(info, node), 'hostname');
    expect(back.stdout, JSON.stringify(back)).toBe('bai-a02\n');
  });

  it('cutOff stalls an open session mid-stream and times out new ones; reconnect restores the node', async () => {
    const node = labNode(info, 'bai-a01');
    let lines = 0;
    const stream = ssh.run(keyUser(info, node), 'for i in $(seq 1 100); do echo $i; sleep 0.1; done', {
      config: ['ServerAliveInterval 1', 'ServerAliveCountMax 2', 'LogLevel INFO'],
      onStdout: (chunk) => {
        lines += chunk.split('\n').length - 1;
      },
    });
    try {
      await vi.waitFor(() => expect(lines).toBeGreaterThanOrEqual(5), { timeout: 15_000 });
      await cutOff(node.name);
      const cut = await stream;
      expect(cut.code).toBe(255);
      expect(cut.stderr).toMatch(/Timeout, server .* not responding/);
      expect(lines).toBeLessThan(100);
      const fresh = await ssh.run(keyUser(info, node), 'true', { connectTimeoutS: 2 });
      expect(fresh.code).toBe(255);
      expect(fresh.stderr).toMatch(/timed out/);
    } finally {
      await reconnect(node.name);
    }
    const back = await ssh.run(keyUser(info, node), 'hostname');
    expect(back.stdout, JSON.stringify(back)).toBe('bai-a01\n');
  });

  it('setNetem adds the asked round-trip delay; clearNetem takes it away', async () => {
    const node = labNode(info, 'bai-a01');
    const before = await fastestConnectMs(node.host);
    expect(before).toBeLessThan(100);
    await setNetem(node.name, { delayMs: 300 });
    try {
      const slowed = await fastestConnectMs(node.host);
      expect(slowed).toBeGreaterThanOrEqual(280);
      expect(slowed).toBeLessThan(2_000);
      const r = await ssh.run(keyUser(info, node), 'hostname');
      expect(r.stdout, JSON.stringify(r)).toBe('bai-a01\n');
      // A handshake plus auth is several round trips.
      expect(r.ms).toBeGreaterThan(4 * 300);
    } finally {
      await clearNetem(node.name);
    }
    expect(await fastestConnectMs(node.host)).toBeLessThan(100);
  });

  it('setNetem with 100% loss drops everything until cleared', async () => {
    const node = labNode(info, 'bai-a02');
    await setNetem(node.name, { lossPct: 100 });
    try {
      const r = await ssh.run(keyUser(info, node), 'true', { connectTimeoutS: 2 });
      expect(r.code).toBe(255);
      expect(r.stderr).toMatch(/timed out/);
    } finally {
      await clearNetem(node.name);
    }
    const back = await ssh.run(keyUser(info, node), 'hostname');
    expect(back.stdout, JSON.stringify(back)).toBe('bai-a02\n');
  });

  it('rotateHostKey gives the node new host keys: the old known_hosts is refused, the new lab.json accepted', async () => {
    const old = labNode(info, 'bai-m1');
    const rotated = await rotateHostKey(old.name);
    expect(rotated.hostKeyFingerprints).toHaveLength(3);
    for (const fp of rotated.hostKeyFingerprints) expect(old.hostKeyFingerprints).not.toContain(fp);
    expect(labNode(readLabInfo(), old.name).hostKeyFingerprints).toEqual(rotated.hostKeyFingerprints);
    const stale = await ssh.run(keyUser(info, old), 'true');
    expect(stale.code).toBe(255);
    expect(stale.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    const updated = new OpensshClient(readLabInfo());
    try {
      const r = await updated.run(keyUser(info, rotated), 'hostname');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, JSON.stringify(r)).toBe('bai-m1\n');
    } finally {
      updated.dispose();
    }
    info = readLabInfo();
    ssh.dispose();
    ssh = new OpensshClient(info);
  });

  it('fillDisk makes writes to the node\'s disk folder fail with ENOSPC; freeDisk frees it', async () => {
    const node = labNode(info, 'bai-a02');
    const file = `${node.diskDir}/probe-${process.pid}`;
    expect(await fillDisk(node.name)).toBe(node.diskDir);
    try {
      const full = await ssh.run(keyUser(info, node), `head -c 65536 /dev/zero > ${file}`);
      expect(full.code).not.toBe(0);
      expect(full.stderr).toMatch(/No space left on device/);
    } finally {
      await freeDisk(node.name);
    }
    const ok = await ssh.run(keyUser(info, node), `head -c 65536 /dev/zero > ${file} && wc -c < ${file} && rm ${file}`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe('65536');
  });

  it('setUnitFailing makes the unit fail on its next start, until turned off', async () => {
    const node = labNode(info, 'bai-a02');
    const unit = 'backendai-agent';
    await setUnitFailing(node.name, unit, true);
    try {
      const failed = await ssh.run(keyUser(info, node), `sudo -n systemctl restart ${unit}; echo "exit=$?"; systemctl is-active ${unit}`);
      expect(failed.stdout).toMatch(/exit=[1-9]/);
      expect(failed.stdout).not.toMatch(/^active$/m);
    } finally {
      await setUnitFailing(node.name, unit, false);
    }
    const back = await ssh.run(keyUser(info, node), `sudo -n systemctl start ${unit}; systemctl is-active ${unit}`);
    expect(back.stdout.trim().split('\n').pop()).toBe('active');
  });
});
