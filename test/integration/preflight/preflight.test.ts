/**
 * Preflight against the lab: bai-m1 (manager + halfstack) and the agent
 * bai-a02 (GPUs from the lab's nvidia-smi, the nvidia docker runtime),
 * each in one exec counted on the node's sshd log.
 */
import { describe, expect, it } from 'vitest';
import { labNode, readLabInfo } from '../../lab/labInfo';
import { labServiceCoreForThisFile } from '../services/labServiceCore';
import { execSessionsSince, ourPortsTo, sshdLogLength } from '../services/sshdSessions';

const lab = labServiceCoreForThisFile({ saveSudoPassword: false });

const byId = <C extends { id: string }>(checks: C[], id: string): C | undefined => checks.find((c) => c.id === id);

describe('preflight against the lab', () => {
  it('checks bai-m1 against the guide for its halfstack and manager roles', async () => {
    const result = await lab.api.runPreflight({ nodeId: lab.nodeId('bai-m1') });
    expect(result.nodeName).toBe('bai-m1');
    const checks = result.checks;
    expect(byId(checks, 'docker')).toMatchObject({ status: 'pass', measured: '24.0.7', required: '>= 19.03' });
    expect(byId(checks, 'docker-compose')).toMatchObject({ status: 'pass', measured: '1.29.2', required: '>= 1.24' });
    expect(byId(checks, 'python')?.measured).toMatch(/^3\.\d+/);
    expect(byId(checks, 'cores')?.measured).toMatch(/^\d+$/);
    expect(byId(checks, 'memory')?.measured).toMatch(/GiB$/);
    // Not an agent: no GPU, CUDA or runtime checks.
    expect(checks.map((c) => c.id)).not.toContain('gpu');
    expect(checks.map((c) => c.id)).not.toContain('nvidia-runtime');
    expect(['pass', 'warn', 'fail']).toContain(result.overall);
    const rows = await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 1 });
    expect(rows[0]).toMatchObject({ action: 'node.preflight', target: 'preflight of bai-m1', result: 'ok' });
  });

  it('checks the agent bai-a02 in one exec: GPUs, the nvidia runtime, the 512 GiB disk', async () => {
    const ip = labNode(readLabInfo(), 'bai-a02').host;
    await lab.api.testConnection({ nodeId: lab.nodeId('bai-a02') });
    const offset = sshdLogLength('bai-a02');
    const result = await lab.api.runPreflight({ nodeId: lab.nodeId('bai-a02') });
    expect(execSessionsSince('bai-a02', offset, ourPortsTo(ip))).toBe(1);
    const checks = result.checks;
    expect(byId(checks, 'gpu')).toMatchObject({ status: 'pass', measured: '2 × NVIDIA A100 80GB PCIe' });
    expect(byId(checks, 'nvidia-runtime')).toMatchObject({ status: 'pass' });
    expect(byId(checks, 'nvidia-runtime')?.measured).toContain('nvidia');
    expect(byId(checks, 'docker')).toMatchObject({ status: 'pass', measured: '24.0.7' });
    // The nodes share this machine's /usr/local: a toolkit there is measured; without one the driver's CUDA 12.2 makes it a warning.
    const cuda = byId(checks, 'cuda');
    if (cuda?.measured) expect(cuda).toMatchObject({ status: 'pass', message: `CUDA ${cuda.measured}.` });
    else expect(cuda).toMatchObject({ status: 'warn', message: expect.stringContaining('12.2') });
    expect(byId(checks, 'disk')?.status).toMatch(/^(pass|warn|fail)$/);
  });
});
