// The main process of a simulated Backend.AI unit: started by `systemctl start`,
// it renames itself like the real service (ps shows "…/python -m ai.backend…"),
// writes log lines to the unit's journal at a modest rate (or a flood rate set
// with lab-unit-log-rate), signals readiness on fd 3 like sd_notify, and ends
// cleanly on SIGTERM. With the unit's fail flag set it logs why and exits 1.
import fs from 'node:fs';
import { nodePaths, readNodeConfig } from '../labPaths.mjs';
import { findUnit } from './unitCatalog.mjs';
import { failFlagPath, logRatePath } from './unitState.mjs';
import { journalFile } from '../journal/journalFiles.mjs';
import { renderRecord, startupRecords, failedStartRecords, steadyRecord, shutdownRecords, earlyErrorRecord } from './logLines.mjs';

const [unitName] = process.argv.slice(2);
const paths = nodePaths();
const unit = findUnit(paths, unitName);
if (!unit) process.exit(5);

process.title = unit.execStart;
try {
  fs.writeFileSync('/proc/self/comm', 'python');
} catch {
  // Cosmetic only (ps -o comm); some kernels refuse it.
}

fs.mkdirSync(paths.journal, { recursive: true });
const journalFd = fs.openSync(journalFile(paths, unit.name), 'a', 0o644);

function emit(record) {
  const entries = renderRecord(record, process.pid);
  const micros = BigInt(Date.now()) * 1000n;
  const text = entries.map((e, i) => JSON.stringify({ t: String(micros + BigInt(i)), p: e.p, pid: process.pid, id: 'python', m: e.m, tr: 'stdout' })).join('\n');
  fs.writeSync(journalFd, `${text}\n`);
}

function notifyReady() {
  try {
    fs.writeSync(3, 'READY=1\n');
    fs.closeSync(3);
  } catch {
    // Started without a notify pipe (by hand): nothing to tell.
  }
}

function readRate() {
  try {
    const value = Number(fs.readFileSync(logRatePath(paths, unit.name), 'utf8').trim());
    if (Number.isFinite(value) && value >= 0) return value;
  } catch {
    // No per-unit knob: the node default.
  }
  return Number(readNodeConfig(paths)?.logRate ?? 2);
}

function exitWithStatus(status) {
  fs.writeFileSync(`${paths.systemd}/${unit.name}.exit.json`, JSON.stringify({ pid: process.pid, status, at: String(BigInt(Date.now()) * 1000n) }));
  process.exit(status);
}

process.on('uncaughtException', (err) => {
  emit({ level: 'ERROR', logger: unit.loggers[0], message: `unexpected error: ${err.message}` });
  exitWithStatus(1);
});

let failReason = null;
try {
  failReason = fs.readFileSync(failFlagPath(paths, unit.name), 'utf8').trim() || 'etcd config validation failed: [config/redis/addr] value is required';
} catch {
  failReason = null;
}

if (failReason) {
  for (const record of failedStartRecords(unit, failReason)) emit(record);
  setTimeout(() => exitWithStatus(1), 200);
} else {
  for (const record of startupRecords(unit, paths.name)) emit(record);
  notifyReady();
  run();
}

function run() {
  let rate = readRate();
  let owed = 0;
  let last = Date.now();
  const tick = setInterval(() => {
    const now = Date.now();
    owed += ((now - last) / 1000) * rate;
    last = now;
    // Bounded per tick so a huge rate cannot starve the signal handlers.
    const due = Math.min(Math.floor(owed), 5000);
    owed -= due;
    for (let i = 0; i < due; i += 1) emit(steadyRecord(unit));
  }, 100);
  const rateCheck = setInterval(() => {
    rate = readRate();
  }, 1000);
  const firstError = setTimeout(() => emit(earlyErrorRecord(unit)), 1500);
  const stop = () => {
    clearInterval(tick);
    clearInterval(rateCheck);
    clearTimeout(firstError);
    for (const record of shutdownRecords(unit)) emit(record);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', () => emit({ level: 'INFO', logger: unit.loggers[0], message: 'reloading configuration (SIGHUP)' }));
}
