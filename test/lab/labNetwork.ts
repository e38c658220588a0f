/**
 * The lab's network: one netns per node, veths into two bridges (cdlab0 with
 * the host on 192.0.2.254/32 and a /32 route per node, cdlab1 with no host
 * address so only bai-jump reaches bai-a03). No routes out of the nodes, no
 * forwarding, no NAT. Clean-up works from names alone (cdlab-* namespaces,
 * cdv-/cdi- veths, cdlab0/1 bridges, routes tagged proto 205).
 */
import fs from 'node:fs';
import path from 'node:path';
import { mustRun, runCommand } from './hostCommand';
import {
  HOST_ADDRESS,
  INNER_BRIDGE,
  LAB_NODES,
  NETNS_ETC_DIR,
  NETNS_PREFIX,
  OUTER_BRIDGE,
  ROUTE_PROTO,
  type LabNodeSpec,
  netnsOf,
  nodeAddress,
} from './labLayout';

async function linkExists(name: string): Promise<boolean> {
  return (await runCommand(['ip', 'link', 'show', 'dev', name])).code === 0;
}

export async function listLabNetns(): Promise<string[]> {
  const out = (await runCommand(['ip', '-o', 'netns', 'list'])).stdout;
  return out
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name.startsWith(NETNS_PREFIX));
}

async function createBridge(name: string, address: string | null): Promise<void> {
  if (!(await linkExists(name))) await mustRun(['ip', 'link', 'add', name, 'type', 'bridge']);
  if (address) await mustRun(['ip', 'addr', 'replace', address, 'dev', name]);
  await mustRun(['ip', 'link', 'set', name, 'up']);
}

/** /etc/hosts as the node sees it: its own name plus every lab node, like a small site's hosts file. */
function hostsFileFor(spec: LabNodeSpec): string {
  const lines = ['127.0.0.1\tlocalhost', `127.0.1.1\t${spec.name}`, '::1\tlocalhost ip6-localhost ip6-loopback'];
  for (const node of LAB_NODES) lines.push(`${nodeAddress(node)}\t${node.name}`);
  return `${lines.join('\n')}\n`;
}

