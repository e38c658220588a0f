// The `backend` database of the lab's halfstack: the tables of Backend.AI's
// manager schema that operators look at (domains, groups, users, keypairs,
// agents, sessions, kernels, vfolders...), a subset of their columns, and
// realistic rows. sizeMb grows sessions/kernels (with their status history
// JSON) until the database is about that large, for backup benchmarks.

export const SCHEMA_VERSION = 4;

const TABLES = `
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('dddf9be580f5');
CREATE TABLE domains (
  name varchar(64) PRIMARY KEY, description text, is_active boolean DEFAULT true,
  created_at timestamptz DEFAULT now(), modified_at timestamptz DEFAULT now(),
  total_resource_slots jsonb DEFAULT '{}', allowed_vfolder_hosts jsonb DEFAULT '{}',
  allowed_docker_registries varchar[] DEFAULT '{}', integration_id varchar(512), dotfiles bytea DEFAULT '\\x90');
CREATE TABLE scaling_groups (
  name varchar(64) PRIMARY KEY, description varchar(512), is_active boolean DEFAULT true, is_public boolean DEFAULT true,
  created_at timestamptz DEFAULT now(), wsproxy_addr varchar(1024), driver varchar(64) NOT NULL, driver_opts jsonb DEFAULT '{}',
  scheduler varchar(64) NOT NULL, scheduler_opts jsonb DEFAULT '{}', use_host_network boolean DEFAULT false);
CREATE TABLE keypair_resource_policies (
  name varchar(256) PRIMARY KEY, created_at timestamptz DEFAULT now(), default_for_unspecified varchar(32) NOT NULL,
  total_resource_slots jsonb NOT NULL, max_session_lifetime integer DEFAULT 0, max_concurrent_sessions integer NOT NULL,
  max_containers_per_session integer NOT NULL, idle_timeout bigint NOT NULL, allowed_vfolder_hosts jsonb DEFAULT '{}');
CREATE TABLE groups (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), name varchar(64) NOT NULL, description varchar(512), is_active boolean DEFAULT true,
  created_at timestamptz DEFAULT now(), modified_at timestamptz DEFAULT now(), integration_id varchar(512),
  domain_name varchar(64) NOT NULL REFERENCES domains(name) ON UPDATE CASCADE ON DELETE CASCADE,
  total_resource_slots jsonb DEFAULT '{}', allowed_vfolder_hosts jsonb DEFAULT '{}', dotfiles bytea DEFAULT '\\x90',
  resource_policy varchar(256) NOT NULL DEFAULT 'default', type varchar(32) DEFAULT 'general', UNIQUE (name, domain_name));
CREATE TABLE users (
  uuid uuid PRIMARY KEY DEFAULT uuid_generate_v4(), username varchar(64) UNIQUE, email varchar(64) UNIQUE, password varchar(128),
  need_password_change boolean, full_name varchar(64), description varchar(500), status varchar(64) DEFAULT 'active',
  status_info varchar(64), created_at timestamptz DEFAULT now(), modified_at timestamptz DEFAULT now(), password_changed_at timestamptz,
  domain_name varchar(64) REFERENCES domains(name), role varchar(64) DEFAULT 'user', integration_id varchar(512),
  resource_policy varchar(256) NOT NULL DEFAULT 'default', sudo_session_enabled boolean DEFAULT false, main_access_key varchar(20));
CREATE TABLE association_groups_users (
  user_id uuid NOT NULL REFERENCES users(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES groups(id) ON UPDATE CASCADE ON DELETE CASCADE, PRIMARY KEY (group_id, user_id));
CREATE TABLE keypairs (
  user_id varchar(256), access_key varchar(20) PRIMARY KEY, secret_key varchar(40), is_active boolean DEFAULT true,
  is_admin boolean DEFAULT false, created_at timestamptz DEFAULT now(), modified_at timestamptz DEFAULT now(), last_used timestamptz,
  rate_limit integer, num_queries integer DEFAULT 0, "user" uuid REFERENCES users(uuid),
  ssh_public_key varchar(750), ssh_private_key varchar(2000), resource_policy varchar(256) REFERENCES keypair_resource_policies(name),
  dotfiles bytea DEFAULT '\\x90', bootstrap_script varchar(65536) DEFAULT '');
CREATE TABLE agents (
  id varchar(64) PRIMARY KEY, status varchar(64) NOT NULL, status_changed timestamptz, region varchar(64) NOT NULL,
  scaling_group varchar(64) REFERENCES scaling_groups(name) DEFAULT 'default', schedulable boolean DEFAULT true,
  available_slots jsonb NOT NULL, occupied_slots jsonb NOT NULL, addr varchar(128) NOT NULL, public_host varchar(256),
  first_contact timestamptz DEFAULT now(), lost_at timestamptz, version varchar(64) NOT NULL, architecture varchar(32) DEFAULT 'x86_64',
  compute_plugins jsonb NOT NULL DEFAULT '{}', auto_terminate_abusing_kernel boolean DEFAULT false);
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), creation_id varchar(32), name varchar(64), session_type varchar(64) NOT NULL DEFAULT 'interactive',
  cluster_mode varchar(16) NOT NULL DEFAULT 'single-node', cluster_size integer NOT NULL DEFAULT 1, agent_ids varchar[],
  domain_name varchar(64) NOT NULL REFERENCES domains(name), group_id uuid NOT NULL REFERENCES groups(id),
  user_uuid uuid NOT NULL REFERENCES users(uuid), access_key varchar(20) REFERENCES keypairs(access_key),
  scaling_group_name varchar(64) REFERENCES scaling_groups(name), images varchar(512)[], tag varchar(64),
  occupying_slots jsonb NOT NULL DEFAULT '{}', requested_slots jsonb NOT NULL DEFAULT '{}', vfolder_mounts jsonb, environ jsonb,
  bootstrap_script varchar(16384), use_host_network boolean DEFAULT false, timeout bigint, created_at timestamptz DEFAULT now(),
  terminated_at timestamptz, starts_at timestamptz, status varchar(64) NOT NULL DEFAULT 'PENDING', status_info text,
  status_data jsonb, status_history jsonb, callback_url text, startup_command text, result varchar(64) DEFAULT 'UNDEFINED',
  num_queries bigint DEFAULT 0, last_stat jsonb);
CREATE INDEX ix_sessions_status ON sessions (status);
CREATE INDEX ix_sessions_created_at ON sessions (created_at);
CREATE TABLE kernels (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), session_id uuid NOT NULL REFERENCES sessions(id), session_creation_id varchar(32),
  session_name varchar(64), session_type varchar(64) NOT NULL DEFAULT 'interactive', cluster_mode varchar(16) NOT NULL DEFAULT 'single-node',
  cluster_size integer NOT NULL DEFAULT 1, cluster_role varchar(16) NOT NULL DEFAULT 'main', cluster_idx integer NOT NULL DEFAULT 0,
  cluster_hostname varchar(64) NOT NULL DEFAULT 'main1', scaling_group varchar(64) REFERENCES scaling_groups(name),
  agent varchar(64) REFERENCES agents(id), agent_addr varchar(128), domain_name varchar(64) NOT NULL REFERENCES domains(name),
  group_id uuid NOT NULL REFERENCES groups(id), user_uuid uuid NOT NULL REFERENCES users(uuid), access_key varchar(20) REFERENCES keypairs(access_key),
  image varchar(512), architecture varchar(32) DEFAULT 'x86_64', registry varchar(512), tag varchar(64),
  container_id varchar(64), occupied_slots jsonb NOT NULL DEFAULT '{}', requested_slots jsonb NOT NULL DEFAULT '{}',
  occupied_shares jsonb NOT NULL DEFAULT '{}', environ text[], vfolder_mounts jsonb, attached_devices jsonb DEFAULT '{}',
  resource_opts jsonb DEFAULT '{}', bootstrap_script varchar(16384), kernel_host varchar(128), repl_in_port integer NOT NULL DEFAULT 2000,
  repl_out_port integer NOT NULL DEFAULT 2001, stdin_port integer NOT NULL DEFAULT 2002, stdout_port integer NOT NULL DEFAULT 2003,
  service_ports jsonb, preopen_ports integer[], use_host_network boolean DEFAULT false, created_at timestamptz DEFAULT now(),
  terminated_at timestamptz, starts_at timestamptz, status varchar(64) NOT NULL DEFAULT 'PENDING', status_changed timestamptz,
  status_info text, status_data jsonb, status_history jsonb, callback_url text, startup_command text, result varchar(64) DEFAULT 'UNDEFINED',
  internal_data jsonb, container_log bytea, num_queries bigint DEFAULT 0, last_stat jsonb);
CREATE INDEX ix_kernels_session_id ON kernels (session_id);
CREATE INDEX ix_kernels_status ON kernels (status);
CREATE TABLE vfolders (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), host varchar(128) NOT NULL, quota_scope_id varchar(64), name varchar(64) NOT NULL,
  usage_mode varchar(64) NOT NULL DEFAULT 'general', permission varchar(2) DEFAULT 'rw', max_files integer DEFAULT 1000,
  max_size integer, num_files integer DEFAULT 0, cur_size integer DEFAULT 0, created_at timestamptz DEFAULT now(),
  last_used timestamptz, creator varchar(128), unmanaged_path varchar(512), ownership_type varchar(64) NOT NULL DEFAULT 'user',
  "user" uuid REFERENCES users(uuid), "group" uuid REFERENCES groups(id), cloneable boolean DEFAULT false, status varchar(64) DEFAULT 'ready');
CREATE TABLE resource_presets (name varchar(256) PRIMARY KEY, resource_slots jsonb NOT NULL, shared_memory bigint);
`;

