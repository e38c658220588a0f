/** The app's top bar: name, which form it runs in, the activity view and the theme toggle. */
import { useAppStore } from '../../stores/appStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { SecretsLockButton } from '../ssh/SecretsLockButton';
import { ThemeToggle } from './ThemeToggle';

export function TopBar(props: { isStoreUsable: boolean }) {
  const info = useAppStore((s) => s.info);
  const show = useSelectionStore((s) => s.show);
  return (
    <header className="topbar">
      <button type="button" className="brand" onClick={() => show({ kind: 'home' })} aria-label="ClusterDeck home">
        <span className="brand-mark" aria-hidden="true" />
        ClusterDeck
      </button>
      {info && <span className="topbar-meta">{info.form === 'web' ? 'web form' : 'desktop'} · v{info.version}</span>}
      <span className="topbar-gap" />
      {props.isStoreUsable && <SecretsLockButton />}
      {props.isStoreUsable && (
        <button type="button" className="button small ghost" onClick={() => show({ kind: 'known-hosts' })}>
          Known hosts
        </button>
      )}
      {props.isStoreUsable && (
        <button type="button" className="button small ghost" onClick={() => show({ kind: 'activity' })}>
          Activity
        </button>
      )}
      <ThemeToggle />
    </header>
  );
}
