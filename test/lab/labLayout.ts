/**
 * The lab's fixed shape: which nodes exist, their addresses, roles and sudo
 * rule, the lab users, and where everything lives under <repo>/.lab. Pure data;
 * every other lab module reads its names from here so `down` can find what
 * `up` made even after a crash.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../common/contract/schemas/profiles';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const labRoot = path.join(repoRoot, '.lab');
/** CDLAB_NODE_TOOLS_BIN swaps in other node tools (e.g. a stub while testing the lab machinery itself). */
export const nodeToolsBin = process.env.CDLAB_NODE_TOOLS_BIN
  ? path.resolve(process.env.CDLAB_NODE_TOOLS_BIN)
  : path.join(repoRoot, 'test/lab/node-tools/bin');

/** Everything the lab makes on the host carries one of these prefixes. */
export const NETNS_PREFIX = 'cdlab-';
export const OUTER_BRIDGE = 'cdlab0';
export const INNER_BRIDGE = 'cdlab1';
/**
 * Host side of the outer bridge, as a /32 plus one /32 route per node. Not the
 * contract's 192.0.2.1/24: on these machines eth0 itself sits in 192.0.2.0/24
 * with its gateway at .1, so a /24 on cdlab0 would steal the default gateway.
 * The inner bridge has no host address on purpose (bai-a03 only via bai-jump).
 */
export const HOST_ADDRESS = '192.0.2.254';
/** Routing protocol number tagging every lab route, so `down` flushes them by tag. */
export const ROUTE_PROTO = '205';
export const SUDOERS_FILE = '/etc/sudoers.d/cdlab';
export const PAM_SERVICE = 'cdlab-sshd';
export const PAM_FILE = `/etc/pam.d/${PAM_SERVICE}`;
/** `ip netns exec` bind-mounts /etc/netns/<ns>/hosts over /etc/hosts for that node. */
export const NETNS_ETC_DIR = '/etc/netns';

export interface NodeLink {
  bridge: typeof OUTER_BRIDGE | typeof INNER_BRIDGE;
  address: string; // with prefix length, e.g. 192.0.2.11/24
  hostIf: string; // host end of the veth (<= 15 chars)
  nodeIf: string; // name inside the node's netns
}

export interface LabNodeSpec {
  name: string;
  roles: Role[];
  sudo: 'nopasswd' | 'password';
  keyboardInteractive: boolean;
  links: NodeLink[];
  reachableDirectly: boolean;
}

function outer(node: string, ip: string): NodeLink {
  return { bridge: OUTER_BRIDGE, address: `${ip}/24`, hostIf: `cdv-${node}`, nodeIf: 'eth0' };
}
function inner(node: string, ip: string, nodeIf: string): NodeLink {
  return { bridge: INNER_BRIDGE, address: `${ip}/25`, hostIf: `cdi-${node}`, nodeIf };
}

export const LAB_NODES: LabNodeSpec[] = [
  {
    name: 'bai-m1',
    roles: ['manager', 'webserver', 'storage-proxy', 'wsproxy', 'postgres', 'redis', 'etcd'],
    sudo: 'nopasswd',
    keyboardInteractive: false,
    links: [outer('bai-m1', '192.0.2.11')],
    reachableDirectly: true,
  },
  {
    name: 'bai-a01',
    roles: ['agent'],
    sudo: 'password',
    keyboardInteractive: false,
    links: [outer('bai-a01', '192.0.2.21')],
    reachableDirectly: true,
  },
  {
    name: 'bai-a02',
    roles: ['agent'],
    sudo: 'nopasswd',
    keyboardInteractive: true,
    links: [outer('bai-a02', '192.0.2.22')],
    reachableDirectly: true,
  },
  {
    name: 'bai-jump',
    roles: [],
    sudo: 'nopasswd',
    keyboardInteractive: false,
    links: [outer('bai-jump', '192.0.2.5'), inner('bai-jump', '192.0.2.130', 'eth1')],
    reachableDirectly: true,
  },
  {
    name: 'bai-a03',
    roles: ['agent'],
    sudo: 'nopasswd',
    keyboardInteractive: false,
    links: [inner('bai-a03', '192.0.2.131', 'eth0')],
    reachableDirectly: false,
  },
];

export function nodeSpec(name: string): LabNodeSpec {
  const spec = LAB_NODES.find((n) => n.name === name);
  if (!spec) {
    throw new Error(`There is no lab node called '${name}'. Lab nodes: ${LAB_NODES.map((n) => n.name).join(', ')}.`);
  }
  return spec;
}

/** The address sshd listens on: the first link's address without the prefix length. */
export function nodeAddress(spec: LabNodeSpec): string {
  const first = spec.links[0];
  if (!first) throw new Error(`Lab node ${spec.name} has no network link.`);
  return first.address.split('/')[0] ?? '';
}

export const netnsOf = (node: string): string => `${NETNS_PREFIX}${node}`;

/** Per-node folders under .lab/nodes/<node>. The node tools own the rest of that folder. */
export function nodeDirs(node: string) {
  const root = path.join(labRoot, 'nodes', node);
  return {
    root,
    ssh: path.join(root, 'ssh'),
    sshdConfig: path.join(root, 'ssh', 'sshd_config'),
    sshdPid: path.join(root, 'ssh', 'sshd.pid'),
    sshdLog: path.join(root, 'ssh', 'sshd.log'),
    disk: path.join(root, 'disk'),
    /** The node's PATH folder, filled by lab-node-init with the tools of the node's roles. */
    bin: path.join(root, 'bin'),
    halfstack: path.join(root, 'halfstack'),
    manager: path.join(root, 'manager'),
  };
}

export const labFiles = {
  labJson: path.join(labRoot, 'lab.json'),
  profileJson: path.join(labRoot, 'profile.json'),
  keys: path.join(labRoot, 'keys'),
  bin: path.join(labRoot, 'bin'),
  pam: path.join(labRoot, 'pam'),
  sudoState: path.join(labRoot, 'sudo-refusing.json'),
  netem: path.join(labRoot, 'netem'),
};

/** Lab login users. Fixed, documented passwords: this is a throwaway test lab. */
export const LAB_USERS = {
  key: { name: 'cdlab', password: 'cdlab-sudo-pw' },
  password: { name: 'cdlabpw', password: 'cdlab-login-pw' },
  passphrase: { name: 'cdlabpp', password: 'cdlabpp-sudo-pw', passphrase: 'cdlab key passphrase' },
  keyboardInteractive: { name: 'cdlabotp', password: 'cdlab-otp-pw', otp: '314159' },
} as const;
export const LAB_USER_NAMES = Object.values(LAB_USERS).map((u) => u.name);
export const DOCKER_GROUP = 'docker';
export const DB_PASSWORD = 'develove';
export const COMPOSE_PROJECT = 'halfstack';