const FIXED_ROWS = `
INSERT INTO domains (name, description, total_resource_slots, allowed_vfolder_hosts, allowed_docker_registries) VALUES
  ('default', 'The default domain', '{}', '{"local:volume1": ["create-vfolder", "mount-in-session", "upload-file", "download-file"]}', '{cr.backend.ai}'),
  ('research', 'Research division', '{"cpu": "256", "mem": "1099511627776", "cuda.shares": "32"}', '{"local:volume1": ["mount-in-session"]}', '{cr.backend.ai}');
INSERT INTO scaling_groups (name, description, wsproxy_addr, driver, scheduler, scheduler_opts) VALUES
  ('default', 'The default agent scaling group', 'http://192.0.2.11:10200', 'static', 'fifo', '{"num_retries_to_skip": 0}');
INSERT INTO keypair_resource_policies VALUES
  ('default', now(), 'UNLIMITED', '{}', 0, 30, 1, 3600, '{"local:volume1": ["create-vfolder", "mount-in-session"]}');
INSERT INTO groups (id, name, description, domain_name) VALUES
  ('2de2b969-1d04-48a6-af16-0bc8adb3c831', 'default', 'The default user group', 'default'),
  ('7a4d4a8c-2c53-4c5c-9b0b-3f0f3f0d1e01', 'model-store', 'Model store', 'default'),
  ('b4b2ad1a-2e4f-4f63-9f3b-0e4ff0b0c002', 'vision-lab', 'Vision lab', 'research'),
  ('c9c0f9d6-5b6e-4a0d-8d7a-1f5d7c3e0003', 'nlp-lab', 'NLP lab', 'research');
INSERT INTO users (uuid, username, email, password, need_password_change, full_name, description, domain_name, role) VALUES
  ('f38dea23-50fa-42a0-b5ae-338f5f4693f4', 'admin', 'admin@lablup.com', 'pbkdf2_sha256$100000$bGFiLXNhbHQ=$b2Y0c2l4dHluaW5l', false, 'Admin Lablup', 'Lablup''s Admin Account', 'default', 'superadmin'),
  ('dfa9da54-4b28-432f-be29-c0d680c7a412', 'user', 'user@lablup.com', 'pbkdf2_sha256$100000$bGFiLXNhbHQ=$dXNlcnBhc3N3b3Jk', false, 'User Lablup', 'Lablup''s User Account', 'default', 'user'),
  ('2e10157d-20ca-4bd0-9806-3f909cbcd0e6', 'monitor', 'monitor@lablup.com', 'pbkdf2_sha256$100000$bGFiLXNhbHQ=$bW9uaXRvcg==', false, 'Monitor Lablup', 'Lablup''s Monitor Account', 'default', 'monitor');
INSERT INTO users (username, email, password, need_password_change, full_name, domain_name, role)
  SELECT 'researcher' || i, 'researcher' || i || '@example.org', 'pbkdf2_sha256$100000$' || md5(i::text), false, 'Researcher ' || i,
         CASE WHEN i % 3 = 0 THEN 'research' ELSE 'default' END, 'user' FROM generate_series(1, 47) AS i;
INSERT INTO association_groups_users (user_id, group_id)
  SELECT u.uuid, g.id FROM users u JOIN groups g ON g.domain_name = u.domain_name
  WHERE g.name IN ('default', 'vision-lab') OR (g.name = 'nlp-lab' AND u.username LIKE '%7');
INSERT INTO keypairs (user_id, access_key, secret_key, is_admin, "user", resource_policy, rate_limit) VALUES
  ('admin@lablup.com', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', true, 'f38dea23-50fa-42a0-b5ae-338f5f4693f4', 'default', 30000),
  ('user@lablup.com', 'AKIANABBDUSEREXAMPLE', 'C8qnIo29EZvXkPK_MXcuAakYTy4NYrxwmCEyNPlf', false, 'dfa9da54-4b28-432f-be29-c0d680c7a412', 'default', 30000),
  ('monitor@lablup.com', 'AKIANAMONITOREXAMPLE', '7tuEwF1J7FfK41vOM4uSSyWCUWjPBolpVwvgkSBu', false, '2e10157d-20ca-4bd0-9806-3f909cbcd0e6', 'default', 30000);
INSERT INTO keypairs (user_id, access_key, secret_key, "user", resource_policy, rate_limit)
  SELECT email, 'AKIA' || upper(substr(md5(email), 1, 16)), substr(md5(email || 's'), 1, 40), uuid, 'default', 1000 FROM users WHERE username LIKE 'researcher%';
UPDATE users u SET main_access_key = k.access_key FROM keypairs k WHERE k."user" = u.uuid;
INSERT INTO agents (id, status, status_changed, region, available_slots, occupied_slots, addr, public_host, version, compute_plugins) VALUES
  ('i-bai-a01', 'ALIVE', now(), 'local', '{"cpu": "64", "mem": "270582939648", "cuda.shares": "4"}', '{"cpu": "12", "mem": "51539607552", "cuda.shares": "1.5"}', 'tcp://192.0.2.21:6001', '192.0.2.21', '24.03.3', '{"cuda": {"version": "12.2", "driver": "535.161.07"}}'),
  ('i-bai-a02', 'ALIVE', now(), 'local', '{"cpu": "64", "mem": "270582939648", "cuda.shares": "2"}', '{"cpu": "4", "mem": "17179869184", "cuda.shares": "0.5"}', 'tcp://192.0.2.22:6001', '192.0.2.22', '24.03.3', '{"cuda": {"version": "12.2", "driver": "535.161.07"}}'),
  ('i-bai-a03', 'LOST', now() - interval '3 days', 'local', '{"cpu": "32", "mem": "135291469824", "cuda.shares": "1"}', '{}', 'tcp://192.0.2.131:6001', '192.0.2.131', '24.03.1', '{"cuda": {"version": "12.2", "driver": "535.161.07"}}');
INSERT INTO vfolders (host, name, "user", creator, ownership_type)
  SELECT 'local:volume1', 'data-' || username, uuid, email, 'user' FROM users;
INSERT INTO vfolders (host, name, "group", creator, ownership_type, usage_mode)
  SELECT 'local:volume1', 'shared-' || name, id, 'admin@lablup.com', 'group', CASE WHEN name = 'model-store' THEN 'model' ELSE 'general' END FROM groups;
INSERT INTO resource_presets VALUES
  ('cpu01-small', '{"cpu": "1", "mem": "2147483648"}', NULL), ('cpu04-medium', '{"cpu": "4", "mem": "8589934592"}', 1073741824),
  ('gpu-1x', '{"cpu": "8", "mem": "34359738368", "cuda.shares": "1"}', 4294967296);
`;

