// The lab's network shape: bai-a03 only through bai-jump, nodes reach each
// other by name, and no node has a way out of the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labNode, readLabInfo, type LabInfo } from '../../lab/labInfo';
import { keyUser, OpensshClient } from './opensshClient';

let info: LabInfo;
let ssh: OpensshClient;

beforeAll(() => {
  info = readLabInfo();
  ssh = new OpensshClient(info);
});
afterAll(() => ssh.dispose());

describe('lab network', () => {
  it('reaches bai-a03 through bai-jump with ProxyJump', async () => {
    const a03 = labNode(info, 'bai-a03');
    expect(a03.reachableDirectly).toBe(false);
    const r = await ssh.run({ ...keyUser(info, a03), jump: labNode(info, 'bai-jump') }, 'hostname');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('bai-a03\n');
  });

  it('does not reach bai-a03 directly', async () => {
    const r = await ssh.run(keyUser(info, labNode(info, 'bai-a03')), 'hostname', { connectTimeoutS: 3 });
    expect(r.code).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/No route to host|timed out|Network is unreachable/);
  });

  it('lets nodes reach each other by name on port 22', async () => {
    const r = await ssh.run(
      keyUser(info, labNode(info, 'bai-m1')),
      "for n in bai-a01 bai-a02 bai-jump; do timeout 3 bash -c \"exec 3<>/dev/tcp/$n/22\" && echo $n; done",
    );
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['bai-a01', 'bai-a02', 'bai-jump']);
  });

  it('gives no node a route out of the lab, nor forwarding on the jump host', async () => {
    for (const name of ['bai-m1', 'bai-a01', 'bai-jump']) {
      const r = await ssh.run(
        keyUser(info, labNode(info, name)),
        '/usr/sbin/ip -4 route show; echo ---; /usr/sbin/ip -4 -o addr show scope global; echo ---; cat /proc/sys/net/ipv4/ip_forward',
      );
      expect(r.code, r.stderr).toBe(0);
      const [routes = '', addresses = '', forwarding = ''] = r.stdout.split('---\n');
      const routeLines = routes.split('\n').filter(Boolean);
      expect(routeLines.length).toBeGreaterThan(0);
      // Only the node's own on-link subnets: no default route, no gateway.
      for (const line of routeLines) expect(line).toMatch(/^192\.0\.2\.\d+\/(24|25) dev eth\d proto kernel scope link src 192\.0\.2\.\d+/);
      for (const line of addresses.split('\n').filter(Boolean)) expect(line).toMatch(/inet 192\.0\.2\.\d+\//);
      expect(forwarding.trim()).toBe('0');
    }
  });
});
