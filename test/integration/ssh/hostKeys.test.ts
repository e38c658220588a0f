import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHostKeyCalls } from '../../../main/core/ssh/hostKeyCalls';
import { rotateHostKey, sshdLog } from '../../lab/faults';
import { labNode, readLabInfo } from '../../lab/labInfo';
import { createLabEngine, eventsOf, type LabEngine } from './labEngine';

let t: LabEngine;
const hostnameOf = async (nodeId: string, interactive = true) => (await t.engine.exec(nodeId, ['hostname'], { interactive })).stdout.trim();

/** Log lines sshd writes once a client reaches user authentication. */
const AUTH_LINE = /Accepted|Failed|Postponed|Invalid user|authentication|userauth/i;

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000, promptTimeoutMs: 5000 });
});
afterEach(async () => {
  t.resetListeners();
  await t.engine.pool.close();
  t.hostKeys.entries.splice(0);
  t.engine.trust.trustedOnce.clear();
});
afterAll(async () => {
  await t.engine.close();
});

describe('unknown host keys', () => {
  it('asks with type and SHA256 fingerprint, waits, and remembers on "trust and remember"', async () => {
    const m1 = labNode(t.lab, 'bai-m1');
    t.on('hostkey.prompt', (p) => {
      if (p.nodeId === 'bai-m1') t.engine.answerHostKeyPrompt(p.promptId, 'trust-remember');
    });
    expect(await hostnameOf('bai-m1')).toBe('bai-m1');
    const prompt = eventsOf(t.events, 'hostkey.prompt').find((p) => p.nodeId === 'bai-m1');
    expect(prompt).toMatchObject({ host: m1.host, port: 22, hop: 'node', keyType: 'ssh-ed25519', coveredByCertAuthority: false });
    expect(m1.hostKeyFingerprints).toContain(prompt?.fingerprint);
    expect(t.hostKeys.list()).toEqual([expect.objectContaining({ host: m1.host, port: 22, fingerprint: prompt?.fingerprint })]);
    expect(eventsOf(t.events, 'prompt.closed').map((e) => e.promptId)).toContain(prompt?.promptId);
  });

  it('sends nothing while the prompt is open, and nothing after "cancel"', async () => {
    const before = sshdLog('bai-a01').length;
    t.on('hostkey.prompt', (p) => {
      if (p.nodeId !== 'bai-a01') return;
      // Decide only after a pause: the handshake must be waiting, not racing ahead.
      setTimeout(() => {
        expect(sshdLog('bai-a01').slice(before)).not.toMatch(AUTH_LINE);
        t.engine.answerHostKeyPrompt(p.promptId, 'cancel');
      }, 700);
    });
    await expect(hostnameOf('bai-a01')).rejects.toMatchObject({ code: 'cancelled', message: expect.stringContaining('did not trust the host key') });
    await new Promise((r) => setTimeout(r, 300));
    expect(sshdLog('bai-a01').slice(before)).not.toMatch(AUTH_LINE);
    expect(t.hostKeys.list()).toEqual([]);
  });

  it('"trust once" connects without saving the key', async () => {
    t.on('hostkey.prompt', (p) => {
      if (p.nodeId === 'bai-a02') t.engine.answerHostKeyPrompt(p.promptId, 'trust-once');
    });
    expect(await hostnameOf('bai-a02')).toBe('bai-a02');
    expect(t.hostKeys.list()).toEqual([]);
  });

  it('fails fast with host_key_unknown for background work', async () => {
    const prompts = eventsOf(t.events, 'hostkey.prompt').length;
    await expect(hostnameOf('bai-m1', false)).rejects.toMatchObject({ code: 'host_key_unknown', message: expect.stringContaining('is not a known host yet') });
    expect(eventsOf(t.events, 'hostkey.prompt')).toHaveLength(prompts);
  });

  it('asks an operator who joined a background attempt that stopped at the unknown key', async () => {
    t.on('hostkey.prompt', (p) => {
      if (p.nodeId === 'bai-m1') t.engine.answerHostKeyPrompt(p.promptId, 'trust-once');
    });
    const promptsOf = () => eventsOf(t.events, 'hostkey.prompt').filter((p) => p.nodeId === 'bai-m1').length;
    const before = promptsOf();
    // Same tick: the operator's exec finds the background connection attempt already in flight.
    const background = hostnameOf('bai-m1', false);
    const operator = hostnameOf('bai-m1', true);
    await expect(background).rejects.toMatchObject({ code: 'host_key_unknown' });
    expect(await operator).toBe('bai-m1');
    expect(promptsOf() - before).toBe(1);
  });

  it('times out an unanswered prompt', async () => {
    await expect(hostnameOf('bai-m1')).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining('Nobody answered the host key question') });
  });
});

