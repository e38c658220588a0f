/** One control result in full: the command as typed, exit code and time, the output, the state after, and the log tail when it failed. */
import type { ControlResult } from '../../../common/contract/schemas/services';
import { ServiceStateBadge } from './ServiceStateBadge';

export function ControlResultView(props: { result: ControlResult }) {
  const r = props.result;
  const output = `${r.stdout}${r.stderr}`.trim();
  return (
    <div className="control-result" data-ok={r.ok} aria-label={`Result on ${r.nodeName}`}>
      <div className="command-line">$ {r.command}</div>
      <p>
        {r.error ? (
          <span className="form-error-inline">{r.error}</span>
        ) : (
          <>
            Exit code <strong className="mono">{r.exitCode ?? r.signal ?? '?'}</strong> after {(r.durationMs / 1000).toFixed(1)} s.
          </>
        )}{' '}
        Now: <ServiceStateBadge status={r.status ?? undefined} />
      </p>
      {output && <pre className="command-output" aria-label="Command output">{output}</pre>}
      {r.journalTail && (
        <>
          <h3 className="section-title">Last log lines</h3>
          <pre className="command-output" aria-label="Last log lines">{r.journalTail}</pre>
        </>
      )}
    </div>
  );
}
