/**
 * The SSH engine the engine-level benches drive: it trusts exactly the lab's
 * host keys (from lab.json), reads no known_hosts and saves nothing, so a
 * bench measures the connection, never a prompt.
 */
import { tmpdir } from 'node:os';
import type { NodeTarget } from '../main/core/ssh/nodeTarget';
import { createSshEngine, type SshEngine } from '../main/core/ssh/sshEngine';
import { memoryHostKeys } from '../test/integration/ssh/memoryHostKeys';
import type { LabInfo } from '../test/lab/labInfo';

export function labSshEngine(lab: LabInfo, lookupNode: (nodeId: string) => NodeTarget): SshEngine {
  const hostKeys = memoryHostKeys();
  for (const n of lab.nodes) for (const k of n.hostKeys) hostKeys.save(n.host, n.port, k.type, k.publicKey);
  return createSshEngine({
    events: { emit: () => undefined },
    hostKeys,
    knownHostsFile: { path: null, label: 'none', lines: () => [] },
    credentials: { lookup: () => undefined, remember: () => undefined },
    homeDir: tmpdir(),
    lookupNode,
  });
}
