/**
 * One lab operation (up, down) at a time on this machine: several people and
 * test runs share it, and two `up`s interleaving would tear each other's
 * namespaces down. The lock is a directory (mkdir is atomic) holding the
 * owner's pid; a lock whose owner died is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

const LOCK_DIR = '/run/cdlab.lock';
const WAIT_MS = 180_000;

function ownerPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryTake(): boolean {
  try {
    fs.mkdirSync(LOCK_DIR);
  } catch {
    return false;
  }
  fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
  return true;
}

let heldHere = 0;

/** Runs `work` holding the machine-wide lab lock; re-entrant within one process. */
export async function withLabLock<T>(what: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  if (heldHere > 0) return nested(work);
  const deadline = Date.now() + WAIT_MS;
  let told = false;
  while (!tryTake()) {
    const owner = ownerPid();
    // No pid yet means the owner is between mkdir and writing it; judge only a known, dead owner.
    if (owner !== null && !isAlive(owner)) {
      fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another lab operation (pid ${owner ?? '?'}) has held ${LOCK_DIR} for over ${WAIT_MS / 1000} s, so ${what} gave up. ` +
          `If no lab command is running, remove ${LOCK_DIR}.`,
      );
    }
    if (!told) log(`lab: waiting for another lab operation (pid ${owner ?? '?'}) to finish before ${what}...`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await nested(work);
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

async function nested<T>(work: () => Promise<T>): Promise<T> {
  heldHere += 1;
  try {
    return await work();
  } finally {
    heldHere -= 1;
  }
}
