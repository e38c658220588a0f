/**
 * Reads one ProxyJump value: a comma-separated chain of [user@]host[:port]
 * or ssh://[user@]host[:port] hops, in order from the laptop outwards; "none"
 * means connect directly (ssh_config(5), ProxyJump).
 */
export interface JumpSpec {
  host: string;
  user?: string;
  port?: number;
}

export function parseProxyJump(value: string): JumpSpec[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return [];
  return trimmed
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
    .map(parseHop);
}

function parseHop(hop: string): JumpSpec {
  const rest = hop.replace(/^ssh:\/\//i, '');
  const at = rest.lastIndexOf('@');
  const user = at >= 0 ? rest.slice(0, at) : undefined;
  const address = at >= 0 ? rest.slice(at + 1) : rest;
  // [::1]:2222 or [::1] for IPv6; host:port otherwise (a bare IPv6 has no port).
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(address);
  const host = bracketed?.[1] ?? plain?.[1] ?? address;
  const portText = bracketed ? bracketed[2] : plain?.[2];
  const port = portText === undefined ? undefined : Number(portText);
  return {
    host,
    ...(user ? { user } : {}),
    ...(port !== undefined && port >= 1 && port <= 65535 ? { port } : {}),
  };
}
