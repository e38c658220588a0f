/**
 * The web form: serves the built renderer and the /rpc WebSocket from one
 * node:http server, on 127.0.0.1 unless a host is given explicitly. The
 * printed URL carries the access token; nothing works without it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '../../common/rpc/serve';
import { createCore } from '../core/createCore';
import type { Logger } from '../core/ports';
import { createAccessToken } from './accessToken';
import { createFileLogger } from '../core/log/fileLogger';
import { describeServedOrigin, isLoopbackHost, isServedHost, urlHostName, type ServedOrigin } from './servedOrigin';
import { setSecurityHeaders } from './securityHeaders';
import { serveStaticFile } from './staticFiles';
import { createWebPorts } from './webPorts';
import { createWsTransport } from './wsTransport';

export const DEFAULT_PORT = 7780;
export const DEFAULT_HOST = '127.0.0.1';

export interface WebServerOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built renderer (dist/renderer). */
  rendererDir?: string;
  /** Echo warnings and errors to stderr as well as the log file. */
  echoLog?: boolean;
}

export interface WebServer {
  /** The URL to open, token included. */
  url: string;
  token: string;
  host: string;
  port: number;
  dataDir: string;
  logFile: string;
  close(): Promise<void>;
}

/** Thrown when the port is taken, with a sentence the operator can act on. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `Port ${port} on ${host} is already in use (is another ClusterDeck running?). ` +
        'Start with --port N to pick another port, or --port 0 for any free one.',
    );
    this.name = 'PortInUseError';
  }
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(host, port) : err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? DEFAULT_HOST;
  const rendererDir = options.rendererDir ?? path.resolve('dist', 'renderer');
  const dataDir = path.resolve(options.dataDir);
  const logger: Logger & { file: string } = createFileLogger(path.join(dataDir, 'logs'), { echo: options.echoLog ?? false });
  // A browser elsewhere (a non-loopback bind) would not see a file manager opened here.
  const core = createCore(createWebPorts(dataDir, logger, { fileManager: isLoopbackHost(host) }));
  const token = createAccessToken();

  let served: ServedOrigin = describeServedOrigin(host, options.port ?? DEFAULT_PORT);
  const transport = createWsTransport({ token, served: () => served, logger });
  const sink = serve(core.api, transport, {
    // Method name and error only: inputs may hold secrets and are never logged.
    onInternalError: (method, err) => logger.error(`call ${method} failed unexpectedly`, { error: err }),
  });
  const detach = core.events.attach(sink);

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (!isServedHost(served, req.headers.host)) {
      // A DNS-rebound name reaches 127.0.0.1 with a foreign Host header.
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This ClusterDeck only answers to the address it printed at start-up.');
      return;
    }
    serveStaticFile(rendererDir, req, res).catch((err: unknown) => {
      logger.error('web: serving a file failed', { error: err, path: req.url?.split('?')[0] ?? '' });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  http.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));
  http.on('clientError', (_err, socket) => socket.destroy());

  let port: number;
  try {
    port = await listen(http, host, options.port ?? DEFAULT_PORT);
  } catch (err) {
    detach();
    await core.close();
    throw err;
  }
  served = describeServedOrigin(host, port);
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHostName(host);
  const url = `http://${urlHost}:${port}/?token=${token}`;
  logger.info('web form started', { host, port, dataDir });

  let closing: Promise<void> | undefined;
  return {
    url,
    token,
    host,
    port,
    dataDir,
    logFile: logger.file,
    close() {
      closing ??= (async () => {
        await transport.close();
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
        detach();
        await core.close();
        logger.info('web form stopped');
      })();
      return closing;
    },
  };
}