/** Sessions and their kernels: about 3.8 KB per pair with indexes (measured: 64 MB asked -> 96 MB backend DB at 2.6), so sizeMb picks the count. */
function sessionRows(count) {
  return `
INSERT INTO sessions (id, creation_id, name, domain_name, group_id, user_uuid, access_key, scaling_group_name, images, agent_ids,
    occupying_slots, requested_slots, environ, created_at, terminated_at, starts_at, status, status_info, status_history, result, num_queries)
  SELECT md5('s' || i)::uuid, substr(md5('c' || i), 1, 12), 'sess-' || substr(md5('n' || i), 1, 8), u.domain_name, g.id, u.uuid, u.main_access_key,
    'default', ARRAY['cr.backend.ai/stable/python-tensorflow:2.13-py310-cuda11.8'], ARRAY['i-bai-a0' || (1 + i % 2)],
    '{"cpu": "2", "mem": "4294967296", "cuda.shares": "0.5"}', '{"cpu": "2", "mem": "4294967296", "cuda.shares": "0.5"}',
    jsonb_build_object('BACKENDAI_USER_UUID', u.uuid, 'LANG', 'C.UTF-8', 'TZ', 'Asia/Seoul'),
    now() - (i || ' minutes')::interval, CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i || ' minutes')::interval + interval '37 minutes' END,
    NULL, CASE WHEN i % 10 = 0 THEN 'RUNNING' ELSE 'TERMINATED' END, CASE WHEN i % 10 = 0 THEN NULL ELSE 'user-requested' END,
    jsonb_build_object('PENDING', (now() - (i || ' minutes')::interval)::text, 'SCHEDULED', (now() - (i || ' minutes')::interval + interval '2 seconds')::text,
      'PREPARING', (now() - (i || ' minutes')::interval + interval '3 seconds')::text, 'RUNNING', (now() - (i || ' minutes')::interval + interval '41 seconds')::text,
      'TERMINATING', (now() - (i || ' minutes')::interval + interval '37 minutes')::text, 'note', repeat(md5(i::text), 12)),
    CASE WHEN i % 10 = 0 THEN 'UNDEFINED' ELSE 'SUCCESS' END, i % 97
  FROM generate_series(1, ${count}) AS i
  JOIN LATERAL (SELECT * FROM users ORDER BY username OFFSET (i % 50) LIMIT 1) u ON true
  JOIN LATERAL (SELECT * FROM groups WHERE domain_name = u.domain_name ORDER BY name LIMIT 1) g ON true;
INSERT INTO kernels (id, session_id, session_creation_id, session_name, scaling_group, agent, agent_addr, domain_name, group_id, user_uuid,
    access_key, image, registry, container_id, occupied_slots, requested_slots, environ, kernel_host, service_ports, created_at,
    terminated_at, status, status_changed, status_info, status_history, result, num_queries, last_stat)
  SELECT md5('k' || s.id::text)::uuid, s.id, s.creation_id, s.name, 'default', s.agent_ids[1], 'tcp://192.0.2.2' || right(s.agent_ids[1], 1) || ':6001',
    s.domain_name, s.group_id, s.user_uuid, s.access_key, s.images[1], 'cr.backend.ai', md5(s.id::text) || md5(s.name),
    s.occupying_slots, s.requested_slots, ARRAY['LANG=C.UTF-8', 'TZ=Asia/Seoul'], '192.0.2.2' || right(s.agent_ids[1], 1),
    '[{"name": "jupyter", "protocol": "http", "container_ports": [8080], "host_ports": [30001]}, {"name": "sshd", "protocol": "tcp", "container_ports": [2200], "host_ports": [30002]}]',
    s.created_at, s.terminated_at, s.status, coalesce(s.terminated_at, s.created_at), s.status_info, s.status_history, s.result, s.num_queries,
    jsonb_build_object('cpu_util', jsonb_build_object('current', '12.5', 'capacity', '200', 'pct', '6.25'), 'mem', jsonb_build_object('current', '1073741824', 'capacity', '4294967296'))
  FROM sessions s;
ANALYZE;
`;
}

export function sessionCountFor(sizeMb) {
  return Math.max(300, Math.floor((sizeMb * 1024 * 1024) / 3800));
}

export function backendSeedSql(sizeMb) {
  return `${TABLES}\n${FIXED_ROWS}\n${sessionRows(sessionCountFor(sizeMb))}`;
}
