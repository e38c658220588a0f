// The simulated journal: one append-only JSON-lines file per unit under
// <node>/journal/. An entry is { t: µs since epoch, p: priority 0-7, pid,
// id: SYSLOG_IDENTIFIER, m: MESSAGE, tr: _TRANSPORT }. Each entry is written
// with one O_APPEND write, so the unit process and systemctl may both append.
import fs from 'node:fs';
import path from 'node:path';

export function journalFile(paths, unit) {
  return path.join(paths.journal, `${unit}.jsonl`);
}

let lastMicros = 0n;

/** Wall-clock µs, strictly increasing within a process so entries written in one burst keep their order. */
export function nowMicros() {
  const now = BigInt(Date.now()) * 1000n;
  lastMicros = now > lastMicros ? now : lastMicros + 1n;
  return lastMicros;
}

export function appendEntry(paths, unit, entry) {
  const line = JSON.stringify({ t: String(entry.t ?? nowMicros()), p: entry.p ?? 6, pid: entry.pid, id: entry.id, m: entry.m, tr: entry.tr ?? 'stdout' });
  fs.mkdirSync(paths.journal, { recursive: true, mode: 0o755 });
  fs.appendFileSync(journalFile(paths, unit), `${line}\n`, { mode: 0o644 });
}

function parseLines(text, unit, out) {
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line);
      out.push({ ...e, t: BigInt(e.t), unit });
    } catch {
      // A torn line at the very end of a file being written: skip it.
    }
  }
}

/** Reads every entry of the given units, merged in time order. */
export function readAllEntries(paths, units) {
  const out = [];
  for (const unit of units) {
    let text = '';
    try {
      text = fs.readFileSync(journalFile(paths, unit), 'utf8');
    } catch {
      continue;
    }
    parseLines(text, unit, out);
  }
  return sortEntries(out);
}

export function sortEntries(entries) {
  return entries.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
}

/** Reads about the last `count` entries of each unit without reading whole (possibly flooded) files. */
export function readTailEntries(paths, units, count) {
  const out = [];
  for (const unit of units) {
    const file = journalFile(paths, unit);
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      continue;
    }
    try {
      const size = fs.fstatSync(fd).size;
      let chunk = Math.max(65536, count * 512);
      for (;;) {
        const start = Math.max(0, size - chunk);
        const buf = Buffer.alloc(size - start);
        fs.readSync(fd, buf, 0, buf.length, start);
        let text = buf.toString('utf8');
        if (start > 0) text = text.slice(text.indexOf('\n') + 1);
        const lines = text.split('\n').filter(Boolean);
        if (lines.length >= count || start === 0) {
          parseLines(lines.slice(-count).join('\n'), unit, out);
          break;
        }
        chunk *= 4;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return sortEntries(out).slice(-count);
}

/** Current end offsets, so a follower reads only what is appended after it started. */
export function journalOffsets(paths, units) {
  const offsets = new Map();
  for (const unit of units) {
    try {
      offsets.set(unit, fs.statSync(journalFile(paths, unit)).size);
    } catch {
      offsets.set(unit, 0);
    }
  }
  return offsets;
}

/** Reads complete lines appended since the given offsets; updates the offsets. */
export function readAppended(paths, offsets) {
  const out = [];
  for (const [unit, offset] of offsets) {
    const file = journalFile(paths, unit);
    let size;
    try {
      size = fs.statSync(file).size;
    } catch {
      continue;
    }
    if (size < offset) offsets.set(unit, 0);
    if (size <= offsets.get(unit)) continue;
    const fd = fs.openSync(file, 'r');
    try {
      const from = offsets.get(unit);
      const buf = Buffer.alloc(size - from);
      fs.readSync(fd, buf, 0, buf.length, from);
      const end = buf.lastIndexOf(0x0a);
      if (end === -1) continue;
      offsets.set(unit, from + end + 1);
      parseLines(buf.subarray(0, end).toString('utf8'), unit, out);
    } finally {
      fs.closeSync(fd);
    }
  }
  return sortEntries(out);
}
