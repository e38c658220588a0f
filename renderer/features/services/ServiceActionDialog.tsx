/**
 * The dialog of a service action: before running, exactly what will run on
 * which node and, when needed, the confirmation (typing the cluster's name
 * on production clusters); while and after running, the command's output
 * (one node) or the per-node result grid with "Retry failed" (bulk, cluster).
 */
import { BULK_MODES, type BulkMode } from '../../../common/contract/schemas/services';
import { Modal } from '../../controls/Modal';
import { useServiceActionStore, type ActionRequest } from '../../stores/serviceActionStore';
import { ControlResultView } from './ControlResultView';
import { ResultGrid } from './ResultGrid';
import './services.css';

const capital = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

function titleOf(r: ActionRequest): string {
  if (r.kind === 'cluster') return `${capital(r.action)} cluster ${r.clusterName}`;
  return `${capital(r.action)} ${r.label}${r.isBulk ? ` on ${r.nodeIds.length} nodes` : ''}`;
}

export function ServiceActionDialog() {
  const s = useServiceActionStore();
  const { request, plan } = s;
  if (!request) return null;
  const needsName = plan?.confirmation.kind === 'type-name';
  const nameOk = !needsName || (plan?.confirmation.kind === 'type-name' && s.typedName.trim() === plan.confirmation.name);
  const results = Object.values(s.results);
  const failed = results.filter((r) => !r.ok);
  const isSingle = request.kind === 'service' && !request.isBulk;
  const canRun = s.phase === 'confirm' && plan !== null && nameOk;
  return (
    <Modal
      title={titleOf(request)}
      width="wide"
      tone={plan?.confirmation.kind === 'none' ? 'normal' : 'danger'}
      error={s.error}
      onClose={() => s.phase !== 'running' && s.close()}
      onSubmit={() => void (canRun ? s.run() : undefined)}
      actions={
        <>
          {request.kind === 'service' && request.isBulk && s.phase === 'done' && failed.length > 0 && (
            <button type="button" className="button" onClick={() => void s.retryFailed()}>
              Retry failed ({failed.length})
            </button>
          )}
          <button type="button" className="button" disabled={s.phase === 'running'} onClick={() => s.close()}>
            {s.phase === 'done' ? 'Close' : 'Cancel'}
          </button>
          {s.phase !== 'done' && (
            <button type="submit" className={`button ${plan?.confirmation.kind === 'none' ? 'primary' : 'danger'}`} disabled={!canRun}>
              {s.phase === 'running' ? 'Running…' : capital(request.action)}
            </button>
          )}
        </>
      }
    >
      {s.phase === 'planning' && <p className="muted-block">Reading what will run…</p>}
      {plan && s.phase === 'confirm' && (
        <>
          {plan.confirmation.kind !== 'none' && <p className="confirm-message">{plan.confirmation.message}</p>}
          <p>This runs:</p>
          <ul>
            {plan.commands.map((c) => (
              <li key={`${c.nodeId}/${c.serviceId}`}>
                {c.nodeName}: <code>{c.command}</code>
              </li>
            ))}
          </ul>
          {request.kind === 'service' && request.isBulk && (
            <fieldset className="inline-choices">
              <legend>Nodes</legend>
              {BULK_MODES.map((m: BulkMode) => (
                <label key={m}>
                  <input type="radio" name="bulk-mode" checked={s.mode === m} onChange={() => s.setMode(m)} /> {m === 'sequential' ? 'one at a time' : 'all at once'}
                </label>
              ))}
            </fieldset>
          )}
          {plan.confirmation.kind === 'type-name' && (
            <label className="field">
              <span>Type {plan.confirmation.name} to go ahead</span>
              <input className="input" autoFocus value={s.typedName} aria-label="Cluster name" onChange={(e) => s.setTypedName(e.target.value)} />
            </label>
          )}
        </>
      )}
      {plan && (s.phase === 'running' || s.phase === 'done') && (
        <>
          {isSingle && results[0] ? <ControlResultView result={results[0]} /> : <ResultGrid plan={plan} results={s.results} running={s.running} />}
          {isSingle && !results[0] && <p className="muted-block">Running <code>{plan.commands[0]?.command}</code>…</p>}
          {s.message && <p role="status">{s.message}</p>}
        </>
      )}
    </Modal>
  );
}
