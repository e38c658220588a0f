// The Backend.AI systemd units a lab node can run, by ClusterDeck role.
// Names follow Backend.AI's packaged units; the operators' guide calls the
// webserver "backendai-console-server", kept here as an alias (systemd
// resolves an alias to its unit, so status shows backendai-webserver.service).
import { readNodeConfig, hasRole, nodePaths } from '../labPaths.mjs';

const UNITS = [
  {
    name: 'backendai-manager',
    role: 'manager',
    description: 'Backend.AI Manager',
    home: '/home/lablup/manager',
    module: 'ai.backend.manager.server',
    loggers: ['ai.backend.manager.server', 'ai.backend.manager.registry', 'ai.backend.manager.scheduler.dispatcher', 'ai.backend.manager.api.session', 'ai.backend.manager.models.agent', 'ai.backend.common.events'],
    port: 8081,
  },
  {
    name: 'backendai-agent',
    role: 'agent',
    description: 'Backend.AI Agent',
    home: '/home/lablup/agent',
    module: 'ai.backend.agent.server',
    loggers: ['ai.backend.agent.server', 'ai.backend.agent.docker.agent', 'ai.backend.agent.stats', 'ai.backend.agent.resources', 'ai.backend.common.events'],
    port: 6001,
  },
  {
    name: 'backendai-watcher',
    role: 'agent',
    description: 'Backend.AI Agent Watcher',
    home: '/home/lablup/agent',
    module: 'ai.backend.agent.watcher',
    loggers: ['ai.backend.agent.watcher'],
    port: 6009,
  },
  {
    name: 'backendai-storage-proxy',
    role: 'storage-proxy',
    description: 'Backend.AI Storage Proxy',
    home: '/home/lablup/storage-proxy',
    module: 'ai.backend.storage.server',
    loggers: ['ai.backend.storage.server', 'ai.backend.storage.api.client', 'ai.backend.storage.api.manager', 'ai.backend.storage.vfs'],
    port: 6021,
  },
  {
    name: 'backendai-webserver',
    role: 'webserver',
    description: 'Backend.AI Web Server',
    home: '/home/lablup/webserver',
    module: 'ai.backend.web.server',
    loggers: ['ai.backend.web.server', 'ai.backend.web.proxy', 'ai.backend.web.auth'],
    port: 8080,
    aliases: ['backendai-console-server'],
  },
];

for (const unit of UNITS) {
  unit.execStart = `${unit.home}/.venv/bin/python -m ${unit.module}`;
  unit.fragmentPath = `/etc/systemd/system/${unit.name}.service`;
}

/** Units installed on this node, from the roles lab-node-init recorded. */
export function unitsOfNode(paths = nodePaths()) {
  const config = readNodeConfig(paths);
  return UNITS.filter((unit) => hasRole(config, unit.role));
}

/** Resolves `name`, `name.service` or an alias to the installed unit, or null. */
export function findUnit(paths, requested) {
  const bare = requested.endsWith('.service') ? requested.slice(0, -'.service'.length) : requested;
  return unitsOfNode(paths).find((unit) => unit.name === bare || (unit.aliases ?? []).includes(bare)) ?? null;
}

/** Glob of `systemctl list-units 'backendai-*'` (systemd uses fnmatch on the full name). */
export function matchesPattern(fullName, pattern) {
  const full = pattern.includes('.') ? pattern : `${pattern}`;
  const regex = new RegExp(`^${full.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(fullName) || regex.test(fullName.replace(/\.service$/, ''));
}
