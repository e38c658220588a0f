import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PortInUseError, startWebServer } from '../../../main/web/server';

describe('starting the web form', () => {
  it('prints a loopback URL with a fresh 192-bit token each start', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cd-web-start-'));
    try {
      const a = await startWebServer({ dataDir, port: 0 });
      await a.close();
      const b = await startWebServer({ dataDir, port: 0 });
      await b.close();
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
      expect(a.token).not.toBe(b.token);
      expect(a.host).toBe('127.0.0.1');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says the port is taken and how to choose another', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cd-web-port-'));
    const first = await startWebServer({ dataDir: path.join(dataDir, 'a'), port: 0 });
    try {
      const second = startWebServer({ dataDir: path.join(dataDir, 'b'), port: first.port });
      await expect(second).rejects.toBeInstanceOf(PortInUseError);
      await expect(second).rejects.toThrow(/already in use.*--port/);
    } finally {
      await first.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('never writes the token to the log file', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cd-web-log-'));
    try {
      const server = await startWebServer({ dataDir, port: 0 });
      // A refused socket is logged; its query (with a guessed token) must not be.
      await fetch(`http://127.0.0.1:${server.port}/rpc?token=${server.token}`, { headers: { Connection: 'Upgrade', Upgrade: 'websocket' } }).catch(
        () => undefined,
      );
      await server.close();
      const log = readFileSync(server.logFile, 'utf8');
      expect(log).toContain('web form started');
      expect(log).not.toContain(server.token);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
