/**
 * LabInfo: everything a test needs to reach the running lab (addresses, host
 * keys, users, key files, paths), as written by `npm run lab -- up` to
 * .lab/lab.json. The shape is the lab contract (briefing/LAB_CONTRACT.md);
 * fields marked "extra" are additions beyond it.
 */
import fs from 'node:fs';
import { labFiles } from './labLayout';

export interface LabHostKey {
  type: string; // ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa
  publicKey: string; // base64 blob
}

export interface LabNodeInfo {
  name: string;
  host: string;
  port: number;
  netns: string;
  roles: string[];
  hostKeyFingerprints: string[];
  hostKeys: LabHostKey[];
  sudo: 'nopasswd' | 'password';
  reachableDirectly: boolean;
  /** extra: the node's 16 MB tmpfs folder that fillDisk fills (writable by the lab users). */
  diskDir: string;
  /** extra: the node's tool folder, first on every session's PATH and on sudo's secure_path. */
  binDir: string;
  /** extra: jump host to use when reachableDirectly is false. */
  via?: string;
}

export interface LabInfo {
  root: string;
  nodes: LabNodeInfo[];
  users: {
    key: { name: string; keyPath: string };
    password: { name: string; password: string };
    passphrase: { name: string; keyPath: string; passphrase: string };
    keyboardInteractive: { name: string; password: string; otp: string; node: string };
    sudoPassword: string;
  };
  keys: { rsaPem: string; ecdsa: string; ed25519: string };
  db: { password: string };
  halfstackDir: string;
  managerDir: string;
  composeProject: string;
  profile: unknown;
  /** extra: where the node tools live (each node's binDir links into it). */
  nodeToolsBin: string;
  /** extra: ISO time the lab finished coming up. */
  upAt: string;
}

/** Reads .lab/lab.json; throws a readable error when the lab is not up. */
export function readLabInfo(): LabInfo {
  let text: string;
  try {
    text = fs.readFileSync(labFiles.labJson, 'utf8');
  } catch {
    throw new Error(`The lab is not up: ${labFiles.labJson} does not exist. Run \`npm run lab -- up\` (as root).`);
  }
  return JSON.parse(text) as LabInfo;
}

export function labNode(info: LabInfo, name: string): LabNodeInfo {
  const node = info.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`lab.json has no node '${name}'. Nodes: ${info.nodes.map((n) => n.name).join(', ')}.`);
  return node;
}

export function writeLabInfo(info: LabInfo): void {
  const tmp = `${labFiles.labJson}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`);
  fs.renameSync(tmp, labFiles.labJson);
}