describe('keys known from ~/.ssh/known_hosts', () => {
  it('accepts a hashed entry without asking', async () => {
    const m1 = labNode(t.lab, 'bai-m1');
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update(m1.host).digest('base64');
    const ed = m1.hostKeys.find((k) => k.type === 'ssh-ed25519');
    mkdirSync(join(t.homeDir, '.ssh'), { recursive: true });
    writeFileSync(join(t.homeDir, '.ssh', 'known_hosts'), `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${ed?.publicKey}\n`);
    const prompts = eventsOf(t.events, 'hostkey.prompt').length;
    expect(await hostnameOf('bai-m1', false)).toBe('bai-m1');
    expect(eventsOf(t.events, 'hostkey.prompt')).toHaveLength(prompts);
    writeFileSync(join(t.homeDir, '.ssh', 'known_hosts'), '');
  });

  it('refuses a key marked @revoked', async () => {
    const m1 = labNode(t.lab, 'bai-m1');
    const ed = m1.hostKeys.find((k) => k.type === 'ssh-ed25519');
    writeFileSync(join(t.homeDir, '.ssh', 'known_hosts'), `@revoked * ssh-ed25519 ${ed?.publicKey}\n`);
    await expect(hostnameOf('bai-m1')).rejects.toMatchObject({ code: 'host_key_changed', message: expect.stringContaining('marks as revoked') });
    writeFileSync(join(t.homeDir, '.ssh', 'known_hosts'), '');
  });
});

describe('changed host keys', () => {
  it('refuses a changed key before sending anything, then "Replace key" and re-key work', async () => {
    const old = labNode(readLabInfo(), 'bai-a02');
    const oldEd = old.hostKeys.find((k) => k.type === 'ssh-ed25519');
    t.hostKeys.save(old.host, old.port, 'ssh-ed25519', oldEd?.publicKey ?? '');
    expect(await hostnameOf('bai-a02')).toBe('bai-a02');
    await t.engine.pool.close();

    const fresh = await rotateHostKey('bai-a02');
    const newEd = fresh.hostKeys.find((k) => k.type === 'ssh-ed25519');
    const before = sshdLog('bai-a02').length;
    const err = await t.engine.exec('bai-a02', ['hostname']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'host_key_changed' });
    const message = (err as Error).message;
    const oldFp = old.hostKeyFingerprints.find((f) => message.includes(f));
    const newFp = fresh.hostKeyFingerprints.find((f) => message.includes(f));
    expect(oldFp && newFp && oldFp !== newFp).toBe(true);
    expect(message).toMatch(/saved on \d{4}-\d\d-\d\d/);
    expect(message).toContain('choose Replace key');
    // The same facts travel as structured detail, for the side-by-side view.
    expect((err as { hostKeyChange?: unknown }).hostKeyChange).toMatchObject({
      host: old.host,
      port: old.port,
      savedFingerprint: oldFp,
      presentedFingerprint: newFp,
      savedInFile: null,
    });
    // sshd saw the connection but no authentication attempt at all.
    await new Promise((r) => setTimeout(r, 300));
    const log = sshdLog('bai-a02').slice(before);
    expect(log).toMatch(/Connection (from|closed|reset)|kex|preauth/i);
    expect(log).not.toMatch(AUTH_LINE);

    const calls = createHostKeyCalls(t.engine);
    const rekey = await calls.rekeyNodes(['bai-a02', 'bai-m1']);
    expect(rekey[0]).toMatchObject({ nodeId: 'bai-a02', status: 'changed', previousFingerprint: oldFp, fingerprint: newFp });
    expect(rekey[1]).toMatchObject({ nodeId: 'bai-m1', status: 'new' });

    await expect(calls.replaceHostKey('bai-a02', old.hostKeyFingerprints[0] ?? '')).rejects.toMatchObject({ code: 'conflict' });
    const replaced = await calls.replaceHostKey('bai-a02', newFp ?? '');
    expect(replaced).toMatchObject({ host: old.host, keyType: 'ssh-ed25519', fingerprint: newFp });
    expect(t.hostKeys.listFor(old.host, 22).map((k) => k.keyBase64)).toEqual([newEd?.publicKey]);
    expect(await hostnameOf('bai-a02', false)).toBe('bai-a02');

    expect(await calls.forgetHostKeys(old.host, 22)).toEqual({ removed: 1 });
    await t.engine.pool.close();
    await expect(hostnameOf('bai-a02', false)).rejects.toMatchObject({ code: 'host_key_unknown' });
  });
});
