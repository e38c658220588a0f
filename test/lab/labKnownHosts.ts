/**
 * known_hosts lines for the lab's nodes, straight from LabInfo. A client that
 * checks host keys strictly against this file proves lab.json describes the
 * keys the nodes really offer.
 */
import fs from 'node:fs';
import type { LabInfo, LabNodeInfo } from './labInfo';

export function knownHostsLines(nodes: LabNodeInfo[]): string[] {
  return nodes.flatMap((node) => {
    const host = node.port === 22 ? node.host : `[${node.host}]:${node.port}`;
    return node.hostKeys.map((key) => `${host} ${key.type} ${key.publicKey}`);
  });
}

export function writeKnownHosts(info: LabInfo, file: string): string {
  fs.writeFileSync(file, `${knownHostsLines(info.nodes).join('\n')}\n`);
  return file;
}
