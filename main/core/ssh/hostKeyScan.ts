/**
 * Fetches the host key a node presents without logging in: the hostVerifier
 * records the key and refuses it, so the handshake stops before userauth and
 * nothing is sent (like ssh-keyscan). Jump hosts on the way are connected
 * normally (their own keys must already be trusted).
 */
import { Client, type ClientChannel } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import { connectionError } from './connectionErrors';
import { fingerprintOf } from './hostKeyDecision';
import { connectChain, type ChainDeps, type ChainOptions } from './hopChain';
import { keyTypeOfBlob } from './knownHostsFile';
import type { PresentedKey } from './hostKeyVerifier';
import { hopAddress, type NodeTarget } from './nodeTarget';

export async function scanHostKey(target: NodeTarget, deps: ChainDeps, options: ChainOptions): Promise<PresentedKey> {
  const last = target.hops[target.hops.length - 1];
  if (!last) throw new ApiError('internal', 'No hops.');
  const jumps = target.hops.slice(0, -1);
  const chain = jumps.length ? await connectChain({ ...target, hops: jumps }, deps, { ...options, interactive: false }) : undefined;
  try {
    let sock: ClientChannel | undefined;
    if (chain) {
      sock = await new Promise<ClientChannel>((resolve, reject) =>
        chain.client.forwardOut('127.0.0.1', 0, last.host, last.port, (err, s) =>
          err ? reject(new ApiError('unreachable', `The jump host could not reach ${hopAddress(last)} (${err.message}).`)) : resolve(s),
        ),
      );
    }
    return await new Promise<PresentedKey>((resolve, reject) => {
      const client = new Client();
      let key: PresentedKey | undefined;
      let lastError: unknown;
      const timer = setTimeout(() => client.destroy(), options.connectTimeoutMs);
      client.on('error', (err) => {
        lastError = err;
      });
      client.on('close', () => {
        clearTimeout(timer);
        if (key) resolve(key);
        else reject(connectionError(last, lastError ?? new Error('closed before a host key was sent'), []));
      });
      client.connect({
        host: last.host,
        port: last.port,
        ...(sock ? { sock } : {}),
        username: last.user,
        readyTimeout: 0,
        hostVerifier: (blob: Buffer, verify: (ok: boolean) => void) => {
          const keyBase64 = blob.toString('base64');
          key = { host: last.host, port: last.port, keyType: keyTypeOfBlob(blob), keyBase64, fingerprint: fingerprintOf(keyBase64) };
          verify(false);
        },
      });
    });
  } finally {
    await chain?.close();
  }
}
