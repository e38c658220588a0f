// start / stop / restart of a simulated unit, done the way PID 1 would: the
// main process is a detached child that reports readiness on fd 3 (like
// Type=notify), the job waits for it, and systemd's own journal messages are
// written to the unit's journal (systemd 252 wording, unit name + description).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { appendEntry, nowMicros } from '../journal/journalFiles.mjs';
import { processStartTime, stopProcess, isProcessAlive } from '../processes.mjs';
import { readUnitState, writeUnitState, withUnitLock } from './unitState.mjs';
import { labRoot } from '../labPaths.mjs';

const UNIT_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'unitProcess.mjs');
const START_TIMEOUT_MS = 20_000;
// process.title can only reuse the memory of the original argv: leave room for the service's command line.
const TITLE_ROOM = '.'.repeat(96);
const STOP_TIMEOUT_MS = 10_000;

function systemdSays(paths, unit, message, priority = 6) {
  appendEntry(paths, unit.name, { p: priority, pid: 1, id: 'systemd', m: message, tr: 'journal' });
}

function cpuSeconds(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

function formatCpu(seconds) {
  return seconds >= 1 ? `${seconds.toFixed(3)}s` : `${Math.round(seconds * 1000)}ms`;
}

/** Returns { ok: true } or { ok: false, result } after the job finished, like `systemctl start` waits for its job. */
export function startUnit(paths, unit) {
  return withUnitLock(paths, unit.name, () => startLocked(paths, unit));
}

async function startLocked(paths, unit) {
  const before = readUnitState(paths, unit.name);
  if (before.active === 'active') return { ok: true };
  fs.rmSync(path.join(paths.systemd, `${unit.name}.exit.json`), { force: true });
  for (const f of fs.readdirSync(paths.systemd)) if (f.startsWith(`${unit.name}.died-`)) fs.rmSync(path.join(paths.systemd, f), { force: true });
  systemdSays(paths, unit, `Starting ${unit.name}.service - ${unit.description}...`);
  const child = spawn(process.execPath, [UNIT_PROCESS, unit.name, TITLE_ROOM], {
    detached: true,
    cwd: '/',
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LAB_ROOT: labRoot, CDLAB_NODE: paths.root, LANG: 'C.UTF-8', ...(process.env.TZ ? { TZ: process.env.TZ } : {}) },
  });
  const startedAt = nowMicros();
  const outcome = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), START_TIMEOUT_MS);
    child.stdio[3].on('data', (data) => {
      if (String(data).includes('READY=1')) {
        clearTimeout(timer);
        resolve({ kind: 'ready' });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ kind: 'exit', code, signal });
    });
  });
  const base = { nRestarts: before.nRestarts ?? 0, invocationId: randomBytes(16).toString('hex'), startedAt: String(startedAt) };
  if (outcome.kind === 'ready') {
    child.stdio[3].destroy();
    child.unref();
    writeUnitState(paths, unit.name, { ...base, active: 'active', sub: 'running', result: 'success', pid: child.pid, procStart: processStartTime(child.pid) });
    systemdSays(paths, unit, `Started ${unit.name}.service - ${unit.description}.`);
    return { ok: true };
  }
  if (outcome.kind === 'timeout') {
    await stopProcess(child.pid, null, 'SIGTERM', 2000);
    systemdSays(paths, unit, `${unit.name}.service: start operation timed out. Terminating.`, 3);
  }
  const result = outcome.kind === 'timeout' ? 'timeout' : outcome.signal ? 'signal' : 'exit-code';
  const code = outcome.signal ? 'killed' : 'exited';
  const status = outcome.signal ? outcome.signal.replace(/^SIG/, '') : outcome.code ?? 1;
  const statusText = code === 'killed' ? `signal=${status}` : `status=${status}/${status === 0 ? 'SUCCESS' : 'FAILURE'}`;
  systemdSays(paths, unit, `${unit.name}.service: Main process exited, code=${code}, ${statusText}`, 5);
  systemdSays(paths, unit, `${unit.name}.service: Failed with result '${result}'.`, 4);
  systemdSays(paths, unit, `Failed to start ${unit.name}.service - ${unit.description}.`, 3);
  writeUnitState(paths, unit.name, { ...base, active: 'failed', sub: 'failed', result, code, status, pid: 0, lastPid: child.pid, stoppedAt: String(nowMicros()), cpu: 0.2 });
  return { ok: false, result };
}

export function stopUnit(paths, unit) {
  return withUnitLock(paths, unit.name, () => stopLocked(paths, unit));
}

async function stopLocked(paths, unit) {
  const state = readUnitState(paths, unit.name);
  if (state.active !== 'active') return { ok: true };
  systemdSays(paths, unit, `Stopping ${unit.name}.service - ${unit.description}...`);
  const cpu = cpuSeconds(state.pid);
  const how = await stopProcess(state.pid, state.procStart, 'SIGTERM', STOP_TIMEOUT_MS);
  const killed = how === 'killed';
  if (killed) systemdSays(paths, unit, `${unit.name}.service: State 'stop-sigterm' timed out. Killing.`, 4);
  writeUnitState(paths, unit.name, {
    ...state,
    active: 'inactive',
    sub: 'dead',
    result: killed ? 'timeout' : 'success',
    code: killed ? 'killed' : 'exited',
    status: killed ? 'KILL' : 0,
    lastPid: state.pid,
    pid: 0,
    stoppedAt: String(nowMicros()),
    cpu,
  });
  if (!killed) systemdSays(paths, unit, `${unit.name}.service: Deactivated successfully.`);
  systemdSays(paths, unit, `Stopped ${unit.name}.service - ${unit.description}.`);
  systemdSays(paths, unit, `${unit.name}.service: Consumed ${formatCpu(cpu)} CPU time.`);
  return { ok: true };
}

export async function restartUnit(paths, unit) {
  await stopUnit(paths, unit);
  return startUnit(paths, unit);
}

/** `systemctl reset-failed`: a failed unit becomes inactive (dead). */
export function resetFailed(paths, unit) {
  const state = readUnitState(paths, unit.name);
  if (state.active === 'failed') writeUnitState(paths, unit.name, { ...state, active: 'inactive', sub: 'dead', result: 'success', pid: 0 });
}

export function isUnitRunning(paths, unit) {
  const state = readUnitState(paths, unit.name);
  return state.active === 'active' && isProcessAlive(state.pid, state.procStart);
}
