/**
 * "Scan node": asks the node what Backend.AI left on it (units, compose
 * containers, halfstack files), shows the proposed roles and service
 * settings with their evidence, and applies them when the operator agrees.
 */
import { useState } from 'react';
import type { ClusterNode } from '../../../common/contract/schemas/profiles';
import type { NodeScanResult, ServiceOverride } from '../../../common/contract/schemas/services';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import './services.css';

function overrideText(o: ServiceOverride): string {
  const what = o.serviceId ?? o.role;
  if (o.disabled) return `${what}: not installed here (turn it off)`;
  const parts = [o.variant && `installed as ${o.variant}`, o.unit && `unit ${o.unit}`, o.composeFile && `file ${o.composeFile}`, o.composeProject && `project ${o.composeProject}`, o.halfstackDir && `dir ${o.halfstackDir}`, o.containerPattern && `container ${o.containerPattern}`];
  return `${what}: ${parts.filter(Boolean).join(', ')}`;
}

export function ScanNodePanel(props: { node: ClusterNode }) {
  const { node } = props;
  const [scan, setScan] = useState<NodeScanResult | null>(null);
  const [busy, setBusy] = useState<'scan' | 'apply' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const applyServices = useServiceStatusStore((s) => s.applyServices);

  const runScan = async () => {
    setBusy('scan');
    setError(null);
    setMessage(null);
    try {
      setScan(await api().scanNode({ nodeId: node.id }));
    } catch (err) {
      setError(apiErrorOf(err).message);
    } finally {
      setBusy(null);
    }
  };
  const apply = async () => {
    if (!scan) return;
    setBusy('apply');
    try {
      applyServices(await api().applyScanProposal({ nodeId: node.id, roles: scan.roles, overrides: scan.overrides.map(({ nodeId: _n, ...o }) => o) }));
      setMessage(`Applied: ${node.name} now has the roles ${scan.roles.join(', ') || 'none'}.`);
      setScan(null);
    } catch (err) {
      setError(apiErrorOf(err).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-label={`Scan ${node.name}`}>
      <div className="toolbar">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void runScan()}>
          {busy === 'scan' ? 'Scanning…' : 'Scan node'}
        </button>
        {message && <span role="status">{message}</span>}
        {error && (
          <span className="form-error-inline" role="alert">
            {error}
          </span>
        )}
      </div>
      {scan && (
        <div className="scan-proposal" aria-label="Scan proposal">
          <p>
            Roles found: <strong>{scan.roles.join(', ') || 'none'}</strong>
            {scan.composeCli && (
              <>
                {' '}
                · compose runs as <code>{scan.composeCli}</code>
              </>
            )}
          </p>
          <ul className="scan-findings">
            {scan.findings.map((f, i) => (
              <li key={i}>
                {f.role ?? 'unknown role'}: {f.evidence}
              </li>
            ))}
          </ul>
          {scan.overrides.length > 0 && (
            <>
              <p>Service settings to change for this node:</p>
              <ul>
                {scan.overrides.map((o, i) => (
                  <li key={i}>{overrideText(o)}</li>
                ))}
              </ul>
            </>
          )}
          {scan.unrecognisedUnits.length > 0 && <p className="muted">Not in the catalog: {scan.unrecognisedUnits.join(', ')}</p>}
          <div className="toolbar">
            <button type="button" className="button primary" disabled={busy !== null} onClick={() => void apply()}>
              Apply to {node.name}
            </button>
            <button type="button" className="button" onClick={() => setScan(null)}>
              Discard
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
