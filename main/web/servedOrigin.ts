/**
 * Which Host headers and Origins the web form answers to. A page on another
 * site (or a DNS-rebound name pointing at 127.0.0.1) sends a different Host or
 * Origin, so checking both keeps the WebSocket to pages this server served.
 */
import { networkInterfaces } from 'node:os';

export interface ServedOrigin {
  /** Host names (no port) this server is reached by, lower-case. */
  hostNames: Set<string>;
  port: number;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Bracket IPv6 literals the way browsers put them in Host and Origin. */
export function urlHostName(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function describeServedOrigin(boundHost: string, port: number): ServedOrigin {
  const names = new Set<string>([urlHostName(boundHost).toLowerCase()]);
  if (isLoopbackHost(boundHost) || WILDCARD.has(boundHost)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (WILDCARD.has(boundHost)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(urlHostName(info.address).toLowerCase());
    }
  }
  return { hostNames: names, port };
}

/** The Host header must name this server, with its port. */
export function isServedHost(served: ServedOrigin, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(hostHeader.trim());
  if (!m) return false;
  // Browsers leave out the default port: "Host: 127.0.0.1" means port 80.
  const port = m[2] === undefined ? 80 : Number(m[2]);
  return served.hostNames.has((m[1] ?? '').toLowerCase()) && port === served.port;
}

/** The Origin must be this server's own http origin, as named by the Host header. */
export function isServedOrigin(served: ServedOrigin, origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !isServedHost(served, hostHeader)) return false;
  return origin.toLowerCase() === `http://${(hostHeader ?? '').trim().toLowerCase()}`;
}
