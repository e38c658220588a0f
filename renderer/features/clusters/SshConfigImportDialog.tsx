/** Picks Host entries of ~/.ssh/config to add as nodes (ProxyJump and IdentityFile carried over). */
import { Modal } from '../../controls/Modal';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore, type Dialog } from '../../stores/dialogStore';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

type SshConfigDialog = Extract<Dialog, { kind: 'ssh-config' }>;

export function SshConfigImportDialog(props: { dialog: SshConfigDialog }) {
  const { dialog } = props;
  const { isBusy, error, close, update } = useDialogStore();
  const toggle = (alias: string, on: boolean) =>
    update('ssh-config', { selected: on ? [...dialog.selected, alias] : dialog.selected.filter((a) => a !== alias) });
  return (
    <Modal
      title={`Import hosts into ${dialog.clusterName}`}
      width="wide"
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={<SubmitCancelActions submitLabel={<>Add {dialog.selected.length} node{dialog.selected.length === 1 ? '' : 's'}</>} isSubmitDisabled={isBusy || dialog.selected.length === 0} onCancel={close} />}
    >
      {!dialog.isLoaded && !error && <p>Reading ~/.ssh/config…</p>}
      {dialog.isLoaded && dialog.hosts.length === 0 && (
        <p>
          No Host entries with a concrete name were found in <span className="mono">{dialog.path}</span>. Wildcard patterns (Host *) are not offered.
        </p>
      )}
      {dialog.hosts.length > 0 && (
        <>
          <p className="muted">
            From <span className="mono">{dialog.path}</span>. Hosts already in this cluster are not ticked.
          </p>
          <table className="data-table" aria-label="Hosts in ~/.ssh/config">
            <thead>
              <tr>
                <th aria-label="Add" />
                <th>Host</th>
                <th>Address</th>
                <th>User</th>
                <th>Key</th>
                <th>Via</th>
              </tr>
            </thead>
            <tbody>
              {dialog.hosts.map((h) => (
                <tr key={h.alias}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Add ${h.alias}`}
                      checked={dialog.selected.includes(h.alias)}
                      onChange={(e) => toggle(h.alias, e.target.checked)}
                    />
                  </td>
                  <td>{h.alias}</td>
                  <td className="mono">
                    {h.hostName}
                    {h.port !== undefined && h.port !== 22 ? `:${h.port}` : ''}
                  </td>
                  <td className="mono">{h.user ?? '—'}</td>
                  <td className="mono">{h.identityFile ?? '—'}</td>
                  <td className="mono">{h.proxyJump.length === 0 ? 'direct' : h.proxyJump.map((j) => j.host).join(' → ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Modal>
  );
}
