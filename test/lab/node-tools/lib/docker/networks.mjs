// Compose networks are only records here (every server listens in the node's
// own network namespace); they exist so `up` and `down` print what
// docker-compose prints about "<project>_default".
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeJson } from '../stateFiles.mjs';

export function networkCreate(paths, name) {
  const file = path.join(paths.networks, `${name}.json`);
  if (fs.existsSync(file)) return { created: false };
  writeJson(file, { Name: name, Id: randomBytes(32).toString('hex'), Driver: 'bridge', Created: new Date().toISOString() });
  return { created: true };
}

export function networkRemoveIfUnused(paths, name) {
  const file = path.join(paths.networks, `${name}.json`);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

export function listNetworks(paths) {
  try {
    return fs.readdirSync(paths.networks).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  } catch {
    return [];
  }
}
