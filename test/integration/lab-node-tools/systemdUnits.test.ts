/**
 * The simulated systemd of a lab node: units are real processes that really
 * stop and start, fail on demand, and write a journal that journalctl filters
 * and follows. Runs the tools directly in a private namespace (see testNode.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNode, isProcessRunning, waitFor, type TestNode } from './testNode';

let node: TestNode;

beforeAll(() => {
  node = createTestNode('bai-m1', ['manager', 'webserver']);
});

afterAll(() => {
  node?.destroy();
});

function mainPid(unit: string): number {
  return Number(node.run(['systemctl', 'show', unit, '-p', 'MainPID', '--value']).stdout.trim());
}

describe('systemctl', () => {
  it('stop really ends the unit process and is-active then says inactive', () => {
    const pid = mainPid('backendai-manager');
    expect(pid).toBeGreaterThan(0);
    expect(isProcessRunning(pid)).toBe(true);
    expect(node.run(['systemctl', 'stop', 'backendai-manager']).code).toBe(0);
    expect(isProcessRunning(pid)).toBe(false);
    const active = node.run(['systemctl', 'is-active', 'backendai-manager']);
    expect(active).toMatchObject({ code: 3, stdout: 'inactive\n' });
    const status = node.run(['systemctl', 'status', 'backendai-manager']);
    expect(status.code).toBe(3);
    expect(status.stdout).toMatch(/^○ backendai-manager\.service - Backend\.AI Manager\n/);
    expect(status.stdout).toContain('Active: inactive (dead) since ');
    expect(status.stdout).toContain('systemd[1]: Stopped backendai-manager.service - Backend.AI Manager.');
  });

  it('start starts a new process that ps shows as the Backend.AI service', () => {
    expect(node.run(['systemctl', 'start', 'backendai-manager']).code).toBe(0);
    const pid = mainPid('backendai-manager');
    expect(isProcessRunning(pid)).toBe(true);
    expect(node.run(['ps', '-o', 'args=', '-p', String(pid)]).stdout).toContain('python -m ai.backend.manager.server');
    expect(node.run(['systemctl', 'is-active', 'backendai-manager'])).toMatchObject({ code: 0, stdout: 'active\n' });
  });

  it('a unit told to fail does not start, reads failed, and its journal says why', () => {
    expect(node.run(['lab-unit-fail', 'backendai-manager', 'on', 'lab says no']).code).toBe(0);
    const restart = node.run(['systemctl', 'restart', 'backendai-manager']);
    expect(restart.code).toBe(1);
    expect(restart.stderr).toBe(
      'Job for backendai-manager.service failed because the control process exited with error code.\n'
      + 'See "systemctl status backendai-manager.service" and "journalctl -xeu backendai-manager.service" for details.\n',
    );
    expect(node.run(['systemctl', 'is-failed', 'backendai-manager'])).toMatchObject({ code: 0, stdout: 'failed\n' });
    const show = node.run(['systemctl', 'show', 'backendai-manager', '-p', 'ActiveState,Result,MainPID']).stdout;
    expect(show).toBe('MainPID=0\nResult=exit-code\nActiveState=failed\n');
    const journal = node.run(['journalctl', '-u', 'backendai-manager', '-n', '8', '--no-pager']).stdout;
    expect(journal).toContain('Unhandled error during server startup: lab says no');
    expect(journal).toContain("backendai-manager.service: Failed with result 'exit-code'.");
    expect(node.run(['lab-unit-fail', 'backendai-manager', 'off']).code).toBe(0);
    expect(node.run(['systemctl', 'start', 'backendai-manager']).code).toBe(0);
  });

  it('reports a unit whose process was killed from outside as failed, with systemd\'s messages', async () => {
    const pid = mainPid('backendai-webserver');
    process.kill(pid, 'SIGKILL');
    await waitFor(() => isProcessRunning(pid), (running) => !running, 5_000, `pid ${pid} to die`);
    const status = node.run(['systemctl', 'status', 'backendai-webserver', '-n', '2']);
    expect(status.code).toBe(3);
    expect(status.stdout).toContain('Active: failed (Result: signal) since ');
    expect(status.stdout).toContain(`Main PID: ${pid} (code=killed, signal=KILL)`);
    expect(status.stdout).toContain("systemd[1]: backendai-webserver.service: Failed with result 'signal'.");
    expect(node.run(['systemctl', 'start', 'backendai-webserver']).code).toBe(0);
    expect(node.run(['systemctl', 'is-active', 'backendai-webserver']).stdout).toBe('active\n');
  });

  it('refuses to change units for a non-root user, as systemd without polkit does', () => {
    const r = node.run(['systemctl', 'stop', 'backendai-manager'], { user: 'nobody' });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Failed to stop backendai-manager.service: Interactive authentication required.');
    expect(node.run(['systemctl', 'is-active', 'backendai-manager'], { user: 'nobody' }).stdout).toBe('active\n');
  });

  it('resolves the guide\'s backendai-console-server name to the webserver unit', () => {
    const status = node.run(['systemctl', 'status', 'backendai-console-server', '-n', '0']);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n')[0]).toBe('● backendai-webserver.service - Backend.AI Web Server');
    expect(node.run(['systemctl', 'status', 'backendai-nothing']).code).toBe(4);
  });
});

describe('journalctl', () => {
  it('-p err keeps only errors and their tracebacks', async () => {
    const lines = await waitFor(
      () => node.run(['journalctl', '-u', 'backendai-webserver', '-p', 'err', '-o', 'cat']).stdout.trim().split('\n'),
      (l) => l.some((x) => x.includes(' ERROR ')),
      10_000,
      'an ERROR line in the webserver journal',
    );
    for (const line of lines) expect(line).toMatch(/ ERROR |^Traceback|^ {2}File |^ {4}|^[\w.]+(Error|Exception)\b/);
    const info = node.run(['journalctl', '-u', 'backendai-webserver', '-p', 'info', '-o', 'cat']).stdout;
    expect(info).toContain(' INFO ');
    expect(info).not.toContain(' DEBUG ');
  });

  it('-f streams lines written after it started and ends on SIGTERM', async () => {
    const started = Date.now();
    const follower = node.spawn(['journalctl', '-f', '-n', '0', '-u', 'backendai-manager', '-o', 'short-iso']);
    let out = '';
    follower.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const lines = await waitFor(() => out.split('\n').filter(Boolean), (l) => l.length >= 3, 10_000, 'three followed lines');
    for (const line of lines) {
      const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\+0000 bai-m1 python\[\d+\]: /.exec(line);
      expect(stamp, line).not.toBeNull();
      expect(Date.parse(`${stamp?.[1]}Z`)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    }
    const exited = new Promise<number | null>((resolve) => follower.on('exit', (code) => resolve(code)));
    follower.kill('SIGTERM');
    // The follower's own handler ends it cleanly (a default SIGTERM death would give null).
    expect(await exited).toBe(0);
    expect(isProcessRunning(follower.pid ?? 0)).toBe(false);
  });

  it('refuses the ISO "T" timestamp as systemd 252 does, and accepts relative ones', () => {
    const iso = node.run(['journalctl', '--since', '2024-04-23T10:00:00']);
    expect(iso).toMatchObject({ code: 1, stderr: 'Failed to parse timestamp: 2024-04-23T10:00:00\n' });
    const recent = node.run(['journalctl', '-u', 'backendai-manager', '--since', '-2min', '-o', 'cat']);
    expect(recent.code).toBe(0);
    expect(recent.stdout).toContain('ai.backend.manager.server');
    expect(node.run(['journalctl', '-u', 'backendai-manager', '--since', 'tomorrow']).stdout).toBe('-- No entries --\n');
  });
});
