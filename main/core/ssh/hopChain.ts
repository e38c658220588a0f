/**
 * Opens a node's connection as a chain of ssh2 Clients: one per jump host,
 * each hop tunnelled through the previous hop's forwardOut stream (`sock`),
 * each with its own login and its own host-key check; the node is the last.
 * Closing ends the hops in reverse order. Any hop dying means the chain is lost.
 */
import { Client, type ClientChannel } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import { connectionError } from './connectionErrors';
import { describeAuthStep } from './authOrder';
import { preferKnownKeyTypes } from './hostKeyDecision';
import { hostPortKey, verifyHostKey, type HostKeyTrust, type PresentedKey } from './hostKeyVerifier';
import { makeAuthHandler, type AuthEnvironment, type HopAuthState } from './hopAuth';
import { linesForHost } from './knownHostsFile';
import { hopAddress, type NodeTarget, type SshHop } from './nodeTarget';

// ssh2's default host key algorithm order (README, "serverHostKey").
const DEFAULT_HOST_KEY_ALGOS = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

export interface ChainOptions {
  interactive: boolean;
  /** Limit for TCP + handshake + login of one hop, not counting time a person spends on a prompt. */
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
}

export interface ChainDeps {
  trust: HostKeyTrust;
  auth: AuthEnvironment;
}

export interface ConnectedHop {
  hop: SshHop;
  client: Client;
  hostKey: PresentedKey;
  authMethod: string;
  serverVersion: string;
}

export interface HopChain {
  hops: ConnectedHop[];
  /** The node's own client: exec and shell channels open here. */
  client: Client;
  isLost(): boolean;
  /** Called once when any hop drops (not after close()). */
  onLost(listener: (err: ApiError) => void): () => void;
  close(): Promise<void>;
}

/** A timer that stops while a person answers a prompt. */
function pausableTimer(ms: number, fire: () => void) {
  let left = ms;
  let started = Date.now();
  let t: NodeJS.Timeout | undefined = setTimeout(fire, left);
  return {
    pause() {
      if (!t) return;
      clearTimeout(t);
      t = undefined;
      left -= Date.now() - started;
    },
    resume() {
      if (t) return;
      started = Date.now();
      t = setTimeout(fire, Math.max(left, 1000));
    },
    clear() {
      if (t) clearTimeout(t);
      t = undefined;
    },
  };
}

function remoteVersion(client: Client): string {
  // ssh2 keeps the server's identification in a private field; it has no public getter.
  const v = (client as unknown as { _remoteVer?: string })._remoteVer;
  return typeof v === 'string' ? v : 'unknown';
}

