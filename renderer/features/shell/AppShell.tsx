/**
 * The whole window: top bar, sidebar tree, main pane, status bar. It starts
 * the app's data flow (app info, profiles, events, reconnects) and shows
 * only the store error screen when the database cannot be used.
 */
import { useEffect } from 'react';
import { useAppStore, watchConnection } from '../../stores/appStore';
import { useProfilesStore, watchProfiles } from '../../stores/profilesStore';
import { expandNewClusters } from '../../stores/selectionStore';
import { ClusterSidebar } from '../clusters/ClusterSidebar';
import { ConnectionBanner } from './ConnectionBanner';
import { DialogHost } from './DialogHost';
import { MainPane } from './MainPane';
import { TerminalDock } from '../terminals/TerminalDock';
import { StatusBar } from './StatusBar';
import { StoreErrorScreen } from './StoreErrorScreen';
import { TopBar } from './TopBar';

function loadAll(): void {
  void useAppStore.getState().loadInfo();
  void useProfilesStore.getState().load();
}

export function AppShell() {
  const info = useAppStore((s) => s.info);
  const loadError = useAppStore((s) => s.loadError);
  const clusters = useProfilesStore((s) => s.clusters);

  useEffect(() => {
    const stopConnection = watchConnection(loadAll);
    const stopProfiles = watchProfiles();
    loadAll();
    return () => {
      stopConnection();
      stopProfiles();
    };
  }, []);

  useEffect(() => expandNewClusters(clusters.map((c) => c.id)), [clusters]);

  if (info && info.store.status !== 'ok') {
    return (
      <div className="app">
        <TopBar isStoreUsable={false} />
        <StoreErrorScreen store={info.store} />
      </div>
    );
  }
  return (
    <div className="app">
      <TopBar isStoreUsable />
      <ConnectionBanner />
      {loadError && !info && (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      )}
      <div className="workspace">
        <ClusterSidebar />
        <MainPane />
        <TerminalDock />
      </div>
      <StatusBar />
      <DialogHost />
    </div>
  );
}
