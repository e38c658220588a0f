// Persistent state of a simulated unit (what PID 1 would keep in memory):
// <node>/systemd/<unit>.json, plus the fail-on-start flag <unit>.fail and
// the log-rate knob <unit>.log-rate. A unit whose recorded main process died
// without `systemctl stop` reads as failed, as systemd would report it.
import fs from 'node:fs';
import path from 'node:path';
import { readJson, writeJson } from '../stateFiles.mjs';
import { isProcessAlive, sleep } from '../processes.mjs';
import { appendEntry, readTailEntries } from '../journal/journalFiles.mjs';

export function unitStatePath(paths, unitName) {
  return path.join(paths.systemd, `${unitName}.json`);
}

export function failFlagPath(paths, unitName) {
  return path.join(paths.systemd, `${unitName}.fail`);
}

export function logRatePath(paths, unitName) {
  return path.join(paths.systemd, `${unitName}.log-rate`);
}

const NEVER_STARTED = { active: 'inactive', sub: 'dead', result: 'success', pid: 0, nRestarts: 0 };

export function readUnitState(paths, unitName) {
  const stored = readJson(unitStatePath(paths, unitName), NEVER_STARTED);
  if (stored.active !== 'active' || isProcessAlive(stored.pid, stored.procStart)) return stored;
  // The main process died without `systemctl stop`: PID 1 would have noticed at once.
  const exit = readJson(path.join(paths.systemd, `${unitName}.exit.json`));
  const ownExit = exit && exit.pid === stored.pid;
  const failed = {
    ...stored,
    active: 'failed',
    sub: 'failed',
    result: ownExit ? 'exit-code' : 'signal',
    code: ownExit ? 'exited' : 'killed',
    status: ownExit ? exit.status : 'KILL',
    stoppedAt: ownExit ? exit.at : lastWriteMicros(paths, unitName, stored.startedAt),
    lastPid: stored.pid,
    pid: 0,
  };
  recordDeath(paths, unitName, failed);
  return failed;
}

/** The unit wrote its journal until it died: its last entry dates the death. */
function lastWriteMicros(paths, unitName, fallback) {
  const [last] = readTailEntries(paths, [unitName], 1);
  return last ? String(last.t + 1000n) : fallback;
}

/** The first reader that notices (and may write) records the failure and systemd's messages, once. */
function recordDeath(paths, unitName, failed) {
  if (process.getuid() !== 0) return;
  try {
    fs.writeFileSync(path.join(paths.systemd, `${unitName}.died-${failed.lastPid}`), '', { flag: 'wx' });
  } catch {
    return;
  }
  writeUnitState(paths, unitName, failed);
  const t = BigInt(failed.stoppedAt);
  const status = failed.code === 'killed' ? `code=killed, status=9/${failed.status}` : `code=exited, status=${failed.status}/FAILURE`;
  appendEntry(paths, unitName, { t: t + 1n, p: 5, pid: 1, id: 'systemd', m: `${unitName}.service: Main process exited, ${status}`, tr: 'journal' });
  appendEntry(paths, unitName, { t: t + 2n, p: 4, pid: 1, id: 'systemd', m: `${unitName}.service: Failed with result '${failed.result}'.`, tr: 'journal' });
}

export function writeUnitState(paths, unitName, state) {
  writeJson(unitStatePath(paths, unitName), state);
}

/** Serialises start/stop of one unit (two sweeps may restart it at once); a stale lock is taken over. */
export async function withUnitLock(paths, unitName, fn) {
  const lock = path.join(paths.systemd, `${unitName}.lock`);
  fs.mkdirSync(paths.systemd, { recursive: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(lock, 'utf8') || 0);
      } catch {
        continue;
      }
      if (!isProcessAlive(owner) || Date.now() > deadline) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