function connectHop(target: NodeTarget, hop: SshHop, sock: ClientChannel | undefined, deps: ChainDeps, options: ChainOptions): Promise<ConnectedHop> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const authState: HopAuthState = { tried: [] };
    let hostFatal: ApiError | undefined;
    let accepted: PresentedKey | undefined;
    let lastError: unknown;
    let settled = false;
    const timer = pausableTimer(options.connectTimeoutMs, () => {
      lastError = new ApiError(
        'unreachable',
        `${hopAddress(hop)} did not complete the SSH login within ${Math.round(options.connectTimeoutMs / 1000)} s. Check the address, port and that the node is up.`,
      );
      client.destroy();
    });
    // Counted: a passphrase prompt can open inside key decryption, both pause.
    let pauses = 0;
    const onPrompt = (open: boolean) => {
      if (open && pauses++ === 0) timer.pause();
      if (!open && --pauses === 0) timer.resume();
    };
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      timer.clear();
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.destroy();
      reject(err);
    };

    const file = deps.trust.file.lines();
    const knownTypes = [
      ...deps.trust.store.listFor(hop.host, hop.port).map((k) => k.keyType),
      ...linesForHost(file, hop.host, hop.port).filter((l) => l.marker === null).map((l) => l.keyType),
    ];

    client.on('error', (err) => {
      lastError = err;
    });
    client.on('close', () => {
      fail(hostFatal ?? authState.fatal ?? connectionError(hop, lastError ?? new Error('the connection closed during login'), authState.tried));
    });
    client.on('ready', () => {
      if (settled) return;
      settled = true;
      timer.clear();
      // The 'error' listener stays: an unheard 'error' would throw.
      client.removeAllListeners('close');
      if (!accepted) {
        client.end();
        reject(new ApiError('internal', `Login to ${hopAddress(hop)} finished without a host key check.`));
        return;
      }
      resolve({
        hop,
        client,
        hostKey: accepted,
        authMethod: authState.current ? describeAuthStep(authState.current) : 'none',
        serverVersion: remoteVersion(client),
      });
    });

    client.connect({
      host: hop.host,
      port: hop.port,
      ...(sock ? { sock } : {}),
      username: hop.user,
      // Our own timer replaces readyTimeout: it must pause while a person decides.
      readyTimeout: 0,
      keepaliveInterval: options.keepaliveIntervalMs,
      keepaliveCountMax: options.keepaliveCountMax,
      algorithms: { serverHostKey: preferKnownKeyTypes(DEFAULT_HOST_KEY_ALGOS, knownTypes) as never },
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        // Re-key later in the session: only the key accepted at login is fine.
        if (accepted) return verify(key.toString('base64') === accepted.keyBase64);
        verifyHostKey(deps.trust, target, hop, key, { interactive: options.interactive, onPrompt }).then(
          (k) => {
            accepted = k;
            verify(true);
          },
          (err: unknown) => {
            hostFatal = err instanceof ApiError ? err : new ApiError('internal', 'The host key check failed.');
            verify(false);
          },
        );
      },
      authHandler: makeAuthHandler({ env: deps.auth, target, hop, interactive: options.interactive, onPrompt, state: authState }),
    });
  });
}

function forwardTo(prev: ConnectedHop, hop: SshHop): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    prev.client.forwardOut('127.0.0.1', 0, hop.host, hop.port, (err, stream) => {
      if (err) {
        reject(new ApiError('unreachable', `${hopAddress(prev.hop)} could not open a connection onward to ${hopAddress(hop)} (${err.message}). Check that the jump host can reach it and allows TCP forwarding.`));
      } else resolve(stream);
    });
  });
}

function endClient(client: Client, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      client.destroy();
      resolve();
    }, waitMs);
    client.once('close', () => {
      clearTimeout(t);
      resolve();
    });
    client.on('error', () => undefined);
    client.end();
  });
}

export async function connectChain(target: NodeTarget, deps: ChainDeps, options: ChainOptions): Promise<HopChain> {
  const hops: ConnectedHop[] = [];
  let lost = false;
  let closing = false;
  const listeners = new Set<(err: ApiError) => void>();
  const closeAll = async () => {
    for (const h of [...hops].reverse()) await endClient(h.client, 2000);
  };
  const watch = (h: ConnectedHop) => {
    let why: unknown;
    h.client.on('error', (err) => {
      why = err;
    });
    h.client.on('close', () => {
      if (lost || closing) return;
      lost = true;
      const err = connectionError(h.hop, why ?? Object.assign(new Error('the connection closed'), { code: 'ECONNRESET' }), []);
      for (const l of [...listeners]) l(err);
      listeners.clear();
      void closeAll();
    });
  };
  try {
    for (const hop of target.hops) {
      const prev = hops[hops.length - 1];
      const sock = prev ? await forwardTo(prev, hop) : undefined;
      const connected = await connectHop(target, hop, sock, deps, options);
      hops.push(connected);
      watch(connected);
    }
    if (lost) throw new ApiError('unreachable', `The connection to ${target.nodeName} dropped while it was being set up.`);
  } catch (err) {
    closing = true;
    await closeAll();
    throw err;
  }
  const last = hops[hops.length - 1];
  if (!last) throw new ApiError('internal', `No hops to connect to ${target.nodeName}.`);
  return {
    hops,
    client: last.client,
    isLost: () => lost,
    onLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      listeners.clear();
      await closeAll();
    },
  };
}

export const observedKeyFor = (trust: HostKeyTrust, host: string, port: number) => trust.observed.get(hostPortKey(host, port));
