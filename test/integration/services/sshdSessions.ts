/**
 * Counts the remote commands a node's sshd really started for this test
 * process, from the other side of the wire: sshd (LogLevel VERBOSE) logs
 * "Starting session: command for USER from IP port P" per exec channel, and
 * `ss -p` tells which local ports belong to this process. Other test files
 * using the lab at the same time have other ports, so they do not count.
 */
import { execFileSync } from 'node:child_process';
import { sshdLog } from '../../lab/faults';

/** Local ports of this process's established TCP connections to ip:22. */
export function ourPortsTo(ip: string): Set<number> {
  const out = execFileSync('ss', ['-tnpH', 'state', 'established', 'dst', `${ip}:22`], { encoding: 'utf8' });
  const ports = new Set<number>();
  for (const line of out.split('\n')) {
    if (!line.includes(`pid=${process.pid},`)) continue;
    const local = line.trim().split(/\s+/)[2] ?? '';
    const port = Number(local.slice(local.lastIndexOf(':') + 1));
    if (Number.isInteger(port) && port > 0) ports.add(port);
  }
  return ports;
}

export function sshdLogLength(node: string): number {
  return sshdLog(node).length;
}

/** exec sessions sshd started since `offset` of its log, from the given local ports. */
export function execSessionsSince(node: string, offset: number, ports: ReadonlySet<number>): number {
  const text = sshdLog(node).slice(offset);
  let count = 0;
  for (const m of text.matchAll(/Starting session: command for \S+ from \S+ port (\d+) /g)) if (ports.has(Number(m[1]))) count += 1;
  return count;
}
