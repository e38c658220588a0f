/** Says when the link to ClusterDeck's server is down, and what to do about it. */
import { useAppStore } from '../../stores/appStore';

export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  let text: string | null = null;
  if (connection.status === 'no-token') {
    text = 'This page was opened without its access token. Open the full URL that "npm run web" printed (it ends in ?token=…).';
  } else if (connection.status === 'lost' || connection.status === 'connecting') {
    if (connection.everOpened) {
      text = 'Lost the connection to ClusterDeck; reconnecting… Is "npm run web" still running?';
    } else if (connection.attempt >= 2) {
      // A browser hides why a WebSocket was refused; a stale token is the usual reason.
      text = 'ClusterDeck refused or did not answer this page. If the server was restarted, open the new URL it printed: the token changes on every start.';
    }
  }
  if (text === null) return null;
  return (
    <div className="banner banner-warning" role="status">
      {text}
    </div>
  );
}
