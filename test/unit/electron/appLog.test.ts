import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, redactDetail } from '../../../main/electron/appLog';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterdeck-log-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the app log', () => {
  it('writes one JSON line per entry with time, level, message and detail', () => {
    const dir = tempDir();
    const logger = createFileLogger(path.join(dir, 'logs'), () => new Date('2026-11-02T10:00:00Z'), false);
    logger.warn('Refused an IPC call.', { method: 'listClusters' });
    const lines = fs.readFileSync(path.join(dir, 'logs', 'clusterdeck.log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { at: '2026-11-02T10:00:00.000Z', level: 'warn', message: 'Refused an IPC call.', detail: { method: 'listClusters' } },
    ]);
  });

  it('never writes values under secret-looking keys', () => {
    const dir = tempDir();
    const logger = createFileLogger(dir, () => new Date(), false);
    logger.error('auth failed', { password: 'hunter2', sudoPassword: 'x', privateKey: 'k', token: 't', host: 'bai-a01' });
    const text = fs.readFileSync(path.join(dir, 'clusterdeck.log'), 'utf8');
    expect(text).not.toMatch(/hunter2|"x"|"k"|"t"/);
    expect(text).toContain('bai-a01');
    expect(redactDetail({ keyPath: '~/.ssh/id_ed25519' })).toEqual({ keyPath: '~/.ssh/id_ed25519' });
  });

  it('starts a new file when the old one passed 5 MB, keeping one previous', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'clusterdeck.log'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    createFileLogger(dir, () => new Date(), false).info('fresh');
    expect(fs.statSync(path.join(dir, 'clusterdeck.log.1')).size).toBe(5 * 1024 * 1024 + 1);
    expect(fs.readFileSync(path.join(dir, 'clusterdeck.log'), 'utf8')).toContain('fresh');
  });
});
