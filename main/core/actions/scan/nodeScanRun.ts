/**
 * "Scan node" over the SSH engine: the one exec nodeScan.ts builds, and the
 * proposal scanProposal.ts makes from it (roles, overrides, evidence).
 * Nothing is saved here; the operator applies the proposal or not.
 */
import { ApiError } from '../../../../common/contract/errors';
import type { ClusterNode, ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { NodeScanResult } from '../../../../common/contract/schemas/services';
import { buildNodeScan, parseNodeScan } from '../../catalog/nodeScan';
import { proposeFromScan } from '../../catalog/scanProposal';
import { randomNonce } from '../../catalog/sectionedScript';
import type { SshEngine } from '../../ssh/sshEngine';

export async function scanNode(engine: Pick<SshEngine, 'exec'>, cluster: ClusterWithNodes, node: ClusterNode): Promise<NodeScanResult> {
  const nonce = randomNonce();
  const command = buildNodeScan({ nonce, halfstackDir: cluster.halfstackDir });
  const out = await engine.exec(node.id, command.argv, { timeoutMs: 30_000 });
  const scan = parseNodeScan(out.stdout, nonce);
  if (scan.tools.size === 0) {
    throw new ApiError('remote_failed', `The scan of ${node.name} printed nothing ClusterDeck could read (exit ${String(out.exitCode)}). Check that the node has a POSIX sh, then try again.`);
  }
  const proposal = proposeFromScan(scan, { halfstackDir: cluster.halfstackDir, composeProject: cluster.composeProject }, { nodeId: node.id });
  return { ...proposal, nodeId: node.id, nodeName: node.name };
}
