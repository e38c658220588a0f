/**
 * Offers the hosts of ~/.ssh/config for import as nodes. Each concrete Host
 * alias (wildcard and negated patterns skipped) is resolved with the
 * ssh-config package's compute(), so `Host *` defaults and Match blocks apply
 * as ssh would see them. `Match exec` is never run: listing must not execute
 * commands. A ProxyJump hop that is itself an alias is resolved the same way.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineType, SSHConfig, type Line } from 'ssh-config';
import { ApiError } from '../../../common/contract/errors';
import type { JumpHost, SshConfigHost } from '../../../common/contract/schemas/profiles';
import { parseProxyJump } from './proxyJump';
import { expandHome, readSshConfigText } from './sshConfigFile';

const MAX_JUMP_DEPTH = 8;

export interface SshConfigListing {
  path: string;
  hosts: SshConfigHost[];
}

export function listSshConfigHosts(homeDir: string, givenPath?: string): SshConfigListing {
  const path = givenPath ? expandHome(givenPath, homeDir) : join(homeDir, '.ssh', 'config');
  if (!existsSync(path)) {
    // No ~/.ssh/config is normal; a path the operator typed that is missing is a mistake to show.
    if (!givenPath) return { path, hosts: [] };
    throw new ApiError('not_found', `There is no SSH config file at ${path}. Check the path and try again.`, { path: 'No file here.' });
  }
  let config: SSHConfig;
  try {
    config = SSHConfig.parse(readSshConfigText(path, homeDir));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ApiError('invalid_input', `ClusterDeck could not read the SSH config at ${path}: ${why}.`, { path: why });
  }
  return { path, hosts: concreteAliases(config).map((alias) => resolveHost(config, alias, homeDir)) };
}

/** Host names written out in Host lines, in file order, each once. */
function concreteAliases(config: SSHConfig): string[] {
  const aliases: string[] = [];
  const visit = (lines: readonly Line[]) => {
    for (const line of lines) {
      if (line.type !== LineType.DIRECTIVE || !/^host$/i.test(line.param)) continue;
      const patterns = typeof line.value === 'string' ? line.value.split(/\s+/) : line.value.map((v) => v.val);
      for (const p of patterns) if (p && !/[*?!]/.test(p) && !aliases.includes(p)) aliases.push(p);
    }
  };
  visit(config);
  return aliases;
}

type Computed = Record<string, string | string[]>;

function compute(config: SSHConfig, alias: string): Computed {
  return config.compute(alias, { ignoreCase: true, matchExec: false });
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** ssh_config(5) TOKENS, the ones that make sense without a connection. */
function expandTokens(value: string, alias: string, homeDir: string): string {
  return expandHome(value, homeDir).replace(/%([%hdn])/g, (_m, t: string) => (t === '%' ? '%' : t === 'd' ? homeDir : alias));
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function resolveHost(config: SSHConfig, alias: string, homeDir: string): SshConfigHost {
  const c = compute(config, alias);
  const hostName = first(c.hostname);
  const user = first(c.user);
  const port = portOf(first(c.port));
  const identityFile = first(c.identityfile);
  const proxyJump = first(c.proxyjump);
  return {
    alias,
    hostName: hostName ? expandTokens(hostName, alias, homeDir) : alias,
    ...(user ? { user } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(identityFile ? { identityFile: expandTokens(identityFile, alias, homeDir) } : {}),
    proxyJump: proxyJump ? resolveJumps(config, proxyJump, homeDir, [alias]) : [],
  };
}

/** A chain of hops, each looked up in the config; a hop's own ProxyJump comes before it, as ssh does. */
function resolveJumps(config: SSHConfig, value: string, homeDir: string, seen: string[]): JumpHost[] {
  if (seen.length > MAX_JUMP_DEPTH) return [];
  return parseProxyJump(value).flatMap((spec) => {
    if (seen.includes(spec.host)) return [];
    const c = compute(config, spec.host);
    const hostName = first(c.hostname);
    const user = spec.user ?? first(c.user);
    const keyPath = first(c.identityfile);
    const own = first(c.proxyjump);
    const hop: JumpHost = {
      host: hostName ? expandTokens(hostName, spec.host, homeDir) : spec.host,
      port: spec.port ?? portOf(first(c.port)) ?? 22,
      ...(user ? { user } : {}),
      ...(keyPath ? { keyPath: expandTokens(keyPath, spec.host, homeDir) } : {}),
    };
    return [...(own ? resolveJumps(config, own, homeDir, [...seen, spec.host]) : []), hop];
  });
}
