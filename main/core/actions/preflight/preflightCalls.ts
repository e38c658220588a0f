/**
 * runPreflight: one exec on the node (preflightScript.ts), its output read
 * into facts (hostFacts.ts) and judged against the guide's tables for the
 * node's roles (preflightJudge.ts). One activity row per run.
 */
import { ApiError, toApiError } from '../../../../common/contract/errors';
import type { CoreApi } from '../../../../common/contract/api';
import type { preflightMethods, PreflightResult } from '../../../../common/contract/schemas/preflight';
import { randomNonce } from '../../catalog/sectionedScript';
import type { CoreContext } from '../../coreContext';
import { sshEngineOf } from '../../ssh/sshDomain';
import { parseHostFacts } from './hostFacts';
import { buildPreflight, preflightDirs } from './preflightScript';
import { judgePreflight, overallStatus } from './preflightJudge';

/** docker info can take seconds on a busy daemon; nothing here should take a minute. */
const PREFLIGHT_TIMEOUT_MS = 60_000;

export function preflightCalls(ctx: CoreContext): Pick<CoreApi, keyof typeof preflightMethods> {
  return {
    async runPreflight({ nodeId }): Promise<PreflightResult> {
      const node = ctx.profiles.getNode(nodeId);
      const cluster = ctx.profiles.getCluster(node.clusterId);
      const nonce = randomNonce();
      const dirs = preflightDirs(cluster.halfstackDir);
      const command = buildPreflight({ nonce, dirs });
      const started = performance.now();
      const target = `preflight of ${node.name}`;
      try {
        const out = await sshEngineOf(ctx).exec(nodeId, command.argv, { timeoutMs: PREFLIGHT_TIMEOUT_MS });
        if (out.exitCode !== 0) {
          throw new ApiError('remote_failed', `The preflight script on ${node.name} ended with exit ${String(out.exitCode)} (${out.stderr.trim().split('\n')[0] ?? ''}). Check that the node has a POSIX sh.`);
        }
        const checks = judgePreflight(parseHostFacts(out.stdout, dirs, nonce), node.roles);
        const overall = overallStatus(checks);
        const failed = checks.filter((c) => c.status !== 'pass').map((c) => `${c.label}: ${c.status}`);
        ctx.activity.record({
          action: 'node.preflight',
          target,
          clusterId: cluster.id,
          nodeId,
          result: 'ok',
          detail: `${overall}${failed.length ? ` (${failed.join(', ')})` : ''}`,
        });
        return {
          clusterId: cluster.id,
          nodeId,
          nodeName: node.name,
          roles: node.roles,
          overall,
          checks,
          checkedAt: ctx.ports.now().toISOString(),
          durationMs: Math.round(performance.now() - started),
        };
      } catch (err) {
        const e = toApiError(err);
        ctx.activity.record({ action: 'node.preflight', target, clusterId: cluster.id, nodeId, result: 'failed', detail: e.message });
        throw e;
      }
    },
  };
}
