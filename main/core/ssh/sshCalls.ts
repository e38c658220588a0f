/**
 * The SSH calls of the UI: test a node's connection, answer host-key and
 * login prompts, manage saved host keys, and show each node's connection.
 * Remote work itself (exec) is not a call: domains use sshEngineOf(ctx).
 */
import type { CoreApi } from '../../../common/contract/api';
import type { CoreContext } from '../coreContext';
import { createHostKeyCalls } from './hostKeyCalls';
import { sshEngineOf } from './sshDomain';

export type SshCalls = Pick<
  CoreApi,
  | 'testConnection'
  | 'answerHostKeyPrompt'
  | 'answerAuthPrompt'
  | 'replaceHostKey'
  | 'forgetHostKeys'
  | 'rekeyNodes'
  | 'listKnownHosts'
  | 'getNodeConnections'
>;

export function sshCalls(ctx: CoreContext): SshCalls {
  const engine = sshEngineOf(ctx);
  const hostKeys = createHostKeyCalls(engine, () => ctx.profiles.listClusters());
  return {
    testConnection: async ({ nodeId }) => engine.testConnection(nodeId),
    answerHostKeyPrompt: async ({ promptId, decision }) => ({ accepted: engine.answerHostKeyPrompt(promptId, decision) }),
    answerAuthPrompt: async ({ promptId, answers, cancel, remember }) => ({
      accepted: engine.answerAuthPrompt(promptId, cancel ? 'cancel' : { answers: answers ?? [], remember }),
    }),
    replaceHostKey: async ({ nodeId, fingerprint }) => hostKeys.replaceHostKey(nodeId, fingerprint),
    forgetHostKeys: async ({ host, port }) => hostKeys.forgetHostKeys(host, port),
    rekeyNodes: async ({ nodeIds }) => hostKeys.rekeyNodes(nodeIds),
    listKnownHosts: async ({ source }) => hostKeys.listKnownHosts(source),
    getNodeConnections: async () => engine.pool.connections(),
  };
}
