// The halfstack compose files a lab node gets, named as in the operators'
// guide and shaped like Backend.AI's halfstack (image tags of the 24.03 line,
// healthchecks, ./volumes bind mounts). Ports are published on 127.0.0.1 of
// the node: the app reaches them through ssh, like an operator would.

export const COMPOSE_PROJECT = 'halfstack';

const FILES = {
  postgres: ['docker-compose.hs.postgres.yaml', `version: "3.8"

services:
  backendai-half-db:
    image: postgres:15.6-alpine
    container_name: halfstack-db
    restart: unless-stopped
    command: postgres -c max_connections=256 -c shared_buffers=128MB
    environment:
      POSTGRES_PASSWORD: develove
      POSTGRES_DB: backend
    ports:
      - "127.0.0.1:5432:5432"
    volumes:
      - "./volumes/postgres-data:/var/lib/postgresql/data:rw"
    stop_signal: SIGINT
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "postgres"]
      interval: 5s
      timeout: 3s
      retries: 10
`],
  redis: ['docker-compose.hs.redis.yaml', `version: "3.8"

services:
  backendai-half-redis:
    image: redis:7.2.4-alpine
    container_name: halfstack-redis
    restart: unless-stopped
    command: redis-server --appendonly yes
    ports:
      - "127.0.0.1:6379:6379"
    volumes:
      - "./volumes/redis-data:/data:rw"
    healthcheck:
      test: ["CMD", "redis-cli", "--raw", "incr", "ping"]
      interval: 5s
      timeout: 3s
      retries: 10
`],
  etcd: ['docker-compose.hs.etcd.yaml', `version: "3.8"

services:
  backendai-half-etcd:
    image: quay.io/coreos/etcd:v3.5.14
    container_name: halfstack-etcd
    restart: unless-stopped
    environment:
      ETCD_NAME: etcd-node01
    command: >
      /usr/local/bin/etcd
      --name etcd-node01
      --data-dir /etcd-data
      --listen-client-urls http://0.0.0.0:2379
      --advertise-client-urls http://127.0.0.1:2379
    ports:
      - "127.0.0.1:2379:2379"
    volumes:
      - "./volumes/etcd-data:/etcd-data:rw"
    healthcheck:
      test: ["CMD", "etcdctl", "endpoint", "health"]
      interval: 5s
      timeout: 3s
      retries: 10
`],
  wsproxy: ['docker-compose.wsproxy-simple.yaml', `version: "3.8"

services:
  backendai-wsproxy:
    image: lablup/backend.ai-wsproxy:24.03.3
    container_name: wsproxy
    restart: unless-stopped
    environment:
      WSPROXY_API_SECRET: lab-wsproxy-secret
    ports:
      - "127.0.0.1:10200:5050"
    volumes:
      - "./volumes/wsproxy:/app/config:ro"
`],
};

/** The compose files for the node's halfstack roles: [{ role, file, text }]. */
export function composeFilesForRoles(roles) {
  return Object.entries(FILES)
    .filter(([role]) => roles.includes(role))
    .map(([role, [file, text]]) => ({ role, file, text }));
}
