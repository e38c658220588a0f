// Reads a compose file the way docker-compose does for the parts the lab uses:
// services with container_name, image, command, environment, ports, volumes,
// healthcheck, stop_signal; ${VAR} / ${VAR:-default} interpolation from the
// environment and the project's .env; relative bind mounts resolved against
// the file's folder. The `yaml` package comes from the repository's node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from '../labPaths.mjs';

const YAML = createRequire(path.join(repoRoot, 'package.json'))('yaml');

function readDotEnv(dir) {
  const env = {};
  try {
    for (const line of fs.readFileSync(path.join(dir, '.env'), 'utf8').split('\n')) {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
      if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
    }
  } catch {
    // No .env: only the process environment.
  }
  return env;
}

function interpolate(text, env) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$\$/g, (all, name, op, fallback) => {
    if (all === '$$') return '$';
    const value = env[name];
    if (op === ':-') return value ? value : fallback;
    if (op === '-') return value ?? fallback;
    return value ?? '';
  });
}

function toEnvList(environment) {
  if (!environment) return [];
  if (Array.isArray(environment)) return environment.map(String);
  return Object.entries(environment).map(([k, v]) => `${k}=${v ?? ''}`);
}

function parsePort(spec) {
  const [mapping, proto = 'tcp'] = String(spec).split('/');
  const parts = mapping.split(':');
  if (parts.length === 3) return { hostIp: parts[0], hostPort: Number(parts[1]), containerPort: Number(parts[2]), proto };
  if (parts.length === 2) return { hostIp: '0.0.0.0', hostPort: Number(parts[0]), containerPort: Number(parts[1]), proto };
  return { hostIp: '0.0.0.0', hostPort: null, containerPort: Number(parts[0]), proto };
}

function parseVolume(spec, dir) {
  if (typeof spec === 'object') return { source: path.resolve(dir, spec.source ?? ''), target: spec.target, mode: spec.read_only ? 'ro' : 'rw' };
  const [source, target, mode = 'rw'] = String(spec).split(':');
  const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
  return { source: isPath ? path.resolve(dir, source) : source, target, mode, named: !isPath };
}

/** Loads the first -f file (the lab's compose files are single-file projects) and resolves its services. */
export function loadComposeFiles(files) {
  const dir = path.dirname(path.resolve(files[0]));
  const env = { ...readDotEnv(dir), ...process.env };
  const services = [];
  for (const file of files) {
    const text = interpolate(fs.readFileSync(file, 'utf8'), env);
    const doc = YAML.parse(text) ?? {};
    for (const [name, svc] of Object.entries(doc.services ?? {})) {
      services.push({
        name,
        file: path.resolve(file),
        containerName: svc.container_name ?? null,
        image: svc.image,
        command: svc.command === undefined ? null : Array.isArray(svc.command) ? svc.command.map(String) : String(svc.command).split(/\s+/).filter(Boolean),
        environment: toEnvList(svc.environment),
        ports: (svc.ports ?? []).map(parsePort),
        volumes: (svc.volumes ?? []).map((v) => parseVolume(v, dir)),
        healthcheck: Boolean(svc.healthcheck && !svc.healthcheck.disable),
        stopSignal: svc.stop_signal ?? null,
        restart: svc.restart ?? 'no',
      });
    }
  }
  return { dir, services };
}

/** docker-compose's default project name: the folder name, lower-cased, [a-z0-9_-] only. */
export function defaultProjectName(dir) {
  return path.basename(dir).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
