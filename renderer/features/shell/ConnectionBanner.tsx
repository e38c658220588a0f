/** Says when the link to ClusterDeck's server is down, and what to do about it. */
import { useAppStore } from '../../stores/appStore';

export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  if (connection.status === 'open' || (connection.status === 'connecting' && connection.attempt <= 1)) return null;
  let text: string;
  if (connection.status === 'no-token') {
    text = 'This page was opened without its access token. Open the full URL that `npm run web` printed (it ends in ?token=…).';
  } else if (connection.status === 'lost' && !connection.everOpened && connection.attempt >= 2) {
    text =
      'ClusterDeck refused or did not answer this page. If the server was restarted, open the new URL it printed: the token changes on every start.';
  } else {
    text = 'Lost the connection to ClusterDeck. Reconnecting… Is `npm run web` still running?';
  }
  return (
    <div className="banner banner-warning" role="status">
      {text}
    </div>
  );
}
