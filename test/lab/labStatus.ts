/**
 * `lab status`: what is up right now, per node (namespace, link, sshd), read
 * from the host itself rather than from lab.json, so it also tells the truth
 * after a crash. 'up' only when every node answers on port 22.
 */
import fs from 'node:fs';
import { runCommand } from './hostCommand';
import { LAB_NODES, NETNS_ETC_DIR, NETNS_PREFIX, PAM_FILE, ROUTE_PROTO, SUDOERS_FILE, labFiles, netnsOf, nodeAddress } from './labLayout';
import { isLinkUp, listLabNetns } from './labNetwork';
import { labMountPoints } from './labDisk';
import { isSshdRunning } from './sshdProcess';

export interface NodeStatus {
  name: string;
  address: string;
  netns: boolean;
  linkUp: boolean;
  sshd: boolean;
}

export interface LabStatus {
  state: 'up' | 'down' | 'partial';
  nodes: NodeStatus[];
  labJson: boolean;
  mounts: string[];
  /** Host objects of the lab that exist right now: links, routes, files outside .lab. */
  hostObjects: string[];
}

/** Everything of the lab's outside .lab that `down` must remove, found by name. */
async function labHostObjects(): Promise<string[]> {
  const found: string[] = [];
  const links = (await runCommand(['ip', '-o', 'link', 'show'])).stdout;
  for (const m of links.matchAll(/^\d+:\s+([^:@\s]+)/gm)) {
    const name = m[1] ?? '';
    if (/^cd[vi]-|^cd[qr]\d-|^cdlab[01]$/.test(name)) found.push(`link ${name}`);
  }
  const routes = (await runCommand(['ip', 'route', 'show', 'proto', ROUTE_PROTO])).stdout.trim();
  if (routes) found.push(...routes.split('\n').map((r) => `route ${r.trim()}`));
  for (const file of [SUDOERS_FILE, PAM_FILE]) if (fs.existsSync(file)) found.push(`file ${file}`);
  if (fs.existsSync(NETNS_ETC_DIR)) {
    for (const entry of fs.readdirSync(NETNS_ETC_DIR)) if (entry.startsWith(NETNS_PREFIX)) found.push(`dir ${NETNS_ETC_DIR}/${entry}`);
  }
  return found;
}

export async function readLabStatus(): Promise<LabStatus> {
  const namespaces = new Set(await listLabNetns());
  const nodes = await Promise.all(
    LAB_NODES.map(async (spec): Promise<NodeStatus> => {
      const link = spec.links[0];
      return {
        name: spec.name,
        address: nodeAddress(spec),
        netns: namespaces.has(netnsOf(spec.name)),
        linkUp: link ? await isLinkUp(link.hostIf) : false,
        sshd: isSshdRunning(spec.name),
      };
    }),
  );
  const labJson = fs.existsSync(labFiles.labJson);
  const mounts = labMountPoints();
  const hostObjects = await labHostObjects();
  const allUp = nodes.every((n) => n.netns && n.linkUp && n.sshd) && labJson;
  const anyUp = nodes.some((n) => n.netns || n.sshd) || labJson || mounts.length > 0 || hostObjects.length > 0;
  return { state: allUp ? 'up' : anyUp ? 'partial' : 'down', nodes, labJson, mounts, hostObjects };
}

export function formatLabStatus(status: LabStatus): string {
  const rows = status.nodes.map(
    (n) =>
      `  ${n.name.padEnd(9)} ${n.address.padEnd(12)} netns:${n.netns ? 'yes' : 'no '} link:${n.linkUp ? 'up  ' : 'down'} sshd:${n.sshd ? 'running' : 'stopped'}`,
  );
  const hint =
    status.state === 'partial' ? '\nSome pieces are left over. `npm run lab -- down` cleans them up; then `up` again.' : '';
  const objects = status.state === 'up' ? `${status.hostObjects.length} links/routes/files` : status.hostObjects.join(', ') || 'none';
  return (
    `lab: ${status.state}\n${rows.join('\n')}\n  lab.json: ${status.labJson ? labFiles.labJson : 'absent'}; ` +
    `mounts: ${status.mounts.length}; host objects: ${objects}${hint}`
  );
}
