/** The bottom line: connection state and where the data lives. */
import { useAppStore } from '../../stores/appStore';

export function StatusBar() {
  const { info, connection } = useAppStore();
  const isOpen = connection.status === 'open';
  return (
    <footer className="statusbar">
      <span className={`status-dot ${isOpen ? 'is-ok' : 'is-failed'}`} aria-hidden="true" />
      <span>{isOpen ? 'Connected' : 'Not connected'}</span>
      {info && (
        <>
          <span className="statusbar-sep">·</span>
          <span>
            Data <span className="mono">{info.dataDir}</span>
          </span>
          <span className="statusbar-sep">·</span>
          <span>Secrets {info.secrets}</span>
        </>
      )}
    </footer>
  );
}
