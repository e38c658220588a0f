import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileKnownHost, KnownHostsList } from '../../../common/contract/schemas/ssh';
import { createHostKeyRepository } from '../../../main/core/ssh/hostKeyRepository';
import { readKnownHostsText } from '../../../main/core/ssh/knownHostsFile';
import { fileEntriesOf } from '../../../main/core/ssh/knownHostsListing';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';

const fixtures = join(__dirname, '../../fixtures/known_hosts');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
/** Blobs and the fingerprints `ssh-keygen -lf` printed for them. */
const keys = Object.fromEntries(
  fixture('ssh-keygen-lf-fingerprints.txt')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [name, blob, fp] = l.split(' ');
      return [name, { blob: blob ?? '', fp: fp ?? '' }];
    }),
) as Record<string, { blob: string; fp: string } | undefined>;
const key = (name: string) => {
  const k = keys[name];
  if (!k) throw new Error(`fixture key ${name} missing`);
  return k;
};

const running: ConnectedCore[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.core.close();
});

function start(): ConnectedCore & { home: string; writeKnownHosts(text: string): string } {
  const c = connectedCore();
  running.push(c);
  const home = c.ports.paths.homeDir;
  return {
    ...c,
    home,
    writeKnownHosts(text) {
      mkdirSync(join(home, '.ssh'), { recursive: true });
      const path = join(home, '.ssh', 'known_hosts');
      writeFileSync(path, text);
      return path;
    },
  };
}

/** A cluster like the lab's: bai-a01 on 22, bai-a02 on 2222, a host under *.corp.example; and one behind a jump host. */
async function addClusters(client: ConnectedCore['client']) {
  const lab = await client.createCluster({ name: 'Lab', ssh: { user: 'ops' } });
  const a01 = await client.addNode({ clusterId: lab.id, fields: { name: 'bai-a01', host: '192.0.2.21' } });
  const a02 = await client.addNode({ clusterId: lab.id, fields: { name: 'bai-a02', host: '192.0.2.22', port: 2222 } });
  const db = await client.addNode({ clusterId: lab.id, fields: { name: 'db', host: 'db.corp.example' } });
  const far = await client.createCluster({ name: 'Far', ssh: { user: 'ops', jumpHosts: [{ host: '192.0.2.5' }] } });
  await client.addNode({ clusterId: far.id, fields: { name: 'bai-a03', host: '192.0.2.131' } });
  await client.addNode({ clusterId: far.id, fields: { name: 'bai-a04', host: '192.0.2.132' } });
  return { lab, far, a01, a02, db };
}

const fileLines = (list: KnownHostsList) => list.entries.filter((e): e is FileKnownHost => e.source === 'known_hosts');
const matchNames = (e: FileKnownHost | undefined) => e?.matches.map((m) => m.name) ?? [];

