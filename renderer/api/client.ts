/**
 * The one ApiClient of the renderer. Inside Electron it talks through the
 * preload bridge; in a browser (the web form) through the /rpc WebSocket of
 * the server that served this page. Either way the same typed client.
 */
import type { ApiClient } from '../../common/contract/api';
import { connect } from '../../common/rpc/connect';
import type { ConnectionListener, ConnectionState } from './connectionState';
import { takePageToken } from './pageToken';
import { createPreloadTransport, findPreloadBridge } from './preloadBridge';
import { createWsClientTransport } from './wsClientTransport';

export interface RendererApi {
  api: ApiClient;
  form: 'desktop' | 'web';
  connection(): ConnectionState;
  onConnection(listener: ConnectionListener): () => void;
}

function createRendererApi(): RendererApi {
  const bridge = findPreloadBridge();
  if (bridge) {
    return {
      api: connect(createPreloadTransport(bridge)),
      form: 'desktop',
      connection: () => ({ status: 'open' }),
      onConnection: () => () => undefined,
    };
  }
  const token = takePageToken();
  if (token === null) {
    const never = connect({
      call: async () => ({
        ok: false,
        error: { code: 'unauthorized', message: 'Open the URL that "npm run web" printed; it carries the access token.' },
      }),
      onEvent: () => () => undefined,
    });
    return { api: never, form: 'web', connection: () => ({ status: 'no-token' }), onConnection: () => () => undefined };
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWsClientTransport(`${scheme}://${window.location.host}/rpc?token=${encodeURIComponent(token)}`);
  return { api: connect(transport), form: 'web', connection: transport.state, onConnection: transport.onState };
}

let instance: RendererApi | undefined;

/** Created on first use, so the token is taken from the URL exactly once. */
export function rendererApi(): RendererApi {
  instance ??= createRendererApi();
  return instance;
}

export const api = (): ApiClient => rendererApi().api;
