/**
 * `docker compose` (v2) where docker-compose (v1) is absent, against the
 * lab: docker-compose is taken off bai-m1's tool folder (the first entry of
 * its PATH and of sudo's secure_path), so the sweep finds only docker, and
 * a restart of the wsproxy compose service runs through `docker compose`.
 * wsproxy, not the halfstack: nobody else's test leans on it. The tool is
 * put back in finally.
 */
import { readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabInfo } from '../../lab/labInfo';
import { labServiceCoreForThisFile } from './labServiceCore';

const NODE = 'bai-m1';
const lab = labServiceCoreForThisFile({ saveSudoPassword: false });

describe('docker compose v2 when docker-compose is absent', () => {
  it('detects the missing v1 on bai-m1 and restarts wsproxy with `docker compose`', async () => {
    const binDir = readLabInfo().nodes.find((n) => n.name === NODE)?.binDir ?? '';
    const v1 = path.join(binDir, 'docker-compose');
    const target = readlinkSync(v1);
    const services = await lab.api.getServices({ clusterId: lab.cluster.id });
    const wsproxy = services.nodes.find((n) => n.nodeName === NODE)?.services.find((s) => s.id === 'wsproxy');
    expect(wsproxy?.kind).toBe('compose');
    unlinkSync(v1);
    try {
      const swept = await lab.api.sweepStatus({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId(NODE)] });
      const m1 = swept.nodes.find((n) => n.nodeName === NODE);
      expect(m1?.facts).toMatchObject({ hasDocker: true, hasDockerCompose: false, composeCli: 'docker compose' });
      // Still read through docker ps / inspect, which do not need compose at all.
      expect(m1?.statuses.find((s) => s.serviceId === 'wsproxy')?.state).toBe('running');

      const plan = await lab.api.describeControl({ clusterId: lab.cluster.id, serviceId: 'wsproxy', nodeIds: [lab.nodeId(NODE)], action: 'restart' });
      expect(plan.commands[0]?.command).toMatch(/^cd \S+ && docker compose -f docker-compose\.wsproxy-simple\.yaml -p \S+ restart$/);
      const result = await lab.api.controlService({ nodeId: lab.nodeId(NODE), serviceId: 'wsproxy', action: 'restart' });
      expect(result).toMatchObject({ ok: true, exitCode: 0, command: plan.commands[0]?.command });
      expect(result.status?.state).toBe('running');
      const row = (await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 1 }))[0];
      expect(row).toMatchObject({ action: 'service.restart', result: 'ok', detail: expect.stringContaining('docker compose -f') });
    } finally {
      symlinkSync(target, v1);
    }
  }, 90_000);
});