describe('the known_hosts lines on the Known hosts screen', () => {
  it('lists each readable line with marker, patterns, key type, ssh-keygen fingerprint and the nodes it names; skipped lines are counted', async () => {
    const { client, writeKnownHosts } = start();
    const { a01, lab } = await addClusters(client);
    const path = writeKnownHosts(fixture('plain-ports-markers.known_hosts'));

    const list = await client.listKnownHosts({});

    expect(list.knownHostsFile).toEqual({ path, label: '~/.ssh/known_hosts', state: 'read', skipped: 2, skippedLines: [8, 9] });
    const lines = fileLines(list);
    expect(lines.map((l) => [l.line, l.marker, l.keyType])).toEqual([
      [2, null, 'ssh-ed25519'],
      [3, null, 'ecdsa-sha2-nistp256'],
      [4, null, 'ssh-rsa'],
      [5, null, 'ssh-ed25519'],
      [6, 'revoked', 'ssh-ed25519'],
      [7, 'cert-authority', 'ssh-ed25519'],
    ]);
    const [l2, l3, l4, l5, l6, l7] = lines;
    expect(l2).toMatchObject({ patterns: ['bai-a01', '192.0.2.21'], hashed: false, fingerprint: key('host_ed25519').fp });
    expect(l2?.matches).toEqual([
      { kind: 'node', clusterId: lab.id, clusterName: 'Lab', nodeId: a01.id, name: 'bai-a01', host: '192.0.2.21', port: 22 },
    ]);
    expect(l3).toMatchObject({ patterns: ['[192.0.2.22]:2222'], fingerprint: key('host_ecdsa').fp });
    expect(matchNames(l3)).toEqual(['bai-a02']);
    expect(matchNames(l4)).toEqual([]);
    expect(l5?.patterns).toEqual(['*.lab.example', '!evil.lab.example']);
    // "@revoked *" names every address, the jump host too (listed once for its cluster; clusters in name order).
    expect(l6?.fingerprint).toBe(key('revoked_ed25519').fp);
    expect(matchNames(l6)).toEqual(['jump host 192.0.2.5', 'bai-a03', 'bai-a04', 'bai-a01', 'bai-a02', 'db']);
    expect(matchNames(l7)).toEqual(['db']);
  });

  it('shows hashed lines as hashed and names only the saved nodes they match', async () => {
    const { client, writeKnownHosts } = start();
    await addClusters(client);
    const text = fixture('openssh-hashed.known_hosts');
    writeKnownHosts(text);

    const lines = fileLines(await client.listKnownHosts({ source: 'known_hosts' }));

    const written = text.split('\n').filter(Boolean).map((l) => l.split(' ')[0]);
    expect(lines.map((l) => l.patterns)).toEqual(written.map((p) => [p]));
    expect(lines.every((l) => l.hashed)).toBe(true);
    expect(lines.map(matchNames)).toEqual([['bai-a01'], ['bai-a02'], []]);
    // Nothing reverses a hash: the unmatched line's host name appears nowhere.
    expect(JSON.stringify(lines[2])).not.toMatch(/192\.0\.2\./);
  });

  it('names a jump host a line speaks about, once per cluster', async () => {
    const { client, writeKnownHosts } = start();
    const { far } = await addClusters(client);
    writeKnownHosts(`192.0.2.5 ssh-ed25519 ${key('other_ed25519').blob}\n`);

    const [line] = fileLines(await client.listKnownHosts({}));

    expect(line?.matches).toEqual([
      { kind: 'jump', clusterId: far.id, clusterName: 'Far', nodeId: null, name: 'jump host 192.0.2.5', host: '192.0.2.5', port: 22 },
    ]);
  });

  it('treats a missing file as no lines, and an unreadable one as a note, not an error', async () => {
    const { client, home } = start();
    expect(await client.listKnownHosts({})).toEqual({
      entries: [],
      knownHostsFile: { path: join(home, '.ssh', 'known_hosts'), label: '~/.ssh/known_hosts', state: 'missing', skipped: 0, skippedLines: [] },
    });

    // A directory where the file should be: readFile fails with EISDIR (root ignores chmod, so not EACCES).
    mkdirSync(join(home, '.ssh', 'known_hosts'), { recursive: true });
    const list = await client.listKnownHosts({});
    expect(list.entries).toEqual([]);
    expect(list.knownHostsFile).toMatchObject({ state: 'unreadable', message: expect.stringContaining(join(home, '.ssh', 'known_hosts')) });
  });

  it('lets other work run while it matches a long hashed file against the saved addresses', async () => {
    const blob = key('host_ed25519').blob;
    const hashedLine = (name: string, i: number) => {
      const salt = Buffer.alloc(20, i % 251);
      return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')} ssh-ed25519 ${blob}`;
    };
    const text = Array.from({ length: 300 }, (_, i) => hashedLine(`10.0.${i >> 8}.${i & 255}`, i)).join('\n');
    const addresses = Array.from({ length: 20 }, (_, i) => ({ kind: 'node' as const, clusterId: 'c', clusterName: 'Big', nodeId: `n${i}`, name: `n${i}`, host: `10.0.0.${i}`, port: 22 }));
    // No I/O inside: only the listing's own yields let this run before it resolves.
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const { entries } = await fileEntriesOf(text, addresses);
    expect(ranBetween).toBe(true);
    expect(entries).toHaveLength(300);
    expect(entries.filter((e) => e.matches.length > 0).map((e) => [e.line, e.matches[0]?.name])).toEqual(addresses.map((a, i) => [i + 1, a.name]));
  });

  it('counts skipped lines exactly but lists only the first 20', () => {
    const bad = Array.from({ length: 25 }, (_, i) => `garbage line ${i}`);
    const text = ['# comment', '', ...bad, `ok ssh-ed25519 ${key('host_ed25519').blob}`].join('\n');
    const read = readKnownHostsText(text);
    expect(read.lines.map((l) => l.line)).toEqual([28]);
    expect(read.skippedLines).toEqual(Array.from({ length: 25 }, (_, i) => i + 3));
  });
});

describe('saved keys and file lines together', () => {
  it('tags each entry with its source, filters by source, and forgetting touches only the app store', async () => {
    const { client, ports, writeKnownHosts } = start();
    await addClusters(client);
    writeKnownHosts(`bai-a01,192.0.2.21 ssh-ed25519 ${key('host_ed25519').blob}\n`);
    // The app's own store, through its real repository on the core's database.
    const db = new Database(join(ports.paths.dataDir, STORE_FILE));
    try {
      createHostKeyRepository(() => db, () => new Date('2026-03-01T10:00:00.000Z')).save('192.0.2.21', 22, 'ssh-ed25519', key('other_ed25519').blob);
    } finally {
      db.close();
    }

    const both = await client.listKnownHosts({});
    expect(both.entries.map((e) => e.source)).toEqual(['app', 'known_hosts']);
    expect(both.entries[0]).toEqual({
      source: 'app',
      host: '192.0.2.21',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprint: key('other_ed25519').fp,
      savedAt: '2026-03-01T10:00:00.000Z',
    });

    const appOnly = await client.listKnownHosts({ source: 'app' });
    expect(appOnly).toEqual({ entries: [both.entries[0]], knownHostsFile: null });
    expect((await client.listKnownHosts({ source: 'known_hosts' })).entries.map((e) => e.source)).toEqual(['known_hosts']);

    expect(await client.forgetHostKeys({ host: '192.0.2.21', port: 22 })).toEqual({ removed: 1 });
    const after = await client.listKnownHosts({});
    expect(after.entries.map((e) => [e.source, e.fingerprint])).toEqual([['known_hosts', key('host_ed25519').fp]]);
  });

  it('keeps the input strict', async () => {
    const { client } = start();
    expect(await rejectionOf(client.listKnownHosts({ source: 'everything' } as never))).toMatchObject({ code: 'invalid_input' });
    expect(await rejectionOf(client.listKnownHosts({ path: '/etc/ssh/ssh_known_hosts' } as never))).toMatchObject({ code: 'invalid_input' });
  });
});
