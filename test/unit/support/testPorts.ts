/**
 * Real ports for unit tests: a temp data dir, a fixed clock, a log that keeps
 * what core wrote, and a small AES-GCM cipher with a fixed test key (the real
 * ciphers live in main/electron and main/web).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorePorts, Logger, SecretCipher } from '../../../main/core/ports';

const TEST_KEY = Buffer.alloc(32, 7);

export function testCipher(available = true): SecretCipher {
  return {
    isAvailable: () => available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', TEST_KEY, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', TEST_KEY, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  detail?: Record<string, unknown>;
}

export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, detail?: Record<string, unknown>) => {
    lines.push(detail ? { level, message, detail } : { level, message });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export function tempDir(prefix = 'clusterdeck-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Ports rooted in `root` (default: a fresh temp dir); the clock ticks one second per reading. */
export function testPorts(root = tempDir(), overrides: Partial<CorePorts> = {}): CorePorts & { logger: ReturnType<typeof memoryLogger> } {
  let tick = Date.parse('2026-03-01T09:00:00.000Z');
  return {
    form: 'web',
    version: '0.1.0-test',
    paths: {
      dataDir: join(root, 'data'),
      backupsDir: join(root, 'backups'),
      logsDir: join(root, 'logs'),
      homeDir: join(root, 'home'),
    },
    secrets: testCipher(),
    now: () => new Date((tick += 1000)),
    actor: 'operator',
    ...overrides,
    logger: memoryLogger(),
  };
}
