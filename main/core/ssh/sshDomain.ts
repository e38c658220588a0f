/**
 * The SSH engine of one core, built from its context: host keys in the
 * store, ~/.ssh/known_hosts from the operator's home, credentials from the
 * secret store, node targets from the profiles. Other domains (actions,
 * logs, backups, terminals) reach it through sshEngineOf(ctx).
 */
import type { CoreContext } from '../coreContext';
import { secretsOf } from '../secrets/secretsDomain';
import { createHostKeyRepository } from './hostKeyRepository';
import { openKnownHostsFile } from './hostKeyStore';
import { resolveNodeTarget } from './nodeTarget';
import { createSshEngine, type EngineOptions, type SshEngine } from './sshEngine';

const engines = new WeakMap<CoreContext, SshEngine>();

export function sshEngineOf(ctx: CoreContext, options: Partial<EngineOptions> = {}): SshEngine {
  let engine = engines.get(ctx);
  if (!engine) {
    engine = createSshEngine({
      events: ctx.events,
      hostKeys: createHostKeyRepository(() => ctx.store.db(), ctx.ports.now),
      knownHostsFile: openKnownHostsFile(ctx.ports.paths.homeDir),
      credentials: secretsOf(ctx).credentials,
      homeDir: ctx.ports.paths.homeDir,
      authSock: process.env.SSH_AUTH_SOCK,
      lookupNode: (nodeId) => {
        const node = ctx.profiles.getNode(nodeId);
        return resolveNodeTarget(ctx.profiles.getCluster(node.clusterId), node);
      },
      options,
    });
    engines.set(ctx, engine);
    const closing = engine;
    ctx.onClose(() => closing.close());
  }
  return engine;
}
