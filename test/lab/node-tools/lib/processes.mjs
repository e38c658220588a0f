// Liveness of the processes the simulated daemons started. A pid alone can be
// reused, so a saved pid is paired with its kernel start time (/proc/PID/stat
// field 22); a zombie counts as dead because nothing may ever reap it here.
import fs from 'node:fs';

function readStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return null;
  }
}

/** Kernel start time of a pid (clock ticks since boot), used as its identity. */
export function processStartTime(pid) {
  return readStat(pid)?.startTime ?? null;
}

export function isProcessAlive(pid, startTime = null) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const stat = readStat(pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  return startTime === null || startTime === undefined || stat.startTime === startTime;
}

export function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Signals the whole process group (daemons are started as group leaders). */
export function signalGroup(pid, signal) {
  return signalProcess(-pid, signal) || signalProcess(pid, signal);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the process is gone; returns false on timeout. */
export async function waitForExit(pid, startTime, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid, startTime)) return true;
    await sleep(25);
  }
  return !isProcessAlive(pid, startTime);
}

/** Graceful stop: the given signal, then SIGKILL to the group after timeoutMs. */
export async function stopProcess(pid, startTime, signal, timeoutMs) {
  if (!isProcessAlive(pid, startTime)) return 'gone';
  signalProcess(pid, signal);
  if (await waitForExit(pid, startTime, timeoutMs)) return 'stopped';
  signalGroup(pid, 'SIGKILL');
  await waitForExit(pid, startTime, 2000);
  return 'killed';
}