async function createNode(spec: LabNodeSpec): Promise<void> {
  const ns = netnsOf(spec.name);
  await mustRun(['ip', 'netns', 'add', ns]);
  await mustRun(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
  for (const link of spec.links) {
    const peer = `${link.hostIf}-n`.slice(0, 15);
    await mustRun(['ip', 'link', 'add', link.hostIf, 'type', 'veth', 'peer', 'name', peer, 'netns', ns]);
    await mustRun(['ip', '-n', ns, 'link', 'set', peer, 'name', link.nodeIf]);
    await mustRun(['ip', '-n', ns, 'addr', 'add', link.address, 'dev', link.nodeIf]);
    await mustRun(['ip', '-n', ns, 'link', 'set', link.nodeIf, 'up']);
    await mustRun(['ip', 'link', 'set', link.hostIf, 'master', link.bridge]);
    await mustRun(['ip', 'link', 'set', link.hostIf, 'up']);
  }
  const etcDir = path.join(NETNS_ETC_DIR, ns);
  fs.mkdirSync(etcDir, { recursive: true });
  fs.writeFileSync(path.join(etcDir, 'hosts'), hostsFileFor(spec));
}

function labAddresses(): string[] {
  return [HOST_ADDRESS, ...LAB_NODES.flatMap((n) => n.links.map((l) => l.address.split('/')[0] ?? ''))];
}

/** Refuses to start when a lab address is already this host's own address or its gateway. */
async function assertAddressesFree(): Promise<void> {
  const local = (await mustRun(['ip', '-o', '-4', 'addr', 'show'])).split('\n');
  const gateways = (await mustRun(['ip', '-4', 'route', 'show', 'default'])).split('\n');
  for (const address of labAddresses()) {
    const escaped = address.replace(/\./g, '\\.');
    const localHit = local.find((l) => new RegExp(`inet ${escaped}/`).test(l) && !/ cdlab0 /.test(l));
    const gatewayHit = gateways.find((l) => new RegExp(`via ${escaped}( |$)`).test(l));
    if (localHit || gatewayHit) {
      throw new Error(
        `Lab address ${address} is already used on this host (${(localHit ?? gatewayHit ?? '').trim()}). ` +
          'Change the addresses in test/lab/labLayout.ts; the lab must not take over a real address.',
      );
    }
  }
}

/**
 * Host routes, tagged with ROUTE_PROTO: a /32 per reachable node via cdlab0
 * (more specific than any 192.0.2.0/24 the host may already have on eth0), and
 * 'unreachable' for the inner-only addresses so a direct try fails at once
 * instead of leaking onto the host's real network.
 */
async function addHostRoutes(): Promise<void> {
  for (const node of LAB_NODES) {
    for (const link of node.links) {
      const ip = link.address.split('/')[0] ?? '';
      const route =
        link.bridge === OUTER_BRIDGE
          ? ['ip', 'route', 'replace', `${ip}/32`, 'dev', OUTER_BRIDGE, 'src', HOST_ADDRESS, 'proto', ROUTE_PROTO]
          : ['ip', 'route', 'replace', 'unreachable', `${ip}/32`, 'proto', ROUTE_PROTO];
      await mustRun(route);
    }
  }
}

/** Builds bridges and every node's namespace. Expects a clean host (run `down` first). */
export async function createLabNetwork(): Promise<void> {
  await assertAddressesFree();
  await createBridge(OUTER_BRIDGE, `${HOST_ADDRESS}/32`);
  await createBridge(INNER_BRIDGE, null);
  await Promise.all(LAB_NODES.map((spec) => createNode(spec)));
  await addHostRoutes();
}

/** Removes every cdlab network object found by name. Safe to run twice or after a crash. */
export async function destroyLabNetwork(): Promise<void> {
  for (const ns of await listLabNetns()) {
    await runCommand(['ip', 'netns', 'del', ns]);
    fs.rmSync(path.join(NETNS_ETC_DIR, ns), { recursive: true, force: true });
  }
  if (fs.existsSync(NETNS_ETC_DIR)) {
    for (const entry of fs.readdirSync(NETNS_ETC_DIR)) {
      if (entry.startsWith(NETNS_PREFIX)) fs.rmSync(path.join(NETNS_ETC_DIR, entry), { recursive: true, force: true });
    }
  }
  const links = (await runCommand(['ip', '-o', 'link', 'show'])).stdout
    .split('\n')
    .map((line) => /^\d+:\s+([^:@\s]+)/.exec(line)?.[1] ?? '')
    // cdv-/cdi-: node veths; cdq<N>-/cdr<N>-: the delay relay's stand-in pairs (netemRelay.ts).
    .filter((name) => /^cd[vi]-|^cd[qr]\d-/.test(name) || name === OUTER_BRIDGE || name === INNER_BRIDGE);
  for (const name of links) await runCommand(['ip', 'link', 'del', name]);
  await runCommand(['ip', 'route', 'flush', 'proto', ROUTE_PROTO]);
}

/**
 * Forgets what the host and the node learnt about each other's MAC addresses.
 * After an outage (cutOff, 100% loss) the entries are FAILED and the next
 * connect gets "No route to host" until they expire; an undo must really undo.
 */
export async function flushNeighbours(spec: LabNodeSpec): Promise<void> {
  for (const link of spec.links) {
    const ip = link.address.split('/')[0] ?? '';
    await runCommand(['ip', 'neigh', 'flush', 'to', ip]);
  }
  await runCommand(['ip', '-n', netnsOf(spec.name), 'neigh', 'flush', 'all']);
}

export async function isLinkUp(name: string): Promise<boolean> {
  const out = (await runCommand(['ip', '-o', 'link', 'show', 'dev', name])).stdout;
  return /[<,]UP[,>]/.test(out);
}
