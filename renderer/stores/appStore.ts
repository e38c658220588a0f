/** App-level state: what getAppInfo says (store health, form, data dir) and the link to main. */
import { create } from 'zustand';
import type { AppInfo } from '../../common/contract/schemas/app';
import type { ConnectionState } from '../api/connectionState';
import { api, rendererApi } from '../api/client';
import { apiErrorOf } from './apiErrorText';

interface AppState {
  info: AppInfo | null;
  loadError: string | null;
  connection: ConnectionState;
  loadInfo(): Promise<void>;
  setConnection(state: ConnectionState): void;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  loadError: null,
  connection: { status: 'connecting', attempt: 1, everOpened: false },
  async loadInfo() {
    try {
      set({ info: await api().getAppInfo({}), loadError: null });
    } catch (err) {
      set({ loadError: apiErrorOf(err).message });
    }
  },
  setConnection(connection) {
    set({ connection });
  },
}));

/** Follow the transport's state; after a reconnect re-read everything, since events may have been missed. */
export function watchConnection(onReconnected: () => void): () => void {
  const r = rendererApi();
  useAppStore.getState().setConnection(r.connection());
  let wasOpen = r.connection().status === 'open';
  return r.onConnection((state) => {
    useAppStore.getState().setConnection(state);
    if (state.status === 'open' && !wasOpen) onReconnected();
    wasOpen = state.status === 'open';
  });
}
