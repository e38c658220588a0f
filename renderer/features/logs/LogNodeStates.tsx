/** One chip per node of a log stream: following, ended, failed (with why) or closed, and the command it runs. */
import type { LogStreamNodeView } from '../../stores/logStreamStore';

const WORDS: Record<LogStreamNodeView['state'], string> = { starting: 'connecting', running: 'reading', ended: 'ended', failed: 'failed', closed: 'closed' };

export function LogNodeStates(props: { nodes: readonly LogStreamNodeView[]; colors: ReadonlyMap<string, string>; follow: boolean }) {
  return (
    <ul className="log-node-states" aria-label="Nodes of this log">
      {props.nodes.map((n) => (
        <li key={n.nodeId} data-node={n.nodeName} data-state={n.state} title={n.command}>
          <span className="log-node" style={{ borderColor: props.colors.get(n.nodeId), color: props.colors.get(n.nodeId) }}>
            {n.nodeName}
          </span>{' '}
          <span className={n.state === 'failed' ? 'form-error-inline' : 'muted'}>
            {n.state === 'running' && props.follow ? 'following' : WORDS[n.state]}
            {n.message ? `: ${n.message}` : ''}
          </span>{' '}
          <code className="log-command">$ {n.command}</code>
        </li>
      ))}
    </ul>
  );
}
