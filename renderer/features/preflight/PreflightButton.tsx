/** Opens a node's preflight check against the installation guide. */
import { useSelectionStore } from '../../stores/selectionStore';

export function PreflightButton(props: { nodeId: string }) {
  const show = useSelectionStore((s) => s.show);
  return (
    <button type="button" className="button" onClick={() => show({ kind: 'preflight', nodeId: props.nodeId })}>
      Preflight
    </button>
  );
}
