/** What a new operator sees with no clusters: the three ways to start, each one click away. */
import { useClusterEditorStore } from '../../stores/clusterEditorStore';
import { ImportFileButton } from './ImportFileButton';

export function FirstRunEmptyState() {
  const openEditor = useClusterEditorStore((s) => s.open);
  return (
    <section className="empty-state" aria-labelledby="first-run-title">
      <h1 id="first-run-title">No clusters yet</h1>
      <p>
        ClusterDeck keeps one profile per customer cluster: its nodes, how to reach them over SSH, and which Backend.AI services run where.
        Start with one of these:
      </p>
      <ol className="empty-steps">
        <li>
          <button type="button" className="button primary" onClick={() => openEditor(null)}>
            Add your first cluster
          </button>
          <span>Name it, set the SSH user and defaults, then add its nodes.</span>
        </li>
        <li>
          <ImportFileButton variant="button" />
          <span>A .clusterdeck.json file exported by a colleague or another machine.</span>
        </li>
        <li>
          <button type="button" className="button" onClick={() => openEditor(null, { thenImportSshHosts: true })}>
            Import hosts from ~/.ssh/config
          </button>
          <span>Name the cluster, then pick its nodes from the Host entries you already use with ssh.</span>
        </li>
      </ol>
    </section>
  );
}
