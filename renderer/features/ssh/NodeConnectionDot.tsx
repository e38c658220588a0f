/** A node's SSH connection state as a small dot (for the tree row), its words in the tooltip and for screen readers. */
import { useNodeConnectionStore } from '../../stores/nodeConnectionStore';
import { connectionWords } from './connectionStateText';
import { useNow } from './useNow';

export function NodeConnectionDot(props: { nodeId: string }) {
  const connection = useNodeConnectionStore((s) => s.byNode[props.nodeId]);
  const now = useNow(connection?.state === 'reconnecting');
  const words = connectionWords(connection, now);
  const text = words.detail ? `${words.label}: ${words.detail}` : words.label;
  return (
    <span className={`ssh-dot ssh-tone-${words.tone}`} title={text} role="img" aria-label={`SSH ${text}`} data-state={connection?.state ?? 'idle'} />
  );
}
