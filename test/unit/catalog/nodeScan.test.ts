import { describe, expect, it } from 'vitest';
import { buildNodeScan, parseNodeScan } from '../../../main/core/catalog/nodeScan';
import { proposeFromScan } from '../../../main/core/catalog/scanProposal';
import { fixture, framed, runInSh, TEST_NONCE, withEmptyDir } from './fixtureFiles';

const cluster = { halfstackDir: '/home/lablup/halfstack', composeProject: 'halfstack' };

describe('scan node', () => {
  it('is one valid sh script: on a bare node it finds nothing and proposes nothing', () => {
    const command = buildNodeScan({ nonce: TEST_NONCE, halfstackDir: '/nonexistent/halfstack' });
    expect(command.argv.slice(0, 2)).toEqual(['sh', '-c']);
    const { stdout } = withEmptyDir((dir) => runInSh(command.argv[2] ?? '', { PATH: dir, HOME: dir }));
    const scan = parseNodeScan(stdout);
    expect(scan.tools).toEqual(new Map([['systemctl', false], ['docker', false], ['docker-compose', false]]));
    expect(scan).toMatchObject({ units: [], unitFiles: [], containers: [], halfstackFiles: null });
    expect(proposeFromScan(scan, cluster)).toEqual({ roles: [], overrides: [], findings: [], unrecognisedUnits: [], composeCli: null });
  });

  it('proposes roles and overrides from what systemd and docker list', () => {
    const stdout = framed([
      ['tools', 'systemctl yes\ndocker yes\ndocker-compose no\n', 0],
      ['unit-list', fixture('systemd/systemctl-list-units-backendai.txt'), 0],
      ['unit-files', fixture('systemd/systemctl-list-unit-files-backendai-no-legend.txt'), 0],
      ['containers', fixture('compose/docker-ps-json-halfstack.txt'), 0],
      ['halfstack-files', 'docker-compose.hs.etcd.yaml\ndocker-compose.hs.postgres.yaml\ndocker-compose.hs.redis.yaml\ndocker-compose.wsproxy-simple.yaml\nvolumes\n', 0],
    ]);
    const proposal = proposeFromScan(parseNodeScan(stdout), cluster, { nodeId: 'n7' });
    expect(proposal.roles).toEqual(['manager', 'agent', 'webserver', 'storage-proxy', 'wsproxy', 'postgres', 'redis', 'etcd']);
    expect(proposal.composeCli).toBe('docker compose');
    // The App Proxy worker unit is there, but so is the wsproxy container: the compose default stays.
    expect(proposal.overrides).toEqual([]);
    expect(proposal.findings).toContainEqual({ role: 'agent', serviceId: 'watcher', evidence: 'unit backendai-watcher.service (activating auto-restart)' });
    expect(proposal.findings).toContainEqual({ role: 'postgres', serviceId: 'postgres', evidence: 'container halfstack-db (Up 2 hours (healthy))' });
    expect(proposal.unrecognisedUnits).toEqual([]);
  });

  it('proposes the guide\'s console-server unit, App Proxy, no watcher and another project when that is what the node has', () => {
    const stdout = framed([
      ['tools', 'systemctl yes\ndocker yes\ndocker-compose yes\n', 0],
      ['unit-list', 'backendai-console-server.service loaded active running Backend.AI Console Server\nbackendai-agent.service loaded active running Backend.AI Agent\nbackendai-appproxy-coordinator.service loaded active running App Proxy\nbackendai-accelerator-cuda.service loaded inactive dead x\n', 0],
      ['unit-files', '', 0],
      ['containers', fixture('compose/docker-ps-json-troubled.txt').split('\n').filter((l) => l.includes('backendai-halfstack-db-2')).join('\n'), 0],
      ['halfstack-files', '', 2],
    ]);
    const proposal = proposeFromScan(parseNodeScan(stdout), cluster, { nodeId: 'n1' });
    expect(proposal.roles).toEqual(['agent', 'webserver', 'wsproxy', 'postgres']);
    expect(proposal.overrides).toEqual([
      { role: 'webserver', serviceId: 'webserver', unit: 'backendai-console-server.service', nodeId: 'n1' },
      { role: 'wsproxy', variant: 'appproxy', nodeId: 'n1' },
      { role: 'postgres', serviceId: 'postgres', composeProject: 'old-halfstack', nodeId: 'n1' },
      { role: 'postgres', serviceId: 'postgres', composeFile: 'docker-compose.yml', nodeId: 'n1' },
      { role: 'agent', serviceId: 'watcher', disabled: true, nodeId: 'n1' },
    ]);
    expect(proposal.unrecognisedUnits).toEqual(['backendai-accelerator-cuda.service']);
    expect(proposal.composeCli).toBe('docker-compose');
  });

  it('still proposes a halfstack role from its compose file when the project is down', () => {
    const stdout = framed([
      ['tools', 'systemctl no\ndocker yes\ndocker-compose yes\n', 0],
      ['containers', '', 0],
      ['halfstack-files', 'docker-compose.hs.redis.yaml\n', 0],
    ]);
    const proposal = proposeFromScan(parseNodeScan(stdout), cluster);
    expect(proposal.roles).toEqual(['redis']);
    expect(proposal.findings).toEqual([{ role: 'redis', serviceId: 'redis', evidence: 'file docker-compose.hs.redis.yaml in /home/lablup/halfstack' }]);
  });
});
