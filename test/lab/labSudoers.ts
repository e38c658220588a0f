/**
 * Real sudo for the lab users: one /etc/sudoers.d/cdlab file whose host-specific
 * rules match each node's UTS hostname (NOPASSWD on some nodes, password on
 * others), with the node tools first on sudo's secure_path. Every version is
 * checked with `visudo -cf` before it replaces the installed one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './hostCommand';
import { LAB_NODES, LAB_USER_NAMES, SUDOERS_FILE, labFiles, nodeDirs } from './labLayout';

function readRefusing(): string[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(labFiles.sudoState, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export function renderSudoers(refusing: string[]): string {
  const lines = [
    '# ClusterDeck lab (test/lab/labSudoers.ts). Removed by `npm run lab -- down`.',
    `User_Alias CDLAB_USERS = ${LAB_USER_NAMES.join(', ')}`,
    // Host rules match the node's UTS hostname as-is; no DNS lookups inside a netns.
    'Defaults:CDLAB_USERS !fqdn, !lecture, !mail_badpass, passwd_tries=1',
  ];
  for (const node of LAB_NODES) {
    const host = node.name;
    // `sudo systemctl` must find the simulated one: the node's tool folder leads secure_path there.
    lines.push(`Defaults@${host} secure_path="${nodeDirs(host).bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"`);
    if (refusing.includes(host)) {
      // Refuse without asking for a password first, like a site that removed the user's rights.
      lines.push(`CDLAB_USERS ${host} = (ALL:ALL) NOPASSWD: !ALL`);
    } else if (node.sudo === 'nopasswd') {
      lines.push(`CDLAB_USERS ${host} = (ALL:ALL) NOPASSWD: ALL`);
    } else {
      lines.push(`CDLAB_USERS ${host} = (ALL:ALL) ALL`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Validates and installs the sudoers file for the given refusing nodes. */
export async function installSudoers(refusing: string[] = readRefusing()): Promise<void> {
  const text = renderSudoers(refusing);
  const candidate = path.join(labFiles.bin, 'sudoers.candidate');
  fs.mkdirSync(labFiles.bin, { recursive: true });
  fs.writeFileSync(candidate, text, { mode: 0o440 });
  const check = await runCommand(['visudo', '-cf', candidate]);
  if (check.code !== 0) {
    throw new Error(`The lab's sudoers file did not pass visudo; nothing was installed.\n${check.stdout}${check.stderr}`);
  }
  // Same directory + rename: sudo never sees a half-written file. sudo skips names containing '.'.
  const staging = `${SUDOERS_FILE}.cdlab-new`;
  fs.copyFileSync(candidate, staging);
  fs.chmodSync(staging, 0o440);
  fs.renameSync(staging, SUDOERS_FILE);
  fs.writeFileSync(labFiles.sudoState, JSON.stringify(refusing));
}

export async function setSudoRefusingFor(node: string, refusing: boolean): Promise<void> {
  const current = new Set(readRefusing());
  if (refusing) current.add(node);
  else current.delete(node);
  await installSudoers([...current].sort());
}

export function removeSudoers(): void {
  fs.rmSync(SUDOERS_FILE, { force: true });
  fs.rmSync(`${SUDOERS_FILE}.cdlab-new`, { force: true });
  fs.rmSync(labFiles.sudoState, { force: true });
}
