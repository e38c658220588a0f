// Where a lab node keeps its state. The node's identity is its `hostname`
// (each node runs in its own UTS namespace); the state root is <repo>/.lab
// unless LAB_ROOT points elsewhere (the tools' own tests use a temp dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const toolsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const toolsBinDir = path.join(toolsDir, 'bin');
export const repoRoot = path.resolve(toolsDir, '../../..');
export const labRoot = process.env.LAB_ROOT ? path.resolve(process.env.LAB_ROOT) : path.join(repoRoot, '.lab');
// Cached initdb templates survive `lab down`; tests may share the repo's cache.
export const cacheDir = process.env.LAB_CACHE_DIR ? path.resolve(process.env.LAB_CACHE_DIR) : path.join(labRoot, 'cache');

export function nodeName() {
  return os.hostname();
}

/** Every path of one node's state, in one place so the README can list it. */
export function nodePaths(name = nodeName()) {
  const root = path.join(labRoot, 'nodes', name);
  return {
    name,
    root,
    nodeJson: path.join(root, 'node.json'),
    bin: path.join(root, 'bin'),
    halfstack: path.join(root, 'halfstack'),
    manager: path.join(root, 'manager'),
    systemd: path.join(root, 'systemd'),
    journal: path.join(root, 'journal'),
    docker: path.join(root, 'docker'),
    containers: path.join(root, 'docker', 'containers'),
    networks: path.join(root, 'docker', 'networks'),
    followers: path.join(root, 'run', 'followers'),
  };
}

/** The node's roles as written by lab-node-init, or null when the node was never initialised. */
export function readNodeConfig(paths = nodePaths()) {
  try {
    return JSON.parse(fs.readFileSync(paths.nodeJson, 'utf8'));
  } catch {
    return null;
  }
}

export function hasRole(config, role) {
  return Boolean(config && Array.isArray(config.roles) && config.roles.includes(role));
}
