/** What the last Test connection found: how it logged in, the server, the latency and every jump host on the way. */
import type { ConnectionTest } from '../../../common/contract/schemas/ssh';
import { keyTypeLabel } from './keyTypeLabel';

export function ConnectionTestResult(props: { result: ConnectionTest; at: number }) {
  const { result } = props;
  return (
    <div className="ssh-result is-ok" role="status" aria-label="Connection test result">
      <p className="ssh-result-title">
        Connected in {result.latencyMs} ms <span className="muted">at {new Date(props.at).toLocaleTimeString()}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>Logged in with</dt>
          <dd className="mono">{result.authMethod}</dd>
        </div>
        <div>
          <dt>Server</dt>
          <dd className="mono">{result.serverVersion}</dd>
        </div>
        <div>
          <dt>Host key</dt>
          <dd className="mono">
            {keyTypeLabel(result.hostKey.type)} {result.hostKey.fingerprint}
          </dd>
        </div>
        <div>
          <dt>Jump hosts</dt>
          <dd>
            {result.jumpHops.length === 0 ? (
              'direct'
            ) : (
              <ol className="ssh-hops">
                {result.jumpHops.map((h, i) => (
                  <li key={i} className="mono">
                    {h.host}:{h.port} · {h.authMethod} · {h.serverVersion} · {keyTypeLabel(h.hostKey.type)} {h.hostKey.fingerprint}
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
