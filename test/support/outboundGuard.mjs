/**
 * Tests may send traffic only to this machine and the lab's own namespaces.
 * Loaded into every test process (vitest setupFiles) and into the web form
 * the e2e tests start (node --import), it refuses TCP connections to any
 * other address before a packet or a DNS query leaves: loopback, unix
 * sockets and the lab's 192.0.2.0/24 (except .1 and .2, which on these
 * machines are the real gateway and eth0) are allowed; a name other than
 * localhost is refused too, since resolving it would ask a DNS server.
 * A refused connection fails like an unreachable host and says why on stderr.
 * Plain JavaScript so that node can load it without a TypeScript loader.
 */
import net from 'node:net';

const LAB_FORBIDDEN = new Set(['192.0.2.1', '192.0.2.2']);
// On globalThis: a test runner may load this module more than once in a process, the patch only once.
const refused = (globalThis.__clusterdeckRefusedHosts ??= []);

/** The hosts refused since the last call, for a test run to fail on; clears the list. */
export function takeRefusedHosts() {
  return refused.splice(0);
}

/** Whether a test may connect to this host. */
export function isAllowedTestHost(host) {
  if (host === undefined || host === '' || host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) {
    if (bare.startsWith('127.')) return true;
    return bare.startsWith('192.0.2.') && !LAB_FORBIDDEN.has(bare);
  }
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

/** The host of any of socket.connect's call shapes; undefined for a unix socket path. */
function hostOf(args) {
  let first = args[0];
  // net.connect() passes its already normalised [options, callback] array.
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') return typeof first.path === 'string' ? undefined : (first.host ?? 'localhost');
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined; // a path
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

const original = net.Socket.prototype.connect;
if (!original.__clusterdeckGuarded) {
  const guarded = function connect(...args) {
    const host = hostOf(args);
    if (isAllowedTestHost(host)) return original.apply(this, args);
    const message = `outboundGuard: refused a connection to ${host} from a test; only loopback and the lab (192.0.2.0/24) may be reached here.`;
    refused.push(String(host));
    process.stderr.write(`${message}\n`);
    const err = Object.assign(new Error(message), { code: 'EHOSTUNREACH' });
    process.nextTick(() => this.destroy(err));
    return this;
  };
  guarded.__clusterdeckGuarded = true;
  net.Socket.prototype.connect = guarded;
}
