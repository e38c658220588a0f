// What runs "inside" each simulated container: the node's real PostgreSQL,
// Redis or etcd (or the simulated wsproxy), listening where the compose file
// publishes the port, with its data in the compose file's bind mount. Also the
// environment `docker exec` gives commands, so psql/pg_dumpall/etcdctl/redis-cli
// reach that server as they would inside the real image.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
const BASE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const WSPROXY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wsproxySim.mjs');

function userIds(name) {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`user ${name} does not exist on this machine (install the postgresql package)`);
  const [, , uid, gid, , home] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), home };
}

function mountFor(config, target, fallback) {
  const mount = config.mounts.find((m) => m.target === target || m.target.startsWith(`${target}/`));
  return mount ? mount.source : path.join(config.stateDir, fallback);
}

function publish(config, defaultPort) {
  const p = config.ports.find((x) => x.containerPort === defaultPort) ?? config.ports[0];
  const ip = p?.hostIp && p.hostIp !== '0.0.0.0' ? p.hostIp : '0.0.0.0';
  return { ip, port: p?.hostPort ?? defaultPort, connectIp: ip === '0.0.0.0' ? '127.0.0.1' : ip };
}

function envValue(config, key, fallback) {
  const entry = config.env.find((e) => e.startsWith(`${key}=`));
  return entry ? entry.slice(key.length + 1) : fallback;
}

const KINDS = {
  postgres: {
    test: (image) => /(^|\/)postgres(:|$)/.test(image),
    entrypoint: 'docker-entrypoint.sh',
    defaultCmd: ['postgres'],
    imageEnv: ['PATH=/usr/lib/postgresql/15/bin:' + BASE_PATH, 'GOSU_VERSION=1.16', 'LANG=en_US.utf8', 'PG_MAJOR=15', 'PG_VERSION=15.6', 'PGDATA=/var/lib/postgresql/data'],
    workdir: '/',
    stopSignal: 'SIGINT',
    ready: /database system is ready to accept connections/,
    dataDir: (c) => mountFor(c, '/var/lib/postgresql/data', 'pgdata'),
    execEnv: (c) => {
      const p = publish(c, 5432);
      return [`PGHOST=${p.connectIp}`, `PGPORT=${p.port}`];
    },
    launch(c) {
      const p = publish(c, 5432);
      const extra = (c.cmd ?? []).slice(1);
      const ids = userIds('postgres');
      return {
        argv: [`${PG_BIN}/postgres`, '-D', this.dataDir(c), '-c', `listen_addresses=${p.ip === '0.0.0.0' ? '*' : p.ip}`, '-p', String(p.port), '-c', 'unix_socket_directories=', ...extra],
        uid: ids.uid,
        gid: ids.gid,
      };
    },
  },
  redis: {
    test: (image) => /(^|\/)redis(:|$)/.test(image),
    entrypoint: 'docker-entrypoint.sh',
    defaultCmd: ['redis-server'],
    imageEnv: ['PATH=' + BASE_PATH, 'REDIS_VERSION=7.2.4'],
    workdir: '/data',
    stopSignal: 'SIGTERM',
    ready: /Ready to accept connections/,
    dataDir: (c) => mountFor(c, '/data', 'redis-data'),
    execEnv: () => [],
    launch(c) {
      const p = publish(c, 6379);
      const extra = (c.cmd ?? []).slice(1);
      return { argv: ['/usr/bin/redis-server', ...extra, '--bind', p.ip, '--port', String(p.port), '--dir', this.dataDir(c), '--protected-mode', 'no', '--daemonize', 'no'] };
    },
  },
  etcd: {
    test: (image) => /etcd/.test(image),
    entrypoint: '/usr/local/bin/etcd',
    defaultCmd: ['/usr/local/bin/etcd'],
    imageEnv: ['PATH=' + BASE_PATH, 'ETCDCTL_API=3'],
    workdir: '/',
    stopSignal: 'SIGTERM',
    ready: /ready to serve client requests|serving client traffic insecurely|serving insecure client requests/,
    dataDir: (c) => mountFor(c, '/etcd-data', 'etcd-data'),
    execEnv: (c) => [`ETCDCTL_ENDPOINTS=http://${publish(c, 2379).connectIp}:${publish(c, 2379).port}`, 'ETCDCTL_API=3'],
    launch(c) {
      const p = publish(c, 2379);
      const name = envValue(c, 'ETCD_NAME', 'etcd-node01');
      const client = `http://${p.connectIp}:${p.port}`;
      return {
        argv: ['/usr/bin/etcd', '--name', name, '--data-dir', this.dataDir(c), '--listen-client-urls', `http://${p.ip}:${p.port}`, '--advertise-client-urls', client,
          '--listen-peer-urls', 'http://127.0.0.1:2380', '--initial-advertise-peer-urls', 'http://127.0.0.1:2380', '--initial-cluster', `${name}=http://127.0.0.1:2380`,
          '--initial-cluster-state', 'new', '--logger', 'zap', '--log-outputs', 'stderr'],
      };
    },
  },
  wsproxy: {
    test: (image) => /wsproxy/.test(image),
    entrypoint: '/usr/local/bin/entrypoint.sh',
    defaultCmd: ['python', '-m', 'ai.backend.wsproxy.server'],
    imageEnv: ['PATH=' + BASE_PATH, 'PYTHON_VERSION=3.12.2'],
    workdir: '/app',
    stopSignal: 'SIGTERM',
    ready: /started handling API requests/,
    dataDir: (c) => path.join(c.stateDir, 'wsproxy'),
    execEnv: () => [],
    launch(c) {
      const p = publish(c, 5050);
      return { argv: [process.execPath, WSPROXY, p.ip, String(p.port)] };
    },
  },
};

export function kindOfImage(image) {
  return Object.entries(KINDS).find(([, k]) => k.test(image ?? ''))?.[0] ?? null;
}

export function serverKind(name) {
  return KINDS[name];
}

/** Makes sure the server's data folder exists and belongs to the server's user. */
export function prepareDataDir(config) {
  const kind = KINDS[config.kind];
  const dir = kind.dataDir(config);
  // Parents stay traversable: the postgres user must reach its own data folder.
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dir, { recursive: true, mode: config.kind === 'postgres' ? 0o700 : 0o755 });
  if (config.kind === 'postgres') {
    const ids = userIds('postgres');
    fs.chownSync(dir, ids.uid, ids.gid);
    fs.chmodSync(dir, 0o700);
  }
  return dir;
}

export function postgresIds() {
  return userIds('postgres');
}

export function hasPostgresCluster(dir) {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

/** Copies a prepared cluster into an empty data folder, keeping owners and modes. */
export function copyCluster(fromDir, toDir) {
  execFileSync('cp', ['-a', `${fromDir}/.`, toDir]);
}
