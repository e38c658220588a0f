// manager.toml of the lab's manager: written by lab-node-init into the manager
// folder, read by the simulated `backend.ai` CLI (found like the real one:
// ./manager.toml, ~/.config/backend.ai/manager.toml, /etc/backend.ai/manager.toml,
// then the node's manager folder). Only the [etcd] and [db] keys are read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function managerToml() {
  return `[etcd]
namespace = "local"
addr = { host = "127.0.0.1", port = 2379 }
user = ""
password = ""

[db]
type = "postgresql"
addr = { host = "127.0.0.1", port = 5432 }
name = "backend"
user = "postgres"
password = "develove"
pool-size = 8

[manager]
num-proc = 2
service-addr = { host = "0.0.0.0", port = 8081 }
heartbeat-timeout = 40.0
id = "i-bai-m1"
pid-file = "/run/backend.ai/manager/manager.pid"
hide-agents = true
importer-image = "lablup/importer:manylinux2010"

[docker-registry]
ssl-verify = false

[logging]
level = "INFO"
drivers = ["console"]

[logging.pkg-ns]
"" = "WARNING"
"aiotools" = "INFO"
"aiohttp" = "INFO"
"ai.backend" = "INFO"
"alembic" = "INFO"
"sqlalchemy" = "WARNING"

[debug]
enabled = false
`;
}

function section(text, name) {
  const m = new RegExp(`^\\[${name.replace('.', '\\.')}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text);
  return m ? m[1] : '';
}

function value(body, key) {
  const m = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(body);
  return m ? m[1] : null;
}

function addr(body) {
  const m = /^\s*addr\s*=\s*\{\s*host\s*=\s*"([^"]+)"\s*,\s*port\s*=\s*(\d+)\s*\}/m.exec(body);
  return m ? { host: m[1], port: Number(m[2]) } : null;
}

export function loadManagerConfig(managerDir) {
  const candidates = [path.join(process.cwd(), 'manager.toml'), path.join(os.homedir(), '.config/backend.ai/manager.toml'), '/etc/backend.ai/manager.toml', path.join(managerDir, 'manager.toml')];
  const file = candidates.find((f) => fs.existsSync(f));
  const text = file ? fs.readFileSync(file, 'utf8') : managerToml();
  const etcd = section(text, 'etcd');
  const db = section(text, 'db');
  return {
    file,
    etcd: { namespace: value(etcd, 'namespace') ?? 'local', addr: addr(etcd) ?? { host: '127.0.0.1', port: 2379 } },
    db: { addr: addr(db) ?? { host: '127.0.0.1', port: 5432 }, name: value(db, 'name') ?? 'backend', user: value(db, 'user') ?? 'postgres', password: value(db, 'password') ?? '' },
  };
}
