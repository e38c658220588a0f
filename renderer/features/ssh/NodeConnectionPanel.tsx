/**
 * The SSH part of the node view: the connection state as the engine sees it,
 * "Test connection" and its result or error in plain words, and the
 * changed-host-key view when the key the node presents is not the saved one.
 */
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useConnectionTestStore } from '../../stores/connectionTestStore';
import { useNodeConnectionStore } from '../../stores/nodeConnectionStore';
import { ChangedHostKeyView } from './ChangedHostKeyView';
import { ConnectionTestResult } from './ConnectionTestResult';
import { connectionWords, testFailureHeadline } from './connectionStateText';
import { changedHostKeyOf } from './hostKeyChange';
import { NodeConnectionDot } from './NodeConnectionDot';
import { useNow } from './useNow';

export function NodeConnectionPanel(props: { cluster: ClusterWithNodes; node: ClusterNode }) {
  const { cluster, node } = props;
  const connection = useNodeConnectionStore((s) => s.byNode[node.id]);
  const outcome = useConnectionTestStore((s) => s.byNode[node.id]);
  const test = useConnectionTestStore((s) => s.test);
  const now = useNow(connection?.state === 'reconnecting');
  const words = connectionWords(connection, now);
  const port = node.port ?? node.ssh.port ?? cluster.ssh.port;
  const isRunning = outcome?.status === 'running';
  const failure = outcome?.status === 'failed' ? outcome.error : null;
  // A changed key may surface in a test or in any other work on the node (its connection's reason).
  const change = changedHostKeyOf(failure) ?? (connection?.state === 'failed' ? changedHostKeyOf(connection) : null);
  return (
    <section className="ssh-panel" aria-label={`SSH connection of ${node.name}`}>
      <div className="toolbar">
        <NodeConnectionDot nodeId={node.id} />
        <span className="ssh-state" data-testid="node-connection-state">
          {words.label}
        </span>
        <span className="toolbar-gap" />
        <button type="button" className="button" disabled={isRunning} onClick={() => void test(node.id)}>
          {isRunning ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {words.detail && words.tone !== 'ok' && !change && <p className="muted ssh-state-detail">{words.detail}</p>}
      {isRunning && <p className="muted">Connecting to {node.name}: answer any host key or login question that appears.</p>}
      {outcome?.status === 'ok' && <ConnectionTestResult result={outcome.result} at={outcome.at} />}
      {failure && !change && (
        <div className="ssh-result is-failed" role="alert" aria-label="Connection test result">
          <p className="ssh-result-title">{testFailureHeadline(failure.code)}</p>
          <p>{failure.message}</p>
        </div>
      )}
      {change && <ChangedHostKeyView nodeId={node.id} nodeName={node.name} node={{ host: node.host, port }} change={change} />}
    </section>
  );
}
