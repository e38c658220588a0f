import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redactDetail, redactText } from '../../../main/core/log/fileLogger';

describe('the app log redacts secrets', () => {
  it('drops values under keys that name a secret', () => {
    expect(
      redactDetail({ passphrase: 'hunter22', nested: { sudoPassword: 'x', answers: ['123456'], keyPath: '~/.ssh/id' }, token: 'abc' }),
    ).toEqual({ passphrase: '[redacted]', nested: { sudoPassword: '[redacted]', answers: '[redacted]', keyPath: '~/.ssh/id' }, token: '[redacted]' });
  });

  it('masks secret-looking text inside messages', () => {
    expect(redactText('GET /rpc?token=AbC_123-x&x=1')).toBe('GET /rpc?token=[redacted]&x=1');
    expect(redactText('password=s3cret; next')).toBe('password=[redacted]; next');
    expect(redactText('key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz\n-----END OPENSSH PRIVATE KEY-----\nafter')).toBe('key:\n[redacted]\nafter');
  });

  it('writes one JSON line per entry, redacted', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cd-log-'));
    try {
      const logger = createFileLogger(dir);
      logger.warn('login failed for password=abc', { password: 'abc', host: 'bai-a01' });
      const lines = readFileSync(logger.file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0] ?? '') as { level: string; message: string; detail: Record<string, unknown> };
      expect(entry.level).toBe('warn');
      expect(entry.message).toBe('login failed for password=[redacted]');
      expect(entry.detail).toEqual({ password: '[redacted]', host: 'bai-a01' });
      expect(readFileSync(logger.file, 'utf8')).not.toContain('abc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stamps each entry with the given clock', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cd-log-'));
    try {
      const logger = createFileLogger(dir, { now: () => new Date('2026-11-02T10:00:00Z') });
      logger.info('Refused an IPC call.', { method: 'listClusters' });
      expect(JSON.parse(readFileSync(logger.file, 'utf8'))).toEqual({
        at: '2026-11-02T10:00:00.000Z',
        level: 'info',
        message: 'Refused an IPC call.',
        detail: { method: 'listClusters' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts a new file when the old one passed 5 MB, keeping one previous', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cd-log-'));
    try {
      const old = path.join(dir, 'clusterdeck.log');
      writeFileSync(old, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
      createFileLogger(dir).info('fresh');
      expect(statSync(`${old}.1`).size).toBe(5 * 1024 * 1024 + 1);
      expect(readFileSync(old, 'utf8')).toContain('fresh');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
