/**
 * Turns ssh2 and socket failures into sentences an operator can act on:
 * what happened, where, and what to do next. Anything unrecognised keeps
 * ssh2's own words after the node's address.
 */
import { ApiError } from '../../../common/contract/errors';
import { hopAddress, type SshHop } from './nodeTarget';

interface Ssh2Error extends Error {
  level?: string;
  code?: string | number;
}

export function connectionError(hop: SshHop, err: unknown, tried: readonly string[]): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err instanceof Error ? err : new Error(String(err))) as Ssh2Error;
  const where = hopAddress(hop);
  if (e.level === 'client-authentication') {
    const what = tried.length ? tried.join(', then ') : 'no method the server accepts';
    return new ApiError(
      'auth_failed',
      `${where} refused the login as ${hop.user} (tried ${what}). Check the user name, key or saved password in the SSH settings.`,
    );
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return new ApiError('unreachable', `${where} refused the connection: nothing listens on port ${hop.port}. Check that sshd is running and the port is right.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ApiError('unreachable', `${where} cannot be reached from this computer (no route). Check the VPN, the address, or the jump host settings.`);
    case 'ETIMEDOUT':
      return new ApiError('unreachable', `${where} did not answer (connection timed out). Check that the node is up and the address is right.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ApiError('unreachable', `The host name ${hop.host} does not resolve. Check the spelling or your DNS/VPN.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new ApiError('unreachable', `${where} closed the connection during login. sshd may be refusing this address (MaxStartups, firewall).`);
  }
  if (e.level === 'client-timeout') {
    return new ApiError('unreachable', `${where} stopped answering (no reply to keepalives). The node or the network went away.`);
  }
  return new ApiError('unreachable', `Could not connect to ${where}: ${e.message}.`);
}
